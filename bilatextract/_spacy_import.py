"""Importing spaCy without its command line.

``import spacy`` also imports ``spacy.cli`` (typer, weasel, jinja2, httpx, ...) for the sake
of one name, ``spacy.info``: about a quarter of a second of bilatextract's cold start, for
code bilatextract never runs. When bilatextract is the first to import spaCy, it does so with
a stand-in for ``spacy.cli.info`` whose ``info`` imports the real one on first call, and gives
the ``spacy`` module a module ``__getattr__`` so that ``spacy.cli`` still resolves (and
imports the real command line) on first use. ``import spacy.cli`` and ``python -m spacy``
work as always. If spaCy is already imported, or anything here fails, spaCy is imported the
ordinary way.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from ._gc import paused

_CLI = "spacy.cli"
_CLI_INFO = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _spacy_getattr(name: str) -> Any:
    if name == "cli":
        return importlib.import_module(_CLI)
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def import_spacy() -> None:
    """Import spaCy, skipping its command line if this is the first import of spaCy."""
    if "spacy" in sys.modules or _CLI in sys.modules:
        return
    package = types.ModuleType(_CLI)
    package.__path__ = []  # a package with no submodules: only the stand-in below is found
    info = types.ModuleType(_CLI_INFO)
    info.info = _info  # type: ignore[attr-defined]
    sys.modules[_CLI] = package
    sys.modules[_CLI_INFO] = info
    try:
        with paused():
            import spacy
    except Exception:
        spacy = None  # type: ignore[assignment]
    finally:
        for name, stand_in in ((_CLI_INFO, info), (_CLI, package)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if spacy is None:
        for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[name]
        import spacy  # the ordinary way, so its own error (if any) is the one raised
        return
    if spacy.__dict__.get("cli") is package:
        del spacy.cli
    if "__getattr__" not in spacy.__dict__:
        spacy.__getattr__ = _spacy_getattr  # type: ignore[attr-defined]


import_spacy()
