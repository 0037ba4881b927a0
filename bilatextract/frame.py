"""Results as pandas DataFrames, one row per entity (needs ``pip install 'bilatextract[pandas]'``).

>>> import bilatextract
>>> from bilatextract.frame import to_frame
>>> docs = bilatextract.Extractor().pipe([{"id": "a", "text": "..."}])  # doctest: +SKIP
>>> to_frame(docs)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._optional import require
from .types import ENTITY_TYPES, Document, Entity, KnownMinistry

if TYPE_CHECKING:
    import pandas as pd

#: Columns that every row has: the document, the entity type, its text and offsets.
BASE_COLUMNS = ("doc_id", "language", "type", "text", "start", "end")


def _attribute_columns() -> tuple[str, ...]:
    """The normalised attributes of all entity types, in a fixed order (``ministry`` -> ``ministry_id``)."""
    seen: dict[str, None] = {}
    for cls in ENTITY_TYPES.values():
        for f in dataclasses.fields(cls):
            if f.name in ("text", "start", "end"):
                continue
            seen["ministry_id" if f.name == "ministry" else f.name] = None
    return tuple(seen)


#: The attribute columns; an attribute a type does not have is None in its rows.
ATTRIBUTE_COLUMNS = _attribute_columns()
COLUMNS = BASE_COLUMNS + ATTRIBUTE_COLUMNS


def entity_row(entity: Entity, doc_id: str | None, language: str | None) -> dict[str, Any]:
    """One row: the entity's document, type, text, offsets and attributes (missing ones None)."""
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(doc_id=doc_id, language=language, type=entity.type)
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        if isinstance(value, KnownMinistry) or f.name == "ministry":
            row["ministry_id"] = value.id if value is not None else None
        else:
            row[f.name] = value
    return row


def to_frame(documents: Document | Iterable[Document]) -> pd.DataFrame:
    """A DataFrame with one row per entity of ``documents`` (one Document or many).

    Columns: ``doc_id`` (the document's ``id``; its position in ``documents`` as a string
    where it has none), ``language``, ``type`` (MINISTRY, MINISTER, DATE, AGREEMENT),
    ``text``, ``start``, ``end`` (character offsets into the document's text), then the
    normalised attributes ``country``, ``portfolio``, ``ministry_id``, ``id`` (a ministry's or an
    agreement's identity), ``family_name``, ``given_name``, ``value``, ``granularity``, ``name``,
    ``abbreviation``, ``canonical``, ``parties`` (None where the
    type has no such attribute or it is unknown). The columns are the same for an empty
    result, so frames of several runs concatenate cleanly.
    """
    pd = require("pandas", "pandas", "bilatextract.frame.to_frame")
    if isinstance(documents, Document):
        documents = [documents]
    rows = []
    for position, doc in enumerate(documents):
        if not isinstance(doc, Document):
            raise TypeError(f"to_frame expects bilatextract Document objects, not {type(doc).__name__}")
        doc_id = doc.id if doc.id is not None else str(position)
        rows.extend(entity_row(e, doc_id, doc.language) for e in doc.entities)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"start": "int64", "end": "int64"})
