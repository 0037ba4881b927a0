"""Whitespace: every run read as one space, one line break or one paragraph break.

- A run without a line break (spaces, tabs, no-break U+00A0, narrow no-break U+202F, thin
  and other Unicode spaces) reads as one space.
- A run with two or more line breaks (a blank line) reads as a paragraph break, "\\n\\n".
- A run with one line break reads as "\\n" (a line of its own: a header, a dateline, a list
  item) or as a space (a line wrapped inside a sentence). It reads as a space when the line
  before does not end a sentence (. ! ? : ; …, perhaps followed by a closing quote or
  bracket), the next line is no list item, and
  * the next line starts in lower case (the sentence goes on), or
  * the line before ends with a comma, or
  * the line before is a wrapped line of a hard-wrapped block: not in capitals (a headline), at
    least 40 characters and at least 3/4 of the longest line of its block (three lines or more
    between blank lines), where that longest line is at most 120 characters (longer lines are
    paragraphs, not wrapped text).
  So "Berlin, 14. Oktober 2025" stays the first line of a release, and a header block
  followed by one-line paragraphs keeps its lines.
"""

from __future__ import annotations

import re

from .view import Edit

#: A whitespace run other than one plain space.
#: (A whitespace character first, so that the scan skips to candidates; then: not a space, or followed by more.)
_RUN = re.compile(r"\s(?:(?<! )|(?=\s))\s*")
#: Every whitespace character of ``\s`` but the space (what ``str.isspace`` says), spelt out: the
#: scan skips from one to the next in C, where ``\s`` stops at every space between two words.
NON_SPACE_WHITESPACE = "\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: The rest of a run from its first whitespace character that is not a space.
_FROM_NON_SPACE = re.compile(f"[{NON_SPACE_WHITESPACE}]\\s*")
#: A run of spaces alone (two or more, no other whitespace before or after).
_SPACES = re.compile(r"(?<!\s) {2,}(?!\s)")
_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028]")
#: The line breaks of the most common runs.
_COMMON_BREAKS = {"\n": 1, "\n\n": 2, "  ": 0, "\t": 0, "\n\n\n": 3, "\r\n": 1, "\r\n\r\n": 2}
#: A line ends a sentence when, after any closing quotes and brackets, it ends in one of these.
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "\u2026")
_CLOSERS = "\"'\u201c\u201d\u2019)]\u00bb\u00ab"
_LIST_ITEM = re.compile(r"[-\u2022*\u2013\u2014\u00b7\u25aa\u25cf>]|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s")
_WRAPPED_MIN = 40
_WRAPPED_SHARE = 0.75
_WRAPPED_WIDTH = 120
_BLOCK_LINES = 3
#: How far the widths of a text's hard-wrapped blocks may differ for them to be one text width.
_WIDTH_SPREAD = 8


def whitespace_edits(text: str) -> list[Edit]:
    """The edits that read every whitespace run of ``text`` as one space or break."""
    runs = []  # (start, end, breaks)
    for start, end in _runs(text):
        run = text[start:end]
        breaks = _COMMON_BREAKS.get(run)
        if breaks is None:
            breaks = len(_BREAKS.findall(run)) + 2 * run.count("\u2029")
        runs.append((start, end, breaks))
    if not runs:
        return []
    widths: list[int] | None = None  # worked out where a break needs them
    edits: list[Edit] = []
    line_start = 0
    for i, (start, end, breaks) in enumerate(runs):
        if breaks == 0:
            repl = " "
        elif breaks >= 2:
            repl = "\n\n"
        else:
            line = text[line_start:start].strip()
            wrapped = _wrapped(line, text, end)
            if wrapped is None:
                if widths is None:
                    widths = _block_widths(text, runs)
                wrapped = _fills_block(line, widths[i])
            repl = " " if wrapped else "\n"
        if breaks:
            line_start = end
        if text[start:end] != repl:
            edits.append((start, end, repl))
    return edits


def _runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each whitespace run other than one plain space, in order: what
    ``_RUN.finditer`` finds, found from the characters that are not spaces (and from double
    spaces, where there are any)."""
    runs = []
    for m in _FROM_NON_SPACE.finditer(text):
        start = m.start()
        while start and text[start - 1] == " ":  # the spaces before it belong to the run
            start -= 1
        runs.append((start, m.end()))
    if "  " in text:
        runs.extend(m.span() for m in _SPACES.finditer(text))
        runs.sort()
    return runs


def _block_widths(text: str, runs: list[tuple[int, int, int]]) -> list[int]:
    """Per run, the length of the longest line of the block of lines it is in (0 for a block
    of fewer than three lines)."""
    widths = [0] * len(runs)
    block: list[int] = []
    longest = lines = 0
    line_start = 0
    for i, (start, end, breaks) in enumerate(runs):
        block.append(i)
        if breaks:
            longest = max(longest, len(text[line_start:start].strip()))
            lines += 1
            line_start = end
        if breaks >= 2:
            for j in block:
                widths[j] = longest if lines >= _BLOCK_LINES else 0
            block, longest, lines = [], 0, 0
    line_end = text.find("\n", line_start)
    longest = max(longest, len(text[line_start : len(text) if line_end < 0 else line_end].strip()))
    lines += 1
    for j in block:
        widths[j] = longest if lines >= _BLOCK_LINES else 0
    # A block too short to show a width of its own (a two-line heading) is wrapped as the text's
    # other blocks are: their widths, where they all agree to within a few characters.
    known = {w for w in widths if w >= _WRAPPED_MIN}  # blocks of short lines (menus) are no wrapped prose
    if known and max(known) - min(known) <= _WIDTH_SPREAD:
        width = max(known)
        widths = [w or width for w in widths]
    return widths


def _wrapped(line: str, text: str, next_start: int) -> bool | None:
    """Whether the break after ``line`` (stripped) is inside a sentence (see the module's rule);
    None where that depends on the widths of the block of lines (:func:`_fills_block`)."""
    if not line or line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
        return False
    following = text[next_start : next_start + 8]
    if not following or _LIST_ITEM.match(following):
        return False
    if following[0].islower() or line.endswith(","):
        return True
    return None


def _fills_block(line: str, width: int) -> bool:
    """Whether ``line`` (stripped) is a wrapped line of a hard-wrapped block whose longest line
    is ``width`` long (0: no such block)."""
    return (0 < width <= _WRAPPED_WIDTH and _WRAPPED_MIN <= len(line) and len(line) >= _WRAPPED_SHARE * width
            and not line.isupper())
