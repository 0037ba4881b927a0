"""The language of a text: the cue first, seeded stock langdetect where the cue does not decide.

langdetect is called at most once per document, on at most :data:`SAMPLE_CHARS` characters,
and not at all where the cue is decisive. Its profiles are loaded once per process, under a
lock, into a ``DetectorFactory`` of our own with a fixed seed (each ``Detector`` draws from its
own ``random.Random`` seeded from it): the same text always gets the same answer, whatever other
threads do, and no attribute of langdetect's module-level factory is touched.

Short texts (headlines, datelines) the cue leaves open may also ask a language's lemma
vocabulary (spacy-lookups-data's lemma table, read with spaCy's own loader the first time a
short text needs it): "Presse & Publikationen" is German although no function word says so.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from ..resources import languages
from .cues import WORD, Evidence, cues, decisive_language

#: Characters of text that language detection reads at most.
SAMPLE_CHARS = 2000
#: Texts of at most this many words are "short": langdetect is unreliable on them, so the cue
#: (and, where the cue is silent, the lemma vocabulary) decides before langdetect does.
SHORT_WORDS = 8
#: A lemma vocabulary that knows at most this share of a short text's words is weak evidence.
VOCABULARY_SHARE = 0.5
#: A langdetect probability this high counts as sure (it is, on anything but very short texts).
CONFIDENT = 0.9
#: Below this many words langdetect's certainty means little (two-word headlines come out Estonian).
MIN_WORDS_FOR_LANGDETECT = 3
#: langdetect's seed: fixed, so that answers repeat.
SEED = 0

_lock = threading.Lock()
_factory: Any = None
_vocabularies: dict[str, tuple[dict[str, Any], frozenset[str]]] = {}


def _detector_factory() -> Any:
    """langdetect's profiles in a factory of our own, loaded once (under a lock), seeded."""
    global _factory
    if _factory is None:
        with _lock:
            if _factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                factory = DetectorFactory()
                try:
                    factory.load_profile(PROFILES_DIRECTORY)
                except Exception as e:
                    # langdetect turns everything raised while loading, Ctrl-C too, into a "format
                    # error": give the interrupt back, so a batch job stops instead of failing.
                    if isinstance(e.__context__, KeyboardInterrupt):
                        raise KeyboardInterrupt from None
                    raise
                factory.set_seed(SEED)
                # One detection here, so that whatever langdetect sets up on first use (its
                # messages table) is set up before any other thread can ask.
                detector = factory.create()
                detector.append("warm up")
                detector.get_probabilities()
                _factory = factory
    return _factory


def langdetect_ranked(sample: str) -> list[tuple[str, float]]:
    """langdetect's languages for ``sample`` with their probabilities, best first ([] if none)."""
    from langdetect.lang_detect_exception import LangDetectException

    if not any(c.isalpha() for c in sample):
        return []
    detector = _detector_factory().create()
    try:
        detector.append(sample)
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def _vocabulary(lang: str) -> tuple[dict[str, Any], frozenset[str]]:
    """spacy-lookups-data's lemma table of ``lang`` (``{form: lemma}``) and its lemmas lower-cased;
    empty where the data has none. Read once per process, under a lock."""
    found = _vocabularies.get(lang)
    if found is None:
        with _lock:
            found = _vocabularies.get(lang)
            if found is None:
                from spacy.util import load_language_data, registry

                table: dict[str, Any] = {}
                if lang in registry.lookups:
                    data = registry.lookups.get(lang)
                    if "lemma_lookup" in data:
                        loaded = load_language_data(data["lemma_lookup"])
                        table = loaded if isinstance(loaded, dict) else {}
                found = (table, frozenset(str(v).lower() for v in table.values()))
                _vocabularies[lang] = found
    return found


def _known_words(lang: str, words: Iterable[str], original: str) -> int:
    """How many of the (lower-cased) ``words`` the lemma vocabulary of ``lang`` knows."""
    table, lemmas = _vocabulary(lang)
    # The table's keys are case-sensitive (German nouns are capitalised): try the forms in the text.
    cased = {w.lower(): w for w in WORD.findall(original)}
    known = 0
    for w in words:
        form = cased.get(w, w)
        if w in lemmas or w in table or form in table or form.capitalize() in table:
            known += 1
    return known


def _vocabulary_choice(found: Evidence, sample: str) -> tuple[str | None, int, float]:
    """The language whose lemma vocabulary knows most of the words (None on a tie), by how many
    words it leads the runner-up, and the share of the words it knows."""
    if not found.words:
        return None, 0, 0.0
    known = {cue.lang: _known_words(cue.lang, found.words, sample) for cue in cues() if cue.vocabulary}
    ranked = sorted(known.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None, 0, 0.0
    lang, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best > runner_up:
        return lang, best - runner_up, best / len(found.words)
    return None, 0, 0.0


def detect(text: str) -> str | None:
    """The language code of ``text`` (a bounded sample of it), or None where nothing can be told.

    The cue where it is decisive; otherwise langdetect's answer, except that on a short text a
    cue leaning or the lemma vocabulary of a language with models may overrule it.
    """
    sample = text[:SAMPLE_CHARS]
    return detect_decided(sample, *decisive_language(sample))


def detect_decided(sample: str, decided: str | None, found: Evidence | None) -> str | None:
    """:func:`detect` of a text whose sample is ``sample``, with :func:`~.cues.decisive_language`
    of the sample already known (``decided``, ``found``)."""
    if found is None:
        return decided
    detected = langdetect_ranked(sample)
    best = detected[0][0] if detected else None
    if found.count > SHORT_WORDS:
        return best
    # A short text with no decisive cue: the weak cue, then the vocabulary, then langdetect.
    supported = languages()
    leaning = found.leaning()
    vocabulary, margin, share = _vocabulary_choice(found, sample)
    sure = best if detected and detected[0][1] >= CONFIDENT else None
    if sure is not None and sure not in supported:
        # langdetect sure of another language wins, except on one or two words most of which a
        # supported vocabulary knows: there it is often wrong ("Article" comes out Catalan).
        if found.count >= MIN_WORDS_FOR_LANGDETECT or share <= VOCABULARY_SHARE:
            return sure
    if leaning is not None and vocabulary in (None, leaning):
        return leaning
    if vocabulary is not None:
        # Lemma tables hold names and loanwords ("Washington", "Talks" are German entries): a
        # one-word lead yields to langdetect when it is sure of another supported language ...
        if margin <= 1 and sure in supported and sure != vocabulary:
            return sure
        # ... and a lead on a minority of the words counts only where langdetect, however unsure,
        # puts a supported language first ("Noticias del ministerio": "del" is an English entry).
        if share <= VOCABULARY_SHARE and best not in supported:
            return best
        return vocabulary
    return best
