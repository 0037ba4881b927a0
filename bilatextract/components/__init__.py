"""The spaCy components, one per entity type, registered as factories by name.

Importing this package registers ``bilat_ministries``, ``bilat_ministers``,
``bilat_dates`` and ``bilat_agreements`` (the ``spacy_factories`` entry points do the same
for a user's own pipeline without importing bilatextract).
"""

from . import agreements, dates, ministers, ministries  # noqa: F401  (registers the factories)
from .base import SPAN_KEY, register_extensions

__all__ = ["SPAN_KEY", "register_extensions"]
