"""Where in a text a date pattern can match: one cheap scan instead of a pass per pattern.

Every date pattern starts with a word of a short list (a month, a weekday, a modifier, a
context word such as "im") or with a digit, and nearly all of them with a look-behind that
puts that word at a word start. A look-behind at the head of a pattern stops ``re`` from
skipping ahead by first character, so each of the grammar's ~35 passes over a text cost
about the same as reading it character by character.

:class:`AnchorIndex` reads the possible first words off each compiled pattern's own parse
tree (so they follow the vocabulary in ``dates.toml`` by construction), finds the words of
a text that begin with one of them in one regex pass, and tells each pattern where it may
start. :func:`finditer` then tries the pattern only there and yields exactly what
``pattern.finditer(text)`` yields: a pattern can only match where it can start, and the
non-overlapping left-to-right order is kept. A pattern whose start cannot be read off
(none of the grammar's today) is run over the whole text as before.

Many first words are common ("in", "of", "vor"): :func:`paths_of` also reads off each
pattern what the next word must start with where the first word ends ("in" + a month), and
a start whose next word cannot begin so is dropped; that too only narrows where a pattern
cannot match. The check is memoised per piece of text, or per piece and the next one where
the first word ends its piece.
"""

from __future__ import annotations

import re
import re._parser as sre_parse
from collections.abc import Iterator, Sequence
from itertools import compress, count
from typing import Any

from .._memo import Memo
from .patterns import DIGIT, Anchor, Path, alternation, anchors_of, local_head, paths_of

__all__ = ["DIGIT", "MEMO_KEY_CHARS", "Anchor", "AnchorIndex", "Path", "alternation", "anchors_of", "finditer",
           "local_head", "paths_of"]

_WORD_CHAR = re.compile(r"\w")
#: The memo of word -> patterns is cleared past this size (numbers make it grow with the corpus).
_MEMO_LIMIT = 100_000
#: Longer keys are not memoised.
MEMO_KEY_CHARS = 64


