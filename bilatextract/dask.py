"""Extraction over corpora too large for one process, with Dask (``pip install '.[dask]'`` in a checkout).

The helpers map whole partitions, so each worker process builds its spaCy pipelines once
(on its first partition, cached for the life of the process) and streams every document
of a partition through ``nlp.pipe``. Results equal those of a single process.

>>> import dask.bag as db
>>> from bilatextract.dask import extract_bag, extract_dataframe
>>> bag = db.from_sequence([{"id": "a", "text": "...", "published": "2025-03-12"}], npartitions=8)  # doctest: +SKIP
>>> docs = extract_bag(bag).compute()            # doctest: +SKIP  (a list of Documents)
>>> rows = extract_dataframe(ddf).compute()      # doctest: +SKIP  (one row per entity)

Run them on a ``distributed`` cluster by creating a ``Client`` first, as usual with Dask.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._optional import require
from .extractor import Extractor, InputItem, OnError
from .types import Document

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

_extractors: dict[tuple[str, ...] | None, Extractor] = {}


def worker_extractor(languages: tuple[str, ...] | None = None) -> Extractor:
    """The extractor of this process, created on first use; its pipelines are built once per process."""
    if languages not in _extractors:
        _extractors[languages] = Extractor(languages=languages)
    return _extractors[languages]


def extract_partition(
    items: Iterable[InputItem],
    *,
    as_dict: bool = False,
    batch_size: int = 64,
    reference_date: dt.date | str | None = None,
    lang: str | None = None,
    on_error: OnError = "return",
) -> list[Document] | list[dict[str, Any]]:
    """Extract from one partition's items (texts or mappings, as :meth:`Extractor.pipe` takes them)."""
    docs = worker_extractor().pipe(items, batch_size=batch_size, reference_date=reference_date,
                                   lang=lang, on_error=on_error)
    return [d.to_dict() for d in docs] if as_dict else list(docs)


def extract_bag(
    bag: dask.bag.Bag,
    *,
    as_dict: bool = False,
    batch_size: int = 64,
    reference_date: dt.date | str | None = None,
    lang: str | None = None,
    on_error: OnError = "return",
) -> dask.bag.Bag:
    """A bag of :class:`Document` results (or their JSON dicts with ``as_dict=True``), in input order.

    ``bag`` holds texts or mappings with ``text`` and optionally ``id``, ``published`` (or
    ``reference_date``) and ``lang``. With ``on_error="return"`` (the default here) a
    document that cannot be processed comes back with ``error`` set instead of failing
    the whole computation. To write JSONL: ``extract_bag(bag, as_dict=True).map(json.dumps)``.
    """
    require("dask.bag", "dask", "bilatextract.dask.extract_bag")
    return bag.map_partitions(extract_partition, as_dict=as_dict, batch_size=batch_size,
                              reference_date=reference_date, lang=lang, on_error=on_error)


def _frame_partition(
    part: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    reference_date_column: str | None,
    lang_column: str | None,
    batch_size: int,
) -> pd.DataFrame:
    from .frame import to_frame

    ids = part[id_column] if id_column else part.index
    items = []
    for position, (doc_id, text) in enumerate(zip(ids, part[text_column], strict=True)):
        item: dict[str, Any] = {"id": str(doc_id), "text": text}
        if reference_date_column:
            item["reference_date"] = part[reference_date_column].iloc[position]
        if lang_column:
            item["lang"] = part[lang_column].iloc[position]
        items.append({k: v for k, v in item.items() if not _missing(v)})
    docs = worker_extractor().pipe(items, batch_size=batch_size, on_error="return")
    return to_frame(docs)


def _missing(value: object) -> bool:
    import pandas as pd

    # NaN and NaT are what pandas puts in an empty cell (NaT is a datetime, so test it first).
    return value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def extract_dataframe(
    frame: dask.dataframe.DataFrame,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    reference_date_column: str | None = "published",
    lang_column: str | None = None,
    batch_size: int = 64,
) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of entities, one row per entity, with the columns of :func:`bilatextract.frame.to_frame`.

    Each row of ``frame`` is a document: its text in ``text_column``, its id in
    ``id_column`` (the index where None or absent), its reference date in
    ``reference_date_column`` and a forced language in ``lang_column`` (each used only
    where the column exists).
    """
    require("dask.dataframe", "dask", "bilatextract.dask.extract_dataframe")
    from .frame import to_frame

    columns = set(frame.columns)
    if text_column not in columns:
        raise KeyError(f"no text column {text_column!r} in the DataFrame (columns: {sorted(columns)})")
    meta = to_frame([])
    return frame.map_partitions(
        _frame_partition,
        text_column,
        id_column if id_column in columns else None,
        reference_date_column if reference_date_column in columns else None,
        lang_column if lang_column in columns else None,
        batch_size,
        meta=meta,
        enforce_metadata=False,
    )
