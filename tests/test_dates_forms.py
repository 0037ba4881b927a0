"""The date forms of issue 17, in both languages, through the real pipelines.

Each case gives a text, its reference date and the DATE mentions a reader annotates in it
(per ANNOTATION.md: span without a leading preposition, a range as two mentions with full
values), written before the library was run on them.
"""

from __future__ import annotations

import pytest

from bilatextract import extract

CASES = [
    # Ranges and slashed years: two mentions, each with its full value.
    ("de", "Das Treffen fand am 8.–9. Juli 2018 in Asmara statt.", "2018-08-01",
     [("8.", "2018-07-08"), ("9. Juli 2018", "2018-07-09")]),
    ("en", "The summit took place on 8–9 July 2018 in Asmara.", "2018-08-01",
     [("8", "2018-07-08"), ("9 July 2018", "2018-07-09")]),
    ("en", "Outcomes of the visit to Qatar (2–4 March 2025) were discussed.", "2025-03-06",
     [("2", "2025-03-02"), ("4 March 2025", "2025-03-04")]),
    ("de", "Der Krieg von 1870/71 veränderte Europa.", "2025-01-01", [("1870", "1870"), ("71", "1871")]),
    ("de", "Die Verhandlungen 1939/1940 scheiterten.", "2025-01-01", [("1939", "1939"), ("1940", "1940")]),
    ("de", "Der Dichter (1890–1970) schrieb über die Jahre 1940–1943.", "2025-01-01",
     [("1890", "1890"), ("1970", "1970"), ("Jahre 1940", "1940"), ("1943", "1943")]),
    ("de", "Die Stadt gehörte ab 1776 zu Preußen und bis 1784 zum Bistum.", "2025-01-01",
     [("1776", "1776"), ("1784", "1784")]),
    ("de", "Die Werkstatt bestand von 1884/85 an.", "2025-01-01", [("1884", "1884"), ("85", "1885")]),
    ("en", "The war (1998–2000) ended with a treaty.", "2025-01-01", [("1998", "1998"), ("2000", "2000")]),
    ("en", "Australia ran for a seat on the Council for 1997-98.", "1995-04-05", [("1997", "1997"), ("98", "1998")]),
    ("en", "The port has been free since 1776.", "2025-01-01", [("1776", "1776")]),
    # Numeric header dates, a weekday abbreviation deciding the order of day and month.
    ("en", "Sat 07/2/2026\nGeneral\nThe UAE welcomed the talks.", None, [("Sat 07/2/2026", "2026-02-07")]),
    ("en", "Sun 13/12/2020\nGeneral\nThe UAE signed a memorandum.", None, [("Sun 13/12/2020", "2020-12-13")]),
    ("de", "Sa., 07.02.2026\nDie Ministerin reiste nach Rom.", None, [("Sa., 07.02.2026", "2026-02-07")]),
    ("en", "Partnership in development\n  • Date:2022-11-07\n  • Source: Department", None,
     [("2022-11-07", "2022-11-07")]),
    ("en", "ON 5 MAY\n\n19990506 \n\nThe Secretary-General: Good afternoon.", "1999-05-06",
     [("5 MAY", "1999-05-05"), ("19990506", "1999-05-06")]),
    ("de", "Pressemitteilung\n\n2017/11\n\nPolitische Beziehungen", None, [("2017/11", "2017-11")]),
    # Half-years and the weekend as its week.
    ("de", "Brasilien hat in der zweiten Jahreshälfte den Vorsitz inne.", "2012-02-14",
     [("zweiten Jahreshälfte", "2012-H2")]),
    ("en", "Growth should return in the second half of the year.", "2024-03-01",
     [("second half of the year", "2024-H2")]),
    ("de", "Die Reise endet am Wochenende in Mexiko.", "2012-02-14", [("Wochenende", "2012-W07")]),
    ("de", "Am Wochenende hatte er Paris besucht.", "2025-10-15", [("Wochenende", "2025-W41")]),
    ("en", "The talks will continue over the weekend.", "2025-10-15", [("weekend", "2025-W42")]),
    # Dates anchored to the date the text has reached.
    ("de", "Der Pakt wurde am 18. März 2016 geschlossen. Fünf Jahre später zog die Kommission Bilanz.",
     "2021-03-17", [("18. März 2016", "2016-03-18"), ("Fünf Jahre später", "2021")]),
    ("de", "Am 3. Mai 2019 traf sie ihn. Zwei Tage später reiste sie ab. Einen Monat später kam er zurück.",
     "2019-08-01", [("3. Mai 2019", "2019-05-03"), ("Zwei Tage später", "2019-05-05"),
                    ("Einen Monat später", "2019-06")]),
    ("de", "Am 3. Mai 2019 traf sie ihn, am folgenden Tag reiste sie ab, im selben Monat kam er nach Bonn.",
     "2019-08-01", [("3. Mai 2019", "2019-05-03"), ("folgenden Tag", "2019-05-04"), ("selben Monat", "2019-05")]),
    ("de", "Im Mai 2015 reiste Enkhbold nach Berlin. Im Oktober desselben Jahres besuchte Gauck die Mongolei.",
     "2017-12-05", [("Mai 2015", "2015-05"), ("Oktober desselben Jahres", "2015-10")]),
    ("de", "Am 8. Dezember 2003 empfing er den Minister. Gleichentags fand ein Höflichkeitsbesuch statt.",
     "2003-12-03", [("8. Dezember 2003", "2003-12-08"), ("Gleichentags", "2003-12-08")]),
    ("en", "The accord was signed on 3 May 2019. Two days later, the minister left. A year earlier, talks had failed.",
     "2019-08-01", [("3 May 2019", "2019-05-03"), ("Two days later", "2019-05-05"), ("A year earlier", "2018")]),
    ("en", "They met on 3 May 2019 and again the next morning.", "2019-08-01",
     [("3 May 2019", "2019-05-03"), ("next morning", "2019-05-04")]),
    ("en", "The envoy arrived in March 2019 and left the following month.", "2019-08-01",
     [("March 2019", "2019-03"), ("following month", "2019-04")]),
    # Seasons, year parts and holidays by name.
    ("en", "Talks began last fall and resumed this past spring; a deal is expected by year-end.", "2025-10-15",
     [("last fall", "2024-FA"), ("this past spring", "2025-SP"), ("year-end", "2025")]),
    ("en", "The leaders will meet again on Thanksgiving Day.", "2025-10-16", [("Thanksgiving Day", "2025-11-27")]),
    ("en", "The leaders met on Thanksgiving Day 2024 and on Christmas Day.", "2025-01-10",
     [("Thanksgiving Day 2024", "2024-11-28"), ("Christmas Day", "2024-12-25")]),
    ("de", "Am Tag der Deutschen Einheit 2024 sprach der Bundespräsident.", "2025-01-10",
     [("Tag der Deutschen Einheit 2024", "2024-10-03")]),
    # Years spelled out.
    ("en", "The treaty of nineteen ninety-six was renewed in twenty twenty-four.", "2025-01-10",
     [("nineteen ninety-six", "1996"), ("twenty twenty-four", "2024")]),
    # Not dates: a weekday schedule, a title word, a yearly count.
    ("en", "The programme airs Monday to Friday on The World Today.", "2006-11-14", []),
    ("de", "Ausgebildet wurden jährlich 2000 Lehrlinge.", "2025-01-01", []),
    ("de", "Die Ausstellung ist Dienstag bis Sonntag geöffnet.", "2025-10-15", []),
    # A weekday range opened as one is two dates.
    ("en", "Between Tuesday and Thursday the envoy will meet officials.", "2025-10-15",
     [("Tuesday", "2025-10-21"), ("Thursday", "2025-10-16")]),
]


@pytest.mark.parametrize(("lang", "text", "ref", "expected"), CASES)
def test_date_forms(lang: str, text: str, ref: str | None, expected: list[tuple[str, str | None]]) -> None:
    doc = extract(text, reference_date=ref, lang=lang)
    assert [(d.text, d.value) for d in doc.dates] == expected
    for d in doc.dates:
        assert text[d.start : d.end] == d.text
