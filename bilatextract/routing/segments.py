"""Segments: which stretch of a text which pipeline reads.

A document that mixes languages by paragraph (a German release quoting an English statement)
is routed line by line: a line with a strong cue for a language with models opens a segment
of that language, weak lines (headlines, datelines, "Pressemitteilung") join their neighbours,
and adjacent lines of one language form one segment, so coreference inside the pipeline keeps
its context. Long segments are cut by :func:`split` on paragraph, sentence or whitespace
boundaries, each well under spaCy's ``max_length``; every segment keeps its offsets in the
whole text, so entity offsets are shifted back, never searched for again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..resources import languages
from ..types import Segment
from .cues import STRONG_LINE_SCORE, evidence, names_another

#: Characters of one line that the line-level cue reads at most.
LINE_SAMPLE_CHARS = 600
#: Longest segment handed to a pipeline in one piece.
MAX_SEGMENT_CHARS = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_WHITESPACE = re.compile(r"\s+")
#: A line with its trailing blank lines: the unit of mixed-language routing.
LINE = re.compile(r"[^\n]*\n*")


def lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line with its trailing line breaks; together they cover the text."""
    n = len(text)
    for m in LINE.finditer(text):
        if m.start() == m.end():
            if m.start() >= n:
                break
            continue
        yield m.start(), m.end()


def line_cue(line: str) -> tuple[str | None, str | None]:
    """The language with models that ``line`` names strongly (or None), and the one it leans to
    (or None); only its first :data:`LINE_SAMPLE_CHARS` characters are read."""
    supported = languages()
    found = evidence(line[:LINE_SAMPLE_CHARS], enough=STRONG_LINE_SCORE)
    strong = found.decisive(STRONG_LINE_SCORE)
    leaning = found.leaning()
    return (strong if strong in supported else None, leaning if leaning in supported else None)


def one_language(text: str, language: str) -> bool:
    """Whether :func:`runs` gives ``text`` one run of ``language``: no line names another
    language strongly. Cheaper than :func:`runs`: ``language``'s own word shapes are not
    scanned, and nothing is labelled."""
    return not any(
        names_another(line[:LINE_SAMPLE_CHARS], language, STRONG_LINE_SCORE) for line in LINE.findall(text) if line
    )


def runs(text: str, default: str) -> list[tuple[str, int, int]]:
    """Contiguous (lang, start, end) runs covering ``text``, one per stretch of one language:
    every line scored, weak lines joined to their neighbours."""
    units: list[tuple[int, int, str | None, str | None]] = []  # start, end, strong lang, leaning
    for start, end in lines(text):
        units.append((start, end, *line_cue(text[start:end])))
    if not units:
        return [(default, 0, len(text))]
    labels = label_weak_units([(u[2], u[3]) for u in units], default)
    out: list[tuple[str, int, int]] = []
    for (start, end, _, _), label in zip(units, labels, strict=True):
        if out and out[-1][0] == label:
            out[-1] = (label, out[-1][1], end)
        else:
            out.append((label, start, end))
    # The first run starts at 0 and the last ends at len(text), whatever the line split did.
    first_lang, _, first_end = out[0]
    out[0] = (first_lang, 0, first_end)
    last_lang, last_start, _ = out[-1]
    out[-1] = (last_lang, last_start, len(text))
    return out


def label_weak_units(units: list[tuple[str | None, str | None]], default: str) -> list[str]:
    """The language of each unit: its own where its cue is strong; otherwise a neighbour's.

    A weak unit joins the preceding strong unit's language, or the following one's where it
    leans that way (a headline introducing a quote) or where nothing strong precedes it; with
    no strong unit at all, everything is ``default``.
    """
    n = len(units)
    following: list[str | None] = [None] * n
    nxt: str | None = None
    for i in range(n - 1, -1, -1):
        following[i] = nxt
        if units[i][0] is not None:
            nxt = units[i][0]
    labels: list[str] = []
    previous: str | None = None
    for i, (strong, leaning) in enumerate(units):
        if strong is not None:
            label = strong
            previous = strong
        elif previous is None:
            label = following[i] or default
        elif following[i] is not None and following[i] != previous and leaning == following[i]:
            label = following[i]  # type: ignore[assignment]
        else:
            label = previous
        labels.append(label)
    return labels


def split(text: str, lang: str, limit: int = MAX_SEGMENT_CHARS, offset: int = 0) -> list[Segment]:
    """Cut ``text`` into segments of at most ``limit`` characters, on paragraph, then
    sentence, then whitespace boundaries, whichever the text offers first. Segment offsets
    are those in ``text`` plus ``offset`` (where ``text`` sits in a larger one)."""
    out: list[Segment] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = None
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, _WHITESPACE):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = start + ends[-1]
                break
        if cut is None:
            cut = start + limit
        out.append(Segment(lang, offset + start, offset + cut))
        start = cut
    out.append(Segment(lang, offset + start, offset + n))
    return out
