"""TIMEX3 normalisation in two phases, as HeidelTime does it.

The ``bilat_dates`` component writes what the text alone says (``attrs["value"]``, which
may be underspecified, e.g. ``XXXX-10-14``, plus cues); :func:`resolve` anchors it to the
reference date after the pipeline. :func:`find_dateline` picks the document's own date
from its header lines. The patterns live in :mod:`bilatextract.timex.grammar`.
"""

from __future__ import annotations

from .grammar import Candidate, Grammar
from .resolve import find_dateline, resolve

__all__ = ["Candidate", "Grammar", "find_dateline", "resolve"]
