"""DATE extraction and TIMEX3 values, on sentences composed for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from bilatextract import extract


def dates(text: str, ref: str | None = "2025-10-15", lang: str | None = None) -> list[tuple[str, str | None]]:
    doc = extract(text, reference_date=ref, lang=lang)
    return [(d.text, d.value) for d in doc.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Delegation traf am 14. Oktober 2025 in Berlin ein.", [("14. Oktober 2025", "2025-10-14")]),
        ("Das Treffen fand am 3.5.2019 in Bonn statt.", [("3.5.2019", "2019-05-03")]),
        ("Stand: 14. 01. 2010, Berlin.", [("14. 01. 2010", "2010-01-14")]),
        ("Die Konferenz wurde auf den 2023-05-04 gelegt.", [("2023-05-04", "2023-05-04")]),
        ("Der Vertrag wurde am 2021/4/13 veröffentlicht.", [("2021/4/13", "2021-04-13")]),
        ("Die Verhandlungen begannen im Juli 2024 in Genf.", [("Juli 2024", "2024-07")]),
        ("Der Vertrag stammt aus dem Jahr 1861.", [("Jahr 1861", "1861")]),
        ("Die Kommission wurde 2011 gegründet.", [("2011", "2011")]),
        ("Die Ministerin reist vom 4. bis 6. Oktober 2015 nach Delhi.",
         [("4.", "2015-10-04"), ("6. Oktober 2015", "2015-10-06")]),
        ("Die Gespräche sollen im Frühjahr 2023 beginnen.", [("Frühjahr 2023", "2023-SP")]),
        ("Die Reform soll Anfang 2024 greifen.", [("Anfang 2024", "2024")]),
        ("Die Wahl findet Mitte Mai 2026 statt.", [("Mitte Mai 2026", "2026-05")]),
        ("Die Zahlen für Q3 2024 liegen vor.", [("Q3 2024", "2024-Q3")]),
        ("Am Montag, den 13. Oktober 2025 begann die Sitzung.", [("Montag, den 13. Oktober 2025", "2025-10-13")]),
    ],
)
def test_german_absolute_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on October 14, 2025 in Tokyo.", [("October 14, 2025", "2025-10-14")]),
        ("The treaty was signed on 14 October 2025.", [("14 October 2025", "2025-10-14")]),
        ("The talks were held on the 3rd of March 2024.", [("3rd of March 2024", "2024-03-03")]),
        ("The talks were held on March 3rd, 2024.", [("March 3rd, 2024", "2024-03-03")]),
        ("The summit took place on 5 Dec 2024.", [("5 Dec 2024", "2024-12-05")]),
        ("On Sunday, April 10, 2022, the minister arrived.", [("Sunday, April 10, 2022", "2022-04-10")]),
        ("The office opened in May 2010.", [("May 2010", "2010-05")]),
        ("The embassy reopened in 2016.", [("2016", "2016")]),
        ("Growth picked up in the third quarter of 2024.", [("third quarter of 2024", "2024-Q3")]),
        ("The plan was adopted in early 2024.", [("early 2024", "2024")]),
    ],
)
def test_english_absolute_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("Heute treffen sich die Minister in Rom.", "2025-10-15", [("Heute", "2025-10-15")]),
        ("Gestern unterzeichneten beide Seiten das Papier.", "2025-10-01", [("Gestern", "2025-09-30")]),
        ("Die Ministerin reist morgen nach Paris.", "2025-12-31", [("morgen", "2026-01-01")]),
        ("Vorgestern kam der Minister an.", "2025-03-01", [("Vorgestern", "2025-02-27")]),
        ("Übermorgen beginnt der Gipfel.", "2024-02-28", [("Übermorgen", "2024-03-01")]),
        ("Im August dieses Jahres wurde der Dialog eröffnet.", "2025-10-15",
         [("August dieses Jahres", "2025-08")]),
        ("Im kommenden Jahr wird das Abkommen unterzeichnet.", "2025-10-15", [("kommenden Jahr", "2026")]),
        ("Im vergangenen Jahr wurde viel erreicht.", "2025-01-05", [("vergangenen Jahr", "2024")]),
        ("Die Gespräche der letzten Woche waren erfolgreich.", "2018-07-25", [("letzten Woche", "2018-W29")]),
        ("Nächste Woche reist sie nach Rom.", "2025-12-29", [("Nächste Woche", "2026-W02")]),
        ("Im vergangenen Sommer wurde die Übung abgehalten.", "2024-10-11", [("vergangenen Sommer", "2024-SU")]),
        ("Im letzten November wurde das Abkommen unterzeichnet.", "2025-01-10", [("letzten November", "2024-11")]),
        ("Ende des Jahres soll der Bericht vorliegen.", "2025-10-15", [("Ende des Jahres", "2025")]),
        ("Anfang Juli hat die Kommission getagt.", "2025-10-15", [("Anfang Juli", "2025-07")]),
        ("Am Freitag hat der Minister Washington besucht.", "2014-03-01", [("Freitag", "2014-02-28")]),
        ("Am Montag wird der Minister in Tokyo erwartet.", "2014-03-01", [("Montag", "2014-03-03")]),
    ],
)
def test_german_relative_dates(text: str, ref: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("Today the ministers met in London.", "2012-06-25", [("Today", "2012-06-25")]),
        ("The minister arrived yesterday in Paris.", "2024-03-01", [("yesterday", "2024-02-29")]),
        ("The minister will leave for Rome tomorrow.", "2024-12-31", [("tomorrow", "2025-01-01")]),
        ("The decision came the day before yesterday.", "2024-01-01", [("day before yesterday", "2023-12-30")]),
        ("Trade grew strongly last year.", "2025-01-02", [("last year", "2024")]),
        ("The Council seat is for next year.", "2018-07-25", [("next year", "2019")]),
        ("Both sides agreed this year on the plan.", "2015-04-15", [("this year", "2015")]),
        ("The agreement was announced last December.", "2024-01-10", [("last December", "2023-12")]),
        ("He has not visited Paris since January last year.", "2024-05-02", [("January last year", "2023-01")]),
        ("The EXPO opens next month.", "2015-12-15", [("next month", "2016-01")]),
        ("The ministers talk this week.", "2025-10-15", [("this week", "2025-W42")]),
        ("A solution is expected by the end of May.", "2010-05-21", [("end of May", "2010-05")]),
        ("The drills took place last summer.", "2025-03-10", [("last summer", "2024-SU")]),
        ("The ministers met on Monday.", "2025-10-15", [("Monday", "2025-10-13")]),
        ("The ministers will meet on Monday.", "2025-10-15", [("Monday", "2025-10-20")]),
    ],
)
def test_english_relative_dates(text: str, ref: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # A date without a year takes the reference year, or the one the tense points to.
        ("Am 28. Dezember hat der Minister angerufen.", "2013-01-03", [("28. Dezember", "2012-12-28")]),
        ("Am 5. Januar wird die Ministerin reisen.", "2025-12-20", [("5. Januar", "2026-01-05")]),
        ("Am 25.07. abends empfing der Premier den Gast.", "2018-07-25", [("25.07.", "2018-07-25")]),
        ("On December 30 the ministers spoke by phone.", "2025-01-02", [("December 30", "2024-12-30")]),
        ("The ministers will meet again on January 4.", "2025-12-29", [("January 4", "2026-01-04")]),
        ("The minister visited Berlin in May.", "2025-11-20", [("May", "2025-05")]),
        ("The minister will visit Berlin in May.", "2025-11-20", [("May", "2026-05")]),
    ],
)
def test_year_from_reference_and_tense(text: str, ref: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, ref) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Sitzung beginnt um 17.30 Uhr im Saal.",
        "Das ca. 90-minütige Gespräch verlief gut.",
        "Vor 160 Jahren begannen die Beziehungen; 160 Jahre Freundschaft.",
        "Das 150-jährige Jubiläum wird gefeiert.",
        "Die G20 und die G7 trafen sich; die 2+2-Konsultationen folgten.",
        "Die Resolution 1718 des Sicherheitsrats gilt weiter.",
        "Rund 2000 Soldaten nahmen teil.",
        "Das 21. Jahrhundert bringt neue Aufgaben.",
        "Die Welt von morgen braucht Partner.",
    ],
)
def test_german_non_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting started at 12:05 p.m. and at 4.45 p.m. the talks ended.",
        "They talked for approximately two hours.",
        "Japan served on the Council for a two-year period.",
        "The two countries celebrate the 150th anniversary of relations.",
        "The G20 and G7 met; the 2+2 meeting followed.",
        "Resolution 1718 remains in force.",
        "More than 2000 troops took part.",
        "Relations improved in the 1990s.",
        "Together we shape the world of tomorrow.",
        "Cooperation deepened over the last year.",
    ],
)
def test_english_non_dates(text: str) -> None:
    assert dates(text) == []


def test_clock_time_leaves_the_date() -> None:
    assert dates("Am 1. Oktober um 17.30 Uhr beginnt die Sitzung.") == [("1. Oktober", "2025-10-01")]
    assert dates("On May 2, commencing at 1:35 p.m., the leaders met.", "2024-05-02") == [("May 2", "2024-05-02")]


def test_part_of_day_stays_outside() -> None:
    assert dates("Am Nachmittag des 28. Dezember telefonierten die Minister.", "2012-12-28") == [
        ("28. Dezember", "2012-12-28")
    ]
    assert dates("Am Freitag Abend (28.02.) endete der Besuch.", "2014-03-01") == [
        ("Freitag", "2014-02-28"), ("28.02.", "2014-02-28")
    ]


def test_weekday_attached_and_bracketed() -> None:
    assert dates("On Tuesday, April 14, the ministers spoke.", "2015-04-15") == [("Tuesday, April 14", "2015-04-14")]
    assert dates("The talks took place on April 10 (Wednesday local time).", "2013-04-11") == [
        ("April 10", "2013-04-10"), ("Wednesday", "2013-04-10")
    ]


def test_same_day_follows_the_previous_date() -> None:
    found = dates("The leaders met on May 20. The ministers met on the same day.", "2010-05-28")
    assert found == [("May 20", "2010-05-20"), ("same day", "2010-05-20")]


def test_relative_dates_without_reference_are_none() -> None:
    doc = extract("Gestern trafen sich die Minister im vergangenen Sommer.")
    assert [d.value for d in doc.dates] == [None, None]
    assert doc.reference_date.source == "none"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Pressemitteilung\n14. 01. 2010\nMinister treffen sich\n", dt.date(2010, 1, 14)),
        ("Presse & Publikationen\n2021/4/13\nPressemitteilung: Konsultationen\n", dt.date(2021, 4, 13)),
        ("Welcome\n\nState Secretaries meet\n\n25.06.2012 - Press release\n\n", dt.date(2012, 6, 25)),
        ("Foreign Ministers' Meeting\nSUMMARY\nMay 21, 2010\nThe ministers met.\n", dt.date(2010, 5, 21)),
        ("Pressemitteilung\nBerlin, den 14. Oktober 2025\nDie Minister sprachen.\n", dt.date(2025, 10, 14)),
        ("Foreign Ministers meet\nFrom: Foreign Office\nPublished 3 March 2024\nThe ministers met.\n",
         dt.date(2024, 3, 3)),
    ],
)
def test_dateline_anchors_relative_dates(header: str, expected: dt.date) -> None:
    lang = "en" if any(w in header for w in ("Press release", "SUMMARY", "Published")) else "de"
    body = "Heute trafen sich die Minister." if lang == "de" else "Today the ministers met."
    doc = extract(header + body, lang=lang)
    assert doc.reference_date.date == expected
    assert doc.reference_date.source == "dateline"
    assert doc.dates[-1].value == expected.isoformat()


def test_caller_reference_wins_over_dateline() -> None:
    doc = extract("Pressemitteilung\n14.01.2010\nHeute trafen sich die Minister.", reference_date="2010-01-15")
    assert doc.reference_date.source == "argument"
    assert doc.dates[-1].value == "2010-01-15"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Die Gespräche am 12./13. Juni 2024 waren gut.", "de",
         [("12.", "2024-06-12"), ("13. Juni 2024", "2024-06-13")]),
        ("Die Beratungen vom 4.-6. Mai 2022 endeten ohne Ergebnis.", "de",
         [("4.", "2022-05-04"), ("6. Mai 2022", "2022-05-06")]),
        ("Talks on June 12-13, 2024 went well.", "en", [("June 12", "2024-06-12"), ("13, 2024", "2024-06-13")]),
        ("The summit was held on 4-6 May 2022.", "en", [("4", "2022-05-04"), ("6 May 2022", "2022-05-06")]),
        ("Vor zwei Jahren trafen sich die Minister.", "de", [("Vor zwei Jahren", "2023")]),
        ("The ministers met three weeks ago.", "en", [("three weeks ago", "2025-W39")]),
        ("The vote is planned for mid-May.", "en", [("mid-May", "2026-05")]),
        ("Growth slowed in mid-2024.", "en", [("mid-2024", "2024")]),
        ("Die Agenda 2030 bleibt der Rahmen.", "de", []),
    ],
)
def test_ranges_counts_and_names(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, "2025-10-15", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Er hatte am Sonntag, dem 12. Oktober, gesprochen.", "de", [("Sonntag, dem 12. Oktober", "2025-10-12")]),
        ("Im Vorjahr war der Handel schwächer.", "de", [("Vorjahr", "2024")]),
        ("Zum Jahresende 2024 lag die Quote niedriger.", "de", [("Jahresende 2024", "2024")]),
        ("In der ersten Jahreshälfte 2024 stieg der Export.", "de", [("ersten Jahreshälfte 2024", "2024-H1")]),
        ("Exports rose in the first half of 2024.", "en", [("first half of 2024", "2024-H1")]),
        ("Prices have risen since the beginning of the year.", "en", [("beginning of the year", "2025")]),
        ("Am 30. Februar geschah nichts.", "de", []),
        ("Call +81 3 3580 3311 or 030 1817 2000.", "en", []),
    ],
)
def test_more_forms(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, "2025-10-15", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "ref", "expected"),
    [
        # past tense a few weeks before the coming occurrence: the previous year's
        ("The ministers met on Nov. 3 in Rome.", "en", "2025-10-15", [("Nov. 3", "2024-11-03")]),
        # "besucht" is present tense here, not a participle: the nearest occurrence
        ("Am 6. Oktober besucht die Kanzlerin Bangalore.", "de", "2015-10-02", [("6. Oktober", "2015-10-06")]),
        ("Anfang nächsten Jahres kommt das Gesetz.", "de", "2025-10-15", [("Anfang nächsten Jahres", "2026")]),
        ("Mitte nächster Woche tagt der Rat.", "de", "2025-10-15", [("Mitte nächster Woche", "2025-W43")]),
        ("At the end of last year trade fell.", "en", "2025-10-15", [("end of last year", "2024")]),
        ("Am 1. Januar tritt die Regel in Kraft.", "de", "2025-12-30", [("1. Januar", "2026-01-01")]),
        ("Die Regel trat am 30. Dezember in Kraft.", "de", "2026-01-02", [("30. Dezember", "2025-12-30")]),
    ],
)
def test_year_boundaries_and_positions(text: str, lang: str, ref: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, ref, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Zwischen dem 3. und dem 5. Mai 2024 tagte der Rat.", "de",
         [("3.", "2024-05-03"), ("5. Mai 2024", "2024-05-05")]),
        ("From the 3rd to the 5th of May 2024 the council met.", "en",
         [("3rd", "2024-05-03"), ("5th of May 2024", "2024-05-05")]),
        ("On May 3 and 4, 2024 they talked.", "en", [("May 3", "2024-05-03"), ("4, 2024", "2024-05-04")]),
    ],
)
def test_ranges_with_articles_and_shared_year(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, "2025-10-15", lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Der Vertrag wurde 1992 unterzeichnet und trat im Folgejahr in Kraft.", "de",
         [("1992", "1992"), ("Folgejahr", "1993")]),
        ("The treaty, signed in 1992, took effect the following year.", "en",
         [("1992", "1992"), ("following year", "1993")]),
        ("Talks began on 3 March 2010; the next day both sides signed.", "en",
         [("3 March 2010", "2010-03-03"), ("next day", "2010-03-04")]),
    ],
)
def test_dates_relative_to_the_previous_mention(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, "2025-10-15", lang=lang) == expected


def test_without_reference_a_yearless_date_takes_the_last_named_year() -> None:
    doc = extract("Die Kanzlerin reist nach Indien\n\nSie reist vom 4. bis 6. Oktober 2015 nach Indien und trifft "
                  "Herrn Modi. Am 5. Oktober trifft sie Modi. Gestern wurde das bekannt.", lang="de")
    assert doc.reference_date.source == "none"
    assert [(d.text, d.value) for d in doc.dates] == [
        ("4.", "2015-10-04"), ("6. Oktober 2015", "2015-10-06"), ("5. Oktober", "2015-10-05"), ("Gestern", None)
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In der KW 42 tagt der Rat.", "de", [("KW 42", "2025-W42")]),
        ("Die 43. Kalenderwoche 2024 war voll.", "de", [("43. Kalenderwoche 2024", "2024-W43")]),
        ("An Heiligabend 2024 war Ruhe.", "de", [("Heiligabend 2024", "2024-12-24")]),
        ("Talks began in January of last year.", "en", [("January of last year", "2024-01")]),
        ("New Year's Day 2025 was calm.", "en", [("New Year's Day 2025", "2025-01-01")]),
    ],
)
def test_weeks_holidays(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text, "2025-10-15", lang=lang) == expected


def test_part_of_day_after_a_day_is_not_tomorrow() -> None:
    assert dates("Er kam heute morgen an. Am Freitag morgen sprach er.", "2025-10-15", lang="de") == [
        ("heute", "2025-10-15"), ("Freitag", "2025-10-10")
    ]


def test_english_slashed_dates_only_when_unambiguous() -> None:
    assert dates("It was signed on 5/21/2010 and on 21/5/2011, not on 5/6/2012.", lang="en") == [
        ("5/21/2010", "2010-05-21"), ("21/5/2011", "2011-05-21")
    ]
    assert dates("Unterzeichnet am 5/6/2012.", lang="de") == [("5/6/2012", "2012-06-05")]


@pytest.mark.parametrize(
    ("text", "lang", "ref", "expected"),
    [
        # The past verb of the main clause does not date the relative clause.
        ("Das Ministerium teilte mit, dass die Präsidentschaft am 1. Juli beginnt.", "de", "2020-06-17",
         [("1. Juli", "2020-07-01")]),
        ("The minister welcomed the talks, whose next round begins on March 10.", "en", "2014-02-27",
         [("March 10", "2014-03-10")]),
        # In the same clause the tense still decides.
        ("Die Minister trafen sich am 1. Juli in Rom.", "de", "2020-06-17", [("1. Juli", "2019-07-01")]),
        ("The ministers met on March 10 in Rome.", "en", "2014-02-27", [("March 10", "2013-03-10")]),
    ],
)
def test_tense_is_read_within_the_clause_of_the_date(text: str, lang: str, ref: str, expected: list) -> None:
    assert dates(text, ref, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The verb that dates a yearless date may stand far from it in a long clause.
        ("Der Minister reiste " + " ".join(["gemeinsam mit der Delegation und den Beratern aus dem Ministerium und "
                                           "der Botschaft"] * 5) + " am 3. März nach Paris.", "2025-03-03"),
        ("The minister travelled " + " ".join(["together with the delegation and the advisers from the ministry and "
                                              "the embassy"] * 5) + " to Paris on 3 March.", "2025-03-03"),
        ("The minister will travel " + " ".join(["together with the delegation and the advisers from the ministry "
                                                "and the embassy"] * 5) + " to Paris on 3 March.", "2026-03-03"),
    ],
)
def test_a_tense_cue_far_from_the_date_in_its_clause_still_decides(text: str, value: str) -> None:
    assert [d.value for d in extract(text, reference_date="2025-06-15").dates] == [value]
