"""The ``bilat_dates`` component: DATE mentions with what the text says about their value.

The grammar (:mod:`bilatextract.timex.grammar`, built once from ``models/<lang>/dates.toml``)
proposes candidates on the document text; the longest of overlapping candidates wins.
For a date without a year ("am 14. Oktober") or a weekday alone ("am Freitag") the
component adds the tense of its sentence, and for "the same day" the attributes of the
previous date, so :func:`bilatextract.timex.resolve` can anchor them after the pipeline.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import check_language, load_toml
from ..timex import Candidate, Grammar
from .base import char_span, doc_text, set_spans


class TenseCues:
    """Past and future cue words of one language; the nearest cue in the sentence decides."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        self.past = {w for w in vocab.get("past", []) if " " not in w}
        self.future = {w for w in vocab.get("future", []) if " " not in w}
        self.future_phrases = [w for w in vocab.get("future", []) if " " in w]
        self.past_suffix = vocab.get("past_suffix") or None
        self.not_past = set(vocab.get("not_past", []))
        self._doc: Doc | None = None
        self._sentences: dict[int, tuple[list[int], list[str], bool]] = {}
        self._bounds: list[tuple[int, int]] = []
        self._starts: list[int] = []

    def _cue(self, word: str) -> str | None:
        lower = word.lower()
        if lower in self.future or word in self.future:
            return "future"
        if lower in self.past or word in self.past:
            return "past"
        if (self.past_suffix and word.islower() and len(word) > 4 and word.endswith(self.past_suffix)
                and word not in self.not_past):
            return "past"
        return None

    def of(self, span: Span) -> str | None:
        """The tense nearest to ``span`` in its sentence: "past", "future" or None."""
        # The sentences and their cues are found once per document and looked up by position:
        # scanning the whole sentence for every date (span.sent does too) made a long sentence
        # full of dates quadratic.
        doc = span.doc
        if self._doc is not doc:
            self._doc, self._sentences = doc, {}
            self._bounds = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") \
                else [(0, len(doc))]
            self._starts = [start for start, _ in self._bounds]
        start, end = self._bounds[bisect.bisect_right(self._starts, span.start) - 1]
        sent = doc[start:end]
        known = self._sentences.get(sent.start)
        if known is None:
            positions, cues, breaks = [], [], []
            for token in sent:
                if token.text in _CLAUSE_BREAKS:
                    breaks.append(token.i)
                    continue
                cue = self._cue(token.text)
                if cue is not None:
                    positions.append(token.i)
                    cues.append(cue)
            text = sent.text.lower()
            phrase = any(re.search(rf"\b{re.escape(p)}\b", text) for p in self.future_phrases)
            known = self._sentences[sent.start] = (positions, cues, breaks, phrase)
        positions, cues, breaks, phrase = known
        # The nearest cue outside the span and in its clause (no comma, colon, dash or bracket
        # between them: the verb of another clause does not date this one, as in "teilte mit,
        # ... die am 1. Juli beginnt"); on a tie the one before it wins.
        best: tuple[int, str] | None = None
        before = bisect.bisect_left(positions, span.start)
        if before > 0 and not _between(breaks, positions[before - 1], span.start):
            best = (span.start - positions[before - 1], cues[before - 1])
        after = bisect.bisect_left(positions, span.end)
        if after < len(positions) and not _between(breaks, span.end - 1, positions[after]):
            distance = positions[after] - span.end + 1
            if best is None or distance < best[0]:
                best = (distance, cues[after])
        if best is not None:
            return best[1]
        return "future" if phrase else None


#: Tokens that end a clause for the tense look-up.
_CLAUSE_BREAKS = frozenset(",;:()–—")


def _between(breaks: list[int], left: int, right: int) -> bool:
    """Whether a clause break lies strictly between token positions ``left`` and ``right``."""
    i = bisect.bisect_right(breaks, left)
    return i < len(breaks) and breaks[i] < right


def _align(doc: Doc, start: int, end: int, text: str) -> Span | None:
    """The token span of a match in ``text`` (``doc.text``, joined once by the caller: spaCy
    rebuilds it on every access); an abbreviation's full stop may be its own token or not."""
    span = char_span(doc, start, end)
    if span is None and text[end - 1 : end] == ".":
        span = char_span(doc, start, end - 1)
    if span is None and text[end : end + 1] == ".":
        span = char_span(doc, start, end + 1)
    return span


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first and then leftmost, in text order."""
    chosen: list[Candidate] = []
    # Chosen candidates never overlap, so sorted by start they are sorted by end: checking the
    # two neighbours is enough (a scan over all of them was quadratic on long texts).
    starts: list[int] = []
    ends: list[int] = []
    # Of two readings of one span, the one that knows its year wins ("May 3" of "May 3 and 4, 2024").
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start,
                                                  "XXXX" in (c.attrs.get("value") or ""))):
        i = bisect.bisect_left(starts, cand.start)
        if (i > 0 and ends[i - 1] > cand.start) or (i < len(starts) and starts[i] < cand.end):
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


class DatesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        vocab = load_toml(self.lang, "dates.toml")
        self.grammar = Grammar(vocab)
        self.tense = TenseCues(vocab.get("tense", {}))

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Span, dict[str, Any]]] = []
        # The latest day, and the latest date of any kind, for "the same day", "the following year".
        previous_day: dict[str, Any] | None = None
        previous_dated: dict[str, Any] | None = None
        # Without a reference date, "am 5. Oktober" takes the year the text last named.
        last_year: int | None = None
        text = doc_text(doc)
        for cand in choose(list(self.grammar.find(text))):
            span = _align(doc, cand.start, cand.end, text)
            if span is None:
                continue
            attrs = dict(cand.attrs)
            if cand.needs_tense:
                attrs["tense"] = self.tense.of(span)
            value = attrs.get("value") or ""
            if value.startswith("XXXX") and last_year is not None:
                attrs["context_year"] = last_year
            elif value[:4].isdigit():
                last_year = int(value[:4])
            if cand.needs_anchor:
                anchor = previous_day if attrs["relative"]["unit"] == "same_day" else previous_dated
                if anchor is not None:
                    attrs["relative"] = {**attrs["relative"], "anchor": anchor}
            elif attrs.get("granularity") != "week":
                previous_dated = attrs
                if attrs.get("granularity") == "day":
                    previous_day = attrs
            found.append((span, attrs))
        set_spans(doc, "DATE", found)
        return doc


@Language.factory("bilat_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
