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


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in ITEMS), encoding="utf-8")
    return path


def _bench(*inputs: Path, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bilatextract", "bench", *map(str, inputs), "--rounds", "1", *extra],
        capture_output=True, text=True, env=subprocess_env(), timeout=600,
    )


def test_bench_reads_each_text_once_and_prints_every_figure(tiny_corpus: Path, tmp_path: Path) -> None:
    saved = tmp_path / "figures.json"
    # A second file repeating one of the texts: that text is still read once.
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps(dict(ITEMS[0], id="again"), ensure_ascii=False) + "\n", encoding="utf-8")
    done = _bench(tiny_corpus, again, extra=("--save", str(saved), "--scaling", "--scaling-bytes", "6000",
                                             "--scaling-docs", "8"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for field in ("words/s", "docs/s", "bilatextract, pipe", "bilatextract, extract() each", "bare spaCy tokenizer",
                  "ratio (words/s) pipe", "ratio (words/s) extract", "cold start", "peak memory",
                  "scaling: 1 MB document", "scaling: n_process=2"):
        assert field in out, field
    words = sum(len(item["text"].split()) for item in ITEMS)
    assert f"= {len(ITEMS)} docs, {words:,} words, each read once" in out
    assert "1 repeated text(s) of the input left out" in out
    # A corpus this small is too small to judge: no "MISSED" for the throughput.
    assert "too small to measure" in out
    assert not any("ratio" in line and "MISSED" in line for line in out.splitlines())

    report = json.loads(saved.read_text(encoding="utf-8"))
    assert report["inputs"] == [str(tiny_corpus), str(again)] and report["measurable"] is False
    for key in ("pipe", "bare_tokenizer_pipe", "extract", "bare_tokenizer_extract"):
        assert report[key]["docs"] == len(ITEMS) and report[key]["words"] == words, key
        assert report[key]["words_per_s"] > 0 and len(report[key]["seconds"]) == 1, key
    for key in ("large_doc", "small_docs", "single_process", "two_processes"):
        assert report[key]["words_per_s"] > 0, key
    assert report["ratio"] == pytest.approx(
        report["pipe"]["words_per_s"] / report["bare_tokenizer_pipe"]["words_per_s"], rel=1e-2)
    assert report["extract_ratio"] == pytest.approx(
        report["extract"]["words_per_s"] / report["bare_tokenizer_extract"]["words_per_s"], rel=1e-2)
    assert f"{report['ratio']:.2f}" in out and f"{report['extract_ratio']:.2f}" in out
    assert report["cold_start_s"] > 0 and report["cold_start_process_s"] >= report["cold_start_s"]
    assert 10 < report["peak_memory_mb"] < 100_000
    assert report["two_processes"]["docs"] == report["single_process"]["docs"] == 8
    # Where the time goes: every stage of both pipelines, routing and typing, each printed.
    stages = report["stages_cpu_s"]
    expected = {"text view", "routing", "tokenizer", "typed results", *pipeline.get("de").pipe_names,
                *pipeline.get("en").pipe_names}
    assert set(stages) == expected
    assert all(seconds >= 0 for seconds in stages.values()) and sum(stages.values()) > 0
    for name in expected:
        assert f"  {name} " in out, name


def test_extract_does_not_import_the_development_tools() -> None:
    code = ("import sys, bilatextract\n"
            "bilatextract.extract('Am 3. März 2024 traf Außenminister Wadephul in Berlin ein.')\n"
            "list(bilatextract.Extractor().pipe(['Foreign Minister Motegi met on 3 March 2024.']))\n"
            "tools = [m for m in sys.modules if m.split('.')[:2] in (['bilatextract', 'bench'], "
            "['bilatextract', 'bench_report'], ['bilatextract', 'stress'], ['bilatextract', 'scoring'], "
            "['bilatextract', 'routing_accuracy'])]\n"
            "print(tools)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(),
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


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
