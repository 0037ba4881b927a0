"""The date grammar: language-independent patterns filled with one language's vocabulary.

:class:`Grammar` turns a language's ``dates.toml`` into compiled regular expressions once,
and :meth:`Grammar.find` returns every candidate date in a text with what the text alone
says about it (phase one of the normalisation): a TIMEX3 value that may be underspecified
(``XXXX-10-14``), its granularity, and the cues :func:`bilatextract.timex.resolve` needs to
anchor it (a relative offset, a direction such as "last", whether tense decides the year).
Overlapping candidates are left to the caller (longest wins).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from .anchors import AnchorIndex
from .anchors import alternation as _alt
from .candidate import Candidate
from .forms import FormsMixin

DIRECTIONS = ("this", "next", "last")


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: "29. Februar" stays possible
    except ValueError:
        return False
    return True


class Grammar(FormsMixin):
    """The compiled date patterns of one language."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        v = vocab
        self.months: dict[str, int] = {}
        for name, num in v["months"].items():
            self.months[name] = num
            self.months[name.upper()] = num
        abbrevs: dict[str, int] = {}
        for name, num in v.get("month_abbreviations", {}).items():
            abbrevs[name] = num
            abbrevs[name.upper()] = num
        self.months.update(abbrevs)
        self.weekdays: dict[str, int] = dict(v["weekdays"])
        self.weekdays.update({k.upper(): n for k, n in v["weekdays"].items()})
        self.seasons: dict[str, str] = dict(v["seasons"])
        self.day_words: dict[str, int] = {re.sub(r"\s+", " ", k): n for k, n in v["day_words"].items()}
        same = v.get("same_day", {})
        self.same_day_offsets: dict[str, int] = {w: same.get("offsets", {}).get(w, 0) for w in same.get("words", [])}
        # Modifiers also open sentences ("Nächste Woche ...", "Last year ...").
        self.modifier_direction: dict[str, str] = {
            form: d for d in DIRECTIONS for w in v["modifiers"].get(d, []) for form in (w, w[:1].upper() + w[1:])
        }
        self.unit_of: dict[str, str] = {w: u for u, words in v["units"].items() for w in words}
        self.position_mod: dict[str, str] = {
            re.sub(r"\s+", " ", w): mod for mod in ("START", "MID", "END") for w in v["positions"].get(mod, [])
        }
        quarters = v.get("quarters", {})
        self.quarter_ordinals: dict[str, int] = dict(quarters.get("ordinals", {}))

        full_month = _alt(v["months"].keys()) + "|" + _alt(k.upper() for k in v["months"])
        abbr_month = _alt(abbrevs.keys())
        month = rf"(?:{full_month}|{abbr_month}\.?)"
        weekday = _alt(self.weekdays)
        day_suffix = _alt(v.get("day_suffixes", []))
        day = rf"(?P<d>[0-3]?\d)(?!\d)(?:{day_suffix})?"
        year = r"(?P<y>(?:1[5-9]|2[01])\d\d)(?![\d.,]\d|\w)"
        season = _alt(self.seasons)
        modifier = _alt(self.modifier_direction)
        unit = _alt(self.unit_of)
        year_unit = _alt(v["units"].get("year", []))
        wd_link = _alt(v.get("weekday_date_links", []))
        dm_link = _alt(v.get("day_month_links", []))
        my_link = _alt(v.get("month_year_links", []))
        # A range's link may carry an article before its second day ("zwischen dem 3. und dem 5. Mai").
        range_link = _alt(v.get("range_links", [])) + rf"(?:\s*{_alt(v.get('range_articles', []))}(?=\s))?"
        ctx = v.get("context", {})
        month_ctx = _alt(ctx.get("month_before", []))
        season_ctx = _alt(ctx.get("season_before", []))
        year_words = _alt(v.get("year_words", []))
        wd_suffix = _alt(v.get("weekday_suffixes", []))
        # Word edges: a date never continues a word or a number on either side.
        lead = r"(?<![\w.,/+\-–])"

        lead_weekday = rf"(?:(?P<wd>{weekday}),?\s+(?:{wd_link}\s+)?)?"
        trail_weekday = rf"(?:\s+(?P<wd2>{weekday})(?![\w\-]))?"
        opt_year = rf"(?:\s*,?\s+(?:{my_link}\s+)?{year})?"
        P: list[tuple[str, Callable[[re.Match[str]], Any]]] = []
        # Numeric dates.
        P.append((rf"{lead}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\w\-/]|[.,]\d)", self._numeric))
        P.append((rf"{lead}(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\w\-/]|[.,]\d)", self._numeric))
        P.append((rf"{lead}(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})(?![\w\-]|[.,]\d)", self._numeric))
        if v.get("slash_dmy"):
            P.append((rf"{lead}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})(?![\w\-/]|[.,]\d)", self._numeric))
        else:
            # Day and month order unknown: only a number above 12 tells ("21/5/2010", "5/21/2010").
            P.append((rf"{lead}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})(?![\w\-/]|[.,]\d)",
                      self._slash_either))
        clock = _alt(ctx.get("clock_after", []))
        P.append((rf"{lead}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?!\s?\d|\w|\s*{clock}(?!\w))", self._numeric))
        # Written dates.
        if "DM" in v.get("orders", []):
            P.append((rf"{lead_weekday}(?<![\w.,+]){day}\s*(?:{dm_link}\s+)?(?P<m>{month})(?![\w\-])"
                      rf"{opt_year}"
                      + trail_weekday, self._written))
            # The first day of a range takes the month and year of the second ("vom 4. bis 6. Oktober 2015").
            P.append((rf"{lead}(?P<span>{day})\s*{range_link}\s*(?=[0-3]?\d(?:{day_suffix})?\s*(?:{dm_link}\s+)?"
                      rf"(?P<m>{month})(?![\w\-]){opt_year})", self._written))
        if "MD" in v.get("orders", []):
            P.append((rf"{lead_weekday}(?<![\w.,/+\-–])(?P<m>{month})\s+{day}(?![\w\-]|[.:,]\d){opt_year}"
                      + trail_weekday, self._written))
            # A range "May 4-6, 2024" is two dates: both take the month, and the year if there is one.
            P.append((rf"(?<![\w\-])(?P<first>(?P<m>{month})\s+(?P<d1>[0-3]?\d)(?!\d)(?:{day_suffix})?)\s*{range_link}\s*"
                      rf"(?P<second>(?P<d>[0-3]?\d)(?!\d)(?:{day_suffix})?(?![\w\-]|[.:,]\d){opt_year})",
                      self._month_day_range))
        # Months with a year, a modifier or a context word.
        P.append((rf"(?<![\w\-])(?P<m>{month})(?:\s+{my_link})?,?\s+{year}", self._month))
        P.append((rf"(?<![\w\-])(?P<span>(?P<m>{month}))\s*{range_link}\s*(?=(?:{month}),?\s+{year})", self._month))
        P.append((rf"(?<![\w\-])(?:{month_ctx})\s+(?P<span>(?P<m>{month}))(?![\w\-])", self._month))
        P.append((rf"(?<![\w\-])(?P<mod>{modifier})\s+(?P<m>{month})(?![\w\-])", self._month))
        P.append((rf"(?<![\w\-])(?P<m>{month})\s+(?:{my_link}\s+)?(?P<ymod>{modifier})\s+{year_unit}(?![\w\-])",
                  self._month))
        # Seasons.
        P.append((rf"(?<![\w\-])(?P<s>{season})(?:\s+{my_link})?\s+{year}", self._season))
        P.append((rf"(?<![\w\-])(?P<mod>{modifier})\s+(?P<s>{season})(?![\w\-])", self._season))
        P.append((rf"(?<![\w\-])(?P<s>{season})\s+(?P<ymod>{modifier})\s+{year_unit}(?![\w\-])", self._season))
        P.append((rf"(?<![\w\-])(?:{season_ctx})\s+(?P<span>(?P<s>{season}))(?![\w\-])", self._season))
        # Quarters.
        qprefix = re.escape(quarters.get("prefix", "Q"))
        qwords = _alt(quarters.get("words", []))
        qord = _alt(self.quarter_ordinals)
        P.append((rf"(?<![\w\-]){qprefix}(?P<q>[1-4])(?:\s*/\s*|\s+){year}", self._quarter))
        P.append((rf"(?<![\w\-])(?P<qo>{qord})\s+{qwords}(?:(?:\s+{my_link})?\s+{year})?(?![\w\-])", self._quarter))
        # Years.
        P.append((rf"(?<![\w\-])(?P<yw>{year_words})\s+(?P<y>1\d\d\d|20\d\d|21\d\d)(?!\w|[.,]\d|-(?!\d))", self._year))
        P.append((rf"{lead}(?P<y>(?:1[89]|20)\d\d)(?![\w+%°\-–/]|[.,:]\d)", self._bare_year))
        # Relative dates.
        P.append((rf"(?<![\w\-])(?P<mod>{modifier})\s+(?P<unit>{unit})(?![\w\-])", self._relative_unit))
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.day_words)})(?![\w\-])", self._day_word))
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.same_day_offsets)})(?![\w\-])", self._same_day))
        same_year = v.get("same_year", {})
        self.same_year_offsets: dict[str, int] = {
            w: same_year.get("offsets", {}).get(w, 0) for w in same_year.get("words", [])
        }
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.same_year_offsets)})(?![\w\-])", self._same_year))
        P.append((rf"(?<![\w\-])(?:(?P<mod>{modifier})\s+)?(?P<wd>{weekday})(?:{wd_suffix})?(?![\w\-])",
                  self._weekday))
        # "Ende des Jahres", "end of the month": a position with a bare unit means this one.
        positions = _alt(w for w in self.position_mod if not w.endswith("-"))
        articles = _alt(v["positions"].get("articles", []))
        P.append((rf"(?<![\w\-])(?P<pos>{positions})\s+(?:{articles}\s+)?(?P<unit>{unit})(?![\w\-])",
                  self._relative_unit))
        # "mid-May", "mid-2024": a position fused to its month or year by a hyphen.
        hyphen_positions = _alt(w for w in self.position_mod if w.endswith("-"))
        P.append((rf"(?<![\w\-])(?P<pos>{hyphen_positions})(?P<m>{month})(?:,?\s+{year})?(?![\w\-])",
                  self._hyphen_position))
        P.append((rf"(?<![\w\-])(?P<pos>{hyphen_positions}){year}(?![\w\-])", self._hyphen_position))
        # "vor zwei Jahren", "three weeks ago": a count of units back from the reference date.
        ago = v.get("ago", {})
        self.number_words: dict[str, int] = dict(ago.get("numbers", {}))
        self.ago_units: dict[str, str] = {w: u for u, words in ago.get("units", {}).items() for w in words}
        if self.ago_units:
            count = rf"(?P<n>\d{{1,2}}|{_alt(self.number_words)})"
            ago_units = _alt(self.ago_units)
            before, after = _alt(ago.get("before", [])), _alt(ago.get("after", []))
            P.append((rf"(?<![\w\-])(?:(?P<pre>{before})\s+)?{count}\s+(?P<unit>{ago_units})"
                      rf"(?:\s+(?P<post>{after}))?(?![\w\-])", self._ago))
        # "im Vorjahr": one word for a relative unit.
        self.relative_words: dict[str, dict[str, Any]] = dict(v.get("relative_words", {}))
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.relative_words)})(?![\w\-])", self._relative_word))
        # "Jahresende 2024", "zum Jahresende": a part of a year named by one word.
        self.year_position_words: dict[str, str] = dict(v.get("year_position_words", {}))
        P.append((rf"(?<![\w\-])(?P<pw>{_alt(self.year_position_words)})(?:\s+{year})?(?![\w\-])",
                  self._year_position_word))
        # "the first half of 2024", "in der ersten Jahreshälfte 2024".
        self.halves: dict[str, int] = {re.sub(r"\s+", " ", k): n for k, n in v.get("halves", {}).items()}
        P.append((rf"(?<![\w\-])(?P<h>{_alt(self.halves)})(?:\s+(?:{my_link}|{dm_link}))?\s+{year}",
                  self._half))
        # Fixed-date holidays ("Heiligabend", "New Year's Day"), with or without their year.
        self.holidays: dict[str, str] = {re.sub(r"\s+", " ", k): d for k, d in v.get("holidays", {}).items()}
        P.append((rf"(?<![\w\-])(?P<hol>{_alt(self.holidays)})(?:\s+{year})?(?![\w\-])", self._holiday))
        # Calendar weeks ("KW 42", "42. Kalenderwoche 2025", "calendar week 42").
        weeks = v.get("calendar_weeks", {})
        before_w, after_w = _alt(weeks.get("before", [])), _alt(weeks.get("after", []))
        P.append((rf"(?<![\w\-])(?:(?:{before_w})\s*(?P<w1>[1-5]?\d)|(?P<w2>[1-5]?\d)\.?\s+(?:{after_w}))"
                  rf"(?:\s+{year})?(?![\w\-])", self._calendar_week))
        self._number_before = re.compile(rf"(?<![\w\-])(?:{_alt(ctx.get('number_before', []))})\s*$")
        self._number_after = re.compile(rf"^\s*(?:{_alt(ctx.get('number_after', []))})(?!\w)")
        self._add_forms(v, P, {"lead": lead, "month": month, "weekday": weekday, "day_suffix": day_suffix})
        self._patterns = [(re.compile(p), handler) for p, handler in P]
        self._sources = [p for p, _ in P]
        self._index: AnchorIndex | None = None

        pos_parts = [re.escape(w).replace(r"\ ", r"\s+") + ("" if w.endswith("-") else r"\s+")
                     for w in sorted(self.position_mod, key=len, reverse=True)]
        self._position_before = re.compile(
            rf"(?<![\w\-])(?P<pos>{'|'.join(pos_parts)})(?:{articles}\s+)?$"
        )
        self._number_near = re.compile(r"\d[\s\xa0]$")
        self.part_of_day = frozenset(v.get("part_of_day", []))
        self._after_day = re.compile(rf"(?<![\w\-])(?:{_alt([*self.day_words, *self.weekdays])})\s+$")
        generic = v.get("day_words_not_after", {}).get("words", [])
        self._day_word_not_after = re.compile(rf"(?<![\w\-])(?:{_alt(generic)})\s+$")
        self._relative_not_after = re.compile(rf"(?<![\w\-])(?:{_alt(v.get('relative_not_after', []))})\s+$")

    @property
    def _starts(self) -> AnchorIndex:
        """Where each pattern can start; built on first use (it costs some cold start)."""
        if self._index is None:
            self._index = AnchorIndex(self._sources)
        return self._index

    # -- handlers: a regex match to a candidate (or None when the match is no date) ---------------

    def _span(self, m: re.Match[str]) -> tuple[int, int]:
        if m.groupdict().get("span") is not None:
            return m.span("span")
        return m.span()

    def _month_num(self, text: str) -> int:
        return self.months[text.rstrip(".")]

    def _numeric(self, m: re.Match[str]) -> Candidate | None:
        y = int(m.group("y")) if m.groupdict().get("y") else None
        mo, d = int(m.group("m")), int(m.group("d"))
        if not (1 <= mo <= 12) or not _valid_day(y, mo, d) or (y is not None and not 1000 <= y <= 2199):
            return None
        start, end = self._span(m)
        if y is None:
            return Candidate(start, end, {"value": f"XXXX-{mo:02d}-{d:02d}", "granularity": "day"}, needs_tense=True)
        return Candidate(start, end, {"value": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day"})

    def _slash_either(self, m: re.Match[str]) -> Candidate | None:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if (a > 12) == (b > 12):
            return None
        d, mo = (a, b) if a > 12 else (b, a)
        if not _valid_day(y, mo, d) or not 1000 <= y <= 2199:
            return None
        return Candidate(m.start(), m.end(), {"value": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day"})

    def _written(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        mo, d = self._month_num(g["m"]), int(g["d"])
        y = int(g["y"]) if g.get("y") else None
        if not _valid_day(y, mo, d) or d == 0:
            return None
        start, end = self._span(m)
        if y is None:
            return Candidate(start, end, {"value": f"XXXX-{mo:02d}-{d:02d}", "granularity": "day"}, needs_tense=True)
        return Candidate(start, end, {"value": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day"})

    def _month_day_range(self, m: re.Match[str]) -> list[Candidate]:
        g = m.groupdict()
        mo = self._month_num(g["m"])
        y = int(g["y"]) if g.get("y") else None
        out = []
        for group, d in (("first", int(g["d1"])), ("second", int(g["d"]))):
            if not _valid_day(y, mo, d) or d == 0:
                return []
            start, end = m.span(group)
            if y is None:
                out.append(Candidate(start, end, {"value": f"XXXX-{mo:02d}-{d:02d}", "granularity": "day"},
                                     needs_tense=True))
            else:
                out.append(Candidate(start, end, {"value": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day"}))
        return out

    def _hyphen_position(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        cand = self._month(m) if g.get("m") else self._year(m)
        if cand is not None:
            cand.start = m.start()
            cand.attrs["mod"] = self.position_mod[g["pos"]]
        return cand

    def _ago(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        if not (g.get("pre") or g.get("post")):
            return None
        n = int(g["n"]) if g["n"].isdigit() else self.number_words[g["n"]]
        unit = self.ago_units[re.sub(r"\s+", " ", g["unit"])]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": unit,
                                              "relative": {"unit": unit, "offset": -n}})

    def _relative_word(self, m: re.Match[str]) -> Candidate | None:
        rel = self.relative_words[m.group("w")]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": rel["unit"],
                                              "relative": {"unit": rel["unit"], "offset": int(rel["offset"])}})

    def _year_position_word(self, m: re.Match[str]) -> Candidate | None:
        mod = self.year_position_words[m.group("pw")]
        if m.group("y"):
            return Candidate(m.start(), m.end(), {"value": m.group("y"), "granularity": "year", "mod": mod})
        return Candidate(m.start(), m.end(), {"value": None, "granularity": "year", "mod": mod,
                                              "relative": {"unit": "year", "offset": 0}})

    def _half(self, m: re.Match[str]) -> Candidate | None:
        half = self.halves[re.sub(r"\s+", " ", m.group("h"))]
        return Candidate(m.start(), m.end(), {"value": f"{m.group('y')}-H{half}", "granularity": "half"})

    def _month(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        mo = self._month_num(g["m"])
        start, end = self._span(m)
        attrs: dict[str, Any] = {"value": f"XXXX-{mo:02d}", "granularity": "month"}
        if g.get("y"):
            attrs["value"] = f"{int(g['y']):04d}-{mo:02d}"
            return Candidate(start, end, attrs)
        if g.get("mod"):
            attrs["direction"] = self.modifier_direction[re.sub(r"\s+", " ", g["mod"])]
            return Candidate(start, end, attrs)
        if g.get("ymod"):
            attrs["year_offset"] = _OFFSET[self.modifier_direction[g["ymod"]]]
            return Candidate(start, end, attrs)
        return Candidate(start, end, attrs, needs_tense=True)

    def _season(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        code = self.seasons[g["s"]]
        start, end = self._span(m)
        attrs: dict[str, Any] = {"value": f"XXXX-{code}", "granularity": "season"}
        if g.get("y"):
            attrs["value"] = f"{int(g['y']):04d}-{code}"
            return Candidate(start, end, attrs)
        if g.get("mod"):
            attrs["direction"] = self.modifier_direction[re.sub(r"\s+", " ", g["mod"])]
            return Candidate(start, end, attrs)
        if g.get("ymod"):
            attrs["year_offset"] = _OFFSET[self.modifier_direction[g["ymod"]]]
            return Candidate(start, end, attrs)
        return Candidate(start, end, attrs, needs_tense=True)

    def _quarter(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        q = int(g["q"]) if g.get("q") else self.quarter_ordinals[g["qo"]]
        start, end = self._span(m)
        if g.get("y"):
            return Candidate(start, end, {"value": f"{int(g['y']):04d}-Q{q}", "granularity": "quarter"})
        return Candidate(start, end, {"value": f"XXXX-Q{q}", "granularity": "quarter"}, needs_tense=True)

    def _year(self, m: re.Match[str]) -> Candidate | None:
        start, end = self._span(m)
        return Candidate(start, end, {"value": m.group("y"), "granularity": "year"})

    def _bare_year(self, m: re.Match[str]) -> Candidate | None:
        text = m.string
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 30]
        if self._number_before.search(before) or self._number_after.search(after):
            return None
        if self._number_near.search(before) or re.match(r"[\s\xa0]\d", after):
            return None  # a group of a longer number ("1 2011 300") or a list of figures
        return Candidate(m.start(), m.end(), {"value": m.group("y"), "granularity": "year"})

    def _relative_unit(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        before = m.string[max(0, m.start() - 20) : m.start()]
        if g.get("mod") and self._relative_not_after.search(before):
            return None
        unit = self.unit_of[g["unit"]]
        offset = _OFFSET[self.modifier_direction[re.sub(r"\s+", " ", g["mod"])]] if g.get("mod") else 0
        attrs: dict[str, Any] = {"value": None, "granularity": unit,
                                 "relative": {"unit": unit, "offset": offset}}
        if g.get("pos"):
            attrs["mod"] = self.position_mod[re.sub(r"\s+", " ", g["pos"])]
        return Candidate(m.start(), m.end(), attrs)

    def _day_word(self, m: re.Match[str]) -> Candidate | None:
        if self._day_word_not_after.search(m.string[max(0, m.start() - 20) : m.start()]):
            return None
        word = re.sub(r"\s+", " ", m.group("w"))
        if word[:1].isupper() and _IN_NAME.search(m.string[max(0, m.start() - 30) : m.start()]):
            return None  # a title word of a name ("The World Today")
        if word in self.part_of_day and self._after_day.search(m.string[max(0, m.start() - 20) : m.start()]):
            return None  # "heute morgen", "Freitag morgen": the morning, not tomorrow
        offset = self.day_words[word]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": "day",
                                              "relative": {"unit": "day", "offset": offset}})

    def _holiday(self, m: re.Match[str]) -> Candidate | None:
        month_day = self.holidays[re.sub(r"\s+", " ", m.group("hol"))]
        if m.group("y"):
            return Candidate(m.start(), m.end(), {"value": f"{m.group('y')}-{month_day}", "granularity": "day"})
        return Candidate(m.start(), m.end(), {"value": f"XXXX-{month_day}", "granularity": "day"}, needs_tense=True)

    def _calendar_week(self, m: re.Match[str]) -> Candidate | None:
        week = int(m.group("w1") or m.group("w2"))
        if not 1 <= week <= 53:
            return None
        if m.group("y"):
            return Candidate(m.start(), m.end(), {"value": f"{m.group('y')}-W{week:02d}", "granularity": "week"})
        return Candidate(m.start(), m.end(), {"value": f"XXXX-W{week:02d}", "granularity": "week"},
                         needs_tense=True)

    def _same_year(self, m: re.Match[str]) -> Candidate | None:
        offset = self.same_year_offsets[re.sub(r"\s+", " ", m.group("w"))]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": "year",
                                              "relative": {"unit": "same_year", "offset": offset}},
                         needs_anchor=True)

    def _same_day(self, m: re.Match[str]) -> Candidate | None:
        offset = self.same_day_offsets[re.sub(r"\s+", " ", m.group("w"))]
        return Candidate(m.start(), m.end(), {"value": None, "granularity": "day",
                                              "relative": {"unit": "same_day", "offset": offset}},
                         needs_anchor=True)

    def _weekday(self, m: re.Match[str]) -> Candidate | None:
        g = m.groupdict()
        wd = self.weekdays[g["wd"]]
        if not g.get("mod") and self._weekday_in_range(m):
            return None
        attrs: dict[str, Any] = {"value": f"XXXX-WXX-{wd}", "granularity": "day"}
        if g.get("mod"):
            attrs["direction"] = self.modifier_direction[re.sub(r"\s+", " ", g["mod"])]
            return Candidate(m.start(), m.end(), attrs)
        return Candidate(m.start(), m.end(), attrs, needs_tense=True)

    # -- the search ----------------------------------------------------------------------------

    def _with_position(self, text: str, cand: Candidate) -> Candidate:
        """Widen a month, season or year to a position before it ("Anfang Juli", "end of May")."""
        if cand.attrs["granularity"] not in ("month", "year", "season", "quarter", "week") or "mod" in cand.attrs:
            return cand
        before = text[max(0, cand.start - 40) : cand.start]
        m = self._position_before.search(before)
        if m is None:
            return cand
        cand.attrs["mod"] = self.position_mod[re.sub(r"\s+", " ", m.group("pos").strip())]
        cand.start = cand.start - len(before) + m.start()
        return cand

    def find(self, text: str) -> list[Candidate]:
        """Every candidate date in ``text``, possibly overlapping, in no particular order."""
        patterns = self._patterns
        found: list[Candidate] = []
        add = found.append
        with_position = self._with_position
        for i, starts in self._starts.active(text):  # the patterns some word of the text can begin
            pattern, handler = patterns[i]
            # ``anchors.finditer`` inline: one generator per pattern and document costs more than
            # the few tries it makes.
            if starts is None:
                matches: Iterable[re.Match[str]] = pattern.finditer(text)
            else:
                matches = []
                match = pattern.match
                end = 0
                for start in starts:
                    if start >= end:
                        m = match(text, start)
                        if m is not None:
                            matches.append(m)
                            end = m.end()
            for m in matches:
                cand = handler(m)
                if isinstance(cand, list):
                    for c in cand:
                        add(with_position(text, c))
                elif cand is not None:
                    add(with_position(text, cand))
        return found


_OFFSET = {"this": 0, "next": 1, "last": -1}
#: A capitalised word right before, on the same line: a capitalised day word continues a name.
_IN_NAME = re.compile(r"[^\W\d_]*[A-Z][^\W\d_]* $")
