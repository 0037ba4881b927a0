"""The shortcuts that keep routing cheap give the answers of the long way round: the faster
langdetect detector, the anchor strings of the cue patterns, the word splitter, the decisive
cue and the one-language proof. Texts are composed from this suite's own test texts."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector
from test_routing import (
    ENGLISH_LONG,
    ENGLISH_SHORT,
    FRENCH_LONG,
    GERMAN_LONG,
    GERMAN_SHORT,
    ITALIAN_LONG,
    JAPANESE_LONG,
    MIXED,
    SPANISH_LONG,
    UNSUPPORTED_SHORT,
)

from bilatextract import routing
from bilatextract._langdetect import FastDetector
from bilatextract._required import required_strings
from bilatextract.resources import languages, load_toml

PARAGRAPHS = [GERMAN_LONG, ENGLISH_LONG, FRENCH_LONG, SPANISH_LONG, ITALIAN_LONG, JAPANESE_LONG, MIXED]
SHORT = GERMAN_SHORT + ENGLISH_SHORT + [t for ts in UNSUPPORTED_SHORT.values() for t in ts]
ODD = [
    "ΑΘΗΝΑΣ: Ο ΥΠΟΥΡΓΟΣ", "İstanbul’da Dışişleri Bakanı", "Москва, 3 марта: МИД России", "مرحبا یک",
    "Xin chào Việt Nam ạ ắ", "http://example.com/a?b=1 mail@example.org NATO USA", "中华人民共和国 ABC",
    "Şeful țării", "a  b   c\t\td\n\ne", "I", "AB CD ef", "  leading", "trailing  ", "ÀÉÎ ßẞ ﬁx ²³ ½",
    "ひらがな カタカナ ㄅㄆ 한국어",
]


def composed_texts(n: int, seed: int = 0) -> list[str]:
    """Texts of random lines and paragraphs of the test texts, some upper-cased or with long lines."""
    rng = random.Random(seed)
    pieces = [p for t in PARAGRAPHS for p in t.splitlines() if p.strip()] + PARAGRAPHS + SHORT + ODD
    out = []
    for _ in range(n):
        parts = [rng.choice(pieces) for _ in range(rng.randrange(1, 10))]
        text = rng.choice(["\n", "\n\n", " ", "\n \n"]).join(parts)
        if rng.random() < 0.1:
            text = text.upper()
        out.append(text)
    return out


TEXTS = PARAGRAPHS + SHORT + ODD + composed_texts(400)


def probabilities(detector: Detector, text: str) -> list[tuple[str, float]] | str:
    try:
        detector.append(text)
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except Exception as e:  # the same failure is the same answer
        return repr(e)


@pytest.mark.parametrize("text", TEXTS[:120])
def test_fast_detector_gives_langdetects_probabilities(text: str) -> None:
    factory = routing._detector_factory()
    assert probabilities(FastDetector(factory), text) == probabilities(Detector(factory), text)


def test_fast_detector_on_many_texts() -> None:
    factory = routing._detector_factory()
    for text in TEXTS:
        sample = text[: routing.SAMPLE_CHARS]
        assert probabilities(FastDetector(factory), sample) == probabilities(Detector(factory), sample), text


@pytest.mark.parametrize(
    ("regex", "anchors"),
    [
        (r"\B(?:ings?|ly)\b", {"ing", "ly"}),
        (r"[ap]\.m\.", {".m."}),
        (r"[äöüß]", {"ä", "ö", "ü", "ß"}),
        (r"\w['’](?:s|t)\b", {"'", "’"}),
        (r"x*", None),
        (r"\d+", None),
        (r"(?i)abc", None),
        (r"(?i:abc)", None),
        (r"a\nb", None),
    ],
)
def test_required_strings(regex: str, anchors: set[str] | None) -> None:
    found = required_strings(regex)
    assert (set(found) if found is not None else None) == anchors


def cue_regexes() -> list[str]:
    return [p["regex"] for lang in languages() for p in load_toml(lang, "cues.toml").get("patterns", ())]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefgilmnpstuvy.,' ’äöüß0123456789\n", max_size=80))
def test_every_cue_pattern_match_contains_an_anchor(text: str) -> None:
    for regex in cue_regexes():
        anchors = required_strings(regex)
        assert anchors is not None, regex  # the cue patterns all have anchors: the shortcut applies
        for m in re.finditer(regex, text):
            assert any(a in m.group() for a in anchors), (regex, m.group())


def test_every_cue_pattern_match_in_the_texts_contains_an_anchor() -> None:
    for regex in cue_regexes():
        anchors = required_strings(regex)
        assert anchors is not None
        for text in TEXTS:
            for m in re.finditer(regex, text.lower()):
                assert any(a in m.group() for a in anchors), (regex, m.group())


def test_pattern_bound_is_at_least_the_pattern_score() -> None:
    for cue in routing._cues():
        for text in TEXTS:
            lowered = text.lower()
            assert cue.pattern_bound(lowered) >= cue.pattern_score(lowered)


def test_word_splitter_is_the_word_pattern() -> None:
    every_char = "".join(map(chr, range(0x3100))) + "\U0001d400\U0001d401 ab"
    for text in [*TEXTS, every_char, every_char[:0x3000]]:
        lowered = text.lower()
        assert routing._words(lowered) == routing._WORD.findall(lowered)


def test_decisive_cue_is_that_of_the_full_evidence() -> None:
    for text in TEXTS:
        full = routing._evidence(text[: routing.SAMPLE_CHARS])
        got = routing._decisive_or_evidence(routing._cued(text[: routing.SAMPLE_CHARS]))
        if isinstance(got, str):
            assert got == full.decisive()
        else:
            assert full.decisive() is None
            assert got.count == len(full.words)
            # A long text's words and scores are left out where no language could be decisive:
            # detect reads only how many words it has.
            assert got.words == full.words or (not got.words and got.count > routing.SHORT_WORDS)
            assert got.scores == full.scores or (not got.scores and got.count > routing.SHORT_WORDS)


def test_one_language_proof_agrees_with_line_by_line_routing() -> None:
    long_line = " ".join([GERMAN_LONG] * 3)  # lines cut at LINE_SAMPLE_CHARS
    texts = [*TEXTS, long_line, long_line + "\n" + ENGLISH_LONG, "\n".join([GERMAN_LONG, "Statement", ENGLISH_LONG])]
    proved = 0
    for text in texts:
        for lang in languages():
            if not text.strip():
                continue
            line_by_line = routing._runs_line_by_line(text, lang)
            assert routing._runs(text, lang) == line_by_line, text
            if routing._stays_in(text, lang, routing._cued(text)):
                proved += 1
                assert line_by_line == [(lang, 0, len(text))]
    assert proved > len(texts) // 4  # the proof applies to a good share, not just never


def test_packed_word_scores_are_the_word_scores(dev_docs: list[dict]) -> None:
    """Count, cue scores and pattern bounds from packed per-token values equal the regex words
    scored per cue and the anchors counted in the whole text, on every test text, odd characters
    and white space included, and on the dev corpus."""
    assert routing._packed_below() > 10**6  # the packed path is the one routing takes
    every_char = "".join(map(chr, range(0x3100))) + "\U0001d400\U0001d401 ab"
    spaces = "".join(c for c in map(chr, range(0x3100)) if c.isspace())
    corpus = [d["text"] for d in dev_docs]
    for text in [*TEXTS, every_char, f"der{spaces}the{spaces}und", *corpus, "\n".join(corpus)]:
        lowered = text.lower()
        words = routing._words(lowered)
        plain = (
            len(words),
            {cue.lang: cue.word_score(words) for cue in routing._cues()},
            {cue.lang: cue.pattern_bound(lowered) for cue in routing._cues()},
        )
        assert routing._count_and_scores(lowered) == plain, text[:80]
        assert routing._cued(text).words() == tuple(words)


def test_fast_detector_is_set_up_as_langdetects() -> None:
    """FastDetector's own __init__ sets what Detector's does (its generator made on first use)."""
    factory = routing._detector_factory()
    fast, stock = vars(FastDetector(factory)), vars(Detector(factory))
    stock.pop("random")
    assert fast.pop("_random") is None
    assert fast == stock
    assert isinstance(FastDetector(factory).random, random.Random)


def test_langdetect_never_finds_the_block_it_spares() -> None:
    """langdetect spares "Latin Extended Additional" from its non-Latin count by name, but its
    unicode_block() returns block numbers: FastDetector counts every character from U+0300 on."""
    from langdetect.utils.unicode_block import unicode_block

    assert all(unicode_block(chr(c)) != "Latin Extended Additional" for c in range(0x300, 0x110000, 7))
    assert all(unicode_block(chr(c)) != "Latin Extended Additional" for c in range(0x1E00, 0x1F00))


def test_fast_detector_draws_from_a_shared_seed_stream() -> None:
    """Detectors of one seed share its generator's outputs; a stream that reads past them extends
    them, and every later detector still gets langdetect's answer."""
    from bilatextract import _langdetect

    factory = routing._detector_factory()
    _langdetect._SEEDED.clear()
    texts = [FRENCH_LONG, "Noticias del ministerio", JAPANESE_LONG, GERMAN_SHORT[0], FRENCH_LONG]
    for text in texts:
        assert probabilities(FastDetector(factory), text) == probabilities(Detector(factory), text)
    outputs = _langdetect._SEEDED[factory.seed].words
    expected = random.Random(factory.seed)
    assert outputs.tolist() == [expected.getrandbits(32) for _ in range(len(outputs))]
