"""The ministries of ``models/common/ministries.toml`` and look-ups by id, name and abbreviation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ResourceError
from ..resources import cached, list_files, load_toml
from ..types import KnownMinistry

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
    weak_abbreviations: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None

    def in_use(self, year: int | None) -> bool:
        """Whether the ministry had this name in ``year`` (always, when the year is unknown)."""
        if year is None:
            return True
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


@cached
def ministries() -> tuple[MinistryEntry, ...]:
    """All ministries of the knowledge base, validated: the country tables of
    ``models/common/ministries/*.toml``, then the ``[[ministry]]`` tables of ``models/common/ministries.toml``."""
    # The country tables first: where ``ministries.toml`` lists a country's portfolio too, its
    # entries come last and so are the current ones (``find_ministry``).
    raws = [raw for name in world_files()
            for raw in _country_tables(load_toml("common", f"{WORLD_DIR}/{name}"), name)]
    raws += load_toml("common", "ministries.toml").get("ministry", [])
    out = []
    seen: set[str] = set()
    for raw in raws:
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
        out.append(
            MinistryEntry(
                known,
                names,
                tuple(raw.get("abbreviations", ())),
                tuple(raw.get("weak_abbreviations", ())),
                raw.get("from"),
                raw.get("until"),
            )
        )
    return tuple(out)


#: The folder of ``models/common`` holding the country tables of the world's ministries.
WORLD_DIR = "ministries"


@cached
def world_files() -> tuple[str, ...]:
    """The files of country tables, by name."""
    return list_files(f"common/{WORLD_DIR}", ".toml")


def _country_tables(data: dict[str, Any], source: str) -> list[dict[str, Any]]:
    """The ``[[ministry]]``-shaped entries of one file of country tables.

    ``[XX]`` holds a country's ministries by portfolio; a value is ``"ID: Official name"``, an
    inline table (``id``, ``name``, ``en``/``de``/... names matched in texts, ``abbr``,
    ``weak``, ``from``, ``until``), or a list of those, oldest first. Ids get the country code
    as a prefix ("MOFA" of JP is "JP-MOFA").
    """
    out = []
    for country, table in data.items():
        if not isinstance(table, dict) or len(country) != 2 or not country.isupper():
            raise ResourceError(f"{WORLD_DIR}/{source}: {country!r} is not a country table")
        for portfolio, value in table.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    short, _, name = item.partition(":")
                    item = {"id": short.strip(), "name": name.strip()}
                if not isinstance(item, dict) or not item.get("id"):
                    raise ResourceError(f"{WORLD_DIR}/{source}: {country}.{portfolio}: no id in {item!r}")
                names = {k: list(v) for k, v in item.items() if len(k) == 2 and isinstance(v, list)}
                name = item.get("name") or next((v[0] for v in names.values() if v), None)
                if not name:
                    raise ResourceError(f"{WORLD_DIR}/{source}: {country}.{portfolio}: no name in {item!r}")
                raw = {"id": f"{country}-{item['id']}", "name": name, "country": country, "portfolio": portfolio,
                       "names": names, "abbreviations": item.get("abbr", []),
                       "weak_abbreviations": item.get("weak", [])}
                for key in ("from", "until"):
                    if key in item:
                        raw[key] = item[key]
                out.append(raw)
    return out


@cached
def generic_abbreviations() -> dict[str, str]:
    """Abbreviations any government's ministry goes by ("MFA", "MoD") -> portfolio."""
    data = load_toml("common", "ministries.toml").get("generic_abbreviations", {})
    out = {}
    for portfolio, abbrs in data.items():
        if portfolio not in PORTFOLIOS:
            raise ResourceError(f"ministries.toml: generic_abbreviations: bad portfolio {portfolio!r}")
        out.update(dict.fromkeys(abbrs, portfolio))
    return out


@cached
def _entries_by_id() -> dict[str, MinistryEntry]:
    """The first entry of each ministry id."""
    index: dict[str, MinistryEntry] = {}
    for entry in ministries():
        index.setdefault(entry.ministry.id, entry)
    return index


@cached
def _entries_by_post() -> dict[tuple[str, str | None], list[MinistryEntry]]:
    """The entries of each (country, portfolio), in knowledge-base order."""
    index: dict[tuple[str, str | None], list[MinistryEntry]] = {}
    for entry in ministries():
        index.setdefault((entry.ministry.country, entry.ministry.portfolio), []).append(entry)
    return index


def ministry_by_id(ministry_id: str) -> KnownMinistry | None:
    entry = _entries_by_id().get(ministry_id)
    return entry.ministry if entry is not None else None


def entry_by_id(ministry_id: str) -> MinistryEntry | None:
    return _entries_by_id().get(ministry_id)


@cached
def find_ministry(country: str | None, portfolio: str | None, year: int | None = None) -> KnownMinistry | None:
    """The ministry of a country for a portfolio, where the knowledge base has one.

    Entries are listed oldest first within a country and portfolio, so the last one wins;
    with a ``year``, the last one in use that year.
    """
    found = None
    fallback = None
    for entry in _entries_by_post().get((country, portfolio), ()):  # type: ignore[call-overload]
        fallback = entry.ministry
        if entry.in_use(year):
            found = entry.ministry
    return found or fallback


def choose_entry(
    entries: Sequence[MinistryEntry], country: str | None = None, year: int | None = None
) -> MinistryEntry | None:
    """The entry among ``entries`` (all naming one surface form) for a country and a year."""
    pool = [e for e in entries if country is None or e.ministry.country == country] or list(entries)
    if not pool:
        return None
    dated = [e for e in pool if e.in_use(year)]
    return (dated or pool)[-1]


def entry_countries(entries: Sequence[MinistryEntry]) -> tuple[str, ...]:
    """The distinct countries of ``entries``, in knowledge-base order."""
    return tuple(dict.fromkeys(e.ministry.country for e in entries))


# ----------------------------------------------------------------------------- name keys

def name_key_rules() -> tuple[tuple[str, ...], dict[str, str]]:
    """The endings a name key drops and the characters it replaces (``[name_keys]`` of
    ``models/common/ministries.toml``), as written there."""
    data = load_toml("common", "ministries.toml").get("name_keys", {})
    return tuple(data.get("endings", [])), dict(data.get("replace", {}))


@cached
def _name_keys() -> tuple[tuple[str, ...], dict[int, str]]:
    """``name_key_rules`` ready for use: the endings longest first, the replacements as a table."""
    endings, replace = name_key_rules()
    return tuple(sorted(endings, key=len, reverse=True)), str.maketrans(replace)


@cached(maxsize=1 << 15)
def name_key_word(word: str) -> str:
    """A word reduced to a key that its inflected forms share ("Amtes", "Amts" -> "amt").

    Crude on purpose: both the knowledge-base names and the words of a text go through it,
    so it only has to map the inflections of one word together, not produce a real stem.
    Memoised: texts repeat their words.
    """
    endings, replace = _name_keys()
    w = word.lower().translate(replace)
    if len(w) >= 4 and w.isalpha():
        for ending in endings:
            if w.endswith(ending) and len(w) - len(ending) >= 3:
                return w[: -len(ending)]
    return w


def name_key_table() -> dict[int, str]:
    """The replacements of the name keys as a ``str.translate`` table."""
    return _name_keys()[1]


def name_key_forms(keys: Iterable[str]) -> dict[str, str]:
    """The word forms, in small letters and with the key's replacements made, whose
    ``name_key_word`` may be one of ``keys``, each with its ``name_key_word``.

    Every word whose key is one of ``keys`` is a form here once lower-cased and translated by
    ``name_key_table()`` (its key is the form, or the form less one of the endings), so a
    word missing from the result has none of ``keys`` for its key."""
    endings, _table = _name_keys()
    out: dict[str, str] = {}
    for key in keys:
        for form in (key, *(key + e for e in endings)):
            if form not in out:
                out[form] = name_key_word(form)
    return out


def name_key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(name_key_word(w) for w in words)


_WORD = re.compile(r"\w+(?:[-.'’]\w+)*\.?|&|[^\w\s]")


def split_words(text: str) -> list[str]:
    """Words and punctuation of a name, for keys ("Foreign & Commonwealth Office")."""
    return _WORD.findall(text)


@cached
def names_index() -> dict[tuple[str, ...], tuple[MinistryEntry, ...]]:
    """Knowledge-base names of all languages by their key."""
    index: dict[tuple[str, ...], list[MinistryEntry]] = {}
    for entry in ministries():
        for names in entry.names.values():
            for name in names:
                key = name_key(split_words(name))
                if entry not in index.setdefault(key, []):
                    index[key].append(entry)
    return {k: tuple(v) for k, v in index.items()}


def known_ministries_named(name: str) -> tuple[MinistryEntry, ...]:
    """The entries that list ``name`` (in any inflected form) among their names."""
    return names_index().get(name_key(split_words(name)), ())


def match_known_ministry(
    name: str, country: str | None = None, year: int | None = None
) -> KnownMinistry | None:
    """The known ministry a name or abbreviation stands for ("Auswärtigen Amts", "METI")."""
    entries = known_ministries_named(name) or abbreviation_index().get(name.strip(), ())
    chosen = choose_entry(entries, country, year)
    return chosen.ministry if chosen else None


@cached
def abbreviation_index(weak: bool = True) -> dict[str, tuple[MinistryEntry, ...]]:
    """Abbreviations (case-sensitive) -> entries; with ``weak``, the weak ones too."""
    index: dict[str, list[MinistryEntry]] = {}
    for entry in ministries():
        for abbr in entry.abbreviations + (entry.weak_abbreviations if weak else ()):
            index.setdefault(abbr, []).append(entry)
    return {k: tuple(v) for k, v in index.items()}
