"""Language-independent knowledge: the ministries of ``models/common/ministries.toml``,
and the per-language cue lexicons for countries and portfolios.

Data format of ``models/common/ministries.toml`` (one table per ministry)::

    [[ministry]]
    id = "DE-AA"                      # unique, COUNTRY-SHORTNAME
    country = "DE"                    # ISO 3166-1 alpha-2
    portfolio = "foreign"             # a portfolio value of the annotation guide
    name = "Federal Foreign Office"   # canonical English name
    abbreviations = ["AA"]
    [ministry.names]                  # names and aliases per language, as written
    de = ["Auswärtiges Amt"]
    en = ["Federal Foreign Office", "German Foreign Office"]

``models/<lang>/countries.toml``: ``[countries] JP = ["Japan", "japanisch", ...]``, surface
forms or stems that name or qualify a country. ``models/<lang>/portfolios.toml``:
``[portfolios] foreign = ["auswärtig", "außen", ...]``: lowercased stems of the words
that name a portfolio.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .errors import ResourceError
from .resources import has_file, load_toml
from .types import KnownMinistry

PORTFOLIOS = frozenset(
    "head_of_government foreign defence economy finance interior justice environment health "
    "education labour transport digital agriculture development family other".split()
)


@dataclass(frozen=True, slots=True)
class MinistryEntry:
    """A knowledge-base ministry with its names per language."""

    ministry: KnownMinistry
    names: dict[str, tuple[str, ...]]
    abbreviations: tuple[str, ...]


@functools.cache
def ministries() -> tuple[MinistryEntry, ...]:
    """All ministries of the knowledge base, validated."""
    data = load_toml("common", "ministries.toml")
    out = []
    seen: set[str] = set()
    for raw in data.get("ministry", []):
        try:
            known = KnownMinistry(raw["id"], raw["name"], raw["country"], raw["portfolio"])
        except KeyError as e:
            raise ResourceError(f"ministries.toml: entry {raw!r} lacks {e}") from e
        if known.portfolio not in PORTFOLIOS:
            raise ResourceError(f"ministries.toml: {known.id}: bad portfolio {known.portfolio!r}")
        if known.id in seen:
            raise ResourceError(f"ministries.toml: duplicate id {known.id}")
        seen.add(known.id)
        names = {lang: tuple(v) for lang, v in raw.get("names", {}).items()}
        out.append(MinistryEntry(known, names, tuple(raw.get("abbreviations", ()))))
    return tuple(out)


@functools.cache
def ministry_by_id(ministry_id: str) -> KnownMinistry | None:
    for entry in ministries():
        if entry.ministry.id == ministry_id:
            return entry.ministry
    return None


@functools.cache
def find_ministry(country: str | None, portfolio: str | None) -> KnownMinistry | None:
    """The current ministry of a country for a portfolio, where the knowledge base has one.

    Entries are listed oldest first within a country and portfolio, so the last one wins.
    """
    found = None
    for entry in ministries():
        if entry.ministry.country == country and entry.ministry.portfolio == portfolio:
            found = entry.ministry
    return found


@functools.cache
def country_forms(lang: str) -> dict[str, str]:
    """Lowercased surface forms and stems naming a country in ``lang`` -> ISO code."""
    if not has_file(lang, "countries.toml"):
        return {}
    data = load_toml(lang, "countries.toml").get("countries", {})
    return {form.lower(): code for code, forms in data.items() for form in forms}


@functools.cache
def portfolio_stems(lang: str) -> dict[str, str]:
    """Lowercased stems of portfolio words in ``lang`` -> portfolio value."""
    if not has_file(lang, "portfolios.toml"):
        return {}
    data = load_toml(lang, "portfolios.toml").get("portfolios", {})
    return {stem.lower(): p for p, stems in data.items() for stem in stems}
