"""From the spans the components wrote to the typed result objects."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from . import timex
from .components.base import written_mentions
from .knowledge import find_ministry, ministry_by_id
from .text import View
from .types import (
    ENTITY_TYPES,
    DateMention,
    Document,
    Entity,
    ReferenceDate,
    Segment,
    field_maker,
)

#: A found mention before typing: (label, start, end, attributes), offsets into the whole text.
RawMention = tuple[str, int, int, dict[str, Any]]

_SPAN_FIELDS = {"text", "start", "end"}


def raw_mentions(doc: Doc, offset: int = 0) -> list[RawMention]:
    """The mentions a pipeline wrote into ``doc``, shifted by ``offset`` into the whole text."""
    mentions = written_mentions(doc)
    if not offset:
        return mentions
    return [(label, start + offset, end + offset, attrs) for label, start, end, attrs in mentions]


def reference_for(
    text: str, mentions: Iterable[RawMention], given: dt.date | None, mode: str | None = None
) -> ReferenceDate:
    """The anchor for relative dates: the caller's date, else the document's dateline; with
    the document's type (``mode``: given, else decided from its dates, see :mod:`bilatextract.timex.story`)."""
    return _reference(text, sorted((s, e, a) for label, s, e, a in mentions if label == "DATE"), given, mode)


def _reference(text: str, dates: list[tuple[int, int, dict[str, Any]]], given: dt.date | None,
               mode: str | None) -> ReferenceDate:
    """:func:`reference_for` of the DATE mentions ``dates`` ((start, end, attributes), in text order)."""
    if given is not None:
        date, source = given, "argument"
    else:
        date = timex.find_dateline(text, dates)
        source = "dateline" if date is not None else "none"
    decided = mode if mode is not None else timex.decide_mode([a for _s, _e, a in dates], date)
    return ReferenceDate(date, source, decided)  # type: ignore[arg-type]


def _date_order(mentions: list[RawMention]) -> list[tuple[int, int, int]]:
    """(start, end, index) of the DATE mentions, in text order."""
    return sorted((s, e, i) for i, (label, s, e, _a) in enumerate(mentions) if label == "DATE")


def date_values(text: str, mentions: list[RawMention], reference: ReferenceDate) -> dict[int, str | None]:
    """The value of each DATE mention, by its index in ``mentions``, resolved in text order
    against the reference date or the date the story has reached (story time)."""
    order = _date_order(mentions)
    return _values(text, order, [(s, e, mentions[i][3]) for s, e, i in order], reference)


def _values(text: str, order: list[tuple[int, int, int]], dates: list[tuple[int, int, dict[str, Any]]],
            reference: ReferenceDate) -> dict[int, str | None]:
    """:func:`date_values` of the DATE mentions at ``order`` ((start, end, index)), ``dates`` their
    (start, end, attributes)."""
    values = timex.resolve_all(dates, reference.date, reference.mode or "news", text)
    return {i: v for (_s, _e, i), v in zip(order, values, strict=True)}


class _Plan:
    """How the mentions of one label become entities: the attribute fields in field order (read
    from the attributes, None where absent: every one defaults to None), where the ministry and
    the date value go, and the constructor."""

    __slots__ = ("order", "ministry", "value", "by_office", "make")

    def __init__(self, label: str) -> None:
        cls = ENTITY_TYPES[label]
        names = [f.name for f in dataclasses.fields(cls)]
        self.order = tuple(n for n in names if n not in _SPAN_FIELDS)
        self.ministry = names.index("ministry") if "ministry" in names else None
        self.value = names.index("value") if cls is DateMention else None
        self.by_office = label == "MINISTER"
        self.make = field_maker(cls)


@functools.cache
def _plan(label: str) -> _Plan:
    return _Plan(label)


_UNSET: Any = object()


def to_entity(text: str, mention: RawMention, reference: dt.date | None, value: Any = _UNSET,
              ministries: dict[Any, str | None] | None = None) -> Entity:
    """The typed entity of one raw mention (a DATE's ``value`` where resolved in context).

    ``ministries``, where given, keeps the ministry ids looked up for the mentions of one
    document (a document names the same ministry again and again)."""
    label, start, end, attrs = mention
    plan = _plan(label)
    values = [text[start:end], start, end, *map(attrs.get, plan.order)]
    if plan.ministry is not None:
        mid = attrs.get("ministry") or None
        office = (attrs.get("country"), attrs.get("portfolio")) if plan.by_office else None
        if ministries is None:
            values[plan.ministry] = _ministry_id(mid, office)
        else:
            key = (mid, office)
            try:
                values[plan.ministry] = ministries[key]
            except KeyError:
                values[plan.ministry] = ministries[key] = _ministry_id(mid, office)
            except TypeError:  # attributes that are no keys (a list): looked up as they are
                values[plan.ministry] = _ministry_id(mid, office)
    if plan.value is not None:
        values[plan.value] = timex.resolve(attrs, reference) if value is _UNSET else value
    return plan.make(values)  # type: ignore[no-any-return]


def _ministry_id(mid: Any, office: tuple[Any, Any] | None) -> str | None:
    """The knowledge-base id of the ministry ``mid`` (an id as written), else, for a minister,
    of the ministry of its (country, portfolio) ``office``; None where there is none."""
    known = ministry_by_id(mid) if mid else None
    if known is None and office is not None:
        known = find_ministry(*office)
    return known.id if known is not None else None


def _entity_order(entity: Entity) -> tuple[int, int, str]:
    return entity.start, entity.end, entity.type


def build_document(
    text: str,
    *,
    language: str | None,
    supported: bool,
    segments: tuple[Segment, ...],
    mentions: list[RawMention],
    reference_date: dt.date | None,
    doc_id: str | None = None,
    view: View | None = None,
    mode: str | None = None,
) -> Document:
    """The document of ``mentions`` found in ``view`` (offsets into ``view.text``, or into
    ``text`` where there is no view), with every offset mapped back into ``text``."""
    # The dateline and the story are read from the view, the text the mentions were found in.
    seen = text if view is None else view.text
    order = _date_order(mentions)  # the DATE mentions in text order, read twice
    dates = [(s, e, mentions[i][3]) for s, e, i in order]
    reference = _reference(seen, dates, reference_date, mode)
    values = _values(seen, order, dates, reference)
    if view is not None and not view.identity:
        mentions = [(label, *view.span(start, end), attrs) for label, start, end, attrs in mentions]
        segments = tuple(Segment(s.lang, *view.span(s.start, s.end)) for s in segments)
    date = reference.date
    value = values.get
    ministries: dict[Any, str | None] = {}
    typed = [to_entity(text, m, date, value(i, _UNSET), ministries) for i, m in enumerate(mentions)]
    typed.sort(key=_entity_order)
    entities = tuple(typed)
    return Document(
        text=text,
        language=language,
        supported=supported,
        reference_date=reference,
        entities=entities,
        segments=segments,
        id=doc_id,
    )
