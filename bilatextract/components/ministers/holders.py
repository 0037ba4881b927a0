"""Who a named minister is, from the office-holder knowledge base (``knowledge.officeholders``).

A named minister is matched to a known person by family name, with the given name written
where the text gives one, and kept only where the person held a national office in the years
the document speaks of (the reference date's year, else the years it names). One person left:
their id, and the country, portfolio and family name of the office they held then.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from ...knowledge import officeholders as _holders
from ...resources import cached
from .names import plain_key

# A year not inside a longer number; the digit before is checked on each match (a pattern that starts
# with a look-behind is tried at every character, one that starts with "19"/"20" jumps to them).
_YEAR = re.compile(r"(?:19[4-9]|20\d)\d(?!\d)")
_DIGIT = re.compile(r"\d")
#: A year may be off by this much at either end of an office: sources give some offices by year.
_SLACK = 1


@dataclass(frozen=True, slots=True)
class Holder:
    """A known office-holder as the document names them."""

    id: str
    family: str
    given: str | None
    country: str
    portfolio: str


def available() -> bool:
    return _holders is not None


class Years(frozenset):
    """The years a document speaks of, with how often it names each (``counts``)."""

    counts: dict[int, int]


def document_years(text: str, year: int | None) -> frozenset[int]:
    """The years a document speaks of: its reference year where known, else the years it names
    (with how often it names each, in ``counts``)."""
    if year is not None:
        found = [year]
    else:
        digit = _DIGIT.match
        found = [int(m.group()) for m in _YEAR.finditer(text) if not (m.start() and digit(text, m.start() - 1))]
    years = Years(found)
    years.counts = Counter(found)
    return years


def _office_in(person: object, years: frozenset[int], country: str | None, portfolio: str | None,
               slack: int = _SLACK, strict: bool = False) -> object | None:
    """The office of ``person`` (in ``country``/``portfolio`` where given) held in one of ``years``;
    with no years, the latest one (``strict``: one still held when the source ended). A named
    portfolio before "other"; the latest start first."""
    best = None
    for office in person.offices:  # type: ignore[attr-defined]
        if strict and not years and office.end is not None:
            continue
        if country is not None and office.country != country:
            continue
        if portfolio not in (None, "other") and office.portfolio != portfolio:
            continue
        if years:
            first = office.start.year - slack if office.start else 0
            last = office.end.year + slack if office.end else 9999
            if not any(first <= y <= last for y in years):
                continue
        # The office held in the years the document names most, a named portfolio, the latest.
        counts = getattr(years, "counts", {})
        held = sum(n for y, n in counts.items()
                   if (office.start is None or office.start.year <= y) and (office.end is None or y <= office.end.year))
        rank = (held, office.portfolio != "other", office.start.toordinal() if office.start else 0)
        if best is None or rank > best[0]:
            best = (rank, office)
    return best[1] if best else None


def _given_fits(written: str | None, known: str | None) -> bool:
    """Whether a given name as written fits the known one: its first word (or initial) starts
    the known given name's words ("Mauro" of "Mauro Luiz Iecker", "S." of "Subrahmanyam")."""
    if not written:
        return True
    if not known:
        return False  # a given name written, none known: another person as likely as this one
    first = plain_key(written.split()[0]).rstrip(".")
    return bool(first) and any(plain_key(w).startswith(first) or first.startswith(plain_key(w))
                               or (len(first) >= 4 and plain_key(w)[:4] == first[:4])  # "Alexis", "Alexios"
                               for w in known.split())


def find(family: str, given: str | None, country: str | None, portfolio: str | None,
         years: frozenset[int]) -> Holder | None:
    """The one known person of that name who held an office (in ``country``/``portfolio`` where
    given) in ``years``; None where nobody or several fit."""
    if _holders is None or not family:
        return None
    found: dict[str, Holder] = {}
    named = _named(family) if not given else _holders.persons_named(family, lambda known: _given_fits(given, known))
    for person in named:  # (the persons whose given name does not fit are not parsed)
        office = _office_in(person, years, country, portfolio)
        if office is None:
            continue
        found[person.id] = Holder(person.id, person.family, person.given, office.country, office.portfolio)
    return next(iter(found.values())) if len(found) == 1 else None


def find_full_name(words: Sequence[str], years: frozenset[int]) -> Holder | None:
    """A known person named by given and family name without a title ("Johann Schneider-Ammann",
    "Wang Yi"), who held an office in ``years``: the given name must be written in full."""
    if _holders is None or len(words) < 2:
        return None
    for family, given in ((words[-1], " ".join(words[:-1])), (words[0], " ".join(words[1:]))):
        first = plain_key(given.split()[0])

        def fits(known: str | None, first: str = first) -> bool:
            return plain_key(known.split()[0]) == first if known else False

        # (the persons of another given name are not parsed)
        for person in _holders.persons_named(family, fits):
            office = _office_in(person, years, None, None, slack=0, strict=True)
            if office is not None:
                return Holder(person.id, person.family, person.given, office.country, office.portfolio)
    return None


def find_sole(family: str, years: frozenset[int]) -> Holder | None:
    """The only known person of this family name, where they held an office in ``years``: a family
    name alone ("so Schallenberg") names them."""
    if _holders is None:
        return None
    named = _named(family)
    if len(named) != 1 or plain_key(named[0].family) != plain_key(family):
        return None
    person = named[0]
    office = _office_in(person, years, None, None, slack=0, strict=True)
    if office is None:
        return None
    return Holder(person.id, person.family, person.given, office.country, office.portfolio)


def family_keys() -> Container[str]:
    """The keys of the known family names: a word of ASCII letters and digits is ``known_family``
    where its small letters are one of them."""
    return _holders.family_name_keys() if _holders is not None else ()


def known_families(words: Sequence[str]) -> list[bool]:
    """``known_family`` of each of ``words``, judged together (no memo: a few C-level passes)."""
    return _holders.family_name_flags(words) if _holders is not None else [False] * len(words)


@cached(maxsize=1 << 16)
def known_family(word: str) -> bool:
    """Whether ``word`` is the family name (or a variant) of a known person."""
    return _holders is not None and _holders.is_family_name(word)


@cached(maxsize=1 << 14)
def _named(family: str) -> tuple:
    return _holders.persons_named(family) if _holders is not None else ()


def unique(holders: Iterable[Holder | None]) -> Holder | None:
    """The one holder all the non-None ``holders`` agree on, else None."""
    ids = {h.id: h for h in holders if h is not None}
    return next(iter(ids.values())) if len(ids) == 1 else None
