"""Dask: extraction over bag and DataFrame partitions on a real two-process LocalCluster."""

from __future__ import annotations

import os

import pytest

dask_bag = pytest.importorskip("dask.bag", reason="the dask extra is not installed")
dask_dataframe = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import dask  # noqa: E402
import pandas as pd  # noqa: E402
from conftest import subprocess_env  # noqa: E402
from texts import ITEMS  # noqa: E402

import bilatextract  # noqa: E402
from bilatextract.dask import extract_bag, extract_dataframe  # noqa: E402
from bilatextract.frame import to_frame  # noqa: E402

#: Enough documents for every partition to hold several, in both languages.
CORPUS = [dict(item, id=f"{item['id']}-{i}") for i in range(4) for item in ITEMS]


def pipelines_built() -> dict[str, int]:
    """Run on a worker: how many pipelines its process built, and how often it asked for one."""
    from bilatextract import pipeline

    info = pipeline.get.cache_info()
    return {"built": info.misses, "requests": info.hits + info.misses}


@pytest.fixture(scope="module")
def client():
    # Worker processes must import the same bilatextract as the tests (the source tree or the installed one).
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = subprocess_env()["PYTHONPATH"]
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    try:
        with distributed.Client(cluster) as c:
            yield c
    finally:
        cluster.close()
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


@pytest.fixture(scope="module")
def single_process() -> list[bilatextract.Document]:
    return list(bilatextract.Extractor().pipe(CORPUS, on_error="return"))


def test_bag_on_two_workers_equals_single_process(client, single_process) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    bag = dask_bag.from_sequence(CORPUS, npartitions=6)
    docs, dicts = dask.compute(extract_bag(bag), extract_bag(bag, as_dict=True))
    assert docs == single_process
    assert dicts == [d.to_dict() for d in single_process]
    # Pipelines are built once per worker process (at most one per language), not per partition.
    stats = client.run(pipelines_built)
    assert len(stats) == 2
    assert all(s["built"] <= 2 for s in stats.values())
    assert sum(s["requests"] for s in stats.values()) >= 6
    assert sum(s["built"] for s in stats.values()) >= 2


def test_dataframe_partitions_give_the_single_process_entity_rows(client, single_process) -> None:
    pdf = pd.DataFrame(CORPUS)
    # Reference dates as pandas timestamps, with NaT where a document has none.
    pdf["published"] = pd.to_datetime(pdf["published"])
    assert pdf["published"].isna().any()
    ddf = dask_dataframe.from_pandas(pdf, npartitions=4)
    rows = extract_dataframe(ddf).compute().reset_index(drop=True)
    expected = to_frame(single_process)
    pd.testing.assert_frame_equal(rows, expected, check_dtype=False)


def test_dataframe_without_an_id_column_uses_the_index(client) -> None:
    pdf = pd.DataFrame({"text": [ITEMS[0]["text"], ITEMS[1]["text"]]}, index=[10, 11])
    rows = extract_dataframe(dask_dataframe.from_pandas(pdf, npartitions=2)).compute()
    assert set(rows["doc_id"]) <= {"10", "11"}
    with pytest.raises(KeyError, match="no text column"):
        extract_dataframe(dask_dataframe.from_pandas(pdf.rename(columns={"text": "body"}), npartitions=1))
