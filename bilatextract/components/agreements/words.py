"""Words of the agreement rules: a tokenisation that keeps names' inner hyphens and dots,
the mention record, and helpers over word sequences and text offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..._memo import Memo

#: Words: letters and digits, joined by inner hyphens, dashes, dots and apostrophes ("Iran-Abkommen",
#: "Japan–EU", "4.0", "2+2", "U.S.-Japan"; a possessive "'s" only before a capitalised word, as in
#: "People's Republic"), with a trailing hyphen for a
#: truncated compound ("Sach-") or a leading one for its second part ("-technologie").
#: (Runs of plain word characters are one repeat each: re is much slower at one alternation per
#: character.)
_WORD = (
    r"(?:(?<=\s)-(?=[^\W\d_]))?[^\W_][\w+]*"
    r"(?:(?:['’](?!s\b)(?=[^\W_])|['’](?=s\s+[A-ZÄÖÜ])|[-–.](?=[^\W_])|\.(?=[-–][^\W_]))[\w+]*)*"
    r"(?:-(?=[\s,])|(?<=[A-Z]\.[A-Z])\.)?"
)
_TOKEN_RE = re.compile(rf"{_WORD}|[^\w\s]")
#: A token and the text before it: whitespace, and the underscores that no token starts with.
_GAP_TOKEN_RE = re.compile(rf"([\s_]*)({_WORD}|[^\w\s])")
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


def tokenize(text: str) -> list[Word]:
    """Words and punctuation of ``text``, each knowing whether it starts a sentence or line."""
    out: list[Word] = []
    _tokenize_from(text, 0, len(text), out, None)
    return out


def _tokenize_from(text: str, pos: int, endpos: int, out: list[Word], after: Word | None) -> None:
    """Append the words of ``text[pos:endpos]`` to ``out``.

    ``pos`` must be where the tokens of the whole text would also start over: 0, after whitespace or
    at the end of a token; ``endpos`` the end of the text or of a punctuation token (no token looks
    ahead past one that ``_token_at`` confirms). ``after`` is the token before ``pos``; without it
    the first token counts as sentence-initial (right at 0; elsewhere the caller starts at a
    punctuation token, whose flag is never asked).
    """
    prev_ends_sentence = after is None or (not after.is_word and after.text in _SENTENCE_END)
    append = out.append
    kinds = _KINDS
    for gap, w in _GAP_TOKEN_RE.findall(text, pos, endpos):
        start = pos + len(gap)
        pos = start + len(w)
        is_word, ends_sentence = kinds[w]
        append(Word(w, start, pos, is_word, prev_ends_sentence or (gap != " " and "\n" in gap)))
        prev_ends_sentence = ends_sentence


def _kind(text: str) -> tuple[bool, bool]:
    """Whether a token is a word, and whether it ends a sentence (punctuation only)."""
    is_word = _is_word(text)
    return is_word, not is_word and text in _SENTENCE_END


#: ``_kind`` of each distinct token text.
_KINDS = Memo(_kind, max_key_chars=64)

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

def _token_at(text: str, c: int, lo: int) -> tuple[int, int] | None:
    """(start, end) of the token that holds the character at ``c`` (a non-space), or None where
    a long run of text without spaces before ``c`` is not examined.

    Tokens restart the same after whitespace and at ``lo`` (the end of a token or 0), so the token
    at ``c`` is found by tokenising from the last of them.
    """
    floor = max(lo, c - 64)
    p = max(text.rfind(" ", floor, c), text.rfind("\n", floor, c), lo - 1) + 1
    if c - p > 64:
        return None
    m = _TOKEN_RE.search(text, p)
    while m is not None and m.end() <= c:
        m = _TOKEN_RE.search(text, m.end())
    return None if m is None else m.span()


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

