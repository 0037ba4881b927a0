"""Who held which national office when: the persons of ``models/common/officeholders/persons.tsv``.

The file is built by ``tools/build_officeholders.py`` from public cabinet datasets and a
hand-curated supplement (sources and licences: ``models/common/officeholders/NOTICE.md``).
One line per person, tab-separated::

    id  given  family  order  variants  offices  sources

``variants`` are other forms of the family name (``|``-separated: "Leyen" for "von der
Leyen", an ASCII spelling, the name in Japanese script); ``offices`` are
``COUNTRY:portfolio:start:end`` (``;``-separated, ISO dates, empty when unknown or open).
Offices from yearly snapshots have approximate dates (the year, or the middle between two
snapshots); an end left open means "still in office when the source ended".

Look-ups:

- ``persons_named(family)``: the persons whose family name (or a variant of it) is
  ``family``, in any case, with or without accents ("Schäuble", "Schaeuble", "SCHAUBLE");
- ``office_at(person, when, country=None, portfolio=None)``: the office the person held on
  ``when`` (the most specific one when several: a named portfolio before ``other``);
  ``when=None`` gives the latest office;
- ``holders(country, portfolio, when)``: who held an office of that portfolio on that day
  (ministers of state of the department included: UK Ministers of State, German
  Staatsminister im Auswärtigen Amt);
- ``person_by_id(person_id)``.

The data is read once, on the first call (under a lock), and never changes afterwards; a
person's line is parsed when the person is first looked up.
"""

from __future__ import annotations

import operator
import re
import threading
import unicodedata
from collections.abc import Callable, KeysView, Sequence
from dataclasses import dataclass
from datetime import date

from ..errors import ResourceError
from ..resources import read_bytes
from ..sources import active

__all__ = ["Office", "Person", "holders", "is_family_name", "office_at", "person_by_id", "persons", "persons_named"]

_FOLDER = ("common/officeholders", "persons.tsv")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ø": "oe", "Ø": "Oe"})
# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l",
                               "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h"})


@dataclass(frozen=True, slots=True)
class Office:
    country: str
    portfolio: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    given: str | None
    family: str
    order: str
    variants: tuple[str, ...]
    offices: tuple[Office, ...]


class _Store:
    """The persons file, indexed by name key when read; a person's line is parsed when first asked
    for (a document names a few of the 12,000 persons), the other indexes when first needed."""

    __slots__ = ("_all", "_by_id", "_by_post", "_dates", "_lock", "_parsed", "by_name", "lines")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._parsed: list[Person | None] = [None] * len(lines)
        self._dates: dict[str, date | None] = {}
        self._lock = threading.Lock()
        self._all: tuple[Person, ...] | None = None
        self._by_id: dict[str, Person] | None = None
        self._by_post: dict[tuple[str, str], tuple[Person, ...]] | None = None
        self.by_name: dict[str, list[int]] = {}
        by_name = self.by_name
        for k, line in enumerate(lines):
            _pid, _given, family, _order, variants, _rest = line.split("\t", 5)
            forms = (family, *variants.split("|")) if variants else (family,)
            keys = {key for form in forms for key in name_keys(form)}
            for key in keys:
                by_name.setdefault(key, []).append(k)

    def person(self, k: int) -> Person:
        person = self._parsed[k]
        if person is None:
            with self._lock:  # the shared dates table is filled while parsing
                person = self._parsed[k] = _parse(self.lines[k], self._dates)
        return person

    def given(self, k: int) -> str | None:
        """The given name of person ``k`` (``Person.given``), read off the line if not yet parsed."""
        person = self._parsed[k]
        if person is not None:
            return person.given
        return self.lines[k].split("\t", 2)[1] or None

    @property
    def persons(self) -> tuple[Person, ...]:
        if self._all is None:
            everyone = tuple(map(self.person, range(len(self.lines))))
            with self._lock:
                if self._all is None:
                    self._all = everyone
        return self._all

    @property
    def by_id(self) -> dict[str, Person]:
        if self._by_id is None:
            self._by_id = {p.id: p for p in self.persons}
        return self._by_id

    @property
    def by_post(self) -> dict[tuple[str, str], tuple[Person, ...]]:
        if self._by_post is None:
            by_post: dict[tuple[str, str], list[Person]] = {}
            for person in self.persons:
                for office in person.offices:
                    post = by_post.setdefault((office.country, office.portfolio), [])
                    if not post or post[-1] is not person:
                        post.append(person)
            self._by_post = {key: tuple(v) for key, v in by_post.items()}
        return self._by_post


def name_keys(text: str) -> tuple[str, ...]:
    """The look-up keys of a name: case and accents dropped; umlauts also spelled out (ä -> ae)."""
    if text.isascii():
        key = _NOT_ALNUM.sub("", text.lower())
        return (key,) if key else ()
    keys: list[str] = []
    nfc = unicodedata.normalize("NFC", text)
    for table in (_KEY_CHARS, _KEY_CHARS_SPELLED):
        key = nfc.translate(table).casefold()
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


