"""The cue: cheap per-language evidence that a stretch of text is in a language.

Each language with a ``models/<lang>/cues.toml`` lists distinctive function words (weight 1),
words that lean towards it (weight 0.5) and word shapes (regular expressions with a weight,
matched on the lower-cased text). langdetect reads headlines and datelines badly ("April 11,
2013" comes out Romanian); the cue reads them well. A third language is a data file.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from ..resources import has_file, languages, load_toml

#: The cue decides on its own when its best language scores at least this much ...
DECISIVE_SCORE = 1.0
#: ... at least this share of the words ...
DECISIVE_COVERAGE = 0.15
#: ... and this many times the runner-up's score.
DECISIVE_MARGIN = 2.0
#: A line flips the language of its surroundings only with a cue this strong (and decisive).
STRONG_LINE_SCORE = 2.0

#: Words for the cue: runs of two or more letters (digits and punctuation carry no language).
WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Cue:
    """One language's cue, compiled from its ``cues.toml``."""

    lang: str
    words: dict[str, float]
    patterns: re.Pattern[str] | None
    pattern_weights: dict[str, float]
    #: Whether short texts the cue leaves open may ask the language's lemma vocabulary.
    vocabulary: bool
    #: Per pattern, its weight and the strings one of which each of its matches contains; None
    #: where a pattern does not say (then its score has no bound short of scanning).
    pattern_contains: tuple[tuple[float, tuple[str, ...]], ...] | None = None
    #: Whether every word weight is a multiple of 1/1024 (and small): then word scores are exact
    #: sums, the same in whatever order the words are added up.
    exact: bool = False

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
        """An upper bound of :meth:`pattern_score` without scanning: each match contains one of
        its pattern's ``contains`` strings, and matches do not overlap, so there are at most as
        many as there are occurrences of those strings (infinite where a pattern does not say)."""
        if self.patterns is None:
            return 0.0
        if self.pattern_contains is None:
            return math.inf
        return sum(weight * sum(map(lowered.count, strings)) for weight, strings in self.pattern_contains)


def compile_cue(lang: str, data: dict[str, Any]) -> Cue:
    """A :class:`Cue` from the contents of a ``cues.toml``."""
    words: dict[str, float] = {}
    for w in data.get("weak_words", ()):
        words[w.lower()] = 0.5
    for w in data.get("words", ()):
        words[w.lower()] = 1.0
    # All patterns run as one alternation (one scan), each in a named group that gives its
    # weight; on lower-cased text, since re.IGNORECASE makes them several times slower.
    specs = list(data.get("patterns", ()))
    patterns = (
        re.compile("|".join(f"(?P<p{i}>{p['regex']})" for i, p in enumerate(specs))) if specs else None
    )
    pattern_weights = {f"p{i}": float(p.get("weight", 1.0)) for i, p in enumerate(specs)}
    vocabulary = bool(data.get("vocabulary", {}).get("lemma_lookup", False))
    contains = tuple((float(p.get("weight", 1.0)), tuple(p.get("contains", ()))) for p in specs)
    bounded = all(strings and weight >= 0 for weight, strings in contains)  # a bound needs scores that only add up
    exact = all((w * 1024).is_integer() and abs(w) <= 1024 for w in words.values())
    return Cue(lang, words, patterns, pattern_weights, vocabulary, contains if bounded else None, exact)


_lock = threading.Lock()
_compiled: dict[tuple[str, ...], tuple[Cue, ...]] = {}


def cues() -> tuple[Cue, ...]:
    """The cues of every language with models that has a ``cues.toml``; compiled once, under a
    lock, and never changed afterwards (threads share them)."""
    key = languages()
    found = _compiled.get(key)
    if found is None:
        with _lock:
            found = _compiled.get(key)
            if found is None:
                found = tuple(
                    compile_cue(lang, load_toml(lang, "cues.toml")) for lang in key if has_file(lang, "cues.toml")
                )
                _compiled[key] = found
    return found


def _out_of_reach(most: float, rival: float, count: int, min_score: float) -> bool:
    """Whether a language scoring at most ``most`` cannot be decisive (with ``min_score``) over
    ``count`` words against a rival scoring at least ``rival``."""
    return (most < min_score or most < DECISIVE_COVERAGE * count or most < DECISIVE_MARGIN * rival
            or most <= rival)


