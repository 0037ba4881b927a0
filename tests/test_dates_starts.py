"""The date grammar tries each pattern only where one of its declared first words is: that must
find exactly what running every pattern over the whole text finds (``prefilter=False``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bilatextract import pipeline
from bilatextract.resources import load_toml
from bilatextract.timex import Grammar
from bilatextract.timex.starts import ANY, DIGIT, StartIndex, Starts, digits, first_words

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
    "Mayand June 2024, Maito Juni 2024, Freitagabend, xFriday, April 10, am Freitagnachmittag, 14October 2025.",
    "3 weeks ago, 2 days later, 3 Tage später, vor 3 Wochen, 42. Kalenderwoche, 3. Oktober desselben Jahres.",
    "10 days earlier, 4th quarter 2024, 1. Quartal, 2nd half, 3rd of May, 21st March 2020, 7 Jahre zuvor.",
    "",
    " ",
    "2024",
    "Montag",
    "(im Mai)",
]

# A first word followed by spaces, tabs, line breaks, dashes, punctuation or the text's end.
NEXT_WORD_TEXTS = [
    "in May 2024, in\nMay 2024, in\t\tMay, in  May, in – May 2023, in, May, in-May, in the spring",
    "held in June 2022; of March; for two weeks; a year ago; a  year ago; an\nhour; two\n\nyears ago",
    "vor zwei Jahren, vor\nzwei Jahren, vor  einem Monat, vor 3 Wochen, vor, 3 Tagen, im\u00a0Mai, im  Mai",
    "seit dem 4. Mai, zwischen Mai und Juni, Anfang\nMärz 2024, Mitte –Juli, Ende des Jahres in",
    "in", "vor ", "in ", "in  ", "in\n", "of\n", "a", "vor\u00a0zwei Jahren", "in\u2003May", "In Mai 2020",
]

ROOT = Path(__file__).resolve().parent.parent


def _key(candidates: list) -> list[tuple]:
    return [(c.start, c.end, json.dumps(c.attrs, sort_keys=True, default=str), c.needs_tense, c.needs_anchor)
            for c in candidates]


def _assert_same(grammar: Grammar, text: str) -> list:
    fast = grammar.find(text)
    # The same candidates in the same order (the order breaks ties between overlapping ones).
    assert _key(fast) == _key(grammar.find(text, prefilter=False)), text[:80]
    return fast


@pytest.mark.parametrize("lang", ["de", "en"])
def test_edge_texts_find_what_full_passes_find(lang: str) -> None:
    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    texts = EDGE_TEXTS + NEXT_WORD_TEXTS + [" ".join(NEXT_WORD_TEXTS), "\n".join(NEXT_WORD_TEXTS)]
    assert sum(len(_assert_same(grammar, text)) for text in texts) > 20


@pytest.mark.parametrize("lang", ["de", "en"])
def test_real_texts_find_what_full_passes_find(lang: str) -> None:
    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    texts = [json.loads(line)["text"] for path in ("narratives/narratives.jsonl", "composed.jsonl")
             for line in (ROOT / "tests" / "data" / path).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [json.loads(line)["text"] for line in
              (ROOT / "docs" / "examples" / "sample.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sum(len(_assert_same(grammar, text)) for text in texts) > 0


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dev_corpora_find_what_full_passes_find(lang: str, shared_dir: Path) -> None:
    from test_dates_fast import TEXTS

    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    texts = list(TEXTS)
    for name in ("dev.jsonl", "dev-world.jsonl"):
        path = shared_dir / "corpus" / name
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sum(len(_assert_same(grammar, text)) for text in texts) > 100


def _vocabulary(lang: str) -> list[str]:
    """Every word and phrase of a language's dates.toml (keys and list items, at any depth)."""
    out: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                out.add(str(k))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.add(node)

    data = load_toml(lang, "dates.toml")
    # Cue words and the words that veto a number are no part of a date's own words.
    walk({k: v for k, v in data.items() if k not in ("tense", "part_of_day")})
    walk({k: v for k, v in data.get("context", {}).items() if k not in ("number_before", "number_after")})
    return sorted(out)


def _tails(lang: str) -> list[str]:
    """What may follow a first word in a date: numbers, a month with a day or a year, a range."""
    data = load_toml(lang, "dates.toml")
    month = next(iter(data["months"]))
    tails = ["42", "2024", "3.", "14.10.2025", "2024-05-04", f"{month} 2024", f"5. {month} 2024", f"5 {month} 2024",
             f"{month} 5, 2024", f", 5. {month} 2024", f", {month} 5, 2024", f"-{month}", "-2024", "3/2024", "3 2024"]
    tails += data.get("weekday_suffixes", [])
    tails += [f"{link} {month} 2024" for link in data.get("range_links", [])]
    tails += [f"{word} 2024" for word in data.get("month_year_links", [])]
    return tails


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_word_of_the_vocabulary_in_date_contexts(lang: str) -> None:
    """Each word or phrase of dates.toml, alone, inside a word ("xMontag") or glued to what
    follows ("Maiund", "KW42"), before the beginnings of dates."""
    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    found = 0
    tails = _tails(lang)
    for phrase in _vocabulary(lang):
        # All the contexts of a phrase in one text, a bar between them.
        text = " | ".join(f"{x}{phrase}{space}{tail}" for tail in tails for x in ("", "x") for space in (" ", ""))
        found += len(_assert_same(grammar, text))
    assert found > 1000


