"""Importing the optional dependencies of the integrations, with an error that says what to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import BilatextractError


class MissingDependencyError(BilatextractError, ImportError):
    """An optional dependency (pandas, dask, ...) is needed for this feature and is not installed."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingDependencyError` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingDependencyError(
            f"{feature} needs {module.split('.')[0]}, which is not installed; "
            f"install it with: pip install '.[{extra}]' in the bilatextract checkout "
            f"(the {extra!r} extra), or pip install {module.split('.')[0]}"
        ) from e
