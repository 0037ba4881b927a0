"""Language routing: which pipeline reads which part of a text.

The document language comes from langdetect (seeded, so the same text always gets the
same answer) on a bounded sample of the text, backed by a cheap cue for the supported
languages: distinctive function words, word shapes (umlauts, suffixes, date grammar) and,
for short texts the cue leaves open, the lookup lemmatiser's vocabulary. langdetect reads
headlines and datelines badly ("April 11, 2013" comes out Romanian), the cue reads them well.
The cue data lives in ``models/<lang>/cues.toml``, so a third language is a data file.

A document that mixes languages by paragraph (a German release quoting an English
statement) is routed line by line: a line with a strong cue for a supported language opens a
segment of that language, weak lines (headlines, datelines, "Pressemitteilung") join their
neighbours, and adjacent lines of one language form one segment, so coreference inside the
pipeline keeps its context. Long segments are cut by :func:`split` on paragraph, sentence or
whitespace boundaries, each well under spaCy's ``max_length``; every segment keeps its offsets
in the whole text, so entity offsets are shifted back, never searched for again.

Cost: linear in the text (one pass of cheap regular expressions per line, each line read up
to :data:`LINE_SAMPLE_CHARS`; the word patterns only where the function words leave a line
open), langdetect called at most once per document, on at most :data:`SAMPLE_CHARS`
characters, and not at all where the cue is decisive. The lemmatiser tables (about a second
to load, shared with the pipelines) are only read for short texts the cue leaves open.

A text without letters ("12.05.2024") has no language to tell: it routes to None, unsupported,
unless the caller forces one.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from ._memo import Memo
from ._required import required_strings
from .resources import has_file, languages, load_toml
from .types import Segment

#: Characters of text that language detection reads at most.
SAMPLE_CHARS = 2000
#: Characters of one line that the line-level cue reads at most.
LINE_SAMPLE_CHARS = 600
#: Longest segment handed to a pipeline in one piece.
MAX_SEGMENT_CHARS = 100_000

#: Texts of at most this many words are "short": langdetect is unreliable on them, so the cue
#: (and, where the cue is silent, the lemmatiser vocabulary) decides before langdetect does.
SHORT_WORDS = 8
#: The cue decides on its own when its best language scores at least this much ...
DECISIVE_SCORE = 1.0
#: ... at least this share of the words ...
DECISIVE_COVERAGE = 0.15
#: ... and this many times the runner-up's score.
DECISIVE_MARGIN = 2.0
#: A line flips the language of its surroundings only with a cue this strong (and decisive).
STRONG_LINE_SCORE = 2.0
#: A lemmatiser vocabulary that knows at most this share of a short text's words is weak evidence.
VOCABULARY_SHARE = 0.5
#: A langdetect probability this high counts as sure (it is, on anything but very short texts).
CONFIDENT = 0.9
#: Below this many words langdetect's certainty means little (two-word headlines come out Estonian).
MIN_WORDS_FOR_LANGDETECT = 3

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_WHITESPACE = re.compile(r"\s+")
#: Words for the cue: runs of two or more letters (digits and punctuation carry no language).
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A line with its trailing blank lines: the unit of mixed-language routing.
_LINE = re.compile(r"[^\n]*\n*")
#: :data:`_WORD` spelled out as a set of characters below this code point (an explicit set is
#: a bitmap look-up for the regex engine, the Unicode categories are not): used on texts with
#: no character beyond it, which press releases in Latin script are.
_EXPLICIT_BELOW = 0x3000
_BEYOND_EXPLICIT = re.compile(f"[^\\x00-\\u{_EXPLICIT_BELOW - 1:04x}]")


@functools.cache
def _explicit_word() -> re.Pattern[str]:
    """:data:`_WORD` as an explicit character set, exact for characters below
    :data:`_EXPLICIT_BELOW` (built by asking :data:`_WORD`'s own class about each of them)."""
    letters = re.findall(r"[^\W\d_]", "".join(map(chr, range(_EXPLICIT_BELOW))))
    ranges: list[list[int]] = []
    for code in map(ord, letters):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    spelled = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return re.compile(f"[{spelled}]{{2,}}")


def _words(lowered: str) -> list[str]:
    """``_WORD.findall(lowered)``, faster where the explicit character set applies."""
    if _BEYOND_EXPLICIT.search(lowered) is None:
        return _explicit_word().findall(lowered)
    return _WORD.findall(lowered)


@dataclass(frozen=True, slots=True)
class Routing:
    """The language of a text and the segments its pipelines read."""

    language: str | None
    supported: bool
    segments: tuple[Segment, ...]


# --------------------------------------------------------------------------------------------
# The cue: per-language data from models/<lang>/cues.toml


@dataclass(frozen=True, slots=True)
class _Cue:
    """One language's cue, compiled from its ``cues.toml``."""

    lang: str
    words: dict[str, float]
    patterns: re.Pattern[str] | None
    pattern_weights: dict[str, float]
    lemma_lookup: bool
    #: Per pattern, its weight and strings one of which each of its matches contains; None where
    #: some pattern has no such strings (see :mod:`bilatextract._required`).
    pattern_anchors: tuple[tuple[float, tuple[str, ...]], ...] | None

    def word_score(self, words: Iterable[str]) -> float:
        """The score of the cue words among ``words`` (lower-cased)."""
        return sum(map(self.words.get, words, repeat(0.0)))

    def pattern_score(self, lowered: str) -> float:
        """The score of the word-shape patterns in ``lowered`` (a lower-cased text)."""
        if self.patterns is None:
            return 0.0
        weights = self.pattern_weights
        return sum(weights[m.lastgroup] for m in self.patterns.finditer(lowered))  # type: ignore[index]

    def pattern_bound(self, lowered: str) -> float:
        """At least :meth:`pattern_score`: each match needs an occurrence of its own of one of its
        pattern's anchor strings, and ``str.count`` finds those far faster than the scan runs."""
        if self.pattern_anchors is None:
            return math.inf
        return sum(weight * sum(map(lowered.count, anchors)) for weight, anchors in self.pattern_anchors)

    def anchor_hits(self, lowered: str) -> list[tuple[int, int, float]] | None:
        """(start, end, weight) of every occurrence of an anchor string in ``lowered``, in order
        of start; None where some pattern has no anchors."""
        if self.pattern_anchors is None:
            return None
        hits: list[tuple[int, int, float]] = []
        for weight, anchors in self.pattern_anchors:
            for anchor in anchors:
                at = lowered.find(anchor)
                while at >= 0:
                    hits.append((at, at + len(anchor), weight))
                    at = lowered.find(anchor, at + 1)
        hits.sort()
        return hits


def _compile_cue(lang: str, data: dict[str, Any]) -> _Cue:
    words: dict[str, float] = {}
    for w in data.get("weak_words", ()):
        words[w.lower()] = 0.5
    for w in data.get("words", ()):
        words[w.lower()] = 1.0
    # All patterns run as one alternation (one scan per line), each in a named group that
    # gives its weight; on lower-cased text, since re.IGNORECASE makes them several times slower.
    specs = list(data.get("patterns", ()))
    patterns = (
        re.compile("|".join(f"(?P<p{i}>{p['regex']})" for i, p in enumerate(specs))) if specs else None
    )
    pattern_weights = {f"p{i}": float(p.get("weight", 1.0)) for i, p in enumerate(specs)}
    lemma_lookup = bool(data.get("vocabulary", {}).get("lemma_lookup", False))
    anchors = [required_strings(p["regex"]) for p in specs]
    pattern_anchors = (
        tuple((weight, tuple(sorted(a))) for weight, a in zip(pattern_weights.values(), anchors, strict=True) if a)
        if all(anchors) else None
    )
    return _Cue(lang, words, patterns, pattern_weights, lemma_lookup, pattern_anchors)


@functools.cache
def _cues() -> tuple[_Cue, ...]:
    """The cues of every supported language that has a ``cues.toml``."""
    return tuple(
        _compile_cue(lang, load_toml(lang, "cues.toml")) for lang in languages() if has_file(lang, "cues.toml")
    )


@functools.cache
def _scores_only_grow() -> bool:
    """Whether every cue weight is positive, so that more matches never lower a score: the
    shortcuts below bound scores from below or above and rely on it."""
    return all(w >= 0 for cue in _cues() for w in (*cue.words.values(), *cue.pattern_weights.values()))


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the cue found in a stretch of text."""

    words: tuple[str, ...]
    scores: dict[str, float]
    #: How many words: ``len(words)``, or more where the words themselves were not needed.
    count: int

    def ranked(self) -> list[tuple[str, float]]:
        # Ties go to the language code first in sort order, so the answer never depends on set order.
        return sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0]))

    def decisive(self, min_score: float = DECISIVE_SCORE) -> str | None:
        """The language the cue names on its own authority, or None."""
        ranked = self.ranked()
        if not ranked or not self.count:
            return None
        lang, best = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if (
            best >= min_score
            and best >= DECISIVE_COVERAGE * self.count
            and best >= DECISIVE_MARGIN * runner_up
            and best > runner_up
        ):
            return lang
        return None

    def leaning(self) -> str | None:
        """The language the cue prefers, however weakly, or None on a tie."""
        ranked = self.ranked()
        if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


def _evidence(text: str, enough: float | None = None) -> _Evidence:
    """The cue scores of ``text``. With ``enough``, the word patterns are skipped where the cue
    words alone already name a language decisively with a score of ``enough``: the patterns are
    for texts with few function words, and skipping them keeps long documents cheap."""
    lowered = text.lower()
    words = tuple(_words(lowered))
    scores = {cue.lang: cue.word_score(words) for cue in _cues()}
    if enough is not None and _Evidence(words, scores, len(words)).decisive(enough) is not None:
        return _Evidence(words, scores, len(words))
    for cue in _cues():
        scores[cue.lang] += cue.pattern_score(lowered)
    return _Evidence(words, scores, len(words))


class _Cued:
    """A lower-cased text, how many words it has, what its words score for each cue and the
    bound on each cue's pattern score (:meth:`_Cue.pattern_bound`): computed once per
    document, however many steps of routing ask for them."""

    __slots__ = ("lowered", "count", "scores", "_bounds")

    def __init__(self, lowered: str) -> None:
        self.lowered = lowered
        self.count, self.scores, bounds = _count_and_scores(lowered)
        self._bounds: dict[str, float] = bounds or {}

    def words(self) -> tuple[str, ...]:
        return tuple(_words(self.lowered))

    def bound(self, cue: _Cue) -> float:
        """``cue.pattern_bound(self.lowered)``."""
        bound = self._bounds.get(cue.lang)
        if bound is None:
            bound = self._bounds[cue.lang] = cue.pattern_bound(self.lowered)
        return bound


def _cued(text: str) -> _Cued:
    """``text`` lower-cased, with its word count, word scores and pattern bounds."""
    return _Cued(text.lower())


#: Bits of one field of a packed token value (see :func:`_token_value`).
_FIELD_BITS = 32


@functools.cache
def _packed_below() -> int:
    """Texts shorter than this are scored from packed token values (see :func:`_token_value`);
    0 where the cues cannot be packed.

    Packing needs every doubled weight to be a whole number (cues.toml weighs words 1 or 0.5,
    patterns likewise), so that sums of them are exact, and every pattern to have anchor strings
    without white space, so that each occurrence lies inside one token. A field grows by at most
    its doubled weights per character (a text has fewer words than characters, and an anchor
    occurs at most once at each position), which bounds the text length at which it stays
    inside its bits.
    """
    rate = 2.0
    for cue in _cues():
        if cue.pattern_anchors is None:
            return 0
        weights = [*cue.words.values(), *(w for w, _ in cue.pattern_anchors)]
        if any(w < 0 or not (2 * w).is_integer() for w in weights):
            return 0
        if any(ch.isspace() for _, anchors in cue.pattern_anchors for a in anchors for ch in a):
            return 0
        rate = max(rate, 2 * max(cue.words.values(), default=0.0),
                   2 * sum(w * len(anchors) for w, anchors in cue.pattern_anchors))
    return int((1 << _FIELD_BITS) // (rate + 1))


def _token_value(token: str) -> int:
    """The words of a white-space free ``token``, their cue weights and the cues' anchor strings
    in it, packed into one integer of :data:`_FIELD_BITS`-bit fields: the number of words, for
    each cue the sum of their doubled weights, and for each cue twice its pattern bound on the
    token. Values add up field by field, so those of a text's tokens sum to its count, scores
    and bounds."""
    cues = _cues()
    value = 0
    for word in _WORD.findall(token):
        value += 1
        for i, cue in enumerate(cues, start=1):
            value += int(2 * cue.words.get(word, 0.0)) << (_FIELD_BITS * i)
    for i, cue in enumerate(cues, start=1 + len(cues)):
        value += int(2 * cue.pattern_bound(token)) << (_FIELD_BITS * i)
    return value


_TOKEN_VALUES = Memo(_token_value, max_key_chars=64)


def _count_and_scores(lowered: str) -> tuple[int, dict[str, float], dict[str, float] | None]:
    """How many words ``lowered`` (lower-cased) has, their score for each cue, and each cue's
    :meth:`_Cue.pattern_bound` (None where it is left to be computed).

    A word never spans white space (no white-space character is a letter), nor does an anchor
    string (:func:`_packed_below`), so the words and anchors of a text are those of its white-space
    separated tokens, each token judged once (memoised): one ``split``, one look-up per token and
    one ``sum`` instead of a regex scan, a sum per cue and a count per anchor string. (Counting
    per token counts what ``str.count`` counts: occurrences in different tokens never overlap.)
    """
    if len(lowered) >= _packed_below():
        words = _words(lowered)
        return len(words), {cue.lang: cue.word_score(words) for cue in _cues()}, None
    cues = _cues()
    total = sum(map(_TOKEN_VALUES.__getitem__, lowered.split()))
    mask = (1 << _FIELD_BITS) - 1
    scores = {cue.lang: ((total >> (_FIELD_BITS * i)) & mask) / 2 for i, cue in enumerate(cues, start=1)}
    bounds = {
        cue.lang: ((total >> (_FIELD_BITS * i)) & mask) / 2 for i, cue in enumerate(cues, start=1 + len(cues))
    }
    return total & mask, scores, bounds


def _decisive_or_evidence(cued: _Cued) -> str | _Evidence:
    """The language ``_evidence(text)`` names decisively, or that evidence where it names none
    (``cued``: ``text`` lower-cased and scored).

    Scanning for the patterns costs more than the rest of the cue. Patterns only raise scores,
    so where the words alone put one language decisively ahead of every other language's
    words plus a bound on its patterns (anchor strings counted, see :meth:`_Cue.pattern_bound`),
    or failing that plus its patterns, the full evidence names that language too. Where no
    language's bound reaches a decisive score on a text of more than :data:`SHORT_WORDS`
    words, the evidence has its word count but no words and no scores: nothing reads them there.
    The words themselves are only listed for texts of at most :data:`SHORT_WORDS` words.
    """
    lowered, count = cued.lowered, cued.count
    scores = dict(cued.scores)
    leader = _Evidence((), scores, count).decisive()
    patterns: dict[str, float] = {}
    if leader is not None and _scores_only_grow():
        others = [cue for cue in _cues() if cue.lang != leader]
        bounded = dict(scores)
        for cue in others:
            bounded[cue.lang] += cued.bound(cue)
        if _Evidence((), bounded, count).decisive() == leader:
            return leader
        patterns = {cue.lang: cue.pattern_score(lowered) for cue in others}
        bounded = {lang: score + patterns.get(lang, 0.0) for lang, score in scores.items()}
        if _Evidence((), bounded, count).decisive() == leader:
            return leader
    words = cued.words() if count <= SHORT_WORDS else ()
    if count > SHORT_WORDS and _scores_only_grow() and not _could_be_decisive(cued):
        # No language can be decisive, and for a text this long :func:`detect` reads no scores.
        return _Evidence(words, {}, count)
    for cue in _cues():
        scores[cue.lang] += patterns[cue.lang] if cue.lang in patterns else cue.pattern_score(lowered)
    evidence = _Evidence(words, scores, count)
    return evidence.decisive() or evidence


def _could_be_decisive(cued: _Cued) -> bool:
    """Whether some language's words plus the bound on its patterns reach the score and the
    share of the words that :meth:`_Evidence.decisive` asks for."""
    needed = max(DECISIVE_SCORE, DECISIVE_COVERAGE * cued.count)
    return any(cued.scores[cue.lang] + cued.bound(cue) >= needed for cue in _cues())


@functools.cache
def _vocabulary(lang: str) -> tuple[Any, frozenset[str]]:
    """The lookup lemmatiser's table of ``lang`` and its lemmas (lower-cased).

    Taken from the language's pipeline, which extraction loads anyway; only consulted for
    short texts the cue leaves open, so most routing never pays the second it costs to load.
    """
    from . import pipeline

    table = pipeline.get(lang).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    lemmas = frozenset(str(v).lower() for v in table.values())
    return table, lemmas


def _known_words(lang: str, words: Iterable[str], original: str) -> int:
    """How many of the (lower-cased) ``words`` the lemmatiser of ``lang`` knows."""
    table, lemmas = _vocabulary(lang)
    # The table's keys are case-sensitive (German nouns are capitalised): try the forms in the text.
    cased = {w.lower(): w for w in _WORD.findall(original)}
    known = 0
    for w in words:
        form = cased.get(w, w)
        if w in lemmas or w in table or form in table or form.capitalize() in table:
            known += 1
    return known


# --------------------------------------------------------------------------------------------
# langdetect


@functools.cache
def _detector_factory():  # type: ignore[no-untyped-def]
    """langdetect's profiles, loaded once, with a fixed seed for repeatable answers."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    try:
        factory.load_profile(PROFILES_DIRECTORY)
    except Exception as e:
        # langdetect turns everything raised while loading, Ctrl-C too, into a "format error":
        # give the interrupt back, so a batch job stops instead of failing one document.
        if isinstance(e.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise
    factory.set_seed(0)
    return factory


def _langdetect(sample: str) -> list[tuple[str, float]]:
    """langdetect's languages for ``sample`` with their probabilities, best first ([] if none)."""
    from langdetect.lang_detect_exception import LangDetectException

    from ._langdetect import FastDetector

    if not any(c.isalpha() for c in sample):
        return []
    detector = FastDetector(_detector_factory())
    try:
        detector.append(sample)
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def _langdetect_best(sample: str) -> str | None:
    """``_langdetect(sample)``'s first language, or None where it has none; langdetect's trials
    stop once that language is certain (:meth:`FastDetector.best_language`)."""
    from langdetect.lang_detect_exception import LangDetectException

    from ._langdetect import FastDetector

    if not any(c.isalpha() for c in sample):
        return None
    detector = FastDetector(_detector_factory())
    try:
        detector.append(sample)
        return detector.best_language()
    except LangDetectException:
        return None


def detect(text: str) -> str | None:
    """The language code of ``text`` (a bounded sample of it), or None where nothing can be told.

    langdetect's answer, unless the cue for a supported language is decisive, or the text is
    short and the cue or the lemmatiser vocabulary of a supported language says otherwise.
    """
    return _detect(text, _cued(text[:SAMPLE_CHARS]))


def _detect(text: str, sample_cue: _Cued) -> str | None:
    """:func:`detect`, given the lower-cased and scored sample."""
    sample = text[:SAMPLE_CHARS]
    evidence = _decisive_or_evidence(sample_cue)
    if isinstance(evidence, str):
        return evidence
    if evidence.count > SHORT_WORDS:
        return _langdetect_best(sample)  # only the first language counts here
    detected = _langdetect(sample)
    best = detected[0][0] if detected else None
    # A short text with no decisive cue: the weak cue, then the vocabulary, then langdetect.
    supported = languages()
    leaning = evidence.leaning()
    vocabulary, margin, share = _vocabulary_choice(evidence, sample)
    sure = best if detected and detected[0][1] >= CONFIDENT else None
    if sure is not None and sure not in supported:
        # langdetect sure of another language wins, except on one or two words most of which a
        # supported lemmatiser knows: there it is often wrong ("Article" comes out Catalan).
        if len(evidence.words) >= MIN_WORDS_FOR_LANGDETECT or share <= VOCABULARY_SHARE:
            return sure
    if leaning is not None and vocabulary in (None, leaning):
        return leaning
    if vocabulary is not None:
        # Lemmatiser tables hold names and loanwords ("Washington", "Talks" are German entries):
        # a one-word lead yields to langdetect when it is sure of another supported language ...
        if margin <= 1 and sure in supported and sure != vocabulary:
            return sure
        # ... and a lead on a minority of the words counts only where langdetect, however unsure,
        # puts a supported language first ("Noticias del ministerio": "del" is an English entry).
        if share <= VOCABULARY_SHARE and best not in supported:
            return best
        return vocabulary
    return best


def _vocabulary_choice(evidence: _Evidence, sample: str) -> tuple[str | None, int, float]:
    """The supported language whose lemmatiser knows most of the words (None on a tie), by how
    many words it leads the runner-up, and the share of the words it knows."""
    if not evidence.words:
        return None, 0, 0.0
    known = {
        cue.lang: _known_words(cue.lang, evidence.words, sample) for cue in _cues() if cue.lemma_lookup
    }
    ranked = sorted(known.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None, 0, 0.0
    lang, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best > runner_up:
        return lang, best - runner_up, best / len(evidence.words)
    return None, 0, 0.0


# --------------------------------------------------------------------------------------------
# Routing


def route(text: str, lang: str | None = None) -> Routing:
    """Route ``text``: its language, whether it is supported, and the segments to read.

    ``lang`` forces one language for the whole text. Otherwise the language comes from
    :func:`detect`, and a text in a supported language is routed line by line, so that the
    paragraphs of a mixed document each reach their own pipeline.
    """
    supported_langs = languages()
    if not text.strip():
        return Routing(lang, lang is None or lang in supported_langs, ())
    if lang is not None:
        if lang not in supported_langs:
            return Routing(lang, False, ())
        return Routing(lang, True, tuple(split(text, lang)))
    # A text no longer than the sample is the sample: lower-cased, scored and bounded once.
    whole = _cued(text) if len(text) <= SAMPLE_CHARS else None
    language = _detect(text, whole or _cued(text[:SAMPLE_CHARS]))
    if language not in supported_langs:
        return Routing(language, False, ())
    segments: list[Segment] = []
    chars: dict[str, int] = {}
    for run_lang, start, end in _runs(text, language, whole):
        segments.extend(split(text[start:end], run_lang, offset=start))
        chars[run_lang] = chars.get(run_lang, 0) + end - start
    # The document's language is the one most of it is in (the detected one on a tie).
    main = max(chars, key=lambda k: (chars[k], k == language))
    return Routing(main, True, tuple(segments))


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line with its trailing line breaks; together they cover the text."""
    n = len(text)
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            if m.start() >= n:
                break
            continue
        yield m.start(), m.end()


def _runs(text: str, default: str, whole: _Cued | None = None) -> list[tuple[str, int, int]]:
    """Contiguous (lang, start, end) runs covering ``text``, one per stretch of one language
    (``whole``: ``text`` lower-cased and scored, where already known)."""
    if _stays_in(text, default, whole or _cued(text)):
        return [(default, 0, len(text))]
    return _runs_line_by_line(text, default)


def _runs_line_by_line(text: str, default: str) -> list[tuple[str, int, int]]:
    """:func:`_runs` the long way: every line scored, weak lines joined to their neighbours."""
    units: list[tuple[int, int, str | None, str | None]] = []  # start, end, strong lang, leaning
    for start, end in _lines(text):
        units.append((start, end, *_line_cue(text, start, end)))
    if not units:
        return [(default, 0, len(text))]
    labels = _label_weak_units([(u[2], u[3]) for u in units], default)
    runs: list[tuple[str, int, int]] = []
    for (start, end, _, _), label in zip(units, labels, strict=True):
        if runs and runs[-1][0] == label:
            runs[-1] = (label, runs[-1][1], end)
        else:
            runs.append((label, start, end))
    # The first run starts at 0 and the last ends at len(text), whatever the line split did.
    first_lang, _, first_end = runs[0]
    runs[0] = (first_lang, 0, first_end)
    last_lang, last_start, _ = runs[-1]
    runs[-1] = (last_lang, last_start, len(text))
    return runs


def _line_cue(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The supported language the line ``text[start:end]`` names strongly (or None), and the one
    it leans to (or None)."""
    supported = languages()
    evidence = _line_evidence(text[start : min(end, start + LINE_SAMPLE_CHARS)])
    strong = evidence.decisive(STRONG_LINE_SCORE)
    leaning = evidence.leaning()
    return (strong if strong in supported else None, leaning if leaning in supported else None)


def _line_evidence(line: str) -> _Evidence:
    """``_evidence(line, enough=STRONG_LINE_SCORE)`` without its words (which the line cue does not
    read), scored from packed token values, and without scanning for the patterns of a cue that
    has no anchor string in the line (its pattern score is 0)."""
    lowered = line.lower()
    count, scores, bounds = _count_and_scores(lowered)
    if _Evidence((), scores, count).decisive(STRONG_LINE_SCORE) is None:
        for cue in _cues():
            if bounds is None or bounds[cue.lang] > 0:
                scores[cue.lang] += cue.pattern_score(lowered)
    return _Evidence((), scores, count)


def _lowers_by_character(text: str, lowered: str) -> bool:
    """Whether ``lowered`` (``text.lower()``) lower-cases ``text`` character by character, so that
    its slices are the lower-cased slices of ``text``. Python lower-cases per character except
    where a character becomes several ("İ") and for the capital sigma, whose lower-case form
    depends on its neighbours."""
    return len(lowered) == len(text) and "\u03a3" not in text


def _stays_in(text: str, lang: str, whole: _Cued) -> bool:
    """Whether no line of ``text`` names a language other than ``lang`` strongly, proven from
    bounds on the cue scores without scoring every line; False where the bounds do not tell.

    Then line-by-line routing is one run of ``lang``: every strong line is ``lang``, and
    :func:`_label_weak_units` gives each weak line the language of a strong neighbour, or
    ``lang`` where there is none. A line is strong for a language only where that language
    scores at least :data:`STRONG_LINE_SCORE` on it, words and patterns together. Its words
    score at most what they score in the whole text (lines share no words, except that a line
    cut at :data:`LINE_SAMPLE_CHARS` may end in a cut word), and its patterns at most what the
    anchor strings inside it weigh. Only a line whose bound reaches the score is scored in full.
    """
    lowered = whole.lowered
    if not _lowers_by_character(text, lowered) or not _scores_only_grow():
        return False
    # The cues for which not even the whole text could make one line strong need no more.
    others = [
        cue for cue in _cues() if cue.lang != lang and whole.scores[cue.lang] + whole.bound(cue) >= STRONG_LINE_SCORE
    ]
    if not others:
        return True
    if len(lowered) < _packed_below():
        return _no_line_strong_for(text, lowered, lang, others)
    for cue in others:
        hits = cue.anchor_hits(lowered)
        if hits is None:
            return False
        if not _no_strong_line(text, lowered, lang, cue, whole.scores[cue.lang], hits):
            return False
    return True


def _may_be_strong(bound: float, runner_up: float, count: int) -> bool:
    """Whether a line whose score for a language is at most ``bound`` could be strong for it,
    against ``runner_up`` (the line's certain score for its own language) and its ``count`` words."""
    return not (
        bound < STRONG_LINE_SCORE
        or bound < DECISIVE_MARGIN * runner_up
        or bound <= runner_up
        or bound < DECISIVE_COVERAGE * count
    )


def _no_line_strong_for(text: str, lowered: str, lang: str, others: list[_Cue]) -> bool:
    """Whether no line of ``text`` is strong for the language of one of ``others`` (see
    :func:`_stays_in` and :func:`_no_strong_line`), each line's bound read off the packed
    values of its tokens (its words' scores, and its anchors counted as
    :meth:`_Cue.pattern_bound` counts them: a bound on the line's pattern score too).
    ``lowered`` is ``text`` lower-cased character by character, so its lines are those of ``text``.
    """
    cues = _cues()
    mask = (1 << _FIELD_BITS) - 1
    fields = {cue.lang: i for i, cue in enumerate(cues, start=1)}
    # Per other cue, the shifts of its doubled word score and doubled pattern bound.
    shifts = [(_FIELD_BITS * fields[c.lang], _FIELD_BITS * (fields[c.lang] + len(cues))) for c in others]
    own = _FIELD_BITS * fields[lang] if lang in fields else None
    values = _TOKEN_VALUES.__getitem__
    n = len(lowered)
    for m in _LINE.finditer(lowered):
        start, end = m.span()
        if start == end:
            if start >= n:
                break
            continue
        total = sum(map(values, lowered[start : min(end, start + LINE_SAMPLE_CHARS)].split()))
        if total >> _FIELD_BITS == 0:
            continue  # no cue word and no anchor: every bound is 0
        count = total & mask
        runner_up = ((total >> own) & mask) / 2 if own is not None else 0.0
        for word_shift, anchor_shift in shifts:
            bound = (((total >> word_shift) & mask) + ((total >> anchor_shift) & mask)) / 2
            if not _may_be_strong(bound, runner_up, count):
                continue
            strong, _ = _line_cue(text, start, end)
            if strong is not None and strong != lang:
                return False
            break  # the line's cue is known now
    return True


def _no_strong_line(
    text: str, lowered: str, lang: str, cue: _Cue, total: float, hits: list[tuple[int, int, float]]
) -> bool:
    """Whether no line of ``text`` is strong for ``cue``'s language (see :func:`_stays_in`).

    A line's bound is its words' score for that language plus the weight of the anchors inside
    it. Where that bound cannot be decisive against the line's own ``lang`` words (a score of
    ``lang`` at least that high is certain, and the winner needs twice the runner-up's), or
    cannot cover the line's words, the line is not strong whatever its patterns score.
    """
    own = next((c for c in _cues() if c.lang == lang), None)
    next_hit = 0
    for start, end in _lines(text):
        stop = min(end, start + LINE_SAMPLE_CHARS)
        anchors = 0.0
        while next_hit < len(hits) and hits[next_hit][0] < end:
            _, hit_end, weight = hits[next_hit]
            if hit_end <= stop:
                anchors += weight
            next_hit += 1
        if stop == end and total + anchors < STRONG_LINE_SCORE:
            continue  # the line's words score at most the whole text's
        count, scores, _ = _count_and_scores(lowered[start:stop])
        bound = scores[cue.lang] + anchors
        runner_up = scores[own.lang] if own is not None else 0.0
        if not _may_be_strong(bound, runner_up, count):
            continue
        strong, _ = _line_cue(text, start, end)
        if strong is not None and strong != lang:
            return False
    return True


def _label_weak_units(units: list[tuple[str | None, str | None]], default: str) -> list[str]:
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


# --------------------------------------------------------------------------------------------
# Measuring


def accuracy(path: str | Path) -> tuple[float, list[tuple[str, str, str | None]]]:
    """Routing accuracy on a JSONL file of ``{"text", "lang"}`` lines, and the misroutes
    as (expected, text, routed) triples."""
    total = 0
    wrong: list[tuple[str, str, str | None]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            item = json.loads(line)
            total += 1
            got = route(item["text"]).language
            if got != item["lang"]:
                wrong.append((item["lang"], item["text"], got))
    return (1 - len(wrong) / total if total else 0.0), wrong


def main(argv: list[str] | None = None) -> int:
    """``python -m bilatextract.routing_accuracy FILE.jsonl``: print the misroutes and the accuracy."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bilatextract.routing_accuracy FILE.jsonl  (lines with 'text' and 'lang')",
              file=sys.stderr)
        return 2
    score, wrong = accuracy(args[0])
    for expected, text, got in wrong:
        print(f"expected {expected}, routed {got}: {text!r}")
    print(f"accuracy {score:.4f} ({len(wrong)} misrouted)")
    return 0