class AnchorIndex:
    """The possible start positions of each of a list of patterns in a text, from one scan."""

    def __init__(self, patterns: Sequence[str]) -> None:
        parsed = [sre_parse.parse(p) for p in patterns]
        self.anchors: list[frozenset[Anchor] | None] = [anchors_of(p) for p in parsed]
        #: Patterns run over the whole text.
        self.unbounded = [i for i, a in enumerate(self.anchors) if a is None]
        word_anchors = [(i, a) for i, ans in enumerate(self.anchors) if ans for a in ans if a.word_start]
        exact = sorted({a.prefix for _, a in word_anchors if a.exact and a.prefix != DIGIT})
        prefixes = sorted({a.prefix for _, a in word_anchors if not a.exact and a.prefix != DIGIT})
        heads = [rf"{alternation(exact)}(?!\w)"] if exact else []
        heads.append(rf"(?:{alternation(prefixes)}|\d)\w*" if prefixes else r"\d\w*")
        head = "|".join(heads)
        # A word start is the text's start or follows a non-word character; "\W" first lets
        # ``re`` skip to the candidates by character class.
        self._word_scan = re.compile(rf"\W({head})")
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._digit: list[int] = []
        for i, a in word_anchors:
            if a.prefix == DIGIT:
                self._digit.append(i)
            else:
                (self._exact if a.exact else self._prefix).setdefault(a.prefix, []).append(i)
        self._memo = Memo(self._word_patterns, _MEMO_LIMIT, MEMO_KEY_CHARS)
        anywhere = sorted({a.prefix for ans in self.anchors if ans for a in ans if not a.word_start})
        self._anywhere_of = {w: tuple(sorted({i for i, ans in enumerate(self.anchors) if ans
                                              for a in ans if not a.word_start and w.startswith(a.prefix)}))
                             for w in anywhere}
        self._anywhere = re.compile(alternation(anywhere)) if anywhere else None
        self._n = len(patterns)
        self._pieces = Memo(self._piece_anchors, _MEMO_LIMIT, MEMO_KEY_CHARS)
        self._heads = [local_head(p) for p in parsed]
        self._next_words = [_next_words(p) for p in parsed]
        self._pairs = Memo(self._pair_anchors, _MEMO_LIMIT, MEMO_KEY_CHARS)

    def _patterns_of(self, word: str) -> tuple[int, ...]:
        """The patterns that may start at a word start followed by ``word`` (a whole word)."""
        return self._memo[word]  # type: ignore[no-any-return]

    def _word_patterns(self, word: str) -> tuple[int, ...]:
        ids = set(self._exact.get(word, ()))
        for i in range(1, len(word) + 1):
            ids.update(self._prefix.get(word[:i], ()))
        if word[0].isdecimal():
            ids.update(self._digit)
        return tuple(sorted(ids))

    def starts(self, text: str) -> list[list[int] | None]:
        """For each pattern, the ascending positions where it may match (None: anywhere)."""
        found = dict(self.active(text))
        return [found.get(i, []) for i in range(self._n)]

    def active(self, text: str) -> list[tuple[int, list[int] | None]]:
        """The patterns that may match in ``text``, in order, with the ascending positions
        where they may start (None: anywhere)."""
        out: dict[int, list[int]] = {}
        # The text cut at its spaces: a piece's anchors depend on the piece alone (a space is
        # no word character), so they are found once per distinct piece and the pieces of a
        # document are looked up in C (map, compress), not word by word in Python.
        pieces = text.split(" ")
        anchored = self._pieces.__getitem__
        pairs = self._pairs.__getitem__
        base = done = 0  # the offset of piece ``done``
        last = len(pieces) - 1
        for k in compress(count(), map(anchored, pieces)):
            entries, open_ = anchored(pieces[k])
            if open_:  # a first word ends the piece: what the next piece begins with decides
                entries = pairs((pieces[k], pieces[k + 1] if k < last else None))
                if not entries:  # most often: the piece's offset is not needed
                    continue
            base += sum(map(len, pieces[done:k])) + k - done  # the pieces between, and a space after each
            done = k
            for offset, ids in entries:
                for i in ids:
                    at = out.get(i)
                    if at is None:
                        out[i] = [base + offset]
                    else:
                        at.append(base + offset)
        return sorted([*out.items(), *((i, None) for i in self.unbounded)])

    def _piece_anchors(self, piece: str) -> tuple[Entries, bool] | tuple[()]:
        """The offsets in a space-free piece of text where patterns may start, with their ids,
        and whether the next piece may still rule some out; () where none may start."""
        entries = self._piece_entries(piece)
        if not entries:
            return ()
        if any(self._decide(i, piece, offset, _BEYOND) is None for offset, ids in entries for i in ids):
            return entries, True
        return self._decided(piece, _BEYOND), False

    def _pair_anchors(self, pair: tuple[str, str | None]) -> Entries:
        """The entries of a piece whose first words end it, given the next piece (None: the
        text ends)."""
        return self._decided(*pair)

    def _decided(self, piece: str, after: str | None | object) -> Entries:
        """The piece's entries without the patterns that the word after their first rules out."""
        kept = ((offset, tuple(i for i in ids if self._decide(i, piece, offset, after) is not False))
                for offset, ids in self._piece_entries(piece))
        return tuple((offset, ids) for offset, ids in kept if ids)

    def _decide(self, i: int, piece: str, offset: int, after: str | None | object) -> bool | None:
        """Whether pattern ``i`` may start at ``offset`` of ``piece``, by the word that follows.

        ``after`` is the next piece (None: the text ends with this piece) or :data:`_BEYOND`
        (unknown: None is returned where the word after lies beyond the piece).
        """
        by_word = self._next_words[i]
        if by_word is None:
            return True
        word = _WORD_RUN.match(piece, offset).group()  # type: ignore[union-attr]
        follow = by_word.get(word)
        if follow is None:
            return True
        rest = piece[offset + len(word):]
        nxt = _WORD_CHAR.search(rest)
        if nxt is not None:
            return _starts_with_any(rest[nxt.start():], follow)
        if after is _BEYOND:
            return None
        if after is None:
            return False  # the text ends without the word the pattern needs
        assert isinstance(after, str)
        nxt = _WORD_CHAR.search(after)
        # Only non-word characters in the next piece: the word is further on; keep the pattern.
        return True if nxt is None else _starts_with_any(after[nxt.start():], follow)

    def _piece_entries(self, piece: str) -> Entries:
        """The offsets in a space-free piece of text where patterns may start, with their ids."""
        found: dict[int, set[int]] = {}
        # A piece follows a space or the text's start: its first word starts a word too.
        for m in self._word_scan.finditer(" " + piece):
            found.setdefault(m.start(1) - 1, set()).update(self._patterns_of(m.group(1)))
        if self._anywhere is not None:
            # Anchors looked for without a word start, overlapping ones included.
            m = self._anywhere.search(piece)
            while m is not None:
                found.setdefault(m.start(), set()).update(self._anywhere_of[m.group()])
                m = self._anywhere.search(piece, m.start() + 1)
        heads = self._heads
        kept = ((offset, tuple(i for i in sorted(ids) if heads[i] is None or heads[i].match(piece, offset)))
                for offset, ids in sorted(found.items()))
        return tuple((offset, ids) for offset, ids in kept if ids)


Entries = tuple[tuple[int, tuple[int, ...]], ...]
#: The next piece is not known yet (see ``AnchorIndex._decide``).
_BEYOND = object()
_WORD_RUN = re.compile(r"\w*")


def _next_words(pattern: Any) -> dict[str, frozenset[str]] | None:
    """For the first words of ``pattern`` after which some word must follow, the prefixes that
    next word may start with (a word absent may be followed by anything); None: no pattern."""
    paths = paths_of(pattern)
    if paths is None:
        return None
    loose = frozenset(p.prefix for p in paths if not p.ends)
    out: dict[str, frozenset[str]] = {}
    free: set[str] = set()
    for p in paths:
        if not p.ends:
            continue
        if p.follow is None or any(_starts_with_any(p.prefix, frozenset([q])) for q in loose):
            free.add(p.prefix)  # some way on does not depend on the next word
        else:
            out[p.prefix] = out.get(p.prefix, frozenset()) | p.follow
    for word in free:
        out.pop(word, None)
    return out


def _starts_with_any(text: str, prefixes: frozenset[str]) -> bool:
    """Whether ``text`` starts with one of ``prefixes`` (DIGIT: a decimal digit)."""
    return any(text[:1].isdecimal() if q == DIGIT else text.startswith(q) for q in prefixes)


def finditer(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only at ``starts`` (None: everywhere)."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    match = pattern.match
    end = 0
    for start in starts:
        if start < end:
            continue
        m = match(text, start)
        if m is not None:
            yield m
            end = m.end()
