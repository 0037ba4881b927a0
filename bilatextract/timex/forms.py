"""More date forms for :class:`bilatextract.timex.grammar.Grammar` (issue 17), as a mixin.

- years as the two ends of a range or a slashed pair ("1939/1940", "1870/71", "(1890–1970)"),
  and open ranges ("ab 1776", "until 1784"): two mentions, each with its full value;
- numeric dates with a weekday abbreviation ("Sat 07/2/2026": the weekday decides the order of
  day and month), compact dates starting a line ("19990506"), a year and month alone on a
  line ("2017/11");
- a half-year named alone ("in der zweiten Jahreshälfte"), the weekend as its week;
- dates anchored to the date the text has reached: a count of units later or earlier
  ("zwei Tage später", "a year earlier"), a month of that year ("Oktober desselben Jahres"),
  the same or the following month;
- holidays on the n-th weekday of a month ("Thanksgiving Day"), years spelled out in words
  ("nineteen ninety-six").

The words come from ``dates.toml``; the handlers return :class:`Candidate` objects.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from .candidate import Candidate
from .resolve import nth_weekday
from .starts import DIGIT, Starts, digits, first_words
from .starts import alternation as _alt

#: The grammar's patterns: the regex, its handler and what its match can begin with.
Patterns = list[tuple[str, Callable[[re.Match[str]], Any], Starts]]

#: Years a range or an open range may name: 1500-2199.
_WIDE_YEAR = r"(?:1[5-9]|2[01])\d\d"
_YEAR_END = r"(?![\w+%°\-–/]|[.,:]\d)"


def _norm(word: str) -> str:
    return re.sub(r"\s+", " ", word)


class FormsMixin:
    """The patterns and handlers of the forms above; mixed into the grammar."""

    months: dict[str, int]
    weekdays: dict[str, int]
    _number_before: re.Pattern[str]
    _number_after: re.Pattern[str]

    def _add_forms(self, v: dict[str, Any], P: Patterns, parts: dict[str, str]) -> None:
        lead, month, weekday, day_suffix = parts["lead"], parts["month"], parts["weekday"], parts["day_suffix"]
        abbrevs = dict(v.get("weekday_abbreviations", {}))
        self.weekday_any: dict[str, int] = {**self.weekdays, **abbrevs}
        wd_any = _alt(self.weekday_any)
        wd_prefix = rf"(?P<wda>{wd_any})\.?,?\s+"
        # Numeric dates after a weekday ("Sun 13/12/2020", "So., 12.10.2025", "Mon 2022-11-07").
        wd_any_w = first_words(self.weekday_any)
        P.append((rf"(?<![\w\-]){wd_prefix}(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>\d{{4}})(?![\w\-/]|[.,]\d)",
                  self._weekday_numeric, wd_any_w))
        P.append((rf"(?<![\w\-]){wd_prefix}(?P<y>\d{{4}})-(?P<b>\d{{1,2}})-(?P<a>\d{{1,2}})(?![\w\-/]|[.,]\d)",
                  self._weekday_numeric, wd_any_w))
        # A compact date at a line's start ("19990506"), a year and month alone on a line ("2017/11").
        P.append((rf"{lead}(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.,/\-])",
                  self._compact, digits(8)))
        P.append((rf"{lead}(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])(?![\w/\-]|[.,]\d)", self._year_month_line,
                  digits(4, after="/")))
        # Two years of a range or a slashed pair; an open range's year.
        P.append((rf"{lead}(?P<y1>{_WIDE_YEAR})\s*[-–/]\s*(?P<y2>{_WIDE_YEAR}|\d\d){_YEAR_END}", self._year_range,
                  digits(4, after=" -–/")))
        year_before = _alt(v.get("years", {}).get("before", []))
        P.append((rf"(?<![\w\-])(?:{year_before})\s+(?P<span>(?P<y>{_WIDE_YEAR})){_YEAR_END}", self._open_year,
                  first_words(v.get("years", {}).get("before", []), then=DIGIT)))
        # Half-years without a year.
        self.halves_alone: dict[str, int] = {_norm(k): n for k, n in v.get("halves_alone", {}).items()}
        P.append((rf"(?<![\w\-])(?P<h>{_alt(self.halves_alone)})(?![\w\-])", self._half_alone,
                  first_words(self.halves_alone)))
        # The weekend.
        weekend = v.get("weekend", {})
        self.weekend_offsets: dict[str, int] = dict(weekend.get("offsets", {}))
        weekend_before, weekend_words = _alt(weekend.get("before", [])), _alt(weekend.get("words", []))
        P.append((rf"(?<![\w\-])(?P<before>{weekend_before})\s+(?P<span>{weekend_words})(?![\w\-])", self._weekend,
                  first_words(weekend.get("before", []), then=first_words(weekend.get("words", [])))))
        # Units later or earlier than the date the text has reached.
        anchored = v.get("anchored", {})
        self.anchored_after: dict[str, int] = dict(anchored.get("after", {}))
        self.anchored_units: dict[str, str] = {w: u for u, ws in anchored.get("units", {}).items() for w in ws}
        self.count_words: dict[str, int] = dict(v.get("ago", {}).get("numbers", {}))
        count = rf"(?P<n>\d{{1,2}}|{_alt(self.count_words)})"
        P.append((rf"(?<![\w\-]){count}\s+(?P<unit>{_alt(self.anchored_units)})\s+(?P<dir>{_alt(self.anchored_after)})"
                  r"(?![\w\-])", self._anchored, first_words(self.count_words, then=first_words(self.anchored_units))
                  | digits(1, 2, after=" ")))
        # A month (with its day) of the year the text has reached.
        self.month_same_year: dict[str, int] = {_norm(k): n for k, n in v.get("month_same_year", {}).items()}
        same = _alt(self.month_same_year)
        day = rf"(?:(?P<d>[0-3]?\d)(?!\d)(?:{day_suffix})?\s*)?" if "DM" in v.get("orders", []) else ""
        P.append((rf"(?<![\w.,+\-]){day}(?P<m>{month})\s+(?P<sy>{same})(?![\w\-])", self._month_same_year,
                  first_words(self.months) | (digits(1, 2) if day else Starts())))
        # A month relative to the date the text has reached ("im selben Monat", "the following month").
        self.same_month: dict[str, int] = {_norm(k): n for k, n in v.get("same_month", {}).items()}
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.same_month)})(?![\w\-])", self._same_month,
                  first_words(self.same_month)))
        # Holidays on the n-th weekday of a month ("Thanksgiving Day"), with or without their year.
        self.weekday_holidays: dict[str, list[int]] = {_norm(k): list(n) for k, n in
                                                       v.get("weekday_holidays", {}).items()}
        P.append((rf"(?<![\w\-])(?P<hol>{_alt(self.weekday_holidays)})(?:,?\s+(?P<y>{_WIDE_YEAR}))?(?![\w\-])",
                  self._weekday_holiday, first_words(self.weekday_holidays)))
        # Years spelled out ("nineteen ninety-six").
        spelled = v.get("spelled_years", {})
        self.spelled: dict[str, dict[str, int]] = {k: dict(spelled.get(k, {})) for k in ("centuries", "tens", "ones")}
        cent, tens, ones = (_alt(self.spelled[k]) for k in ("centuries", "tens", "ones"))
        zero = _alt(spelled.get("zero", []))
        P.append((rf"(?<![\w\-])(?P<c>{cent})[\s\-]+(?:(?P<t>{tens})(?:[\s\-]+(?P<o>{ones}))?|(?:{zero})[\s\-]+(?P<z>{ones}))"
                  r"(?![\w\-])", self._spelled_year, first_words(self.spelled["centuries"])))
        # A weekday range ("Monday to Friday") is a schedule, not two dates; weekdays joined by
        # "und"/"and" are two dates ("am Sonntag und Montag"), so only span links count here.
        links = _alt(v.get("weekday_schedule_links", v.get("range_links", [])))
        # ... unless a word opens it as a range of dates ("from Monday to Wednesday", "vom Montag bis").
        opens = _alt(v.get("weekday_range_opens", []))
        self._weekday_range_after = re.compile(rf"\s*(?:{links})\s*(?:{weekday})(?![\w])")
        self._weekday_range_before = re.compile(rf"(?<![\w\-])(?:{weekday})\s*(?:{links})\s*$")
        self._range_opened = re.compile(rf"(?<![\w\-])(?:{opens})\s+$")
        self._range_opened_two = re.compile(rf"(?<![\w\-])(?:{opens})\s+(?:{weekday})\s*(?:{links})\s*$")

    # -- handlers ----------------------------------------------------------------------------

    def _weekday_numeric(self, m: re.Match[str]) -> Candidate | None:
        wd = self.weekday_any[m.group("wda")]
        y, a, b = int(m.group("y")), int(m.group("a")), int(m.group("b"))
        readings = []
        for d, mo in ((a, b), (b, a)):
            try:
                day = dt.date(y, mo, d)
            except ValueError:
                continue
            if day.isoweekday() == wd:
                readings.append(day)
        if len(set(readings)) != 1:
            return None
        return Candidate(m.start(), m.end(), {"value": readings[0].isoformat(), "granularity": "day"})

    def _compact(self, m: re.Match[str]) -> Candidate | None:
        if not _starts_line(m.string, m.start()):
            return None
        try:
            day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
        return Candidate(m.start(), m.end(), {"value": day.isoformat(), "granularity": "day"})

    def _year_month_line(self, m: re.Match[str]) -> Candidate | None:
        text = m.string
        if not _starts_line(text, m.start()) or text[m.end() : text.find("\n", m.end()) % (len(text) + 1)].strip():
            return None
        return Candidate(m.start(), m.end(), {"value": f"{m.group('y')}-{int(m.group('m')):02d}",
                                              "granularity": "month"})

    def _year_range(self, m: re.Match[str]) -> list[Candidate] | None:
        y1, second = int(m.group("y1")), m.group("y2")
        y2 = y1 // 100 * 100 + int(second) if len(second) == 2 else int(second)
        if not y1 < y2 <= y1 + 200:
            return None
        text = m.string
        if self._number_before.search(text[max(0, m.start() - 30) : m.start()]):
            return None
        if self._number_after.search(text[m.end() : m.end() + 30]):
            return None
        return [Candidate(*m.span("y1"), {"value": f"{y1:04d}", "granularity": "year"}),
                Candidate(*m.span("y2"), {"value": f"{y2:04d}", "granularity": "year"})]

    def _open_year(self, m: re.Match[str]) -> Candidate | None:
        if self._number_after.search(m.string[m.end() : m.end() + 30]):
            return None
        return Candidate(*m.span("span"), {"value": m.group("y"), "granularity": "year"})

    def _half_alone(self, m: re.Match[str]) -> Candidate | None:
        half = self.halves_alone[_norm(m.group("h"))]
        return Candidate(m.start(), m.end(), {"value": f"XXXX-H{half}", "granularity": "half", "year_offset": 0})

    def _weekend(self, m: re.Match[str]) -> Candidate | None:
        offset = self.weekend_offsets.get(m.group("before"), 0)
        attrs = {"value": None, "granularity": "week", "relative": {"unit": "weekend", "offset": offset}}
        start, end = m.span("span")
        return Candidate(start, end, attrs, needs_tense=offset == 0)

    def _anchored(self, m: re.Match[str]) -> Candidate | None:
        n = int(m.group("n")) if m.group("n").isdigit() else self.count_words[m.group("n")]
        unit = self.anchored_units[_norm(m.group("unit"))]
        sign = self.anchored_after[m.group("dir")]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": unit,
                                              "relative": {"unit": unit, "offset": sign * n, "anchored": True}},
                         needs_anchor=True)

    def _month_same_year(self, m: re.Match[str]) -> Candidate | None:
        mo = self.months[m.group("m").rstrip(".")]
        offset = self.month_same_year[_norm(m.group("sy"))]
        d = m.groupdict().get("d")
        if d:
            try:
                dt.date(2000, mo, int(d))
            except ValueError:
                return None
            value, gran = f"XXXX-{mo:02d}-{int(d):02d}", "day"
        else:
            value, gran = f"XXXX-{mo:02d}", "month"
        return Candidate(m.start(), m.end(), {"value": value, "granularity": gran, "story_year_offset": offset},
                         needs_anchor=True)

    def _same_month(self, m: re.Match[str]) -> Candidate | None:
        offset = self.same_month[_norm(m.group("w"))]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": "month",
                                              "relative": {"unit": "month", "offset": offset, "anchored": True}},
                         needs_anchor=True)

    def _weekday_holiday(self, m: re.Match[str]) -> Candidate | None:
        month, weekday, n = self.weekday_holidays[_norm(m.group("hol"))]
        attrs: dict[str, Any] = {"granularity": "day", "nth_weekday": [month, weekday, n]}
        if m.group("y"):
            attrs["value"] = nth_weekday(int(m.group("y")), month, weekday, n).isoformat()
            return Candidate(m.start(), m.end(), attrs)
        attrs["value"] = f"XXXX-{month:02d}"
        return Candidate(m.start(), m.end(), attrs, needs_tense=True)

    def _spelled_year(self, m: re.Match[str]) -> Candidate | None:
        century = self.spelled["centuries"][m.group("c")]
        if m.group("z"):
            rest = self.spelled["ones"][m.group("z")]
        else:
            rest = self.spelled["tens"][m.group("t")]
            if m.group("o"):
                if rest < 20 or rest % 10:
                    return None  # "nineteen eleven-one" is no year
                rest += self.spelled["ones"][m.group("o")]
        return Candidate(m.start(), m.end(), {"value": f"{century * 100 + rest:04d}", "granularity": "year"})

    def _weekday_in_range(self, m: re.Match[str]) -> bool:
        """Whether a weekday is an end of a weekday schedule ("Monday to Friday", not "from Monday to Friday")."""
        text = m.string
        before = text[max(0, m.start() - 40) : m.start()]
        if self._weekday_range_after.match(text, m.end()):
            return not self._range_opened.search(before)
        if self._weekday_range_before.search(before):
            return not self._range_opened_two.search(before)
        return False


def _starts_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()
