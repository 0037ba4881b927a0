"""The public API: extract(), Extractor, the typed results and their JSON form."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import bilatextract
from bilatextract import (
    Agreement,
    DateMention,
    Document,
    Extractor,
    Minister,
    Ministry,
    ReferenceDate,
    extract,
)

GERMAN = (
    "Pressemitteilung\n"
    "Am 3. Februar 2025 traf Bundesaußenministerin Annalena Baerbock in Berlin den "
    "japanischen Außenminister IWAYA Takeshi. Beide unterzeichneten ein Abkommen über "
    "den Schutz von Verschlusssachen. Vertreter des Bundesministeriums der Finanzen waren dabei."
)
ENGLISH = (
    "On February 3, 2025, Federal Minister for Foreign Affairs Annalena Baerbock met "
    "Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, in Berlin. "
    "Officials of the Federal Ministry of Finance attended the meeting."
)


def test_public_api_is_small_and_exported() -> None:
    for name in ("extract", "Extractor", "Document", "Ministry", "Minister", "DateMention",
                 "Agreement", "BilatextractError"):
        assert hasattr(bilatextract, name), name
    assert bilatextract.__version__


def test_result_types_are_frozen() -> None:
    doc = extract(GERMAN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.language = "en"  # type: ignore[misc]
    for entity in doc.entities:
        with pytest.raises(dataclasses.FrozenInstanceError):
            entity.start = 0  # type: ignore[misc]


@pytest.mark.parametrize("text", [GERMAN, ENGLISH])
def test_offsets_point_into_the_input(text: str) -> None:
    doc = extract(text)
    assert doc.supported
    assert doc.entities, "a text naming a minister, a ministry and a date yields entities"
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
    starts = [(e.start, e.end) for e in doc.entities]
    assert starts == sorted(starts)


def test_per_type_accessors_partition_the_entities() -> None:
    doc = extract(GERMAN)
    parts = doc.ministries + doc.ministers + doc.dates + doc.agreements
    assert sorted(parts, key=lambda e: (e.start, e.end, e.type)) == list(doc.entities)
    assert all(isinstance(e, Ministry) for e in doc.ministries)
    assert all(isinstance(e, Minister) for e in doc.ministers)
    assert all(isinstance(e, DateMention) for e in doc.dates)
    assert all(isinstance(e, Agreement) for e in doc.agreements)


def test_german_text_finds_each_type() -> None:
    doc = extract(GERMAN)
    assert doc.language == "de"
    assert any(d.value == "2025-02-03" for d in doc.dates)
    assert any(m.family_name and m.family_name.casefold() == "baerbock" for m in doc.ministers)
    assert any(m.portfolio == "finance" and m.country == "DE" for m in doc.ministries)


def test_english_text_finds_each_type() -> None:
    doc = extract(ENGLISH)
    assert doc.language == "en"
    assert any(d.value == "2025-02-03" for d in doc.dates)
    iwaya = [m for m in doc.ministers if m.family_name and m.family_name.casefold() == "iwaya"]
    assert iwaya and iwaya[0].country == "JP" and iwaya[0].portfolio == "foreign"


def test_to_dict_is_json_with_the_guide_field_names() -> None:
    doc = extract(GERMAN, reference_date="2025-02-04")
    line = json.loads(doc.to_json())
    assert line["language"] == "de" and line["supported"] is True
    assert line["reference_date"] == {"date": "2025-02-04", "source": "argument"}
    fields = {"MINISTRY": {"country", "portfolio"}, "MINISTER": {"family_name", "country", "portfolio"},
              "DATE": {"value"}, "AGREEMENT": set()}
    for e in line["entities"]:
        assert {"type", "start", "end", "text"} <= e.keys()
        assert fields[e["type"]] <= e.keys()
        assert GERMAN[e["start"] : e["end"]] == e["text"]


def test_reference_date_from_argument_dateline_or_none() -> None:
    text = "Pressemitteilung\n14.10.2025\nHeute traf Außenminister Johann Wadephul seinen Amtskollegen."
    with_arg = extract(text, reference_date=dt.date(2025, 10, 20))
    assert with_arg.reference_date == ReferenceDate(dt.date(2025, 10, 20), "argument")
    from_dateline = extract(text)
    assert from_dateline.reference_date == ReferenceDate(dt.date(2025, 10, 14), "dateline")
    heute = [d for d in from_dateline.dates if d.text == "Heute"]
    assert heute and heute[0].value == "2025-10-14"
    bare = extract("Heute traf Außenminister Johann Wadephul seinen Amtskollegen.")
    assert bare.reference_date.source == "none"
    assert all(d.value is None for d in bare.dates if d.text == "Heute")


def test_extract_accepts_datetime_and_iso_strings() -> None:
    a = extract(ENGLISH, reference_date=dt.datetime(2025, 2, 4, 12, 0))
    b = extract(ENGLISH, reference_date="2025-02-04")
    assert a.reference_date.date == b.reference_date.date == dt.date(2025, 2, 4)


def test_pipe_keeps_order_and_ids_and_matches_extract() -> None:
    extractor = Extractor()
    items = [{"id": "a", "text": GERMAN}, ENGLISH, {"id": "c", "text": "", "published": "2025-01-01"}]
    docs = list(extractor.pipe(items, batch_size=2))
    assert [d.id for d in docs] == ["a", None, "c"]
    assert docs[0].entities == extractor.extract(GERMAN).entities
    assert docs[1].entities == extractor.extract(ENGLISH).entities
    assert docs[2].entities == () and docs[2].reference_date.source == "argument"


def test_document_is_a_plain_value() -> None:
    doc = extract(GERMAN)
    assert isinstance(doc, Document)
    assert doc == extract(GERMAN)  # same input, same output
    assert hash(doc.entities[0]) == hash(extract(GERMAN).entities[0])


def test_ministry_link_names_the_ministry_of_the_reference_year() -> None:
    text = "Bundeswirtschaftsminister Peter Altmaier empfing seinen Amtskollegen."
    then = extract(text, reference_date="2018-10-30").ministers[0].ministry
    later = extract(text, reference_date="2023-05-01").ministers[0].ministry
    assert then is not None and later is not None
    assert then.country == later.country == "DE" and then.portfolio == later.portfolio == "economy"
    assert then.id != later.id  # BMWi in 2018, BMWK in 2023


def test_pipe_gives_each_document_its_own_reference_date() -> None:
    # Each document's reference date reaches the components with that document (not with its
    # neighbour's): the ministry a title names depends on the year.
    text = "Bundeswirtschaftsminister Peter Altmaier empfing seinen Amtskollegen."
    items = [{"id": "old", "text": text, "published": "2018-10-30"},
             {"id": "new", "text": text, "published": "2023-05-01"},
             {"id": "none", "text": text}]
    docs = list(Extractor().pipe(items, batch_size=3))
    ids = [d.ministers[0].ministry.id if d.ministers[0].ministry else None for d in docs]
    assert ids[:2] == [extract(text, reference_date="2018-10-30").ministers[0].ministry.id,
                       extract(text, reference_date="2023-05-01").ministers[0].ministry.id]
    assert ids[0] != ids[1]
    alone = extract(text).ministers[0].ministry
    assert ids[2] == (alone.id if alone else None)


def test_results_survive_pickling_field_for_field() -> None:
    """Results come back from n_process workers pickled: every type, every field, equal."""
    import pickle

    from texts import ITEMS

    from bilatextract import Extractor

    docs = list(Extractor().pipe(ITEMS))
    assert {type(e).__name__ for d in docs for e in d.entities} == {"Ministry", "Minister", "DateMention", "Agreement"}
    assert any(getattr(e, "ministry", None) is not None for d in docs for e in d.entities)
    for doc in docs:
        clone = pickle.loads(pickle.dumps(doc))
        assert clone == doc and clone.to_dict(include_text=True) == doc.to_dict(include_text=True)
        assert [type(e) for e in clone.entities] == [type(e) for e in doc.entities]
