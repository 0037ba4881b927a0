"""The view: a normalised text and the map from its characters back to the original.

Every view character knows the original stretch it comes from (``start`` and ``end``
offsets into the caller's text). A character copied or replaced one for one maps to
one original character; a replacement of a different length (a run of whitespace read
as one space, "…" read as "...", a decomposed "a" + U+0308 read as "ä") maps each of its
characters to the whole replaced stretch; dropped characters (soft hyphens, tags) have
no view character at all. A view span ``[a, b)`` maps back to ``(start[a], end[b - 1])``:
dropped characters inside a span stay inside it, dropped ones at its edges stay outside.

The view is built in stages, each a list of edits (start, end, replacement) on the text
of the stage before; the maps compose with numpy, and a stage without edits costs a scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

#: One edit of a stage: replace ``text[start:end]`` by ``replacement``.
Edit = tuple[int, int, str]


@dataclass(frozen=True, slots=True, eq=False)
class View:
    """A normalised text (``text``) over an original one (``original``).

    ``starts[i]`` and ``ends[i]`` are the original offsets of view character ``i``; both are
    None where the view is the original itself (nothing was changed).
    """

    text: str
    original: str
    starts: np.ndarray | None = None
    ends: np.ndarray | None = None

    @property
    def identity(self) -> bool:
        """Whether the view is the original text, offset for offset."""
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` of the view span ``[start, end)``.

        An empty span maps to the original position of the character at ``start`` (or to
        the end of the original text at the end of the view).
        """
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            position = self.position(start)
            return position, position
        return int(self.starts[start]), int(self.ends[end - 1])

    def position(self, offset: int) -> int:
        """The original offset of the view position ``offset`` (a gap between characters)."""
        if self.starts is None:
            return offset
        if offset >= len(self.text):
            return len(self.original)
        return int(self.starts[offset])

    def with_text(self, text: str) -> View:
        """The same map over another text of the same length (a case-only change)."""
        if len(text) != len(self.text):
            raise ValueError("a view's text can only be replaced by one of the same length")
        if self.starts is None and text != self.original:
            identity = np.arange(len(text), dtype=np.int64)
            return View(text, self.original, identity, identity + 1)
        return View(text, self.original, self.starts, self.ends)


def apply_edits(view: View, edits: Sequence[Edit]) -> View:
    """The view after ``edits`` (sorted, non-overlapping) of its text."""
    if not edits:
        return view
    text = view.text
    parts: list[str] = []
    # Segments of the new text: (old start, old length, new length).
    old_starts: list[int] = []
    old_lens: list[int] = []
    new_lens: list[int] = []
    cursor = 0
    for start, end, repl in edits:
        if start > cursor:
            parts.append(text[cursor:start])
            old_starts.append(cursor)
            old_lens.append(start - cursor)
            new_lens.append(start - cursor)
        if repl:
            parts.append(repl)
            old_starts.append(start)
            old_lens.append(end - start)
            new_lens.append(len(repl))
        cursor = end
    if cursor < len(text):
        parts.append(text[cursor:])
        old_starts.append(cursor)
        old_lens.append(len(text) - cursor)
        new_lens.append(len(text) - cursor)
    new_text = "".join(parts)
    src_start, src_end = _source(np.asarray(old_starts, dtype=np.int64), np.asarray(old_lens, dtype=np.int64),
                                 np.asarray(new_lens, dtype=np.int64))
    if view.starts is None or view.ends is None:
        return View(new_text, view.original, src_start, src_end)
    if not len(new_text):
        return View(new_text, view.original, src_start, src_end)
    return View(new_text, view.original, view.starts[src_start], view.ends[src_end - 1])


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
