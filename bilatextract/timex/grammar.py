"""The date grammar: language-independent patterns filled with one language's vocabulary.

:class:`Grammar` turns a language's ``dates.toml`` into compiled regular expressions once,
and :meth:`Grammar.find` returns every candidate date in a text with what the text alone
says about it (phase one of the normalisation): a TIMEX3 value that may be underspecified
(``XXXX-10-14``), its granularity, and the cues :func:`bilatextract.timex.resolve` needs to
anchor it (a relative offset, a direction such as "last", whether tense decides the year).
Overlapping candidates are left to the caller (longest wins).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .candidate import Candidate
from .forms import FormsMixin, Patterns
from .handlers import HandlersMixin
from .starts import ANY, DIGIT, StartIndex, digits, first_words
from .starts import alternation as _alt

DIRECTIONS = ("this", "next", "last")


class Grammar(HandlersMixin, FormsMixin):
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
        # Each pattern comes with the first words its match can begin with (see :mod:`.starts`):
        # they are taken from the same word lists as the pattern's own alternations.
        P: Patterns = []
        months_w = first_words(self.months)
        # A weekday before a date has no look-behind of its own: it may begin inside a word.
        lead_weekday_w = first_words(self.weekdays, inside=True)
        seasons_w = first_words(self.seasons)
        # Numeric dates.
        P.append((rf"{lead}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\w\-/]|[.,]\d)", self._numeric,
                  digits(4, after="-")))
        P.append((rf"{lead}(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\w\-/]|[.,]\d)", self._numeric,
                  digits(4, after="/")))
        P.append((rf"{lead}(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})(?![\w\-]|[.,]\d)", self._numeric,
                  digits(1, 2, after=".")))
        if v.get("slash_dmy"):
            P.append((rf"{lead}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})(?![\w\-/]|[.,]\d)", self._numeric,
                      digits(1, 2, after="/")))
        else:
            # Day and month order unknown: only a number above 12 tells ("21/5/2010", "5/21/2010").
            P.append((rf"{lead}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}})(?![\w\-/]|[.,]\d)",
                      self._slash_either, digits(1, 2, after="/")))
        clock = _alt(ctx.get("clock_after", []))
        P.append((rf"{lead}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?!\s?\d|\w|\s*{clock}(?!\w))", self._numeric,
                  digits(1, 2, after=".")))
        # Written dates.
        if "DM" in v.get("orders", []):
            P.append((rf"{lead_weekday}(?<![\w.,+]){day}\s*(?:{dm_link}\s+)?(?P<m>{month})(?![\w\-])"
                      rf"{opt_year}"
                      + trail_weekday, self._written, lead_weekday_w | digits(1, 2)))
            # The first day of a range takes the month and year of the second ("vom 4. bis 6. Oktober 2015").
            P.append((rf"{lead}(?P<span>{day})\s*{range_link}\s*(?=[0-3]?\d(?:{day_suffix})?\s*(?:{dm_link}\s+)?"
                      rf"(?P<m>{month})(?![\w\-]){opt_year})", self._written, digits(1, 2)))
        if "MD" in v.get("orders", []):
            P.append((rf"{lead_weekday}(?<![\w.,/+\-–])(?P<m>{month})\s+{day}(?![\w\-]|[.:,]\d){opt_year}"
                      + trail_weekday, self._written, lead_weekday_w | months_w))
            # A range "May 4-6, 2024" is two dates: both take the month, and the year if there is one.
            P.append((rf"(?<![\w\-])(?P<first>(?P<m>{month})\s+(?P<d1>[0-3]?\d)(?!\d)(?:{day_suffix})?)\s*{range_link}\s*"
                      rf"(?P<second>(?P<d>[0-3]?\d)(?!\d)(?:{day_suffix})?(?![\w\-]|[.:,]\d){opt_year})",
                      self._month_day_range, months_w))
        # Months with a year, a modifier or a context word.
        P.append((rf"(?<![\w\-])(?P<m>{month})(?:\s+{my_link})?,?\s+{year}", self._month, months_w))
        # (a range's link may be glued to the month: "Maibis Juni 2024")
        P.append((rf"(?<![\w\-])(?P<span>(?P<m>{month}))\s*{range_link}\s*(?=(?:{month}),?\s+{year})", self._month,
                  first_words(self.months, glued=True)))
        P.append((rf"(?<![\w\-])(?:{month_ctx})\s+(?P<span>(?P<m>{month}))(?![\w\-])", self._month,
                  first_words(ctx.get("month_before", []), then=months_w)))
        P.append((rf"(?<![\w\-])(?P<mod>{modifier})\s+(?P<m>{month})(?![\w\-])", self._month,
                  first_words(self.modifier_direction, then=months_w)))
        P.append((rf"(?<![\w\-])(?P<m>{month})\s+(?:{my_link}\s+)?(?P<ymod>{modifier})\s+{year_unit}(?![\w\-])",
                  self._month, months_w))
        # Seasons.
        P.append((rf"(?<![\w\-])(?P<s>{season})(?:\s+{my_link})?\s+{year}", self._season, seasons_w))
        P.append((rf"(?<![\w\-])(?P<mod>{modifier})\s+(?P<s>{season})(?![\w\-])", self._season,
                  first_words(self.modifier_direction, then=seasons_w)))
        P.append((rf"(?<![\w\-])(?P<s>{season})\s+(?P<ymod>{modifier})\s+{year_unit}(?![\w\-])", self._season,
                  seasons_w))
        P.append((rf"(?<![\w\-])(?:{season_ctx})\s+(?P<span>(?P<s>{season}))(?![\w\-])", self._season,
                  first_words(ctx.get("season_before", []), then=seasons_w)))
        # Quarters.
        qprefix_word = quarters.get("prefix", "Q")
        qprefix = re.escape(qprefix_word)
        qwords = _alt(quarters.get("words", []))
        qord = _alt(self.quarter_ordinals)
        P.append((rf"(?<![\w\-]){qprefix}(?P<q>[1-4])(?:\s*/\s*|\s+){year}", self._quarter,
                  first_words([qprefix_word], glued=True)))
        P.append((rf"(?<![\w\-])(?P<qo>{qord})\s+{qwords}(?:(?:\s+{my_link})?\s+{year})?(?![\w\-])", self._quarter,
                  first_words(self.quarter_ordinals, then=first_words(quarters.get("words", [])))))
        # Years.
        P.append((rf"(?<![\w\-])(?P<yw>{year_words})\s+(?P<y>1\d\d\d|20\d\d|21\d\d)(?!\w|[.,]\d|-(?!\d))", self._year,
                  first_words(v.get("year_words", []), then=DIGIT)))
        P.append((rf"{lead}(?P<y>(?:1[89]|20)\d\d)(?![\w+%°\-–/]|[.,:]\d)", self._bare_year, digits(4)))
        # Relative dates.
        P.append((rf"(?<![\w\-])(?P<mod>{modifier})\s+(?P<unit>{unit})(?![\w\-])", self._relative_unit,
                  first_words(self.modifier_direction, then=first_words(self.unit_of))))
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.day_words)})(?![\w\-])", self._day_word,
                  first_words(self.day_words)))
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.same_day_offsets)})(?![\w\-])", self._same_day,
                  first_words(self.same_day_offsets)))
        same_year = v.get("same_year", {})
        self.same_year_offsets: dict[str, int] = {
            w: same_year.get("offsets", {}).get(w, 0) for w in same_year.get("words", [])
        }
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.same_year_offsets)})(?![\w\-])", self._same_year,
                  first_words(self.same_year_offsets)))
        P.append((rf"(?<![\w\-])(?:(?P<mod>{modifier})\s+)?(?P<wd>{weekday})(?:{wd_suffix})?(?![\w\-])",
                  self._weekday, first_words(self.modifier_direction, then=first_words(self.weekdays))
                  | first_words(self.weekdays, glued=bool(v.get("weekday_suffixes")))))
        # "Ende des Jahres", "end of the month": a position with a bare unit means this one.
        positions = _alt(w for w in self.position_mod if not w.endswith("-"))
        articles = _alt(v["positions"].get("articles", []))
        P.append((rf"(?<![\w\-])(?P<pos>{positions})\s+(?:{articles}\s+)?(?P<unit>{unit})(?![\w\-])",
                  self._relative_unit, first_words((w for w in self.position_mod if not w.endswith("-")),
                                                   then=first_words(v["positions"].get("articles", []))
                                                   | first_words(self.unit_of))))
        # "mid-May", "mid-2024": a position fused to its month or year by a hyphen.
        hyphen_positions = _alt(w for w in self.position_mod if w.endswith("-"))
        hyphen_positions_w = first_words(w for w in self.position_mod if w.endswith("-"))
        P.append((rf"(?<![\w\-])(?P<pos>{hyphen_positions})(?P<m>{month})(?:,?\s+{year})?(?![\w\-])",
                  self._hyphen_position, hyphen_positions_w))
        P.append((rf"(?<![\w\-])(?P<pos>{hyphen_positions}){year}(?![\w\-])", self._hyphen_position,
                  hyphen_positions_w))
        # "vor zwei Jahren", "three weeks ago": a count of units back from the reference date.
        ago = v.get("ago", {})
        self.number_words: dict[str, int] = dict(ago.get("numbers", {}))
        self.ago_units: dict[str, str] = {w: u for u, words in ago.get("units", {}).items() for w in words}
        if self.ago_units:
            count = rf"(?P<n>\d{{1,2}}|{_alt(self.number_words)})"
            ago_units = _alt(self.ago_units)
            before, after = _alt(ago.get("before", [])), _alt(ago.get("after", []))
            P.append((rf"(?<![\w\-])(?:(?P<pre>{before})\s+)?{count}\s+(?P<unit>{ago_units})"
                      rf"(?:\s+(?P<post>{after}))?(?![\w\-])", self._ago,
                      first_words(ago.get("before", []), then=first_words(self.number_words) | digits(1, 2))
                      | first_words(self.number_words, then=first_words(self.ago_units))
                      | digits(1, 2, after=" ")))
        # "im Vorjahr": one word for a relative unit.
        self.relative_words: dict[str, dict[str, Any]] = dict(v.get("relative_words", {}))
        P.append((rf"(?<![\w\-])(?P<w>{_alt(self.relative_words)})(?![\w\-])", self._relative_word,
                  first_words(self.relative_words)))
        # "Jahresende 2024", "zum Jahresende": a part of a year named by one word.
        self.year_position_words: dict[str, str] = dict(v.get("year_position_words", {}))
        P.append((rf"(?<![\w\-])(?P<pw>{_alt(self.year_position_words)})(?:\s+{year})?(?![\w\-])",
                  self._year_position_word, first_words(self.year_position_words)))
        # "the first half of 2024", "in der ersten Jahreshälfte 2024".
        self.halves: dict[str, int] = {re.sub(r"\s+", " ", k): n for k, n in v.get("halves", {}).items()}
        P.append((rf"(?<![\w\-])(?P<h>{_alt(self.halves)})(?:\s+(?:{my_link}|{dm_link}))?\s+{year}",
                  self._half, first_words(self.halves, then=ANY)))
        # Fixed-date holidays ("Heiligabend", "New Year's Day"), with or without their year.
        self.holidays: dict[str, str] = {re.sub(r"\s+", " ", k): d for k, d in v.get("holidays", {}).items()}
        P.append((rf"(?<![\w\-])(?P<hol>{_alt(self.holidays)})(?:\s+{year})?(?![\w\-])", self._holiday,
                  first_words(self.holidays)))
        # Calendar weeks ("KW 42", "42. Kalenderwoche 2025", "calendar week 42").
        weeks = v.get("calendar_weeks", {})
        before_w, after_w = _alt(weeks.get("before", [])), _alt(weeks.get("after", []))
        P.append((rf"(?<![\w\-])(?:(?:{before_w})\s*(?P<w1>[1-5]?\d)|(?P<w2>[1-5]?\d)\.?\s+(?:{after_w}))"
                  rf"(?:\s+{year})?(?![\w\-])", self._calendar_week,
                  first_words(weeks.get("before", []), glued=True) | digits(1, 2, after=". ")))
        self._number_before = re.compile(rf"(?<![\w\-])(?:{_alt(ctx.get('number_before', []))})\s*$")
        self._number_after = re.compile(rf"^\s*(?:{_alt(ctx.get('number_after', []))})(?!\w)")
        self._add_forms(v, P, {"lead": lead, "month": month, "weekday": weekday, "day_suffix": day_suffix})
        self._patterns = [(re.compile(p), handler) for p, handler, _ in P]
        self._starts_of = [starts for _, _, starts in P]
        self._index: StartIndex | None = None

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
    def _starts(self) -> StartIndex:
        """Where each pattern can start; built on first use (it costs some cold start)."""
        if self._index is None:
            self._index = StartIndex(self._starts_of)
        return self._index

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

    def find(self, text: str, prefilter: bool = True) -> list[Candidate]:
        """Every candidate date in ``text``, possibly overlapping, in no particular order.

        ``prefilter`` tries each pattern only where a word of the text can begin it (see
        :mod:`.starts`); ``False`` runs every pattern over the whole text, which gives the same
        candidates several times slower (the tests pin the two against each other).
        """
        patterns = self._patterns
        found: list[Candidate] = []
        add = found.append
        with_position = self._with_position
        active = self._starts.active(text) if prefilter else [(i, None) for i in range(len(patterns))]
        for i, starts in active:  # the patterns some word of the text can begin
            pattern, handler = patterns[i]
            # ``finditer`` at the given starts, inline: one generator per pattern and document costs
            # more than the few tries it makes.
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
