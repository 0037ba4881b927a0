"""Story time: the values of a document's dates, resolved in text order (HeidelTime's strategies).

Beside the reference (publication) date a document has the date its text has reached: the
last date it mentioned with a year. Dates that point at that date ("am folgenden Tag",
"zwei Tage später", "Oktober desselben Jahres", "the same day") are resolved against it in
every document. Other underspecified dates depend on the document's type:

- **news**: a date without a year ("am 14. Oktober"), a weekday, and deictic words ("heute",
  "next year", "vergangene Woche") are anchored to the reference date, a yearless date taking
  the nearest occurrence in the direction its clause's tense or intent gives. Where the same
  sentence has just named a date far from the reference date, a yearless date takes that
  date's year instead: there the story is the nearer anchor ("Der Pakt wurde am 18. März 2016
  beschlossen und trat am 20. März in Kraft"). Without a reference date deictic words stay
  ``None`` and a day or month without its year takes the year the text last named.
- **narrative**: they are resolved against the date the story has reached ("17. September"
  after a paragraph about 1939 is 1939-09-17, "im nächsten Jahr" the year after it); only the
  words for today ("heute", "today") stay with the reference date.

:func:`decide_mode` gives the type when the caller does not: a document is a narrative when it
names at least :data:`MIN_EXPLICIT` dates with a year and, with a reference date, more than half
of them lie over a year before it and it names no weekday alone ("am Montag" points at the week
of publication: a news report about old events); without one, those dates alone make it a
narrative.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, Literal

from .resolve import add_months, nth_weekday, period, resolve

Mode = Literal["news", "narrative"]
MODES: tuple[str, ...] = ("news", "narrative")
#: Explicit dates a text must name to be read as a narrative.
MIN_EXPLICIT = 3
#: A story date at least this many days from the reference date is "far" from it.
_FAR_DAYS = 183
_FULL = re.compile(r"^\d{4}(-\d{2}){0,2}$|^\d{4}-(SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})$")


def _explicit(attrs: dict[str, Any]) -> bool:
    value = attrs.get("value") or ""
    return attrs.get("relative") is None and "story_year_offset" not in attrs and bool(_FULL.match(value))


def decide_mode(dates: Sequence[dict[str, Any]], reference: dt.date | None) -> Mode:
    """The document type from its dates' attributes (see the module's documentation)."""
    years = [int(a["value"][:4]) for a in dates if _explicit(a)]
    if len(years) < MIN_EXPLICIT:
        return "news"
    if reference is None:
        return "narrative"
    if any(_bare_weekday(a) for a in dates):
        return "news"  # "am Montag" alone points at the week of publication: news, however old its topic
    far = sum(1 for y in years if y < reference.year - 1)
    return "narrative" if 2 * far > len(years) else "news"


def _bare_weekday(attrs: dict[str, Any]) -> bool:
    """A weekday named alone ("am Montag", "on Thursday"), not attached to a date or anchored."""
    return str(attrs.get("value") or "").startswith("XXXX-WXX-") and not attrs.get("relative")


class _Story:
    """The date the text has reached: its value, its first day and where it ends in the text."""

    __slots__ = ("value", "day", "end")

    def __init__(self, value: str, end: int) -> None:
        self.value = value
        bounds = period(value)
        self.day = bounds[0] if bounds else None
        self.end = end

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def granularity(self) -> str:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.value):
            return "day"
        if re.fullmatch(r"\d{4}-\d{2}", self.value):
            return "month"
        return "year"


def resolve_all(
    dates: Sequence[tuple[int, int, dict[str, Any]]],
    reference: dt.date | None,
    mode: Mode,
    text: str = "",
) -> list[str | None]:
    """The values of ``dates`` (start, end, attributes), in the order given (text order)."""
    story: _Story | None = None
    day: _Story | None = None  # the last day the text reached, for "the same day"
    out: list[str | None] = []
    for start, end, attrs in dates:
        rel = attrs.get("relative") or {}
        value = _one(attrs, reference, mode, day if rel.get("unit") in _DAY_UNITS else story, text, start)
        if value and "nth_weekday" in attrs and re.fullmatch(r"\d{4}-\d{2}", value):
            month, weekday, n = attrs["nth_weekday"]
            value = nth_weekday(int(value[:4]), month, weekday, n).isoformat()  # "Thanksgiving Day"
        out.append(value)
        if value and value[:4].isdigit() and period(value) is not None:
            story = _Story(value, end)
            if story.granularity == "day":
                day = story
    return out


#: The anaphoric units that count from the last day the text reached.
_DAY_UNITS = ("same_day", "day")


def _one(attrs: dict[str, Any], ref: dt.date | None, mode: Mode, story: _Story | None, text: str,
         start: int) -> str | None:
    value = attrs.get("value")
    rel = attrs.get("relative")
    if rel is None and value is not None and "X" not in value:
        return value
    if "story_year_offset" in attrs:  # "Oktober desselben Jahres"
        year = story.year if story else (ref.year if ref and mode == "news" else None)
        return _with_year(value, None if year is None else year + int(attrs["story_year_offset"]))
    if rel is not None and rel.get("unit") in ("same_day", "same_year") or (rel or {}).get("anchored"):
        return _anaphoric(rel, ref, mode, story)
    if mode == "narrative":
        if rel is not None and rel.get("unit") == "day" and int(rel.get("offset", 0)) == 0:
            return resolve(attrs, ref)  # "heute", "today": the reference date's day
        if story is None:
            return None
        if rel is None and value and value.startswith("XXXX-") and "W" not in value and "direction" not in attrs:
            return _with_year(value, story.year + int(attrs.get("year_offset", 0)))
        return resolve(_without_tense(attrs), story.day)
    calendar = (story is not None and rel is None and value is not None and re.match(r"XXXX-\d{2}", value)
                and "direction" not in attrs and "year_offset" not in attrs)
    if ref is None:
        # No anchor for deictic words; a day or month without its year takes the year the text named.
        return _with_year(value, story.year) if calendar and story is not None else None
    if (calendar and story is not None and story.granularity == "day" and re.match(r"XXXX-\d{2}-\d{2}$", value)
            and _near_in_text(text, story.end, start)
            and story.day is not None and abs((story.day - ref).days) >= _FAR_DAYS):
        return _with_year(value, story.year)
    return resolve(attrs, ref)


def _anaphoric(rel: dict[str, Any], ref: dt.date | None, mode: Mode, story: _Story | None) -> str | None:
    """A date relative to the one the text has reached; in news the reference date stands in."""
    unit, offset = rel.get("unit"), int(rel.get("offset", 0))
    if story is None or (mode == "news" and story.granularity != "day" and unit in _DAY_UNITS):
        if ref is None or mode == "narrative":
            return None
        base_value, base_day, gran = ref.isoformat(), ref, "day"
    else:
        base_value, base_day, gran = story.value, story.day, story.granularity
    if base_day is None:
        return None
    if unit == "same_year" or unit == "year":
        return f"{int(base_value[:4]) + offset:04d}"
    if unit in ("same_day", "day"):
        if gran != "day":
            return None
        return (base_day + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        if gran != "day":
            return None
        year, week, _ = (base_day + dt.timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        if gran == "year":
            return None
        y, m = add_months(base_day.year, base_day.month, offset)
        return f"{y:04d}-{m:02d}"
    return None


def _with_year(value: str | None, year: int | None) -> str | None:
    if value is None or year is None or not value.startswith("XXXX"):
        return None
    filled = f"{year:04d}{value[4:]}"
    return filled if period(filled) is not None else None


def _without_tense(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "tense"}


def _near_in_text(text: str, story_end: int, start: int) -> bool:
    """Whether a date follows the story date in the same sentence."""
    return bool(text) and _SENTENCE_END.search(text, story_end, start) is None


_SENTENCE_END = re.compile(r"[.!?;]\s+\S|\n")
