"""The data of the ministers component: titles, mentions, persons, and helpers on words and names."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from ..._memo import MEMO_LIMIT

_SPACES = re.compile(r"\s*")
_DIGIT_AFTER = re.compile(r"\s*\d")
_AFTER_ANY = float("inf")  # sorts after every end offset: bisect (pos, _AFTER_ANY) finds sentences starting at pos
# Ranks of country cues: a country word at the mention beats a fused prefix or a suffix of the
# title, which beats what a title implies by itself ("Kanzler" is German), which beats the context.
RANK_WORD, RANK_TITLE, RANK_DEFAULT = 3, 2, 1
# Kinds of words, as bits (Patterns.word_kind).
TITLE_START, COUNTERPART = 1, 2
# Classes of words as names (Patterns.name_class).
_NEVER, _INITIAL, _HONORIFIC, _NAME = 0, 1, 2, 3


@dataclass(slots=True)
class Title:
    """A title at words [start, end)."""

    start: int
    end: int
    portfolio: str | None = None
    country: str | None = None
    country_rank: int = 0
    not_country: frozenset[str] = frozenset()
    role: str | None = None
    plural: bool = False
    coref_only: bool = False
    marked_home: bool = False  # carries the prefix by which the text marks home ministers ("Bundes-")
    ministry_id: str | None = None
    link: bool = False
    link_country: str | None = None
    bare: bool = False  # "Minister", "Bundesminister": no field, no role

    def at(self, start: int, end: int) -> Title:
        """A copy at words [start, end) (``dataclasses.replace`` costs several times more)."""
        return Title(start, end, self.portfolio, self.country, self.country_rank, self.not_country, self.role,
                     self.plural, self.coref_only, self.marked_home, self.ministry_id, self.link, self.link_country,
                     self.bare)


@dataclass(slots=True)
class Mention:
    """A MINISTER candidate: characters [start, end) and what its words say."""

    start: int
    end: int
    family: str
    given: str | None
    key: str
    surface: str  # the family name as written
    words: tuple[str, ...] = ()  # the name's words, as written
    portfolio: str | None = None
    country: str | None = None
    country_rank: int = 0
    not_country: frozenset[str] = frozenset()
    ministry_id: str | None = None
    coref_only: bool = False
    marked_home: bool = False
    kind: str = "titled"  # titled, listed, counterpart, name
    colleague_of: Mention | None = None  # the minister whose counterpart this one is
    state_role: bool = False  # a state minister's title ("Staatsminister"), which takes no home prefix
    holder: Any = None  # the office-holder a name without a title was recognised as (minister_holders.Holder)
    deputy_head: bool = False  # a deputy head of government's title ("Vizepremier"), beside the head of their country

    def by_name(self, start: int, end: int) -> Mention:
        """The same person named alone at [start, end): no title, so no portfolio, ministry or country cue."""
        return Mention(start, end, self.family, self.given, self.key, self.surface, self.words, None, self.country,
                       0, self.not_country, None, self.coref_only, self.marked_home, "name", None)


@dataclass(slots=True)
class Person:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    country_rank: int = 0
    portfolio: str | None = None
    ministry_id: str | None = None
    country_source: str | None = None
    id: str | None = None  # an office-holder id of the knowledge base


def person_key(country: str | None, family: str) -> str | None:
    """The stable key of a person the knowledge base does not know: country and family name ("DE:wadephul")."""
    if country is None:
        return None
    return country + ":" + "-".join(_KEY_WORD.findall(name_key(family)))


_KEY_WORD = re.compile(r"\w+")


def _honorific_alternation(forms: Sequence[str]) -> str:
    parts = [r"\s*".join(re.escape(p) for p in f.split()) for f in sorted(forms, key=len, reverse=True)]
    return "|".join(parts) if parts else "(?!)"


def name_key(family: str) -> str:
    """A family name compared ignoring case and accents ("MAAS" = "Maas")."""
    key = _NAME_KEYS.get(family)
    if key is None:
        key = _memo(_NAME_KEYS, family, _name_key(family))
    return key


_NAME_KEYS: dict[str, str] = {}


def _name_key(family: str) -> str:
    return unmarked(unicodedata.normalize("NFKD", family.casefold()))


class _NoMarks(dict[int, "int | None"]):
    """A ``str.translate`` table that drops the combining marks (filled as characters are met)."""

    def __missing__(self, code: int) -> int | None:
        value = self[code] = None if unicodedata.combining(chr(code)) else code
        return value


_NO_MARKS = _NoMarks()


def unmarked(text: str) -> str:
    """``text`` without its combining marks (those of a decomposed form: "Jo\u0308rg" -> "Jorg")."""
    return text if text.isascii() else text.translate(_NO_MARKS)


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _capitalise(word: str) -> str:
    """A word in capitals as a plain capitalised name ("KRAMP-KARRENBAUER" -> "Kramp-Karrenbauer")."""
    if len(word) > 1 and word.isupper():
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)
    return word


class _OffsetIndex:
    """The index of the word that starts (or ends) at a character offset, by bisection of the sorted
    offsets: a dict per document would cost a Python step per word."""

    __slots__ = ("offsets",)

    def __init__(self, offsets: list[int]) -> None:
        self.offsets = offsets

    def get(self, pos: int) -> int | None:
        k = bisect.bisect_left(self.offsets, pos)
        return k if k < len(self.offsets) and self.offsets[k] == pos else None

    def __contains__(self, pos: int) -> bool:
        return self.get(pos) is not None

    def __getitem__(self, pos: int) -> int:
        k = self.get(pos)
        if k is None:
            raise KeyError(pos)
        return k


def _memo(cache: dict[str, Any], key: str, value: Any) -> Any:
    """Store ``value`` under ``key`` (emptying ``cache`` first when full) and return it."""
    if len(cache) >= MEMO_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def _most_words(phrases: Sequence[str]) -> int:
    """The most words (split at spaces) of any of ``phrases``."""
    return max((len(x.split()) for x in phrases), default=0)


def _lengths_by_first(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[int]]:
    """The word counts of ``phrases`` by their first word, longest first."""
    out: dict[str, set[int]] = {}
    for words in phrases:
        if words:
            out.setdefault(words[0], set()).add(len(words))
    return {first: sorted(lengths, reverse=True) for first, lengths in out.items()}


@dataclass(slots=True)
class _Output:
    start: int
    end: int
    attrs: dict[str, Any]


# What may not stand right before or after a name alone: a letter, digit or hyphen.
_NAME_NEIGHBOUR = re.compile(r"[\w\-‐]")


def name_hits(text: str, forms: Iterable[str]) -> Iterator[tuple[int, int]]:
    """The (start, end) of each form of a name in ``text``, as ``finditer`` of the longest-first
    alternation of the forms between "(?<![\\w\\-‐])" and "(?![\\w\\-‐])" gives them.

    Found with ``str.find`` per form: a document names a few dozen persons, and compiling a
    pattern per person costs more than searching the text with it. Each form's next occurrence
    is searched for once and kept until the search has passed it.
    """
    ordered = [f for f in sorted(set(forms), key=lambda f: (-len(f), f)) if f]  # "" is never a hit
    neighbour = _NAME_NEIGHBOUR.match
    n = len(text)

    def first_at(form: str, pos: int) -> int:
        """The first occurrence of ``form`` at or after ``pos`` with no name character after it, or -1."""
        a = text.find(form, pos)
        while a != -1:
            end = a + len(form)
            if end >= n or not neighbour(text, end):
                return a
            a = text.find(form, a + 1)
        return -1

    # Each form's first occurrence at or after a position no later than ``pos`` (-1: none): still its
    # first at or after ``pos`` where it is not before ``pos``.
    found: dict[str, int] = {}
    pos = 0
    while True:
        best: tuple[int, int] | None = None  # (start, end) of the leftmost match, the longest there
        for form in ordered:  # longest first: at one start, the first form found wins
            a = found.get(form, -2)
            if a == -2 or 0 <= a < pos:
                a = found[form] = first_at(form, pos)
            if a != -1 and (best is None or a < best[0]):
                best = (a, a + len(form))
        if best is None:
            return
        a, end = best
        if a > 0 and neighbour(text, a - 1):
            pos = a + 1  # no match of the look-behind form starts before a + 1
            continue
        yield best
        pos = end


def split_namesakes(cands: list[Mention]) -> None:
    """Two persons of one family name ("Kenji Sato", "Ichiro Sato") keep two keys; a mention without a
    given name belongs to the one named last before it. Given names where one starts the other ("S.",
    "Subrahmanyam") are one person's."""
    groups: dict[str, list[Mention]] = {}
    for m in cands:
        groups.setdefault(m.key, []).append(m)
    for key, ms in groups.items():
        givens = {name_key(m.given).replace(".", "") for m in ms if m.given and not m.coref_only}
        if len(givens) < 2 or any(g != h and g.startswith(h) for g in givens for h in givens):
            continue
        ms.sort(key=lambda m: m.start)
        named = [m for m in ms if m.given and not m.coref_only]
        last = f"{key}|{name_key(named[0].given or '')}"
        for m in ms:
            if m.given and not m.coref_only:
                last = f"{key}|{name_key(m.given)}"
            m.key = last


