"""The ``bench`` command and the speed machinery: it runs and reports; no test asserts a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import subprocess_env
from texts import ITEMS

from bilatextract import pipeline
from bilatextract.bench import cut, long_text
from bilatextract.extractor import Extractor
from bilatextract.lemma_table import LemmaTable


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in ITEMS), encoding="utf-8")
    return path


def _bench(corpus: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bilatextract", "bench", str(corpus), "--repeat", "1", "--rounds", "1",
         "--scaling-bytes", "6000", "--scaling-docs", "8", *extra],
        capture_output=True, text=True, env=subprocess_env(), timeout=300,
    )


def test_bench_prints_every_figure_and_saves_them(tiny_corpus: Path, tmp_path: Path) -> None:
    saved = tmp_path / "figures.json"
    done = _bench(tiny_corpus, "--save", str(saved))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for field in ("words/s", "docs/s", "bilatextract", "bare spaCy tokenizer", "ratio (words/s)", "cold start",
                  "peak memory", "scaling: 1 MB document", "scaling: n_process=2"):
        assert field in out, field
    words = sum(len(item["text"].split()) for item in ITEMS)
    assert f"x1 = {len(ITEMS)} docs, {words:,} words" in out

    report = json.loads(saved.read_text(encoding="utf-8"))
    assert report["repeat"] == 1
    assert report["product"]["docs"] == report["bare_tokenizer"]["docs"] == len(ITEMS)
    assert report["product"]["words"] == words
    for key in ("product", "bare_tokenizer", "large_doc", "small_docs", "single_process", "two_processes"):
        assert report[key]["words_per_s"] > 0 and len(report[key]["seconds"]) == 1, key
    assert report["ratio"] == pytest.approx(
        report["product"]["words_per_s"] / report["bare_tokenizer"]["words_per_s"], rel=1e-2)
    assert f"{report['ratio']:.2f}" in out
    assert report["cold_start_s"] > 0 and report["cold_start_process_s"] >= report["cold_start_s"]
    assert 10 < report["peak_memory_mb"] < 100_000
    assert report["large_doc"]["docs"] == 1 and report["small_docs"]["docs"] > 1
    assert report["two_processes"]["docs"] == report["single_process"]["docs"] == 8
    # Where the time goes: every stage of both pipelines, routing and typing, each printed.
    stages = report["stages_cpu_s"]
    expected = {"routing", "tokenizer", "typed results", *pipeline.get("de").pipe_names, *pipeline.get("en").pipe_names}
    assert set(stages) == expected
    assert all(seconds >= 0 for seconds in stages.values()) and sum(stages.values()) > 0
    for name in expected:
        assert f"  {name} " in out, name


def test_bench_reports_a_broken_input(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "Guten Tag."}\n{not json\n', encoding="utf-8")
    done = _bench(broken)
    assert done.returncode == 2
    assert "broken.jsonl:2" in done.stderr


def test_long_text_cut_keeps_every_word() -> None:
    text = long_text([item["text"] for item in ITEMS], 5000)
    assert len(text.encode("utf-8")) >= 5000
    pieces = cut(text, 1000)
    assert all(len(p) <= 1000 for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_two_processes_give_the_same_documents_in_order() -> None:
    items = [dict(item, id=f"{item['id']}-{i}") for i in range(6) for item in ITEMS]
    extractor = Extractor()
    one = [doc.to_dict() for doc in extractor.pipe(items, batch_size=4)]
    two = [doc.to_dict() for doc in extractor.pipe(items, batch_size=4, n_process=2)]
    assert two == one
    assert [d["id"] for d in two] == [item["id"] for item in items]


def test_two_processes_report_a_bad_document_like_one() -> None:
    items = [ITEMS[0], {"id": "bad", "text": b"bytes"}, ITEMS[1]]
    docs = list(Extractor().pipe(items, n_process=2, on_error="return"))
    assert [d.error is None for d in docs] == [True, False, True]
    assert "decode" in docs[1].error
    with pytest.raises(TypeError, match="decode"):
        list(Extractor().pipe(items, n_process=2))


def test_lemmatiser_table_gives_spacys_lemmas() -> None:
    import spacy

    reference = spacy.blank("de")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    nlp = pipeline.get("de")
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_lookup")
    assert isinstance(table, LemmaTable)
    text = " ".join(item["text"] for item in ITEMS) + " Die Ministerien unterzeichneten Abkommen."
    ours = [t.lemma_ for t in lemmatizer(nlp.make_doc(text))]
    # Same tokens for both (the pipeline's tokenizer splits a sentence-final year's full stop).
    theirs = [t.lemma_ for t in reference.get_pipe("lemmatizer")(nlp.make_doc(text))]
    assert ours == theirs
    assert "Ministerium" in ours and "unterzeichnen" in ours


def test_lemmatiser_table_round_trips_through_spacy_serialisation() -> None:
    from spacy.lookups import Table

    table = LemmaTable("lemma_lookup", {"Ministerien": "Ministerium", "Abkommens": "Abkommen"})
    restored = Table().from_bytes(table.to_bytes())
    assert restored.get("Ministerien") == table.get("Ministerien") == "Ministerium"
    assert len(restored) == len(table) == 2
    again = LemmaTable("lemma_lookup").from_bytes(restored.to_bytes())
    assert again["Abkommens"] == "Abkommen" and "Ministerien" in again and "Xyzzyq" not in again
    assert again.get("Xyzzyq", "fallback") == "fallback"
    with pytest.raises(KeyError):
        again["Xyzzyq"]


def test_sharded_forms_answer_like_the_dict_they_were_packed_from() -> None:
    from bilatextract.lemma_table import ShardedForms, _pack

    forms = {"Ministerien": "Ministerium", "Minister": "Minister", "ging": "gehen", "Ä": "Ä", "x": "y"}
    sharded = ShardedForms(_pack(forms))
    assert sharded.get("ging") == "gehen" and sharded["Ministerien"] == "Ministerium"
    assert sharded.get("Mi") is None and "gingen" not in sharded and sharded.get("", "empty") == "empty"
    assert dict(sharded.items()) == forms and len(sharded) == len(forms)
    table = LemmaTable("lemma_lookup", sharded)
    table["gingen"] = "gehen"  # a write copies the shared forms first
    assert table.get("gingen") == "gehen" and "gingen" not in sharded
