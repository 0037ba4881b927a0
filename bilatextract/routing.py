"""Language routing: which pipeline reads which part of a text.

The document language comes from langdetect (seeded, so the same text always gets the
same answer) on a bounded sample of the text. Long texts are cut into segments on
paragraph boundaries, each well under spaCy's ``max_length`` and remembering its offset,
so entity offsets are shifted back, never searched for again.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .resources import languages
from .types import Segment

#: Characters of text that language detection reads at most.
SAMPLE_CHARS = 2000
#: Longest segment handed to a pipeline in one piece.
MAX_SEGMENT_CHARS = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class Routing:
    """The language of a text and the segments its pipelines read."""

    language: str | None
    supported: bool
    segments: tuple[Segment, ...]


@functools.cache
def _detector_factory():  # type: ignore[no-untyped-def]
    """langdetect's profiles, loaded once, with a fixed seed for repeatable answers."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def detect(text: str) -> str | None:
    """The language code of ``text`` (a sample of it), or None where nothing can be told."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return None
    detector = _detector_factory().create()
    try:
        detector.append(sample)
        return detector.detect()
    except LangDetectException:
        return None


def route(text: str, lang: str | None = None) -> Routing:
    """Route ``text``: its language, whether it is supported, and the segments to read."""
    if not text.strip():
        return Routing(lang, lang is None or lang in languages(), ())
    language = lang or detect(text)
    supported = language in languages()
    if not supported:
        return Routing(language, False, ())
    return Routing(language, True, tuple(split(text, language)))


def split(text: str, lang: str, limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """Cut ``text`` into segments of at most ``limit`` characters, on paragraph, then
    sentence, then whitespace boundaries, whichever the text offers first."""
    out: list[Segment] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = None
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_BREAK, re.compile(r"\s+")):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = start + ends[-1]
                break
        if cut is None:
            cut = start + limit
        out.append(Segment(lang, start, cut))
        start = cut
    out.append(Segment(lang, start, n))
    return out
