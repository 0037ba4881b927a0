"""The words of the agreement rules, read from spaCy's tokens.

The rules see spaCy's tokens, joined where a name keeps parts together that spaCy splits
("Iran-Abkommen", "U.S.-Japan", "2+2", "People's Republic"), and with the punctuation that
spaCy's special cases glue to a word set apart ("Dr." is "Dr" and ".", "):" is ")" and ":").

A token is read as its *pieces*: a plain token (letters and digits) is one piece; any other
token is cut into runs of word characters and single punctuation marks. Adjacent pieces (no
whitespace between them) join into one word:

- a run of word characters and ``+`` continues over the next piece that starts with one ("2+2",
  "cannot");
- a hyphen, dash or dot between word characters joins both sides ("Japan-U.K.", "4.0"), and a
  dot before such a hyphen ("U.S.-Japan");
- an apostrophe before word characters ("O'Neill"), but a possessive "'s" only before a
  capitalised word ("People's Republic"; "Japan's efforts" stays "Japan", "'", "s");
- a hyphen after a word, before whitespace or a comma, ends a truncated compound ("Sach-"), and
  one after whitespace before letters starts the second part of one ("-technologie");
- a full stop after a dotted capital ("U.S.") belongs to it.

Each word knows whether it starts a sentence or a line: the text's first word, one after a
sentence-final punctuation mark (``.!?:;``), one after whitespace holding a line break.
"""

from __future__ import annotations

import bisect
import re

from ..._memo import Memo
from .words import _SENTENCE_END, Word, _is_word

#: The pieces of a token that is not plain letters and digits: word characters (with "+"), one
#: punctuation mark, or underscores (which continue a word, and start none: as whitespace).
_PIECE = re.compile(r"[^\W_][\w+]*|[^\w\s]|_+")
#: A possessive "s" that joins its word: followed by whitespace and a capital.
_POSSESSIVE = re.compile(r"s\s+[A-ZÄÖÜ]")
#: Joins a run of word characters to the run that follows.
_CONNECTORS = frozenset("-–.")
_APOSTROPHES = frozenset("'’")
#: Punctuation that is always a word by itself.
_ALONE = frozenset(",;:!?()[]{}\"“”„«»")


def _kind(text: str) -> tuple[bool, bool]:
    """Whether a word is a word, and whether it ends a sentence (punctuation only)."""
    is_word = _is_word(text)
    return is_word, not is_word and text in _SENTENCE_END


#: ``_kind`` of each distinct word text.
_KINDS = Memo(_kind, max_key_chars=64)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _pieces(texts: list[str], starts: list[int], a: int, b: int, lo: int, hi: int) -> list[tuple[str, int]]:
    """(text, start) of the pieces of tokens a..b that lie within the characters [lo, hi)."""
    out: list[tuple[str, int]] = []
    append = out.append
    for i in range(a, b):
        t = texts[i]
        s = starts[i]
        if t.isalnum() and lo <= s and s + len(t) <= hi:
            append((t, s))
            continue
        for m in _PIECE.finditer(t):
            p = s + m.start()
            if lo <= p and s + m.end() <= hi:
                append((m.group(), p))
    return out


def build_words(
    text: str, texts: list[str], starts: list[int], lo: int, hi: int, out: list[Word], after: Word | None
) -> None:
    """Append to ``out`` the words of the characters [lo, hi) of ``text``, whose spaCy tokens
    are ``texts`` at ``starts``.

    ``lo`` must be where the words of the whole text also start over: 0, whitespace or the end
    of a word; ``hi`` the end of the text or of a punctuation word (no word looks ahead past
    it). ``after`` is the word before ``lo``; without it the first word counts as
    sentence-initial.
    """
    a = bisect.bisect_right(starts, lo) - 1
    if a < 0 or starts[a] + len(texts[a]) <= lo:
        a += 1
    b = bisect.bisect_left(starts, hi)
    prev_ends_sentence = after is None or (not after.is_word and after.text in _SENTENCE_END)
    prev_end = after.end if after is not None else lo
    kinds = _KINDS
    append = out.append
    i = a
    while i < b:
        t = texts[i]
        s = starts[i]
        e = s + len(t)
        if lo <= s and e <= hi:
            # the usual token: a plain word, or a punctuation mark, that joins nothing around it
            if i + 1 < b and starts[i + 1] == e:
                c = texts[i + 1][0]
                joins = c.isalnum() or c in _JOINING or (c == "." and _joins_full_stop(text, e, hi))
            else:
                joins = False
            if t.isalnum():
                if not joins:
                    gap = text[prev_end:s]
                    append(Word(t, s, e, True, prev_ends_sentence or (gap != " " and "\n" in gap)))
                    prev_ends_sentence = False
                    prev_end = e
                    i += 1
                    continue
            elif len(t) == 1 and t != "_" and not t.isspace() and not (t == "-" and joins and text[s - 1].isspace()):
                gap = text[prev_end:s]
                is_word, ends_sentence = kinds[t]
                append(Word(t, s, e, is_word, prev_ends_sentence or (gap != " " and "\n" in gap)))
                prev_ends_sentence = ends_sentence
                prev_end = e
                i += 1
                continue
        j = i + 1  # the run of tokens without whitespace between them, read piece by piece
        while j < b and starts[j] == starts[j - 1] + len(texts[j - 1]):
            j += 1
        prev_ends_sentence, prev_end = _build(text, _pieces(texts, starts, i, j, lo, hi), hi,
                                              (prev_ends_sentence, prev_end), out)
        i = j


#: What may continue a word right after it, besides letters and digits and a full stop.
_JOINING = frozenset("+_-–'’")


