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
from bilatextract.knowledge import ministry_by_id

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
    then = ministry_by_id(extract(text, reference_date="2018-10-30").ministers[0].ministry)
    later = ministry_by_id(extract(text, reference_date="2023-05-01").ministers[0].ministry)
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
    ids = [d.ministers[0].ministry for d in docs]
    assert ids[:2] == [extract(text, reference_date="2018-10-30").ministers[0].ministry,
                       extract(text, reference_date="2023-05-01").ministers[0].ministry]
    assert ids[0] is not None and ids[0] != ids[1]
    assert ids[2] == extract(text).ministers[0].ministry


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


def test_to_json_takes_json_dumps_arguments_and_stays_one_line_by_default() -> None:
    doc = extract(GERMAN, reference_date="2025-02-04")
    assert "\n" not in doc.to_json() and "ß" in doc.to_json()
    pretty = doc.to_json(indent=2, sort_keys=True)
    assert pretty.startswith("{\n  ") and json.loads(pretty) == json.loads(doc.to_json())
    assert "\\u00df" in doc.to_json(ensure_ascii=True)
    assert json.loads(doc.to_json(include_text=True, indent=1))["text"] == GERMAN


def test_from_dict_and_from_json_give_back_an_equal_document() -> None:
    docs = list(Extractor().pipe([{"id": "de", "text": GERMAN, "published": "2025-02-04"},
                                  {"id": "en", "text": ENGLISH}, {"id": "empty", "text": ""},
                                  {"id": "bad", "text": GERMAN, "published": "soon"}], on_error="return"))
    assert docs[3].error is not None and any(d.entities for d in docs)
    for doc in docs:
        assert Document.from_json(doc.to_json(include_text=True)) == doc
        assert Document.from_dict(doc.to_dict(), text=doc.text) == doc
        assert Document.from_json(doc.to_json(indent=2).encode(), text=doc.text) == doc
    bare = Document.from_dict(docs[0].to_dict())
    assert bare.text == "" and bare.entities == docs[0].entities
    with pytest.raises(ValueError, match="MINISTRY"):
        Document.from_dict({"entities": [{"type": "PERSON", "text": "x", "start": 0, "end": 1}]})


def test_from_dict_reads_the_output_of_the_command_line(tmp_path) -> None:
    import subprocess
    import sys

    from conftest import subprocess_env

    items = [{"id": "de", "text": GERMAN, "published": "2025-02-04"}, {"id": "en", "text": ENGLISH}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "bilatextract", "extract", str(source), "-o", str(out),
                           "--include-text"], capture_output=True, text=True, env=subprocess_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    read_back = [Document.from_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert read_back == list(Extractor().pipe(items))
    assert read_back[0].ministers and isinstance(read_back[0].ministers[0], Minister)


def test_one_name_per_field_in_json_frame_and_entity() -> None:
    doc = extract("Bundeswirtschaftsminister Peter Altmaier besuchte das Bundesministerium der Finanzen.",
                  reference_date="2019-05-01")
    minister = doc.ministers[0]
    line = json.loads(doc.to_json())["entities"]
    assert isinstance(minister.ministry, str)
    assert ministry_by_id(minister.ministry).portfolio == minister.portfolio
    by_type = {e["type"]: e for e in line}
    assert by_type["MINISTER"]["ministry"] == minister.ministry
    assert by_type["MINISTRY"]["ministry"] == doc.ministries[0].ministry is not None


def test_an_empty_text_has_no_language_and_is_not_supported() -> None:
    for text in ("", "  \n\t"):
        doc = extract(text)
        assert (doc.language, doc.supported, doc.entities) == (None, False, ())
    forced = extract("", lang="de")
    assert (forced.language, forced.supported) == ("de", True)


def test_an_item_without_text_gets_a_message_naming_the_key() -> None:
    with pytest.raises(bilatextract.InputTypeError, match="no 'text'.*'txt'"):
        list(Extractor().pipe([{"txt": "Das Auswärtige Amt teilte mit."}]))
    returned = list(Extractor().pipe([{"id": "x", "txt": "..."}], on_error="return"))
    assert "'text'" in returned[0].error and "NoneType" not in returned[0].error


def test_worker_processes_work_when_started_by_spawn(tmp_path) -> None:
    import subprocess
    import sys

    from conftest import subprocess_env

    script = tmp_path / "spawned.py"
    script.write_text(
        "import multiprocessing\n"
        "import bilatextract\n"
        f"ITEMS = [{{'id': str(i), 'text': t}} for i, t in enumerate({[GERMAN, ENGLISH, GERMAN[:80], '']!r})]\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    parallel = [d.to_json() for d in bilatextract.Extractor().pipe(ITEMS, n_process=2, batch_size=1)]\n"
        "    alone = [d.to_json() for d in bilatextract.Extractor().pipe(ITEMS)]\n"
        "    assert parallel == alone, (parallel, alone)\n"
        "    print(multiprocessing.get_start_method(), len(parallel), sum('MINISTER' in d for d in parallel))\n",
        encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path,
                         env=subprocess_env(), timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["spawn", "4", "3"]
