"""Language routing: which pipeline reads which part of a text.

The document language comes from the cue (``models/<lang>/cues.toml``, :mod:`.cues`) and,
where the cue does not decide, from seeded stock langdetect on a bounded sample
(:mod:`.detection`); a text in a language the caller asked for is then routed line by line,
so that the paragraphs of a mixed document each reach their own pipeline (:mod:`.segments`).
Only the languages asked for are routed to: a paragraph in another language is left out, and
a document in another language is unsupported.

Cost: linear in the text (one pass of regular expressions per line, each line read up to
:data:`LINE_SAMPLE_CHARS`), langdetect at most once per document. What cannot change an answer
is not computed: a word shape that says what its matches contain (``contains`` in
``cues.toml``) is bounded by counting those strings and scanned only where the bound leaves a
decision open, and a document no line of which can name another language strongly is one
segment without labelling its lines. The answers are those of the full computation.

A text without letters ("12.05.2024") has no language to tell: it routes to None, unsupported,
unless the caller forces one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..resources import languages as model_languages
from ..types import Segment
from .detection import SAMPLE_CHARS, detect, detect_decided
from .prepared import Lines
from .segments import LINE_SAMPLE_CHARS, MAX_SEGMENT_CHARS, one_language, runs, split


@dataclass(frozen=True, slots=True)
class Routing:
    """The language of a text and the segments its pipelines read."""

    language: str | None
    supported: bool
    segments: tuple[Segment, ...]


def route(text: str, lang: str | None = None, languages: Iterable[str] | None = None) -> Routing:
    """Route ``text``: its language, whether it is supported, and the segments to read.

    ``lang`` forces one language for the whole text. Otherwise the language comes from
    :func:`detect`, and a text in a supported language is routed line by line, so that the
    paragraphs of a mixed document each reach their own pipeline. ``languages`` are the
    languages to route to (default: every language with models); lines in any other
    language are left out.
    """
    supported = tuple(languages) if languages is not None else model_languages()
    if not text.strip():
        return Routing(lang, lang is None or lang in supported, ())
    if lang is not None:
        if lang not in supported:
            return Routing(lang, False, ())
        return Routing(lang, True, tuple(split(text, lang)))
    lowered = text.lower()
    # (A text whose lower-case form has another length, "İ" -> "i̇", is read the long way.)
    prepared = Lines(text, lowered) if len(lowered) == len(text) else None
    language = detect(text) if prepared is None else detect_decided(*prepared.decisive_sample(SAMPLE_CHARS))
    if language not in supported:
        return Routing(language, False, ())
    if one_language(text, language) if prepared is None else prepared.one_language(language):
        return Routing(language, True, tuple(split(text, language)))
    segments: list[Segment] = []
    chars: dict[str, int] = {}
    for run_lang, start, end in runs(text, language):
        if run_lang not in supported:
            continue
        segments.extend(split(text[start:end], run_lang, offset=start))
        chars[run_lang] = chars.get(run_lang, 0) + end - start
    if not chars:
        return Routing(language, False, ())
    # The document's language is the one most of it is in (the detected one on a tie).
    main = max(chars, key=lambda k: (chars[k], k == language))
    return Routing(main, True, tuple(segments))


__all__ = ["LINE_SAMPLE_CHARS", "MAX_SEGMENT_CHARS", "SAMPLE_CHARS", "Routing", "detect", "route", "split"]
