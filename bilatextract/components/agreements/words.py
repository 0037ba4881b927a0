"""Words of the agreement rules (read from spaCy's tokens by ``tokens.py``), the mention record,
and helpers over word sequences and text offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9\-]{0,10}")
_SENTENCE_END = frozenset(".!?:;")
_OPEN_QUOTES = frozenset("\"“„«‚‘'»")
_CLOSE_QUOTES = frozenset("\"”“»’‘'«")


def _is_word(text: str) -> bool:
    """A word, not punctuation: it starts with a letter or digit (or a sign before one)."""
    return text[0].isalnum() or (len(text) > 1 and text[1].isalnum())


@dataclass(slots=True)
class Word:
    """A word or punctuation token (not frozen: a frozen dataclass costs 4x to create)."""

    text: str
    start: int
    end: int
    is_word: bool
    sentence_initial: bool


@dataclass(slots=True)
class Found:
    """A mention in word indices [start, end), with its attributes."""

    start: int
    end: int
    name: str | None = None
    abbreviation: str | None = None
    known: int | None = None  # index of the well-known agreement it names
    defines_by_bracket: bool = False
    id: str | None = None
    canonical: dict[str, str] | None = None
    parties: list[str] | None = None


#: Stands for the text between two words of a sequence in a trigger pattern: whitespace and the
#: underscores that no token starts with.
_GAP = "\x00"


def _trie_pattern(strings: Iterable[str]) -> str:
    """One alternation of ``strings`` with shared prefixes factored out: ``re`` tries the
    alternatives of a plain alternation one by one at every position."""
    trie: dict[str, dict] = {}
    for string in strings:
        node = trie
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        alternatives = [(r"[\s_]*" if ch == _GAP else re.escape(ch)) + pattern(node[ch]) for ch in sorted(node) if ch]
        if not alternatives:
            return ""
        optional = "" in node
        if len(alternatives) == 1 and not optional:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")" + ("?" if optional else "")

    return pattern(trie)


def _capitalised(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit()


def _acronym(w: str) -> bool:
    return bool(_ACRONYM_RE.fullmatch(w)) and sum(c.isupper() for c in w) >= 2

def _after_hyphen(text: str, c: int, lo: int) -> bool:
    """Does the token before offset ``c`` end in a hyphen? (Before ``lo``, the end of a stretch or
    the start of the text, there is no such token.)"""
    k = c - 1
    while k >= lo and (text[k].isspace() or text[k] == "_"):  # what no token starts with
        k -= 1
    return k >= lo and text[k] == "-"


def _occurrences(text: str, strings: set[str]) -> list[tuple[int, int]]:
    """Where ``strings`` occur in ``text`` (also inside words: a superset of their tokens)."""
    if not strings:
        return []
    pattern = "|".join(re.escape(s) for s in sorted(strings, key=lambda s: (-len(s), s)))
    return [m.span() for m in re.finditer(pattern, text)]


def _overlapping(words: list[Word], spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the words (in text order) that overlap one of the (sorted) spans."""
    starts = [w.start for w in words]
    out: list[int] = []
    for a, b in spans:
        j = bisect.bisect_right(starts, a) - 1
        if j < 0 or words[j].end <= a:
            j += 1
        if out and j <= out[-1]:
            j = out[-1] + 1
        while j < len(words) and words[j].start < b:
            out.append(j)
            j += 1
    return out


def _outside(stretches: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside one of the (sorted, disjoint) stretches."""
    starts = [a for a, _ in stretches]
    out = []
    for a, b in spans:
        j = bisect.bisect_right(starts, a) - 1
        if j < 0 or b > stretches[j][1]:
            out.append((a, b))
    return out


def _surface(words: list[Word], a: int, b: int) -> str:
    """The words a..b as written, with single spaces where the text had whitespace."""
    parts = [words[a].text]
    for k in range(a + 1, b):
        parts.append((" " if words[k].start > words[k - 1].end else "") + words[k].text)
    return "".join(parts)