def test_first_words_read_the_phrases() -> None:
    assert first_words(["im", "Im", "noch im", "mid-", "Nr."]) == Starts(words=frozenset({"im", "Im", "noch", "mid",
                                                                                           "Nr"}))
    # A one-word phrase the pattern lets run on ("KW42"); a phrase with a word after it stays whole.
    assert first_words(["KW", "calendar week"], glued=True) == Starts(words=frozenset({"calendar"}),
                                                                      prefixes=frozenset({"KW"}))
    assert first_words(["1.", "3rd", "erste", "10 x"]) == Starts(words=frozenset({"erste"}), digit=True,
                                                                 digit_runs=frozenset({1, 2}),
                                                                 after=frozenset({".", "r", r"\s"}))
    assert first_words(["1.", "2024"]) == Starts(digit=True, digit_runs=frozenset({1, 4}))
    assert first_words(["Montag"], inside=True) == Starts(inside=frozenset({"Montag"}))
    assert first_words(["§ 5"]).anywhere
    assert first_words([]) == Starts()
    assert first_words(["im"]) | DIGIT == Starts(words=frozenset({"im"}), digit=True)


def _full(patterns: list[str], text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in re.compile(p).finditer(text)] for p in patterns]


def _indexed(patterns: list[str], index: StartIndex, text: str) -> list[list[tuple[int, int]]]:
    out = []
    for p, at in zip(patterns, index.starts(text), strict=True):
        compiled = re.compile(p)
        if at is None:
            out.append([m.span() for m in compiled.finditer(text)])
            continue
        spans: list[tuple[int, int]] = []
        for start in at:
            m = compiled.match(text, start)
            if m is not None and (not spans or start >= spans[-1][1]):
                spans.append(m.span())
        out.append(spans)
    return out


def test_index_gives_each_pattern_the_places_of_its_first_words() -> None:
    patterns = [r"(?<![\w\-])(?:im|Im)\s+Mai", r"(?<!\w)\d{4}", r"(?:Montag),?\s+\d", r"(?<!\w)KW\s*\d+",
                r"(?<!\w)Frei(?:tag)?(?:abend)?", r"\s*Mai"]
    index = StartIndex([first_words(["im", "Im"]), DIGIT, first_words(["Montag"], inside=True),
                        first_words(["KW"], glued=True), first_words(["Frei"], glued=True),
                        first_words([" Mai"])])
    assert index.unbounded == (5,)
    texts = ["Im Mai 2024, xMontag, 5 und im  Mai", "", "2024", "Montag, 3 im\nMai", "KW42 KW 7 Freitagabend Frei",
             "Imx Mai, im-Mai, Freitag"]
    for text in texts:
        assert _indexed(patterns, index, text) == _full(patterns, text), text
    assert index.starts("im Mai, KW3, xMontag, 2024 KWh") == [[0], [22], [14], [8, 27], [], None]


def test_digit_runs_bound_where_numbers_start_a_pattern() -> None:
    patterns = [r"(?<![\w.])\d{4}-\d\d", r"(?<!\w)[0-3]?\d(?!\d)\.", r"(?<!\w)\d+"]
    index = StartIndex([digits(4), digits(1, 2), DIGIT])
    texts = ["2024-05 12. 7. 123. 20245-01 ٢٠٢٤-01 1٣.", "", "1", "x2024-05, (2024-05) 2024-5"]
    for text in texts:
        assert _indexed(patterns, index, text) == _full(patterns, text), text
    # "05" starts a word too (after the hyphen); "123" is a run of three digits
    assert index.starts("2024-05 12. 123") == [[0], [5, 8], [0, 5, 8, 12]]
    assert (digits(4) | digits(1, 2)).digit_runs == {1, 2, 4}
    assert (digits(4) | DIGIT).digit_runs is None
    assert (first_words(["im"]) | digits(4)) == Starts(words=frozenset({"im"}), digit=True, digit_runs=frozenset({4}))


