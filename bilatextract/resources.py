"""Loading the data under ``models/``: per-language files and language-independent knowledge.

Installed, the data lives in ``bilatextract/models``; in a source checkout it is the
top-level ``models/`` folder. The environment variable ``BILATEXTRACT_MODELS`` names another
folder of the same layout (read once, when the data is first asked for): a language added
there (``fr/`` beside ``de/``, ``en/`` and ``common/``) is supported with no code change.
Files are TOML (hand-edited lexicons and patterns, with
comments) or plain text (one entry a line, ``#`` comments). Everything is cached:
a file is read once per process and per source.

Inside ``with using(source):`` the data is read from another source instead (a folder given
as a component's ``data_path``, or the files a saved pipeline carries: see
:mod:`bilatextract.sources`); every cache of the data is keyed by the source (:func:`cached`).
"""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from . import sources
from .errors import ResourceError, UnsupportedLanguageError
from .sources import Source, cached, using

__all__ = ["MODELS_ENV", "LanguageProfile", "Source", "cached", "check_language", "has_file", "installed_dir",
           "language_profile", "languages", "list_files", "load_lines", "load_toml", "models_dir", "read_bytes",
           "source", "using"]

#: The environment variable naming a models folder to use instead of the bundled one.
MODELS_ENV = "BILATEXTRACT_MODELS"


@functools.cache
def installed_dir() -> Path:
    """The folder of the installed model data: ``$BILATEXTRACT_MODELS``, else installed or in the source tree."""
    configured = os.environ.get(MODELS_ENV)
    if configured:
        folder = Path(configured).expanduser()
        if not folder.is_dir():
            raise ResourceError(f"{MODELS_ENV}={configured!r} is not a folder of model data")
        return folder
    installed = Path(str(importlib_resources.files("bilatextract"))) / "models"
    if installed.is_dir():
        return installed
    source_tree = Path(__file__).resolve().parent.parent / "models"
    if source_tree.is_dir():
        return source_tree
    raise ResourceError(
        "bilatextract's model data is missing: reinstall the package (pip install bilatextract)"
    )


@functools.cache
def _installed() -> Source:
    return sources.folder(installed_dir())


sources.set_default(_installed)


def source() -> Source:
    """The source the data is read from now: the one made active by :func:`using`, else the installed models."""
    return sources.active() or _installed()


def models_dir() -> Path:
    """The folder the data is read from now (see :func:`source`); an error when it is held in memory."""
    folder = source().folder()
    if folder is None:
        raise ResourceError(f"the active model data ({source().label}) is not a folder on disk")
    return folder


@cached
def languages() -> tuple[str, ...]:
    """The language codes that have a folder of data (``models/de``, ``models/en``, ...)."""
    src = source()
    return tuple(name for name in src.entries("") if len(name) == 2 and src.is_dir(name))


def read_bytes(folder: str, name: str) -> bytes:
    """The content of the file ``models/<folder>/<name>``; an error when it is missing."""
    data = source().read_bytes(f"{folder}/{name}")
    if data is None:
        raise ResourceError(f"missing model file {folder}/{name} in {source().label}")
    return data


def list_files(folder: str, suffix: str = "") -> tuple[str, ...]:
    """The names of the files right inside ``models/<folder>/`` ending with ``suffix``, sorted."""
    src = source()
    return tuple(name for name in src.entries(folder) if name.endswith(suffix) and src.is_file(f"{folder}/{name}"))


def check_language(lang: str) -> str:
    if lang not in languages():
        raise UnsupportedLanguageError(
            f"no models for language {lang!r}; supported: {', '.join(languages())}"
        )
    return lang


@cached
def load_toml(folder: str, name: str) -> dict[str, Any]:
    """A TOML file of ``models/<folder>/`` (``folder`` is a language code or ``common``)."""
    try:
        return tomllib.loads(read_bytes(folder, name).decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ResourceError(f"{folder}/{name}: {e}") from e


@cached
def load_lines(folder: str, name: str) -> tuple[str, ...]:
    """A word list of ``models/<folder>/``: one entry a line, blank lines and ``#`` comments skipped."""
    lines = read_bytes(folder, name).decode("utf-8").splitlines()
    return tuple(s for s in (line.split("#", 1)[0].strip() for line in lines) if s)


def has_file(folder: str, name: str) -> bool:
    return source().is_file(f"{folder}/{name}")


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """Orthography and typology of a language, from ``models/<lang>/language.toml``."""

    code: str
    name: str
    #: Whether titles are written with a capital letter ("Außenminister", "Foreign Minister");
    #: False where they are lower case ("le ministre des Affaires étrangères").
    titles_capitalised: bool = True
    #: Elided words written against the next word, apostrophe included ("l'", "d'").
    elision: tuple[str, ...] = ()
    #: Words that join titles, names or ministries ("und", "and", "et").
    conjunctions: tuple[str, ...] = ()
    #: Endings of inflected adjectives ("e", "en", ...).
    adjective_endings: tuple[str, ...] = ()
    #: Endings of the genitive ("s", "'s").
    genitive_suffixes: tuple[str, ...] = ()
    #: Lower-case words inside family names ("von", "de", "le").
    name_particles: tuple[str, ...] = ()


_PROFILE_LISTS = ("elision", "conjunctions", "adjective_endings", "genitive_suffixes", "name_particles")


@cached
def language_profile(lang: str) -> LanguageProfile:
    """The :class:`LanguageProfile` of ``lang``; read once per process."""
    check_language(lang)
    data = load_toml(lang, "language.toml") if has_file(lang, "language.toml") else {}
    unknown = set(data) - {"code", "name", "titles_capitalised", *_PROFILE_LISTS}
    if unknown:
        raise ResourceError(f"{lang}/language.toml: unknown keys {sorted(unknown)}")
    capitalised = data.get("titles_capitalised", True)
    if not isinstance(capitalised, bool):
        raise ResourceError(f"{lang}/language.toml: titles_capitalised must be true or false")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _PROFILE_LISTS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ResourceError(f"{lang}/language.toml: {key} must be a list of strings")
        lists[key] = tuple(value)
    return LanguageProfile(code=str(data.get("code", lang)), name=str(data.get("name", lang)),
                           titles_capitalised=capitalised, **lists)
