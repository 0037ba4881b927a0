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

from itertools import repeat

from .cues import STRONG_LINE_SCORE, WORD, Evidence, cues, decide, names_another_in, word_scores
from .segments import LINE_SAMPLE_CHARS, lines


class Lines:
    """The lines of ``text`` (start, end, words of its line sample, their word scores)."""

    __slots__ = ("text", "lowered", "lines")

    def __init__(self, text: str, lowered: str) -> None:
        self.text = text
        #: ``text.lower()``, character for character (the caller checks the lengths agree).
        self.lowered = lowered
        self.lines: list[tuple[int, int, tuple[str, ...], dict[str, float]]] = []
        findall = WORD.findall
        weights = [(cue.lang, cue.words.get) for cue in cues()]
        zero = repeat(0.0)
        for start, end in lines(text):
            if end - start > LINE_SAMPLE_CHARS:
                words = tuple(findall(text[start : start + LINE_SAMPLE_CHARS].lower()))
            else:
                words = tuple(findall(lowered, start, end))
            # (What cues.word_scores gives, without a call per line and language.)
            scores = {lang: sum(map(get, words, zero)) for lang, get in weights} if words else {}
            self.lines.append((start, end, words, scores))

    def _line_sample(self, start: int, end: int) -> str:
        """The lower-cased sample of the line ``[start, end)`` (what ``one_language`` reads)."""
        if end - start > LINE_SAMPLE_CHARS:
            return self.text[start : start + LINE_SAMPLE_CHARS].lower()
        return self.lowered[start:end]

    def decisive_sample(self, sample_chars: int) -> tuple[str, str | None, Evidence | None]:
        """The first ``sample_chars`` characters and what :func:`~.cues.decisive_language` gives for them."""
        text = self.text
        if len(text) <= sample_chars:
            sample, lowered = text, self.lowered
        else:
            sample = text[:sample_chars]
            lowered = sample.lower()
        words: list[str] = []
        reused: list[dict[str, float]] = []
        all_reused = True
        for start, end, line_words, scores in self.lines:
            if start >= sample_chars:
                break
            if end > sample_chars:  # the line the sample cuts
                words.extend(WORD.findall(text[start:sample_chars].lower()))
                all_reused = False
            elif end - start > LINE_SAMPLE_CHARS:  # read whole by the sample, cut by the line limit
                words.extend(WORD.findall(self.lowered, start, end))
                all_reused = False
            else:
                words.extend(line_words)
                if line_words:
                    reused.append(scores)
        found = tuple(words)
        if all_reused and all(cue.exact for cue in cues()):
            totals = {cue.lang: sum(s[cue.lang] for s in reused) for cue in cues()}
        else:
            totals = word_scores(found)
        return (sample, *decide(lowered, Evidence(found, totals)))

    def one_language(self, language: str) -> bool:
        """:func:`~.segments.one_language` of the text."""
        for start, end, words, scores in self.lines:
            if words and names_another_in(self._line_sample(start, end), words, scores, language,
                                          STRONG_LINE_SCORE):
                return False
        return True
