"""Loading the data under ``models/``: per-language files and language-independent knowledge.

Installed, the data lives in ``bilatextract/models``; in a source checkout it is the
top-level ``models/`` folder. Files are TOML (hand-edited lexicons and patterns, with
comments) or plain text (one entry a line, ``#`` comments). Everything is cached:
a file is read once per process.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from .errors import ResourceError, UnsupportedLanguageError


@functools.cache
def models_dir() -> Path:
    """The folder holding the model data, installed or in the source tree."""
    installed = Path(str(importlib_resources.files("bilatextract"))) / "models"
    if installed.is_dir():
        return installed
    source = Path(__file__).resolve().parent.parent / "models"
    if source.is_dir():
        return source
    raise ResourceError(
        "bilatextract's model data is missing: reinstall the package (pip install bilatextract)"
    )


@functools.cache
def languages() -> tuple[str, ...]:
    """The language codes that have a folder of data (``models/de``, ``models/en``, ...)."""
    return tuple(
        sorted(p.name for p in models_dir().iterdir() if p.is_dir() and len(p.name) == 2)
    )


def _path(folder: str, name: str) -> Path:
    path = models_dir() / folder / name
    if not path.is_file():
        raise ResourceError(f"missing model file {folder}/{name} in {models_dir()}")
    return path


def check_language(lang: str) -> str:
    if lang not in languages():
        raise UnsupportedLanguageError(
            f"no models for language {lang!r}; supported: {', '.join(languages())}"
        )
    return lang


@functools.cache
def load_toml(folder: str, name: str) -> dict[str, Any]:
    """A TOML file of ``models/<folder>/`` (``folder`` is a language code or ``common``)."""
    try:
        with _path(folder, name).open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ResourceError(f"{folder}/{name}: {e}") from e


@functools.cache
def load_lines(folder: str, name: str) -> tuple[str, ...]:
    """A word list of ``models/<folder>/``: one entry a line, blank lines and ``#`` comments skipped."""
    lines = _path(folder, name).read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.split("#", 1)[0].strip() for line in lines) if s)


def has_file(folder: str, name: str) -> bool:
    return (models_dir() / folder / name).is_file()
