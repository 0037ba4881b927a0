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
)

#: A found mention before typing: (label, start, end, attributes), offsets into the whole text.
RawMention = tuple[str, int, int, dict[str, Any]]

_SPAN_FIELDS = {"text", "start", "end"}


def raw_mentions(doc: Doc, offset: int = 0) -> list[RawMention]:
    """The mentions a pipeline wrote into ``doc``, shifted by ``offset`` into the whole text."""
    return [(label, start + offset, end + offset, attrs) for label, start, end, attrs in written_mentions(doc)]


def reference_for(
    text: str, mentions: Iterable[RawMention], given: dt.date | None, mode: str | None = None
) -> ReferenceDate:
    """The anchor for relative dates: the caller's date, else the document's dateline; with
    the document's type (``mode``: given, else decided from its dates, see :mod:`bilatextract.timex.story`)."""
    dates = sorted((s, e, a) for label, s, e, a in mentions if label == "DATE")
    if given is not None:
        date, source = given, "argument"
    else:
        date = timex.find_dateline(text, dates)
        source = "dateline" if date is not None else "none"
    decided = mode if mode is not None else timex.decide_mode([a for _s, _e, a in dates], date)
    return ReferenceDate(date, source, decided)  # type: ignore[arg-type]


def date_values(text: str, mentions: list[RawMention], reference: ReferenceDate) -> dict[int, str | None]:
    """The value of each DATE mention, by its index in ``mentions``, resolved in text order
    against the reference date or the date the story has reached (story time)."""
    order = sorted((s, e, i) for i, (label, s, e, _a) in enumerate(mentions) if label == "DATE")
    dates = [(s, e, mentions[i][3]) for s, e, i in order]
    values = timex.resolve_all(dates, reference.date, reference.mode or "news", text)
    return {i: v for (_s, _e, i), v in zip(order, values, strict=True)}


@functools.cache
def _attribute_names(cls: type) -> frozenset[str]:
    """The fields of an entity type that come from the attributes (not text and offsets)."""
    return frozenset(f.name for f in dataclasses.fields(cls)) - _SPAN_FIELDS


_UNSET: Any = object()


def to_entity(text: str, mention: RawMention, reference: dt.date | None, value: Any = _UNSET) -> Entity:
    """The typed entity of one raw mention (a DATE's ``value`` where resolved in context)."""
    label, start, end, attrs = mention
    cls = ENTITY_TYPES[label]
    names = _attribute_names(cls)
    kwargs = {k: attrs[k] for k in names if k in attrs}
    if "ministry" in names:
        known = ministry_by_id(attrs["ministry"]) if attrs.get("ministry") else None
        if known is None and label == "MINISTER":
            known = find_ministry(attrs.get("country"), attrs.get("portfolio"))
        kwargs["ministry"] = known.id if known is not None else None
    if cls is DateMention:
        kwargs["value"] = timex.resolve(attrs, reference) if value is _UNSET else value
    return cls(text[start:end], start, end, **kwargs)


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
    reference = reference_for(seen, mentions, reference_date, mode)
    values = date_values(seen, mentions, reference)
    if view is not None and not view.identity:
        mentions = [(label, *view.span(start, end), attrs) for label, start, end, attrs in mentions]
        segments = tuple(Segment(s.lang, *view.span(s.start, s.end)) for s in segments)
    entities = tuple(
        sorted(
            (to_entity(text, m, reference.date, values.get(i, _UNSET)) for i, m in enumerate(mentions)),
            key=lambda e: (e.start, e.end, e.type),
        )
    )
    return Document(
        text=text,
        language=language,
        supported=supported,
        reference_date=reference,
        entities=entities,
        segments=segments,
        id=doc_id,
    )
