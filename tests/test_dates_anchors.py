"""The anchor scan of the date grammar finds exactly what a full pass of each pattern finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilatextract import pipeline
from bilatextract.timex.anchors import DIGIT, Anchor, anchors_of, finditer, local_head

# Edge cases: glued words, odd whitespace, a weekday inside a word, non-ASCII digits.
EDGE_TEXTS = [
    "Am Montag, den 13. Oktober 2025 begann die Sitzung; xMontag, 5. Mai und FREITAG, 3. Juni.",
    "Aprilbis Mai 2024, im\u00a0März,\tim\nJuli 2023, Im Laufe des Jahres, vom 4.-6. Oktober 2015.",
    "Q3/2024, Q4 2023, KW42, KW 42 2025, 42. Kalenderwoche, 3. Quartal 2024, Jahresende 2024.",
    "On Sunday, April 10, 2022; May 4-6, 2024; 5/21/2010; 2024/05/04; 2023-05-04; mid-May; mid-2024.",
    "Figures: 1 2011 300, 2015 euros, Resolution 1718, ٢٠٢٤, 5km, 10am, 17.30 Uhr, 14.10., 3.5.2019.",
    "two years ago, a week ago, vor zwei Jahren, vor einer Woche, the day before yesterday, heute morgen.",
    "the first half of 2024, in der ersten Jahreshälfte 2024, New Year's Day, New Year’s Eve, Heiligabend.",
    "last year, next month, this week, dieses Jahres, nächste Woche, Ende des Jahres, end of the month.",
    "",
    " ",
    "2024",
    "Montag",
    "(im Mai)",
]


def _texts() -> list[str]:
    texts = list(EDGE_TEXTS)
    data = Path(__file__).parent / "data" / "composed.jsonl"
    if data.exists():
        texts += [json.loads(line)["text"] for line in data.read_text().splitlines()[:40]]
    return texts


@pytest.mark.parametrize("lang", ["de", "en"])
def test_anchored_search_equals_full_pass(lang: str) -> None:
    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    for text in _texts():
        starts = grammar._starts.starts(text)
        for (pattern, _), at in zip(grammar._patterns, starts, strict=True):
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in finditer(pattern, text, at)] == expected, (
                pattern.pattern[:80], text[:80])


def test_anchors_read_off_the_pattern() -> None:
    assert anchors_of(r"(?<![\w\-])(?:im|Im)\s+Mai") == {Anchor("im", True, True), Anchor("Im", True, True)}
    # A letter or digit may follow "Q": any word that starts with it.
    assert anchors_of(r"(?<![\w\-])Q(?P<q>[1-4])") == {Anchor("Q", False, True)}
    assert anchors_of(r"(?<![\w.,/+\-–])(?P<y>\d{4})-") == {Anchor(DIGIT, False, True)}
    # Without a look-behind the word may start anywhere; an empty word list matches nothing.
    assert anchors_of(r"(?:Montag),?\s+") == {Anchor("Montag", True, False)}
    assert anchors_of(r"(?<![\w\-])(?P<w>(?!))(?![\w\-])") == frozenset()
    assert anchors_of(r"(?<![\w\-])(?P<w>[1-5]?\d)\.?\s+(?:(?!))") == frozenset()
    # What cannot be bounded is searched everywhere.
    assert anchors_of(r"\s*Mai") is None
    assert anchors_of(r"(?:x)?") is None


def test_local_head_stops_before_whitespace() -> None:
    head = local_head(r"(?<![\w.,/+\-–])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})")
    assert head is not None
    assert head.match("14.") and not head.match("14 ")
    # A pattern that may begin with whitespace-spanning words has no head.
    assert local_head(r"(?:(?P<wd>Montag),?\s+)?(?P<d>\d)") is None


def test_index_of_own_patterns_matches_full_passes() -> None:
    import re

    from bilatextract.timex.anchors import AnchorIndex

    patterns = [r"\s*Mai", r"(?<![\w\-])(?:im|Im)\s+Mai", r"(?<!\w)\d{4}", r"(?:Montag),?\s+\d"]
    index = AnchorIndex(patterns)
    assert index.unbounded == [0]
    for text in ["Im Mai 2024, xMontag, 5 und im  Mai", "", "2024", "Montag, 3 im\nMai"]:
        for (i, at), pattern in zip(enumerate(index.starts(text)), patterns, strict=True):
            compiled = re.compile(pattern)
            assert [m.span() for m in finditer(compiled, text, at)] == [m.span() for m in compiled.finditer(text)], i


# The word after a first word decides ("in" + month): spaces, tabs, newlines, dashes and
# double spaces between, the first word at the text's end or glued to punctuation.
NEXT_WORD_TEXTS = [
    "in May 2024, in\nMay 2024, in\t\tMay, in  May, in – May 2023, in, May, in-May, in the spring",
    "held in June 2022; of March; for two weeks; a year ago; a  year ago; an\nhour; two\n\nyears ago",
    "vor zwei Jahren, vor\nzwei Jahren, vor  einem Monat, vor 3 Wochen, vor, 3 Tagen, im\u00a0Mai, im  Mai",
    "seit dem 4. Mai, zwischen Mai und Juni, Anfang\nMärz 2024, Mitte –Juli, Ende des Jahres in",
    "in", "vor ", "in ", "in  ", "in\n", "of\n", "a", "vor\u00a0zwei Jahren", "in\u2003May", "In Mai 2020",
]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_next_word_filter_equals_full_pass(lang: str) -> None:
    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    texts = NEXT_WORD_TEXTS + [" ".join(NEXT_WORD_TEXTS), "\n".join(NEXT_WORD_TEXTS)]
    for text in texts:
        for (pattern, _), at in zip(grammar._patterns, grammar._starts.starts(text), strict=True):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in finditer(pattern, text, at)] == expected, (pattern.pattern[:80], text[:80])


def test_paths_read_the_next_word() -> None:
    from bilatextract.timex.anchors import Path, paths_of

    assert paths_of(r"(?<![\w\-])(?:im|Im)\s+Mai") == {Path("im", True, frozenset({"Mai"})),
                                                        Path("Im", True, frozenset({"Mai"}))}
    # An optional word between: either may follow.
    assert paths_of(r"(?<!\w)in(?:\s+the)?\s+May") == {Path("in", True, frozenset({"the"})),
                                                       Path("in", True, frozenset({"May"}))}
    # A word that may continue, or nothing known after: anything may follow.
    assert paths_of(r"(?<!\w)Q\d") == {Path("Q", False, None)}
    assert paths_of(r"(?<!\w)in\s+\s*") == {Path("in", True, None)}
    assert paths_of(r"(?<!\w)(?P<n>\d+)\s+days") == {Path(DIGIT, False, None)}
    assert paths_of(r"(?<!\w)vor\s+(?:\d|zwei)") == {Path("vor", True, frozenset({DIGIT, "zwei"}))}
    assert paths_of(r"\s*Mai") is None


def test_index_skips_first_words_not_followed_by_their_next_word() -> None:
    from bilatextract.timex.anchors import AnchorIndex

    index = AnchorIndex([r"(?<![\w\-])in\s+May"])
    assert index.starts("in June, in May, in\n\nMay, in") == [[9, 17]]
    assert index.starts("in,June in") == [[]]
    assert index.starts("in \u2013 ") == [[0]]  # the next word lies further on: kept