def _rank(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the cue found in a stretch of text."""

    words: tuple[str, ...]
    scores: dict[str, float]

    @property
    def count(self) -> int:
        return len(self.words)

    def ranked(self) -> list[tuple[str, float]]:
        # Ties go to the language code first in sort order, so the answer never depends on set order.
        return sorted(self.scores.items(), key=_rank)

    def decisive(self, min_score: float = DECISIVE_SCORE) -> str | None:
        """The language the cue names on its own authority, or None."""
        scores = self.scores
        if not scores or not self.count:
            return None
        lang, best = min(scores.items(), key=_rank)  # what ranked()[0] is, without sorting
        runner_up = max([v for k, v in scores.items() if k != lang], default=0.0)
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


def word_evidence(lowered: str) -> Evidence:
    """The cue scores of the words of ``lowered`` (a lower-cased text) alone, without word shapes."""
    words = tuple(WORD.findall(lowered))
    return Evidence(words, word_scores(words))


def add_shapes(found: Evidence, lowered: str, langs: Iterable[str]) -> Evidence:
    """``found`` with the word-shape scores in ``lowered`` of the languages ``langs`` added."""
    scores = dict(found.scores)
    wanted = set(langs)
    for cue in cues():
        if cue.lang in wanted:
            scores[cue.lang] += cue.pattern_score(lowered)
    return Evidence(found.words, scores)


def cue_languages() -> tuple[str, ...]:
    """The languages that have a cue."""
    return tuple(cue.lang for cue in cues())


def evidence(text: str, enough: float | None = None) -> Evidence:
    """The cue scores of ``text``, words and word shapes together.

    With ``enough``, the word shapes are not scanned where the words alone already name a
    language decisively with a score of ``enough``: the shapes are for texts with few function
    words, and skipping them keeps long documents cheap. (Scores only grow with more matches,
    so the decisive language stays the same; the scores of the others may be lower.)
    """
    lowered = text.lower()
    found = word_evidence(lowered)
    if enough is not None and found.decisive(enough) is not None:
        return found
    return add_shapes(found, lowered, cue_languages())


def decisive_language(text: str) -> tuple[str | None, Evidence | None]:
    """What ``evidence(text).decisive()`` names, with the evidence where it names nothing.

    Cheaper than that on most texts, with the same answer: where the words alone put one
    language first, its own word shapes are scanned only if the others' shapes leave it
    undecided. (A language's score only grows with its shapes, and ``decisive`` only gets
    easier for a language as its score grows: if it is decisive on a lower bound of its
    score, it is decisive on the whole.)
    """
    lowered = text.lower()
    return decide(lowered, word_evidence(lowered))


def decide(lowered: str, found: Evidence) -> tuple[str | None, Evidence | None]:
    """:func:`decisive_language` of a text whose lower-cased form is ``lowered`` and whose word
    evidence (:func:`word_evidence`) is ``found``."""
    leader = found.leaning()
    if leader is not None:
        # The others at their most (their shapes' bounds), the leader at its least (its words).
        scores = found.scores
        upper = {cue.lang: scores[cue.lang] + (cue.pattern_bound(lowered) if cue.lang != leader else 0.0)
                 for cue in cues()}
        if Evidence(found.words, upper).decisive() == leader:
            return leader, None
        partial = add_shapes(found, lowered, [lang for lang in cue_languages() if lang != leader])
        if partial.decisive() == leader:
            return leader, None
        found = add_shapes(partial, lowered, [leader])
    else:
        found = add_shapes(found, lowered, cue_languages())
    decided = found.decisive()
    return decided, (None if decided is not None else found)


def word_scores(words: tuple[str, ...]) -> dict[str, float]:
    """The cue word score of each language among ``words`` (lower-cased)."""
    return {cue.lang: cue.word_score(words) for cue in cues()}


def names_another(text: str, language: str, min_score: float) -> bool:
    """Whether ``evidence(text, enough=min_score).decisive(min_score)`` may name a language other
    than ``language``; False only where it cannot (``language``'s own word shapes are not
    scanned: the others are weighed against a lower bound of its score, see
    :func:`decisive_language`)."""
    lowered = text.lower()
    words = tuple(WORD.findall(lowered))
    if not words:
        return False
    return names_another_in(lowered, words, word_scores(words), language, min_score)


def names_another_in(lowered: str, words: tuple[str, ...], scores: dict[str, float], language: str,
                     min_score: float) -> bool:
    """:func:`names_another` of a text whose lower-cased form is ``lowered``, with its words
    (``WORD.findall(lowered)``, not empty) and their :func:`word_scores` (not changed)."""
    own = scores.get(language)
    if own is not None:
        # The common case first: ``language``'s words alone are decisive (what decisive() checks).
        rival = max([v for k, v in scores.items() if k != language], default=0.0)
        if (own >= min_score and own >= DECISIVE_COVERAGE * len(words) and own >= DECISIVE_MARGIN * rival
                and own > rival):
            return False
    all_cues = cues()
    scores = dict(scores)
    found = Evidence(words, scores)
    named = found.decisive(min_score)
    if named is None:
        # No other language can be decisive even at its most (its shapes' bound) against
        # ``language`` at its least (its words): nothing else is named, whatever the shapes say.
        least = scores.get(language, 0.0)
        if all(_out_of_reach(scores[cue.lang] + cue.pattern_bound(lowered), least, len(words), min_score)
               for cue in all_cues if cue.lang != language):
            return False
        for cue in all_cues:
            if cue.lang != language:
                scores[cue.lang] += cue.pattern_score(lowered)
        named = found.decisive(min_score)
    return named is not None and named != language