def test_next_word_bound_tries_a_common_first_word_only_before_a_word_that_continues_it() -> None:
    patterns = [r"(?<![\w\-])(?:in|im|in the|held in)\s+(?:Mai|May)(?!\w)", r"(?<![\w\-])(?:in|vor)\s+\d+",
                r"(?<![\w\-])(?:mid-|mid\s+)May", r"(?<![\w\-])the\s+(?:week|first)"]
    months = first_words(["Mai", "May"])
    starts = [first_words(["in", "im", "in the", "held in"], then=months),
              first_words(["in", "vor"], then=DIGIT), first_words(["mid-", "mid"], then=months),
              first_words(["the"], then=first_words(["week", "first"]))]
    # A phrase of several words bounds its first word by its own second word; "mid-" bounds nothing.
    assert starts[0].next_word("in") == Starts(words=frozenset({"Mai", "May"}), prefixes=frozenset({"the"}))
    assert starts[0].next_word("held") == Starts(prefixes=frozenset({"in"}))
    assert starts[2].next_word("mid") is None
    index = StartIndex(starts)
    texts = ["in May, in 2024, in the May, in\nMai, in  2024, in, May, in-May, im\u00a0Mai, in Mayor, vor 3",
             "held in May, mid May, midMay, mid-May, the weeks, the first, the  week, the, week, the", "in", "in ",
             "the\tfirst in\u2003May", "in the", "in x May", ""]
    for text in texts:
        assert _indexed(patterns, index, text) == _full(patterns, text), text
    # "in" followed by no month, "the" or number is no start ("in Berlin"); the patterns of one
    # first word share its places ("in 2024" is tried by both).
    assert index.starts("in the house, in Berlin, in 2024") == [[0, 25], [0, 25], [], []]
    # Where one of its patterns lets anything follow a word, the word is a start whatever follows.
    both = StartIndex([first_words(["in"], then=DIGIT), first_words(["in"])])
    assert both.starts("in Berlin") == [[0], [0]]
    # A union keeps a word's bound only where every side that has the word bounds it.
    assert (first_words(["in"], then=DIGIT) | first_words(["in"])).next_word("in") is None
    assert (first_words(["in"], then=DIGIT) | first_words(["vor"])).next_word("in") == DIGIT
    assert (first_words(["in"], then=DIGIT) | first_words(["in"], then=months)).next_word("in") == DIGIT | months
    assert first_words(["in the"], then=ANY).next_word("in") == Starts(prefixes=frozenset({"the"}))
    assert first_words(["in"], then=ANY).next_word("in") is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_word_of_the_vocabulary_before_every_other(lang: str) -> None:
    """Each word or phrase of dates.toml followed by each other one (and by a number), and after
    numbers: where a first word or a number is tried only before what can continue it, that must
    lose no date."""
    grammar = pipeline.get(lang).get_pipe("bilat_dates").grammar
    vocabulary = _vocabulary(lang)
    nexts = vocabulary + ["3", "2024", "14.", "3rd"]
    found = 0
    numbers = [f"{n}{sep}" for n in ("3", "14", "2024") for sep in (" ", "  ", "\n", ". ", ".", "", "-", "/", " - ")]
    for phrase in vocabulary:
        found += len(_assert_same(grammar, " | ".join(f"{phrase} {other}" for other in nexts)))
        # Numbers before it, with what may come after a number.
        found += len(_assert_same(grammar, " | ".join(f"{number}{phrase}" for number in numbers)))
    assert found > 1000


def test_digit_runs_bound_by_the_character_after_them() -> None:
    patterns = [r"(?<![\w.])\d{1,2}\.\d{1,2}\.", r"(?<!\w)\d{4}\s*[-/]\d", r"(?<!\w)\d{1,2}\s+days", r"(?<!\w)\d+"]
    index = StartIndex([digits(1, 2, after="."), digits(4, after=" -/"), digits(1, 2, after=" "), DIGIT])
    texts = ["3.5. 12.10. 2024-25 2024 /26 3 days 3\u00a0days 3\ndays 3-days 3. days 123.4. 2024/5", "", "3",
             "3.", "2024 ", "٣.٥. 2024\t-1 12 days"]
    for text in texts:
        assert _indexed(patterns, index, text) == _full(patterns, text), text
    assert index.starts("3.5. 2024 -1 4 days 12") == [[0, 2], [5], [11, 13], [0, 2, 5, 11, 13, 20]]
    assert (digits(1, 2, after=".") | digits(4, after="/")).after == {".", "/"}
    assert (digits(1, 2, after=".") | digits(4)).after is None
    assert (digits(1, 2, after=" ") | first_words(["in"])).after == {r"\s"}


def test_phrases_that_begin_with_digits_bound_the_run_and_what_follows_it() -> None:
    patterns = [r"(?<![\w\-])(?:1\.|3rd|10 of)\s+quarter", r"(?<!\w)\d+"]
    index = StartIndex([first_words(["1.", "3rd", "10 of"]), DIGIT])
    texts = ["1. quarter, 3rd quarter, 10 of quarter, 10\tof quarter, 11. quarter, 1 quarter, 3rdquarter, 33rd",
             "1.", "3rd", "10 of", "٣rd quarter", ""]
    for text in texts:
        assert _indexed(patterns, index, text) == _full(patterns, text), text
    # (the run lengths and the characters after them are bounds each: "1 " or "10." would be tried)
    assert index.starts("1. 3rd 10 of 1/ 100. 2x") == [[0, 3, 7], [0, 3, 7, 13, 16, 21]]