def _joins_full_stop(text: str, e: int, hi: int) -> bool:
    """Does the full stop at ``e``, right after a word, belong to it? It joins a dotted capital
    ("U.S.") or what follows it ("4.0", "U.S.-Japan")."""
    nxt = text[e + 1] if e + 1 < hi else " "
    return nxt.isalnum() or (nxt in "-–" and e + 2 < hi and text[e + 2].isalnum()) or (
        e >= 3 and "A" <= text[e - 3] <= "Z" and text[e - 2] == "." and "A" <= text[e - 1] <= "Z"
    )


def _build(
    text: str, pieces: list[tuple[str, int]], hi: int, state: tuple[bool, int], out: list[Word]
) -> tuple[bool, int]:
    """Append the words of ``pieces`` to ``out`` (see :func:`build_words`). ``state``: whether the
    word before ends a sentence, and where it ends; returned for the words after."""
    prev_ends_sentence, prev_end = state
    kinds = _KINDS
    append = out.append
    n = len(pieces)
    k = 0
    while k < n:
        t, s = pieces[k]
        k += 1
        if t[0] == "_":
            continue
        e = s + len(t)
        if t[0].isalnum() or (
            t == "-" and s > 0 and text[s - 1].isspace() and k < n and pieces[k][1] == e and pieces[k][0][0].isalpha()
        ):
            if t == "-":  # "-technologie": the second part of a truncated compound
                t, e = t + pieces[k][0], e + len(pieces[k][0])
                k += 1
            k, t, e = _continue(text, pieces, k, t, e, hi)
        gap = text[prev_end:s]
        is_word, ends_sentence = kinds[t]
        append(Word(t, s, e, is_word, prev_ends_sentence or (gap != " " and "\n" in gap)))
        prev_ends_sentence = ends_sentence
        prev_end = e
    return prev_ends_sentence, prev_end


def _continue(text: str, pieces: list[tuple[str, int]], k: int, t: str, e: int, hi: int) -> tuple[int, str, int]:
    """Join to the word ``t`` (ending at ``e``) the adjacent pieces from ``k`` on that continue it."""
    n = len(pieces)
    while k < n and pieces[k][1] == e:
        nt, ns = pieces[k]
        c = nt[0]
        if c.isalnum() or c == "+" or c == "_":  # "2" "+" "2", "can" "not"
            t, e, k = t + nt, e + len(nt), k + 1
            continue
        if len(nt) != 1:
            break
        nxt = pieces[k + 1] if k + 1 < n and pieces[k + 1][1] == ns + 1 else None
        if c in _CONNECTORS and nxt is not None and nxt[0][0].isalnum():  # "Japan" "-" "Germany"
            t, e, k = t + nt + nxt[0], nxt[1] + len(nxt[0]), k + 2
            continue
        if c == "." and nxt is not None and nxt[0] in ("-", "–") and k + 2 < n and pieces[k + 2][1] == ns + 2 \
                and pieces[k + 2][0][0].isalnum():  # "U.S." "-" "Japan"
            last = pieces[k + 2]
            t, e, k = t + nt + nxt[0] + last[0], last[1] + len(last[0]), k + 3
            continue
        if c in _APOSTROPHES and nxt is not None and nxt[0][0].isalnum():
            after_s = ns + 2
            possessive_s = nxt[0][0] == "s" and (after_s >= hi or not _word_char(text[after_s]))
            if not possessive_s or _POSSESSIVE.match(text, ns + 1, hi):  # "O'Neill", "People's Republic"
                t, e, k = t + nt + nxt[0], nxt[1] + len(nxt[0]), k + 2
                continue
            break
        if c == "-" and ns + 1 < hi and (text[ns + 1].isspace() or text[ns + 1] == ","):  # "Sach-"
            return k + 1, t + nt, e + 1
        if c == "." and e >= 3 and "A" <= text[e - 3] <= "Z" and text[e - 2] == "." and "A" <= text[e - 1] <= "Z":
            return k + 1, t + nt, e + 1  # "U.S."
        break
    return k, t, e


def word_at(text: str, texts: list[str], starts: list[int], c: int, lo: int) -> tuple[int, int] | None:
    """(start, end) of the word that holds the character at ``c`` (a non-space), or None where a
    long run of text without spaces before ``c`` is not examined. ``lo``: where words start over."""
    floor = max(lo, c - 64)
    p = max(text.rfind(" ", floor, c), text.rfind("\n", floor, c), lo - 1) + 1
    if c - p > 64:
        return None
    ch = text[c]
    if ch in _ALONE:
        return c, c + 1  # punctuation that no word holds
    if ch == ".":
        before = text[c - 1] if c > p else " "
        if not _word_char(before) and before != "+":
            return c, c + 1
        if before.isalnum() and not _joins_full_stop(text, c, len(text)):
            return c, c + 1
    i = bisect.bisect_right(starts, c) - 1
    if i < 0:
        return None
    first = i
    while first > 0 and starts[first - 1] + len(texts[first - 1]) == starts[first] and starts[first - 1] >= lo \
            and not texts[first - 1].isspace():
        first -= 1
    p = max(starts[first], lo)
    last = i + 1
    while last < len(starts) and starts[last - 1] + len(texts[last - 1]) == starts[last] \
            and not texts[last].isspace():
        last += 1
    words: list[Word] = []
    _build(text, _pieces(texts, starts, first, last, p, len(text)), len(text), (True, p), words)
    for w in words:
        if w.end > c:
            return (w.start, w.end) if w.start <= c else None
    return None


def words_of_tokens(text: str, texts: list[str], starts: list[int]) -> list[Word]:
    """All the words of a text whose spaCy tokens are ``texts`` at ``starts``."""
    out: list[Word] = []
    build_words(text, texts, starts, 0, len(text), out, None)
    return out
