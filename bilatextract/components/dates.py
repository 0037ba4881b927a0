"""The ``bilat_dates`` component: DATE mentions with what the text says about their value.

The grammar (:mod:`bilatextract.timex.grammar`, built once from ``models/<lang>/dates.toml``)
proposes candidates on the document text; the longest of overlapping candidates wins.
For a date without a year ("am 14. Oktober") or a weekday alone ("am Freitag") the
component adds the tense of its sentence; the values are resolved after the pipeline, in
text order, against the reference date or the date the story has reached
(:func:`bilatextract.timex.resolve_all`).
"""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import check_language, load_toml
from ..timex import Candidate, Grammar
from .base import SPAN_KEY, DocView, set_spans, view_of
from .persist import Persisted, deferred, reads_its_models


class TenseCues:
    """Past and future cue words of one language; the nearest cue in the sentence decides."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        self.past = {w for w in vocab.get("past", []) if " " not in w}
        self.future = {w for w in vocab.get("future", []) if " " not in w}
        self.future_phrases = [w for w in vocab.get("future", []) if " " in w]
        # Any of the phrases as a word sequence, in the lower-cased sentence.
        self._future_phrase = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in self.future_phrases) + r")\b") if self.future_phrases else None
        self.past_suffix = vocab.get("past_suffix") or None
        self.not_past = set(vocab.get("not_past", []))
        #: Intent cues ("kündigte ... an", "announced"): the date they are about lies ahead, unless it
        #: follows the cue at once ("announced on Monday" dates the announcement).
        self.intent = {w for w in vocab.get("intent", []) if " " not in w}
        #: Listed word -> its cue, the first of intent, future, past that lists it, and the clause
        #: breaks: what ``_kind_of`` answers for a word or its lowercase form, found when compiled.
        listed: dict[str, str] = {}
        for kind, words in ((_INTENT, self.intent), ("future", self.future), ("past", self.past)):
            for w in words:
                listed.setdefault(w, kind)
        self._listed = listed
        self._breaks = {w: _BREAK for w in _CLAUSE_BREAKS}

    def _kind_of(self, word: str) -> str | None:
        """The cue of a token text ("past", "future" or _INTENT, as listed for the word or its
        lowercase form, or "past" by its ending), _BREAK for a clause break, or None."""
        kind = self._breaks.get(word)
        if kind is not None:
            return kind
        listed = self._listed
        kind = listed.get(word)
        lower = listed.get(word.lower())
        if lower is not None and (kind is None or _CUE_ORDER[lower] < _CUE_ORDER[kind]):
            kind = lower
        if kind is not None:
            return kind
        if (self.past_suffix and word.islower() and len(word) > 4 and word.endswith(self.past_suffix)
                and word not in self.not_past):
            return "past"
        return None

    def of(self, span: Span) -> str | None:
        """The tense nearest to ``span`` in its sentence: "past", "future" or None."""
        return self.reader(span.doc).at(span.start, span.end)

    def reader(self, doc: Doc) -> DocTense:
        """The tense look-up for one document (it keeps that document's sentences)."""
        return DocTense(self, doc)


class DocTense:
    """The tense cues of one document: what :class:`TenseCues` computes per sentence, kept for
    the dates of that document only (a component keeps no per-document state on itself)."""

    def __init__(self, cues: TenseCues, doc: Doc) -> None:
        self.cues = cues
        self.doc = doc
        #: Sentence start -> whether the sentence has a future phrase.
        self._phrases: dict[int, bool] = {}
        #: The (start, end) of the sentences that had a date in them.
        self._sentences: list[tuple[int, int]] = []
        #: Sentence start -> the token indices of its cues and clause breaks, and their kinds; read
        #: only where the search outwards from a date goes further than SCAN_TOKENS.
        self._cues: dict[int, tuple[list[int], list[str]]] = {}

    def _cues_of(self, start: int, end: int) -> tuple[list[int], list[str]]:
        got = self._cues.get(start)
        if got is None:
            kind_of, texts = self.cues._kind_of, view_of(self.doc).token_texts
            found = [(k, kind) for k in range(start, end) if (kind := kind_of(texts[k])) is not None]
            got = self._cues[start] = ([k for k, _ in found], [kind for _, kind in found])
        return got

    def at(self, span_start: int, span_end: int) -> str | None:
        """The tense nearest to the tokens ``span_start:span_end`` in their sentence."""
        doc = self.doc
        # Dates often share a sentence: the sentences found so far are tried first.
        for start, end in self._sentences:
            if start <= span_start < end:
                break
        else:
            start, end = _sentence_of(doc, span_start)
            self._sentences.append((start, end))
        # The nearest cue outside the span and in its clause (no comma, colon, dash or bracket
        # between them: the verb of another clause does not date this one, as in "teilte mit,
        # ... die am 1. Juli beginnt"); on a tie the one before it wins. So the search goes
        # outwards from the span and stops at the first cue or clause break on either side:
        # only the few words up to there are looked up.
        # Beyond SCAN_TOKENS the sentence's cue index answers (a sentence without cues or breaks
        # would otherwise be read once per date in it).
        kind_of = self.cues._kind_of
        texts = view_of(doc).token_texts
        best: tuple[int, str | None] | None = None
        before: tuple[int, str] | None = None  # (index, kind) of the first cue or break before the span
        lo = max(start, span_start - SCAN_TOKENS)
        for k in range(span_start - 1, lo - 1, -1):
            kind = kind_of(texts[k])
            if kind is not None:
                before = (k, kind)
                break
        else:
            if lo > start:
                idx, kinds = self._cues_of(start, end)
                i = bisect.bisect_left(idx, lo) - 1
                if i >= 0:
                    before = (idx[i], kinds[i])
        if before is not None and before[1] is not _BREAK:
            gap = span_start - 1 - before[0]
            best = (gap + 1, _intent_tense(before[1], gap))
        limit = end if best is None else min(end, span_end + best[0] - 1)
        after: tuple[int, str] | None = None
        hi = min(limit, span_end + SCAN_TOKENS)
        for k in range(span_end, hi):
            kind = kind_of(texts[k])
            if kind is not None:
                after = (k, kind)
                break
        else:
            if hi < limit:
                idx, kinds = self._cues_of(start, end)
                j = bisect.bisect_left(idx, hi)
                if j < len(idx) and idx[j] < limit:
                    after = (idx[j], kinds[j])
        if after is not None and after[1] is not _BREAK:
            gap = after[0] - span_end
            best = (gap + 1, _intent_tense(after[1], gap))
        if best is not None:
            return best[1]
        phrase = self._phrases.get(start)
        if phrase is None:
            phrase = self._phrases[start] = self._has_future_phrase(doc, start, end)
        return "future" if phrase else None

    def _has_future_phrase(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the sentence ``start:end`` has one of the multi-word future cues."""
        if self.cues._future_phrase is None or end <= start:
            return False
        view = view_of(doc)
        text = view.text[view.token_starts[start] : view.token_starts[end - 1] + len(view.token_texts[end - 1])]
        return self.cues._future_phrase.search(text.lower()) is not None


def _intent_tense(kind: str | None, gap: int) -> str | None:
    """An intent cue's tense: future for a date it is about, past for the date right after it
    (``gap``: the tokens between them)."""
    if kind is _INTENT:
        return "future" if gap >= 2 else "past"
    return kind


def _sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """The (start, end) token offsets of the sentence of token ``i``, as ``doc.sents`` has it."""
    starts = view_of(doc).sentence_starts
    k = bisect.bisect_right(starts, i)
    return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(doc))


#: How far the search for a tense cue goes word by word on each side of a date.
SCAN_TOKENS = 40
#: The kind of a token that ends a clause (see _CLAUSE_BREAKS).
_BREAK = "break"
#: The kind of an intent cue (see ``TenseCues.intent``).
_INTENT = "intent"

#: Tokens that end a clause for the tense look-up.
_CLAUSE_BREAKS = frozenset(",;:()–—")
#: Which cue wins where a word and its lowercase form are listed as different cues.
_CUE_ORDER = {_INTENT: 0, "future": 1, "past": 2}


class _Tokens(NamedTuple):
    """The tokens ``start:end`` of a date and their characters: what :func:`set_spans` reads of a
    span, without building a ``Span`` (spaCy's builds Tokens to find its offsets) only to drop it."""

    start: int
    end: int
    start_char: int
    end_char: int


def _token_range(starts: list[int], texts: list[str], start: int, end: int) -> _Tokens | None:
    """``Doc.char_span(start, end)`` (strict) on the token offsets: tokens and their trailing
    spaces cover the text without gaps, so the span's first token starts at ``start`` and its
    last is the last one starting before ``end`` and ends there."""
    i = bisect.bisect_left(starts, start)
    if i == len(starts) or starts[i] != start or end <= start:
        return None
    j = bisect.bisect_left(starts, end, i) - 1
    if starts[j] + len(texts[j]) != end:
        return None
    return _Tokens(i, j + 1, start, end)


def _align(view: DocView, start: int, end: int) -> _Tokens | None:
    """The tokens of a match in the document's text; an abbreviation's full stop may be its
    own token or not."""
    starts, texts, text = view.token_starts, view.token_texts, view.text
    span = _token_range(starts, texts, start, end)
    if span is None and text[end - 1 : end] == ".":
        span = _token_range(starts, texts, start, end - 1)
    if span is None and text[end : end + 1] == ".":
        span = _token_range(starts, texts, start, end + 1)
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


class DatesComponent(Persisted):
    def __init__(self, nlp: Language, name: str, spans_key: str = SPAN_KEY) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        self.spans_key = spans_key
        vocab = load_toml(self.lang, "dates.toml")
        self.grammar = Grammar(vocab)
        self.tense = TenseCues(vocab.get("tense", {}))

    @reads_its_models
    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[_Tokens, dict[str, Any]]] = []
        view = view_of(doc)
        tense: DocTense | None = None
        for cand in choose(self.grammar.find(view.text)):
            span = _align(view, cand.start, cand.end)
            if span is None:
                continue
            attrs = dict(cand.attrs)
            if cand.needs_tense:
                tense = tense or self.tense.reader(doc)
                attrs["tense"] = tense.at(span.start, span.end)
            found.append((span, attrs))
        set_spans(doc, "DATE", found, key=self.spans_key)
        return doc


@Language.factory("bilat_dates", default_config={"spans_key": SPAN_KEY, "data_path": None})
def make_dates(nlp: Language, name: str, spans_key: str = SPAN_KEY, data_path: str | None = None) -> DatesComponent:
    """The DATE component; it writes its spans in ``doc.spans[spans_key]``. ``data_path``: a models
    folder to compile from instead of the installed one."""
    return deferred(DatesComponent, nlp, name, spans_key, data_path)
