"""Results as pandas DataFrames: one row per entity, fixed columns, values from the typed entities."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from conftest import subprocess_env
from texts import ITEMS

import bilatextract
from bilatextract.frame import COLUMNS, to_frame
from bilatextract.types import Agreement, DateMention, Document, Minister, Ministry

TEXT = "Am 14. Oktober 2025 traf Außenminister Heiko Maas im Auswärtigen Amt das WPA-Team."


def composed() -> Document:
    entities = (
        DateMention("14. Oktober 2025", 3, 19, value="2025-10-14", granularity="day"),
        Minister("Außenminister Heiko Maas", 25, 49, family_name="Maas", given_name="Heiko", country="DE",
                 portfolio="foreign", ministry="DE-AA"),
        Ministry("Auswärtigen Amt", 53, 68, country="DE", portfolio="foreign", ministry="DE-AA"),
        Agreement("WPA", 73, 76, name=None, abbreviation="WPA"),
    )
    return Document(text=TEXT, language="de", supported=True, entities=entities, id="doc-7")


def test_one_row_per_entity_with_its_attributes() -> None:
    doc = composed()
    for e in doc.entities:
        assert TEXT[e.start:e.end] == e.text
    frame = doc.to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["type"]) == ["DATE", "MINISTER", "MINISTRY", "AGREEMENT"]
    assert list(frame["doc_id"]) == ["doc-7"] * 4
    assert list(frame["language"]) == ["de"] * 4
    assert list(frame["start"]) == [3, 25, 53, 73] and frame["start"].dtype == "int64"
    assert list(frame["end"]) == [19, 49, 68, 76]
    minister = frame.iloc[1]
    assert (minister["family_name"], minister["given_name"], minister["country"], minister["portfolio"],
            minister["ministry"]) == ("Maas", "Heiko", "DE", "foreign", "DE-AA")
    assert pd.isna(minister["value"]) and pd.isna(minister["abbreviation"])
    date = frame.iloc[0]
    assert (date["value"], date["granularity"]) == ("2025-10-14", "day")
    assert pd.isna(date["country"]) and pd.isna(date["ministry"])
    assert frame.iloc[2]["ministry"] == "DE-AA"
    assert frame.iloc[3]["abbreviation"] == "WPA" and pd.isna(frame.iloc[3]["name"])


def test_many_documents_give_the_rows_of_all_their_entities() -> None:
    docs = list(bilatextract.Extractor().pipe(ITEMS))
    frame = to_frame(docs)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == sum(len(d.entities) for d in docs)
    by_id = {d.id: d for d in docs}
    for row in frame.itertuples(index=False):
        doc = by_id[row.doc_id]
        assert doc.text[row.start:row.end] == row.text
        assert row.language == doc.language
    for doc in docs:
        rows = frame[frame["doc_id"] == doc.id]
        assert list(zip(rows["type"], rows["start"], rows["end"], strict=True)) == [
            (e.type, e.start, e.end) for e in doc.entities
        ]
    # A generator works as well as a list, and frames of several runs concatenate.
    again = to_frame(d for d in docs)
    pd.testing.assert_frame_equal(again, frame)
    assert len(pd.concat([frame, to_frame([])])) == len(frame)


def test_documents_without_ids_are_numbered_by_position_and_empty_results_keep_the_columns() -> None:
    docs = [bilatextract.extract(t, lang="de") for t in ("Kein Eintrag hier.", TEXT)]
    frame = to_frame(docs)
    assert set(frame["doc_id"]) <= {"0", "1"}
    empty = to_frame([])
    assert list(empty.columns) == list(COLUMNS) and len(empty) == 0
    with pytest.raises(TypeError, match="Document"):
        to_frame(["not a document"])


def test_a_clear_error_when_pandas_is_missing() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"  # makes `import pandas` fail as if not installed
        "import bilatextract\n"
        "doc = bilatextract.Document(text='Heute.', language='de', supported=True)\n"
        "try:\n    doc.to_frame()\n"
        "except ImportError as e:\n    print(type(e).__name__, e)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(),
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("MissingDependencyError")
    assert "pip install '.[pandas]'" in run.stdout


def test_missing_values_are_pandas_missing_values_throughout() -> None:
    frame = composed().to_frame()
    for column in frame.columns:
        values = frame[column].tolist()
        assert not any(v is None or (isinstance(v, float) and v != v) for v in values), column
    assert frame["ministry"].isna().tolist() == [True, False, False, True]
    assert frame.iloc[3]["name"] is pd.NA
    # The same dtypes whatever the rows, so frames concatenate without changing type.
    assert dict(to_frame([]).dtypes) == dict(frame.dtypes)
    assert frame["country"].dtype == "string"
