"""The handlers of :class:`bilatextract.timex.grammar.Grammar`: a regex match to a candidate.

Each handler reads the named groups of its pattern's match and returns a :class:`Candidate`
with what the text says about the date (a value that may be underspecified, its
granularity, cues for the resolution), a list of them (a range), or None where the match
is no date. The vocabulary they look words up in is set up by the grammar.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .candidate import Candidate


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: "29. Februar" stays possible
    except ValueError:
        return False
    return True


class HandlersMixin:
    """The classic date forms' handlers; mixed into the grammar."""

    # The vocabulary, set by the grammar.
    months: dict[str, int]
    weekdays: dict[str, int]

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
        return self._period(m, f"{self._month_num(m.group('m')):02d}", "month")

    def _season(self, m: re.Match[str]) -> Candidate | None:
        return self._period(m, self.seasons[m.group("s")], "season")

    def _period(self, m: re.Match[str], code: str, granularity: str) -> Candidate:
        """A month or season ("Juli", "im vergangenen Sommer", "Juli nächsten Jahres", "May 2024")."""
        g = m.groupdict()
        start, end = self._span(m)
        attrs: dict[str, Any] = {"value": f"XXXX-{code}", "granularity": granularity}
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


_OFFSET = {"this": 0, "next": 1, "last": -1}
#: A capitalised word right before, on the same line: a capitalised day word continues a name.
_IN_NAME = re.compile(r"[^\W\d_]*[A-Z][^\W\d_]* $")