class _KeyChars(dict[int, str]):
    """What each character of a name in NFC becomes in its key before case folding (a ``str.translate``
    table, filled as characters are met): "ß" spelled "ss", umlauts spelled out (``spelled``), letters
    Unicode does not decompose replaced, then decomposed (NFKD), keeping the letters and digits only (no
    combining mark is one). Each step maps a character to characters independently of its neighbours,
    as does decomposition but for the order of the marks, which are dropped."""

    def __init__(self, spelled: bool, keep: str = "") -> None:
        super().__init__()
        self.spelled = spelled
        if keep:  # a separator kept as it is (``family_name_flags``)
            self[ord(keep)] = keep

    def __missing__(self, code: int) -> str:
        chars = "ss" if code == 0xDF else chr(code)  # "ß"
        if self.spelled:
            chars = chars.translate(_UMLAUTS)
        decomposed = unicodedata.normalize("NFKD", chars.translate(_UNDECOMPOSED))
        value = self[code] = "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
        return value


_KEY_CHARS = _KeyChars(spelled=False)
_KEY_CHARS_SPELLED = _KeyChars(spelled=True)
#: The same tables keeping line breaks: the keys of many words, joined by line breaks, in one pass.
_LINES_KEY_CHARS = _KeyChars(spelled=False, keep="\n")
_LINES_KEY_CHARS_SPELLED = _KeyChars(spelled=True, keep="\n")


def _parse(line: str, dates: dict[str, date | None]) -> Person:
    pid, given, family, order, variants, offices, _sources = line.split("\t")
    parsed = []
    for chunk in offices.split(";"):
        country, portfolio, start, end = chunk.split(":")
        first = dates.get(start) or dates.setdefault(start, date.fromisoformat(start) if start else None)
        last = dates.get(end) or dates.setdefault(end, date.fromisoformat(end) if end else None)
        parsed.append(Office(country, portfolio, first, last))
    return Person(pid, given or None, family, order, tuple(variants.split("|")) if variants else (),
                  tuple(parsed))


_LOCK = threading.Lock()
#: The store of each source of model data read so far (None: the installed models).
_STORES: dict[object, _Store] = {}


def _store() -> _Store:
    key = active()
    store = _STORES.get(key)
    if store is None:
        with _LOCK:  # read once, even when threads ask at once
            store = _STORES.get(key)
            if store is None:
                store = _STORES[key] = _read_store()
    return store


def _read_store() -> _Store:
    try:
        text = read_bytes(*_FOLDER).decode("utf-8")
    except ResourceError as e:
        raise ResourceError(f"missing office-holder data: {e}") from e
    return _Store([line for line in text.splitlines() if line and not line.startswith("#")])


def persons() -> tuple[Person, ...]:
    """Every known person, sorted by id."""
    return _store().persons


def persons_named(family: str, given: Callable[[str | None], bool] | None = None) -> tuple[Person, ...]:
    """The persons with this family name or variant (any case, accents, NFC or NFD). ``given``: only
    those whose given name (None where unknown) it accepts; the others are not parsed."""
    store = _store()
    by_name = store.by_name
    found: list[int] = []
    for key in name_keys(family):
        for k in by_name.get(key, ()):
            if k not in found:
                found.append(k)
    if given is not None:
        found = [k for k in found if given(store.given(k))]
    return tuple(map(store.person, found))


def is_family_name(family: str) -> bool:
    """Whether some person has this family name or variant (``persons_named`` is not empty)."""
    by_name = _store().by_name
    return any(key in by_name for key in name_keys(family))


def family_name_flags(words: Sequence[str]) -> list[bool]:
    """``is_family_name`` of each of ``words``, in a few C-level passes over them all: the keys of the
    words joined by line breaks are the words' keys joined by line breaks (``name_keys`` maps each
    character on its own, a line break to itself here; NFC composes nothing across one)."""
    by_name = _store().by_name
    joined = "\n".join(words)
    if not words or joined.count("\n") != len(words) - 1:  # a word holding a line break: one by one
        return [any(key in by_name for key in name_keys(w)) for w in words]
    joined = unicodedata.normalize("NFC", joined)
    plain = joined.translate(_LINES_KEY_CHARS).casefold().split("\n")
    spelled = joined.translate(_LINES_KEY_CHARS_SPELLED).casefold().split("\n")
    # An empty key is no key ("" is none of ``by_name``).
    return list(map(operator.or_, map(by_name.__contains__, plain), map(by_name.__contains__, spelled)))


def family_name_keys() -> KeysView[str]:
    """The look-up keys of every family name and variant: ``is_family_name(w)`` is whether one of
    ``name_keys(w)`` is among them (for a word of ASCII letters and digits, its small letters)."""
    return _store().by_name.keys()


def person_by_id(person_id: str) -> Person | None:
    return _store().by_id.get(person_id)


def _held(office: Office, when: date) -> bool:
    return (office.start is None or office.start <= when) and (office.end is None or when < office.end)


def office_at(person: Person, when: date | None, country: str | None = None,
              portfolio: str | None = None) -> Office | None:
    """The office ``person`` held on ``when`` (optionally in ``country``/``portfolio``); the
    latest matching office when ``when`` is None; None when there is none."""
    matching = [o for o in person.offices
                if (country is None or o.country == country) and (portfolio is None or o.portfolio == portfolio)]
    if when is not None:
        matching = [o for o in matching if _held(o, when)]
    if not matching:
        return None
    return max(matching, key=lambda o: (o.portfolio != "other", o.start or date.min))


def holders(country: str, portfolio: str, when: date) -> tuple[Person, ...]:
    """The persons who held ``portfolio`` in ``country``'s government on ``when``."""
    return tuple(p for p in _store().by_post.get((country, portfolio), ())
                 if any(o.country == country and o.portfolio == portfolio and _held(o, when) for o in p.offices))
