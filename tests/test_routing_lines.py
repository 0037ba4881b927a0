"""One reading of a text's lines for detection and segment routing (``routing.prepared``) gives
the answers of reading the sample and each line on its own (``detect``, ``one_language``), also
where the sample (2,000 characters) or the line limit (600) cuts a line or a word. Every text
here is composed for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_routing import ENGLISH_LONG, FRENCH_LONG, GERMAN_LONG, GERMAN_SHORT, MIXED

from bilatextract.resources import languages
from bilatextract.routing import SAMPLE_CHARS, detect, route
from bilatextract.routing.cues import decisive_language
from bilatextract.routing.detection import detect_decided
from bilatextract.routing.prepared import Lines
from bilatextract.routing.segments import LINE_SAMPLE_CHARS, one_language


def _texts() -> list[str]:
    long_line = " ".join([GERMAN_LONG, ENGLISH_LONG, GERMAN_LONG])  # one line over the line limit
    texts = [GERMAN_LONG, ENGLISH_LONG, FRENCH_LONG, MIXED, long_line, "\n".join(GERMAN_SHORT), "",
             "12.05.2024", "\n\n\n", "The Minister\n" + long_line, ENGLISH_LONG + "\n" + long_line * 3,
             # letters, digits and signs of other scripts (read by a class spelt out below U+3000)
             "Σωκράτης und Ὀδυσσεύς², ǅemal ʰa ½ der Москва die Việt Nam und ﬁnal ⅻ ⒜ ⓐ Ⅻ",
             "Der Minister sagte in Москва: ドイツ und Japan, 東京 die Gespräche"]
    for text in list(texts):
        texts.append((text + "\n\n" + ENGLISH_LONG + "\n" + GERMAN_LONG) * 2)
        for cut in (LINE_SAMPLE_CHARS - 1, LINE_SAMPLE_CHARS, LINE_SAMPLE_CHARS + 1, SAMPLE_CHARS - 1,
                    SAMPLE_CHARS, SAMPLE_CHARS + 1):
            texts.append(text[:cut])
            texts.append(("x" * (cut - 3)) + " " + text)  # a word cut at the limits
    return texts


@pytest.mark.parametrize("text", _texts())
def test_one_reading_gives_the_answers_of_reading_each_part(text: str) -> None:
    prepared = Lines(text, text.lower())
    language = detect_decided(*prepared.decisive_sample(SAMPLE_CHARS))
    assert language == detect(text)
    for lang in languages():
        assert prepared.one_language(lang) == one_language(text, lang)


def test_mixed_document_still_routes_by_paragraph() -> None:
    r = route(MIXED)
    assert [s.lang for s in r.segments] == ["de", "en", "de"]
    assert r.segments[0].start == 0 and r.segments[-1].end == len(MIXED)


_PIECES = ["der", "die", "und", "the", "of", "a", "I", "x", "ΣΑΣ", "Σ'", "ος", "12", "ing", "Ministerium", "2nd",
           "z.B.", "–", "'s", "März", "May", "ab", "\n", "\n\n"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=900), st.booleans(), st.sampled_from([700, 1000, SAMPLE_CHARS]))
def test_one_reading_of_long_lines_and_cut_words(pieces: list[str], spaced: bool, sample_chars: int) -> None:
    text = (" " if spaced else "").join(pieces)
    prepared = Lines(text, text.lower())
    assert prepared.decisive_sample(sample_chars) == (text[:sample_chars], *decisive_language(text[:sample_chars]))
    for lang in languages():
        assert prepared.one_language(lang) == one_language(text, lang)
