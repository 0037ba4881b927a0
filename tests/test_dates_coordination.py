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