def _combine(a: Title, b: Title) -> Title:
    """Two titles of one person ("Bundesaußenminister und Vizekanzler")."""
    out = a.at(a.start, b.end)
    if out.portfolio is None or (out.role and not b.role and b.portfolio):
        out.portfolio = b.portfolio or out.portfolio
    if b.country_rank > out.country_rank:
        out.country, out.country_rank = b.country, b.country_rank
    out.not_country = a.not_country | b.not_country
    out.marked_home = a.marked_home or b.marked_home
    out.ministry_id = a.ministry_id or b.ministry_id
    out.bare = a.bare and b.bare
    return out


class DocumentParts:
    """The attributes of the per-document work object (``component._Document``) that its mixins read."""

    p: Any
    text: str
    texts: list[str]
    starts: list[int]
    ends: list[int]
    n: int
    kinds: dict[int, int]  # Patterns.word_kind of the words where it is not 0
    titled: dict[int, bool]  # whether a title starts at a word, where judged
    names_at: dict[int, list[int]]  # the name starting at a word, where judged
    may: list[int]  # the words not all in small letters
    may_lowers: list[str]  # their small letters
    may_beyond_ascii: list[int]  # those of them beyond ASCII
    country_starts: list[int]  # the starts and ends of the country mentions, in order
    country_ends: list[int]
    lowers: list[str]  # the words in small letters
    read: list[int]  # the words that are no token of their own (``words.WordReader``)


class Spans:
    """Character spans [start, end); whether one overlaps a stretch, by bisection of their starts."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._index()

    def _index(self) -> None:
        self.starts = [s for s, _ in self.spans]
        self.reach = list(accumulate((e for _, e in self.spans), max))  # the furthest end so far

    def overlaps(self, a: int, b: int) -> bool:
        """Whether some span (s, e) has ``a < e and s < b``."""
        k = bisect.bisect_left(self.starts, b)
        return k > 0 and self.reach[k - 1] > a

    def add(self, a: int, b: int) -> None:
        # In place (a new index per added span made many name-only mentions quadratic): the furthest
        # end so far changes only from the new span on, and only until an end beyond it.
        k = bisect.bisect_right(self.spans, (a, b))
        self.spans.insert(k, (a, b))
        self.starts.insert(k, a)
        reach = self.reach
        r = max(reach[k - 1], b) if k else b
        reach.insert(k, r)
        j = k + 1
        while j < len(reach) and reach[j] < r:
            reach[j] = r
            j += 1
