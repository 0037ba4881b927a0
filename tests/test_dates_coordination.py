"""Weekdays joined by a conjunction are two dates, joined by "bis"/"to" a schedule; in news a
month without its year follows the reference date even after a far date in its sentence, while
a day without its year right after a full date of the same sentence takes that date's year."""

from __future__ import annotations

import pytest

import bilatextract


def _dates(text: str, ref: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in bilatextract.extract(text, reference_date=ref, mode="news").dates]


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Ministerin nahm am Sonntag und Montag am Treffen der G7 teil.",
     [("Sonntag", "2016-05-15"), ("Montag", "2016-05-16")]),
    ("The ministers met on Sunday and Monday in Toyama.",
     [("Sunday", "2016-05-15"), ("Monday", "2016-05-16")]),
    ("Das Bürgerbüro ist Montag bis Freitag geöffnet.", []),
    ("The office is open Monday to Friday.", []),
])
def test_weekdays_with_a_conjunction_are_dates_with_a_span_link_a_schedule(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _dates(text, "2016-05-16") == expected


def test_a_month_without_year_after_a_far_date_follows_the_reference_date_in_news() -> None:
    text = ("The agreement has been in force since 1 September 2017 and Ukraine was granted "
            "candidate status in June.")
    assert _dates(text, "2022-09-10") == [("1 September 2017", "2017-09-01"), ("June", "2022-06")]


def test_a_day_without_year_right_after_a_full_date_takes_its_year_in_news() -> None:
    text = "Der Pakt wurde am 18. März 2016 beschlossen und trat am 20. März in Kraft."
    assert _dates(text, "2025-10-15") == [("18. März 2016", "2016-03-18"), ("20. März", "2016-03-20")]


def test_a_news_report_about_old_events_stays_news_when_it_names_a_weekday_alone() -> None:
    # Three dates with years, all long before publication, would make a narrative; "am Montag"
    # alone points at the week of publication, so the report is read as news.
    text = ("Warschau und Berlin erinnerten am Montag an den Nachbarschaftsvertrag vom 17. Juni 1991, "
            "an die Grenzbestätigung vom 14. November 1990 und an den EU-Beitritt im Jahr 2004.")
    doc = bilatextract.extract(text, reference_date="2024-02-13")
    assert doc.reference_date.mode == "news"
    assert [(d.text, d.value) for d in doc.dates][0] == ("Montag", "2024-02-12")


def test_a_history_without_a_weekday_alone_is_still_a_narrative() -> None:
    text = ("Am 17. Juni 1991 unterzeichneten beide Staaten den Nachbarschaftsvertrag. Im November 1990 "
            "war die Grenze bestätigt worden, und 2004 trat Polen der EU bei. Am 3. Oktober wurde gefeiert.")
    doc = bilatextract.extract(text, reference_date="2024-02-13")
    assert doc.reference_date.mode == "narrative"
    assert doc.dates[-1].value == "2004-10-03"
