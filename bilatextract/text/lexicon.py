"""What the view knows of each language: ``models/<lang>/text.toml`` and known word forms.

A language without a ``text.toml`` simply has no hyphenation heads and no recasing rules.
Known word forms come from ``models/<lang>/known-words.*`` (:mod:`.known_words`, derived from
spacy-lookups-data's lemma table by ``tools/build_known_words.py``); a language without that
list falls back to the lemma table of spacy-lookups-data itself (a core dependency), read only
when a decision needs it and kept in memory for the process (nothing is cached on disk).
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path
from typing import Any

from .. import resources
from . import known_words

_FILE = "text.toml"


@functools.cache
def settings(lang: str) -> dict[str, Any]:
    """The ``text.toml`` of ``lang`` (an empty mapping where there is none)."""
    if not resources.has_file(lang, _FILE):
        return {}
    return resources.load_toml(lang, _FILE)


def section(lang: str, name: str) -> dict[str, Any]:
    """One table of ``lang``'s ``text.toml`` (empty where absent)."""
    value = settings(lang).get(name, {})
    return value if isinstance(value, dict) else {}


@functools.cache
def lowercase_words(lang: str) -> frozenset[str]:
    """The function words ``text.toml`` lists for recasing ALL-CAPS stretches."""
    return frozenset(w.lower() for w in section(lang, "allcaps").get("lowercase", ()))


@functools.lru_cache(maxsize=65536)  # headline words recur (thread-safe cache)
def is_known_lowercase_form(lang: str, word: str) -> bool:
    """Whether ``word`` (lower case) is a word form or lemma of ``lang``'s lemma table in
    spacy-lookups-data.

    From the language's list of known word forms under ``models/`` where it has one (a
    look-up reads one block of a few hundred bytes). Otherwise the table itself is kept as
    its JSON bytes and searched for the quoted form: reading it costs about 0.05 s and 12 MB
    for German, where parsing it into a set would cost 0.6 s and 90 MB (measured), and a
    search a few milliseconds.
    """
    if known_words.has_list(lang):
        return known_words.is_known(lang, word)
    data = _lemma_bytes(lang)
    return bool(data) and b'"' + word.encode("utf-8") + b'"' in data


@functools.cache
def _lemma_bytes(lang: str) -> bytes:
    """The JSON of ``lang``'s lemma table in spacy-lookups-data (empty where there is none)."""
    from spacy.util import registry

    if lang not in registry.lookups:
        return b""
    try:
        path = Path(str(registry.lookups.get(lang)["lemma_lookup"]))
    except (KeyError, TypeError, ValueError):
        return b""
    try:
        if path.exists():
            return path.read_bytes()
        packed = path.with_suffix(path.suffix + ".gz")
        return gzip.decompress(packed.read_bytes()) if packed.exists() else b""
    except (OSError, EOFError, ValueError):
        return b""


@functools.cache
def hyphenation() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """Heads, endings and conjunctions of every language (the view is made before routing)."""
    heads: set[str] = set()
    endings: set[str] = {""}
    conjunctions: set[str] = set()
    for lang in resources.languages():
        data = section(lang, "hyphenation")
        heads.update(h.lower() for h in data.get("heads", ()))
        endings.update(e.lower() for e in data.get("endings", ()))
        conjunctions.update(c.lower() for c in data.get("conjunctions", ()))
    return tuple(sorted(heads)), tuple(sorted(endings)), frozenset(conjunctions)
