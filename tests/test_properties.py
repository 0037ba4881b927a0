"""Property-based tests: whatever the text, extraction does not fail, and every entity is a
true, sorted, non-overlapping span of it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilatextract import Extractor

EXTRACTOR = Extractor()
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces that reach into the extractors' patterns, to be glued together in any order.
FRAGMENTS = [
    "Außenminister", "Bundesaußenministerin", "Staatsminister im Auswärtigen Amt", "Minister for Foreign Affairs",
    "Foreign Secretary", "Dr.", "Prof.", "Herr", "Ms.", "MOTEGI", "Toshimitsu", "Anna-Lena", "von der",
    "Bundesministerium für", "Ministry of", "Auswärtiges Amt", "METI", "(WPA)", "(RAA)", "Abkommen über",
    "Agreement on", "Wirtschaftspartnerschaftsabkommen", "14.", "3", "Oktober", "March", "2025", "1999",
    "12.10.2025", "2024-03-04", "1.2.3.4.5.6.", "heute", "last year", "am", "on", "the", "der", "(", ")", "„",
    "“", "\"", ".", ",", "-", "–", "/", "\n", "\n\n", "\t", " ", "  ", "\x00", "\x0b", "\u200b", "\u00a0", "\u2028",
    "\ufeff", "\ud800", "é", "漢字", "😀", "a" * 300, ")" * 250, "1." * 150, "Abkommens-" * 30,
]

composed = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(lambda parts: " ".join(parts))
glued = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
capitalised_runs = st.lists(
    st.from_regex(r"[A-ZÄÖÜ][a-zäöüß]{1,12}", fullmatch=True), min_size=1, max_size=60
).map(" ".join)
digits_and_dots = st.text(alphabet="0123456789. \n", max_size=400)
control = st.text(alphabet=st.characters(max_codepoint=0x9F, exclude_categories=()), max_size=200)
repeated_titles = st.tuples(st.sampled_from(FRAGMENTS[:8]), st.integers(1, 80)).map(lambda p: (p[0] + " ") * p[1])
anything = st.text(max_size=300)
langs = st.sampled_from([None, "de", "en"])


def check(text: str, lang: str | None) -> None:
    doc = EXTRACTOR.extract(text, lang=lang)
    assert doc.error is None
    keys = [(e.start, e.end, e.type) for e in doc.entities]
    assert keys == sorted(keys)
    last_end: dict[str, int] = {}
    for e in doc.entities:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.start >= last_end.get(e.type, 0), f"overlapping {e.type} entities"
        last_end[e.type] = e.end
    assert all(0 <= s.start <= s.end <= len(text) for s in doc.segments)


@SETTINGS
@given(anything, langs)
def test_arbitrary_unicode(text, lang):
    check(text, lang)


@SETTINGS
@given(control, langs)
def test_control_characters(text, lang):
    check(text, lang)


@SETTINGS
@given(st.one_of(composed, glued), langs)
def test_fragments_of_the_patterns_in_any_order(text, lang):
    check(text, lang)


@SETTINGS
@given(capitalised_runs, langs)
def test_long_runs_of_capitalised_words(text, lang):
    check(text, lang)


@SETTINGS
@given(digits_and_dots, langs)
def test_digits_and_dots(text, lang):
    check(text, lang)


@SETTINGS
@given(repeated_titles, langs)
def test_repeated_titles(text, lang):
    check(text, lang)


def test_very_long_tokens_and_runs_do_not_fail_or_stall():
    # Before the tokenizer's long-token guard, 50,000 ")" took minutes in spaCy's tokenizer.
    for text in ["a" * 20_000, ")" * 20_000, "„" * 10_000, "1." * 10_000, "Abkommens-" * 2_000,
                 "Auswärtiges Amt " + "x" * 20_000 + " Auswärtiges Amt"]:
        check(text, "de")
    doc = EXTRACTOR.extract("Auswärtiges Amt " + ")" * 5_000 + " Auswärtiges Amt", lang="de")
    assert [m.text for m in doc.ministries] == ["Auswärtiges Amt", "Auswärtiges Amt"]
