"""What the view knows of each language: ``models/<lang>/text.toml`` and known word forms.

A language without a ``text.toml`` simply has no hyphenation heads and no recasing rules.
Known word forms come from spacy-lookups-data's lemma tables (a dependency of spaCy's
lookups), read only when a decision needs them and kept in memory for the process.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from .. import resources

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


@functools.cache
def known_lowercase_forms(lang: str) -> frozenset[str]:
    """Lower-case word forms of ``lang``'s lemma table in spacy-lookups-data (empty if none).

    Reading the German table takes about a second: it is read only when a text needs it.
    """
    from spacy.util import load_language_data, registry

    if lang not in registry.lookups:
        return frozenset()
    try:
        tables = registry.lookups.get(lang)
        path = Path(str(tables["lemma_lookup"]))
    except (KeyError, TypeError, ValueError):
        return frozenset()
    if not path.exists() and not path.with_suffix(path.suffix + ".gz").exists():
        return frozenset()
    try:
        data = load_language_data(path)
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(data, dict):
        return frozenset()
    forms = {k for k in data if k.islower()}
    forms.update(v for v in data.values() if isinstance(v, str) and v.islower())
    return frozenset(forms)


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
