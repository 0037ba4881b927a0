"""Results as pandas DataFrames, one row per entity (needs ``pip install '.[pandas]'`` in a checkout).

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
from .types import ENTITY_TYPES, Document, Entity

if TYPE_CHECKING:
    import pandas as pd

#: Columns that every row has: the document, the entity type, its text and offsets.
BASE_COLUMNS = ("doc_id", "language", "type", "text", "start", "end")


def _attribute_columns() -> tuple[str, ...]:
    """The normalised attributes of all entity types, in a fixed order, named as their fields."""
    seen: dict[str, None] = {}
    for cls in ENTITY_TYPES.values():
        for f in dataclasses.fields(cls):
            if f.name not in ("text", "start", "end"):
                seen[f.name] = None
    return tuple(seen)


#: The attribute columns; an attribute a type does not have is missing (``pd.NA``) in its rows.
ATTRIBUTE_COLUMNS = _attribute_columns()
COLUMNS = BASE_COLUMNS + ATTRIBUTE_COLUMNS


def entity_row(entity: Entity, doc_id: str | None, language: str | None) -> dict[str, Any]:
    """One row: the entity's document, type, text, offsets and attributes (missing ones None)."""
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(doc_id=doc_id, language=language, type=entity.type)
    for f in dataclasses.fields(entity):
        row[f.name] = getattr(entity, f.name)
    return row


def _dtype(annotation: Any) -> str:
    """The nullable pandas dtype of an attribute, from its annotation, so that every missing
    value is ``pd.NA`` and frames of several runs have the same dtypes."""
    text = str(annotation)
    if any(kind in text for kind in ("tuple", "list", "dict")):
        return "object"
    for kind, dtype in (("bool", "boolean"), ("int", "Int64"), ("float", "Float64"), ("str", "string")):
        if kind in text:
            return dtype
    return "object"


def _dtypes() -> dict[str, str]:
    dtypes = dict.fromkeys(COLUMNS, "string")
    for cls in ENTITY_TYPES.values():
        for f in dataclasses.fields(cls):
            if f.name not in ("text", "start", "end"):
                dtypes[f.name] = _dtype(f.type)
    dtypes.update(start="int64", end="int64")
    return dtypes


def to_frame(documents: Document | Iterable[Document]) -> pd.DataFrame:
    """A DataFrame with one row per entity of ``documents`` (one Document or many).

    Columns: ``doc_id`` (the document's ``id``; its position in ``documents`` as a string
    where it has none), ``language``, ``type`` (MINISTRY, MINISTER, DATE, AGREEMENT),
    ``text``, ``start``, ``end`` (character offsets into the document's text), then the
    normalised attributes under their field names (``country``, ``portfolio``, ``ministry``,
    ``id`` (a ministry's or an agreement's identity), ``person``, ``country_source``,
    ``family_name``, ``given_name``, ``value``, ``granularity``, ``name``, ``abbreviation``,
    ``canonical``, ``parties``, ...), the same names as in the JSON output and on the entities.
    Text columns have pandas' nullable ``string`` dtype: an attribute that is None on the
    entity (unknown, or not one of its type's) is ``pd.NA`` here, never a mix of None and
    NaN. The columns are the same for an empty result, so frames of several runs concatenate.
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
    columns = {name: [row[name] for row in rows] for name in COLUMNS}
    dtypes = _dtypes()
    frame = pd.DataFrame({name: pd.Series(values, dtype=dtypes[name]) for name, values in columns.items()},
                         columns=list(COLUMNS))
    for name, dtype in dtypes.items():
        if dtype == "object":
            frame[name] = frame[name].astype(object).where(frame[name].notna(), pd.NA)
    return frame
