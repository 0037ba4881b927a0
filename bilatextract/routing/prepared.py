"""One reading of a text's lines shared by language detection and segment routing.

:func:`~.detection.detect` reads the cue words of the first :data:`~.detection.SAMPLE_CHARS`
characters; :func:`~.segments.one_language` reads them again line by line (each line up to
:data:`~.segments.LINE_SAMPLE_CHARS`). Both are the same words: here each line is lower-cased
and split into words once, its word scores summed once, and the sample's evidence is put
together from the lines it holds (only a line the sample or the line limit cuts is read again
on its own). The answers are those of :func:`~.detection.detect` and
:func:`~.segments.one_language` on the text.
"""

from __future__ import annotations

import re
from itertools import repeat

from .cues import (
    DECISIVE_COVERAGE,
    DECISIVE_MARGIN,
    STRONG_LINE_SCORE,
    WORD,
    Evidence,
    cues,
    decide,
    names_another_in,
    word_scores,
)
from .segments import LINE, LINE_SAMPLE_CHARS

#: Below this code point the letters of :data:`~.cues.WORD` are spelt out as a character class:
#: a class of ranges is read about twice as fast as ``[^\W\d_]``, which asks Unicode about
#: every character. (Latin, Greek, Cyrillic, ... and the punctuation blocks; not CJK.)
_SPELT_BELOW = 0x3000
_LETTER_RANGES = "".join(
    f"{re.escape(m.group()[0])}-{re.escape(m.group()[-1])}"
    for m in re.finditer(r"[^\W\d_]+", "".join(map(chr, range(_SPELT_BELOW))))
)
#: :data:`~.cues.WORD` on a text with no character from ``_SPELT_BELOW`` up.
_WORD_SPELT = re.compile(f"[{_LETTER_RANGES}]{{2,}}")
#: One letter of :data:`~.cues.WORD`.
_LETTER = re.compile(r"[^\W\d_]")
_BEYOND_SPELT = re.compile(f"[^\x00-{re.escape(chr(_SPELT_BELOW - 1))}]")


class Lines:
    """The lines of ``text``: start, end, the words of its line sample and their scores (one per
    cue language, in the order of :func:`~.cues.cues`)."""

    __slots__ = ("text", "lowered", "lines", "langs", "findall")

    def __init__(self, text: str, lowered: str) -> None:
        self.text = text
        #: ``text.lower()``, character for character (the caller checks the lengths agree).
        self.lowered = lowered
        all_cues = cues()
        self.langs = [cue.lang for cue in all_cues]
        self.lines: list[tuple[int, int, list[str], list[float]]] = []
        append = self.lines.append
        findall = (WORD if _BEYOND_SPELT.search(lowered) else _WORD_SPELT).findall
        self.findall = findall
        # (What cues.word_scores gives, without a call per line and language.)
        weights = [cue.words.get for cue in all_cues]
        zero = repeat(0.0)
        for m in LINE.finditer(text):
            start, end = m.span()
            if start == end:
                continue
            if end - start > LINE_SAMPLE_CHARS:
                words = findall(text[start : start + LINE_SAMPLE_CHARS].lower())
            else:
                words = findall(lowered, start, end)
            append((start, end, words, [sum(map(get, words, zero)) for get in weights] if words else []))

    def _whole_line(self, start: int, end: int, cut_words: list[str]) -> list[str]:
        """The words of the whole line ``[start, end)``, from ``cut_words`` (those of its first
        :data:`~.segments.LINE_SAMPLE_CHARS` characters) and a scan of the rest, resumed at the
        start of a word the line limit cuts."""
        lowered, limit = self.lowered, start + LINE_SAMPLE_CHARS
        if lowered[start:limit] != self.text[start:limit].lower():  # (a final sigma at the cut)
            return self.findall(lowered, start, end)
        if not (_LETTER.match(lowered, limit - 1) and _LETTER.match(lowered, limit)):
            return cut_words + self.findall(lowered, limit, end)
        resume = limit - 1
        while resume > start and _LETTER.match(lowered, resume - 1):
            resume -= 1
        # The cut part of the word is the last of ``cut_words`` where it has two letters or more.
        kept = cut_words[:-1] if limit - resume >= 2 else cut_words
        return kept + self.findall(lowered, resume, end)

    def decisive_sample(self, sample_chars: int) -> tuple[str, str | None, Evidence | None]:
        """The first ``sample_chars`` characters and what :func:`~.cues.decisive_language` gives for them."""
        text = self.text
        if len(text) <= sample_chars:
            sample, lowered = text, self.lowered
        else:
            sample = text[:sample_chars]
            lowered = sample.lower()
        words: list[str] = []
        reused: list[list[float]] = []
        fresh: list[str] = []  # words of lines the sample reads otherwise than the line limit does
        for start, end, line_words, scores in self.lines:
            if start >= sample_chars:
                break
            if end > sample_chars:  # the line the sample cuts
                more = self.findall(text[start:sample_chars].lower())
            elif end - start > LINE_SAMPLE_CHARS:  # read whole by the sample, cut by the line limit
                more = self._whole_line(start, end, line_words)
            else:
                words.extend(line_words)
                if line_words:
                    reused.append(scores)
                continue
            words.extend(more)
            fresh.extend(more)
        found = tuple(words)
        all_cues = cues()
        if all(cue.exact for cue in all_cues):  # sums in any order are the same numbers
            extra = word_scores(tuple(fresh)) if fresh else None
            totals = {cue.lang: sum([s[i] for s in reused]) + (extra[cue.lang] if extra else 0.0)
                      for i, cue in enumerate(all_cues)}
        else:
            totals = word_scores(found)
        return (sample, *decide(lowered, Evidence(found, totals)))

    def one_language(self, language: str) -> bool:
        """:func:`~.segments.one_language` of the text."""
        langs = self.langs
        own_at = langs.index(language) if language in langs else None
        for start, end, words, scores in self.lines:
            if not words:
                continue  # no words: names nothing
            if own_at is not None:
                # What names_another_in checks first, without making its arguments.
                own = scores[own_at]
                rival = max([v for i, v in enumerate(scores) if i != own_at], default=0.0)
                if (own >= STRONG_LINE_SCORE and own >= DECISIVE_COVERAGE * len(words)
                        and own >= DECISIVE_MARGIN * rival and own > rival):
                    continue
            if end - start > LINE_SAMPLE_CHARS:
                line = self.text[start : start + LINE_SAMPLE_CHARS].lower()
            else:
                line = self.lowered[start:end]
            if names_another_in(line, tuple(words), dict(zip(langs, scores, strict=True)), language,
                                STRONG_LINE_SCORE):
                return False
        return True
