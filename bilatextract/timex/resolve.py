"""Phase two of the normalisation: anchoring what the text says to the reference date.

The attributes come from :mod:`bilatextract.timex.grammar` (via the DATE component):

- ``value``: a TIMEX3 value, possibly underspecified (``XXXX-10-14``, ``XXXX-07``,
  ``XXXX-SU``, ``XXXX-Q3``, ``XXXX-WXX-5`` for a weekday) or None for a relative date;
- ``relative``: ``{"unit": "day"|"week"|"month"|"year"|"same_day"|"same_year", "offset": n}``
  (``anchor``: the attributes of the previous date mention, for "the same day", "the following year");
- ``direction``: ``this``/``next``/``last`` from a modifier ("last November");
- ``year_offset``: the year relative to the reference year ("Juli dieses Jahres");
- ``tense``: ``past``/``future`` from the sentence, for a date without a year or a weekday;
- ``context_year``: the year the text named last before a date without one, used only when
  there is no reference date.

Nothing here reads the clock: without a reference date a relative value is None.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEASONS = ("SP", "SU", "FA", "WI")
#: The first month of each season; winter starts in December of its year.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Within this many days of the reference date the nearest reading wins over the tense (a release
#: dated the day after the event it reports in the present tense).
_NEAR_DAYS = 2


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def _month_end(year: int, month: int) -> dt.date:
    y, m = add_months(year, month, 1)
    return dt.date(y, m, 1) - dt.timedelta(days=1)


@functools.lru_cache(maxsize=20_000)
def period(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a fully specified value (day, month, season, quarter, year)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _month_end(y, mo)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            y, first = int(m[1]), _SEASON_START[m[2]]
            ly, lm = add_months(y, first, 2)
            return dt.date(y, first, 1), _month_end(ly, lm)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None
    return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month (``n`` = -1: the last one)."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def _season_year(day: dt.date) -> int:
    """The year a day's season is filed under (January's winter began the December before)."""
    return day.year - 1 if day.month < 3 else day.year


def _distance(period: tuple[dt.date, dt.date], ref: dt.date) -> int:
    first, last = period
    if first <= ref <= last:
        return 0
    return (first - ref).days if first > ref else (ref - last).days


def _fill_year(value: str, attrs: dict[str, Any], ref: dt.date) -> str | None:
    """An ``XXXX-...`` value with its year chosen from the offset, the direction or the tense."""
    rest = value[4:]
    base_year = _season_year(ref) if rest[1:] in SEASONS else ref.year
    if "year_offset" in attrs:
        return f"{ref.year + int(attrs['year_offset']):04d}{rest}"
    options = []
    for year in range(base_year - 2, base_year + 3):
        candidate = f"{year:04d}{rest}"
        bounds = period(candidate)
        if bounds is not None:
            options.append((candidate, bounds))
    if not options:
        return None
    direction = attrs.get("direction")
    if direction == "this":
        return f"{base_year:04d}{rest}"
    if direction == "last":
        past = [(c, p) for c, p in options if p[1] < ref and not p[0] <= ref <= p[1]]
        return max(past, key=lambda cp: cp[1][0])[0] if past else None
    if direction == "next":
        future = [(c, p) for c, p in options if p[0] > ref]
        return min(future, key=lambda cp: cp[1][0])[0] if future else None
    nearest = min(options, key=lambda cp: (_distance(cp[1], ref), cp[1][0] > ref))
    tense = attrs.get("tense")
    if _distance(nearest[1], ref) <= _NEAR_DAYS or tense not in ("past", "future"):
        return nearest[0]
    if tense == "past":
        past = [(c, p) for c, p in options if p[0] <= ref]
        return max(past, key=lambda cp: cp[1][0])[0]
    future = [(c, p) for c, p in options if p[1] >= ref]
    return min(future, key=lambda cp: cp[1][0])[0]


def _weekday(weekday: int, attrs: dict[str, Any], ref: dt.date) -> str:
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    direction = attrs.get("direction")
    if direction == "last":
        days = -(back or 7)
    elif direction == "next":
        days = ahead or 7
    elif direction == "this":
        days = weekday - ref.isoweekday()
    elif attrs.get("tense") == "past":
        days = -back
    elif attrs.get("tense") == "future":
        days = ahead
    else:
        days = -back if back <= ahead else ahead
    return (ref + dt.timedelta(days=days)).isoformat()


def _relative(rel: dict[str, Any], ref: dt.date) -> str | None:
    unit, offset = rel.get("unit"), int(rel.get("offset", 0))
    if unit == "day":
        return (ref + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        year, week, _ = (ref + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "weekend":
        # The weekend's week; said in the past tense on a weekday, the weekend before.
        if offset == 0 and rel.get("tense") == "past" and ref.isoweekday() < 6:
            offset = -1
        year, week, _ = (ref + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        y, m = add_months(ref.year, ref.month, offset)
        return f"{y:04d}-{m:02d}"
    if unit == "year":
        return f"{ref.year + offset:04d}"
    if unit == "same_year":
        anchor = rel.get("anchor")
        base = resolve(anchor, ref) if anchor else None
        year = int(base[:4]) if base and base[:4].isdigit() else ref.year
        return f"{year + offset:04d}"
    if unit == "same_day":
        anchor = rel.get("anchor")
        base = resolve(anchor, ref) if anchor else ref.isoformat()
        if base is None or not _FULL_DAY.match(base):
            base = ref.isoformat()
        return (dt.date.fromisoformat(base) + dt.timedelta(days=offset)).isoformat()
    return None


def resolve(attrs: dict[str, Any], reference: dt.date | None) -> str | None:
    """The TIMEX3 value of a date mention, anchored to ``reference`` where it needs one."""
    value = attrs.get("value")
    relative = attrs.get("relative")
    if relative is None and value is not None and "X" not in value:
        return value
    if reference is None:
        # No anchor: a date without its year may still take the year the text last named.
        if relative is None and value and value.startswith("XXXX-") and "W" not in value and attrs.get("context_year"):
            filled = f"{int(attrs['context_year']):04d}{value[4:]}"
            return filled if period(filled) is not None else None
        return None
    if relative is not None:
        if relative.get("unit") == "weekend" and "tense" in attrs:
            relative = {**relative, "tense": attrs["tense"]}
        return _relative(relative, reference)
    if value is None:
        return None
    if m := re.fullmatch(r"XXXX-WXX-([1-7])", value):
        return _weekday(int(m[1]), attrs, reference)
    if value.startswith("XXXX"):
        return _fill_year(value, attrs, reference)
    return None


#: The header a dateline is looked for in: the first lines, as far as this many characters.
_HEADER_LINES = 12
_HEADER_CHARS = 1500


def find_dateline(text: str, dates: list[tuple[int, int, dict[str, Any]]]) -> dt.date | None:
    """The date a document prints in its header lines, from its DATE mentions (start, end, attrs).

    A full date (day, month and year) counts if it starts one of the first lines of the
    document after at most a place, a weekday or a label ("2021/4/13", "Berlin, 14. Oktober
    2025", "Published: 3 March 2024", "25.06.2012 - Press release"), or stands in a short title
    line; and if no lower-case word of a sentence follows it on its line. A date in a body sentence
    ("Am 15. Mai 1955 wurde ...") is never the dateline.
    """
    # Most mentions are not full dates: check them before reading the lines.
    full_days = [(start, end, attrs) for start, end, attrs in dates
                 if not attrs.get("relative") and _FULL_DAY.match(attrs.get("value") or "")]
    if not full_days:
        return None
    header_end = 0
    lines_seen = 0
    line_starts = []
    for m in re.finditer(r"[^\n]*\n?", text):
        if m.group().strip():
            lines_seen += 1
            line_starts.append((m.start() + len(m.group()) - len(m.group().lstrip()), lines_seen))
        header_end = m.end()
        if lines_seen >= _HEADER_LINES or header_end > _HEADER_CHARS:
            break
    for start, end, attrs in sorted(full_days, key=lambda d: d[0]):
        if start >= header_end:
            break
        value = attrs["value"]
        line_start, number = max(((s, n) for s, n in line_starts if s <= start), default=(0, 1))
        lead = text[line_start:start]
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end]
        # A dateline's date ends its line or is followed by punctuation, a time or a title ("(dpa) –",
        # " - Press release", "08:27", " Pressemitteilung"), never by the lower-case words of a
        # sentence going on ("1955 wurde ...", "1955 the treaty ...").
        if (word := _NEXT_WORD.match(rest)) and word.group(1).islower():
            continue
        # A place, a weekday or a label may come first ("Berlin, den 14.10.2025", "Published 3 March
        # 2024", "Date:2022-11-07"); a short title line may hold the date anywhere.
        words = len(re.findall(r"\w+", lead))
        if words <= 2 or lead.rstrip().endswith(":") or (number == 1 and words + len(re.findall(r"\w+", rest)) <= 12):
            return dt.date.fromisoformat(value)
    return None


#: The first letter of the word right after a date on its line.
_NEXT_WORD = re.compile(r"[^\S\n]*([^\W\d_])")
