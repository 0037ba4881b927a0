"""The view: a normalised text and the map from its characters back to the original.

Every view character knows the original stretch it comes from (``start`` and ``end``
offsets into the caller's text). A character copied or replaced one for one maps to
one original character; a replacement of a different length (a run of whitespace read
as one space, "…" read as "...", a decomposed "a" + U+0308 read as "ä") maps each of its
characters to the whole replaced stretch; dropped characters (soft hyphens, tags) have
no view character at all. A view span ``[a, b)`` maps back to ``(start[a], end[b - 1])``:
dropped characters inside a span stay inside it, dropped ones at its edges stay outside.

The view is built in stages, each a list of edits (start, end, replacement) on the text
of the stage before. A view keeps each stage's segments (where each stretch of its text comes
from in the text before it) and maps an offset back through them when asked, by a binary
search per stage: a document maps a few dozen offsets (its entities and segments), where
composing a map of every character cost more than all of them. The map of every character
(``starts``, ``ends``) is composed on request, with numpy.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import numpy as np

#: One edit of a stage: replace ``text[start:end]`` by ``replacement``.
Edit = tuple[int, int, str]


class _Stage:
    """Where each stretch (segment) of a stage's text comes from in the text before it: new
    segment ``k`` starts at ``new_starts[k]``, is ``new_lens[k]`` long and replaces
    ``old_lens[k]`` characters from ``old_starts[k]``; a segment of equal lengths maps one
    for one, any other maps each of its characters to the whole old segment."""

    __slots__ = ("new_starts", "old_starts", "old_lens", "new_lens")

    def __init__(self, new_starts: list[int], old_starts: list[int], old_lens: list[int], new_lens: list[int]) -> None:
        self.new_starts = new_starts
        self.old_starts = old_starts
        self.old_lens = old_lens
        self.new_lens = new_lens

    def source(self, i: int) -> tuple[int, int]:
        """The ``[start, end)`` in the text before of the character ``i`` of this stage's text."""
        k = bisect.bisect_right(self.new_starts, i) - 1
        old_start, old_len = self.old_starts[k], self.old_lens[k]
        if old_len == self.new_lens[k]:
            at = old_start + i - self.new_starts[k]
            return at, at + 1
        return old_start, old_start + old_len

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`source` of every character, as two arrays."""
        return _source(np.asarray(self.old_starts, dtype=np.int64), np.asarray(self.old_lens, dtype=np.int64),
                       np.asarray(self.new_lens, dtype=np.int64))


class View:
    """A normalised text (``text``) over an original one (``original``).

    ``starts[i]`` and ``ends[i]`` are the original offsets of view character ``i``; both are
    None where the view is the original itself (nothing was changed).
    """

    __slots__ = ("text", "original", "_stages", "_arrays")

    def __init__(self, text: str, original: str, stages: tuple[_Stage, ...] = ()) -> None:
        self.text = text
        self.original = original
        self._stages = stages
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None

    def __repr__(self) -> str:
        return f"View(text={self.text!r}, original={self.original!r}, stages={len(self._stages)})"

    @property
    def identity(self) -> bool:
        """Whether the view is the original text, offset for offset."""
        return not self._stages

    @property
    def starts(self) -> np.ndarray | None:
        """The original start offset of each view character (None for an identity view)."""
        return self._map()[0] if self._stages else None

    @property
    def ends(self) -> np.ndarray | None:
        """The original end offset of each view character (None for an identity view)."""
        return self._map()[1] if self._stages else None

    def _map(self) -> tuple[np.ndarray, np.ndarray]:
        if self._arrays is None:
            starts, ends = self._stages[0].arrays()
            for stage in self._stages[1:]:
                src_start, src_end = stage.arrays()
                if len(src_start):
                    starts, ends = starts[src_start], ends[src_end - 1]
                else:
                    starts, ends = src_start, src_end
            self._arrays = (starts, ends)
        return self._arrays

    def _start(self, i: int) -> int:
        for stage in reversed(self._stages):
            i = stage.source(i)[0]
        return i

    def _end(self, i: int) -> int:
        """The original end of view character ``i``."""
        for stage in reversed(self._stages):
            i = stage.source(i)[1] - 1
        return i + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of the view span ``[start, end)``.

        An empty span maps to the original position of the character at ``start`` (or to
        the end of the original text at the end of the view).
        """
        if not self._stages:
            return start, end
        if end <= start:
            position = self.position(start)
            return position, position
        return self._start(start), self._end(end - 1)

    def position(self, offset: int) -> int:
        """The original offset of the view position ``offset`` (a gap between characters)."""
        if not self._stages:
            return offset
        if offset >= len(self.text):
            return len(self.original)
        return self._start(offset)

    def with_text(self, text: str) -> View:
        """The same map over another text of the same length (a case-only change)."""
        if len(text) != len(self.text):
            raise ValueError("a view's text can only be replaced by one of the same length")
        if not self._stages and text != self.original:
            n = len(text)
            return View(text, self.original, (_Stage([0], [0], [n], [n]),))
        view = View(text, self.original, self._stages)
        view._arrays = self._arrays
        return view


def apply_edits(view: View, edits: Sequence[Edit]) -> View:
    """The view after ``edits`` (sorted, non-overlapping) of its text."""
    if not edits:
        return view
    text = view.text
    parts: list[str] = []
    # Segments of the new text: (new start, old start, old length, new length).
    new_starts: list[int] = []
    old_starts: list[int] = []
    old_lens: list[int] = []
    new_lens: list[int] = []
    cursor = 0
    at = 0
    for start, end, repl in edits:
        if start > cursor:
            parts.append(text[cursor:start])
            new_starts.append(at)
            old_starts.append(cursor)
            old_lens.append(start - cursor)
            new_lens.append(start - cursor)
            at += start - cursor
        if repl:
            parts.append(repl)
            new_starts.append(at)
            old_starts.append(start)
            old_lens.append(end - start)
            new_lens.append(len(repl))
            at += len(repl)
        cursor = end
    if cursor < len(text):
        parts.append(text[cursor:])
        new_starts.append(at)
        old_starts.append(cursor)
        old_lens.append(len(text) - cursor)
        new_lens.append(len(text) - cursor)
    return View("".join(parts), view.original, (*view._stages, _Stage(new_starts, old_starts, old_lens, new_lens)))


def _source(old_starts: np.ndarray, old_lens: np.ndarray, new_lens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per new character, the ``[start, end)`` it comes from in the old text.

    A segment of equal lengths maps one for one; any other maps each of its characters to
    the whole old segment.
    """
    total = int(new_lens.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    seg_starts = np.cumsum(new_lens) - new_lens
    start = np.arange(total, dtype=np.int64) + np.repeat(old_starts - seg_starts, new_lens)
    linear = old_lens == new_lens
    if linear.all():
        return start, start + 1
    other = np.repeat(~linear, new_lens)
    start = np.where(other, np.repeat(old_starts, new_lens), start)
    end = np.where(other, np.repeat(old_starts + old_lens, new_lens), start + 1)
    return start, end


def merge_edits(*groups: Iterable[Edit]) -> list[Edit]:
    """Edits of several finders over one text, sorted; an edit overlapping an earlier one is skipped."""
    merged: list[Edit] = []
    last_end = -1
    for edit in sorted((e for g in groups for e in g), key=lambda e: (e[0], e[1])):
        if edit[0] < last_end:
            continue
        merged.append(edit)
        last_end = max(last_end, edit[1])
    return merged
