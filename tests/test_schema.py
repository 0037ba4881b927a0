"""The JSON Schema of the JSONL output, checked against real `bilatextract extract` output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import subprocess_env
from texts import ITEMS

from bilatextract.schema import document_schema


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bilatextract", *args], capture_output=True, text=True,
                          env=subprocess_env(), timeout=300)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    run = run_cli("schema")
    assert run.returncode == 0, run.stderr
    printed = json.loads(run.stdout)
    assert printed == document_schema()
    jsonschema.Draft202012Validator.check_schema(printed)
    return jsonschema.Draft202012Validator(printed)


def test_real_cli_output_validates(tmp_path: Path, shared_dir: Path,
                                   validator: jsonschema.protocols.Validator) -> None:
    # Composed documents (both languages, unsupported, mixed, a .txt file) and the dev corpus, whose
    # output is the richest there is: every entity type and attribute the extractors produce.
    dev_corpus = shared_dir / "corpus" / "dev.jsonl"
    dev_ids = [json.loads(line)["id"] for line in dev_corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in ITEMS), encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Heute traf Bundeskanzler Olaf Scholz den Premierminister.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = run_cli("extract", str(source), str(tmp_path / "plain.txt"), str(dev_corpus), "-o", str(out),
                  "--include-text")
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == [item["id"] for item in ITEMS] + ["plain.txt"] + dev_ids
    errors = [f"{doc['id']}: {err.message} at {list(err.absolute_path)}"
              for doc in lines for err in validator.iter_errors(doc)]
    assert errors == []
    for doc in lines:
        for e in doc["entities"]:
            assert doc["text"][e["start"]:e["end"]] == e["text"]
    assert {d["id"]: d["supported"] for d in lines}["fr-1"] is False


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["entities"][0].update(portfolio="foreign affairs"), "portfolio"),
        (lambda d: d["entities"][1].update(value="14.10.2025"), "value"),
        (lambda d: d["entities"][0].update(country="Germany"), "country"),
        (lambda d: d["entities"][1].pop("granularity"), "granularity"),
        (lambda d: d["reference_date"].update(source="guess"), "source"),
        (lambda d: d.update(extra=1), "extra"),
    ],
)
def test_the_schema_rejects_what_the_guide_forbids(change, path: str,
                                                   validator: jsonschema.protocols.Validator) -> None:
    doc = {
        "id": "x", "language": "de", "supported": True,
        "reference_date": {"date": "2025-10-15", "source": "argument"},
        "segments": [{"lang": "de", "start": 0, "end": 40}],
        "entities": [
            {"type": "MINISTRY", "text": "Auswärtiges Amt", "start": 0, "end": 15, "country": "DE",
             "portfolio": "foreign", "ministry": "DE-AA", "id": "DE-AA"},
            {"type": "DATE", "text": "14. Oktober 2025", "start": 20, "end": 36, "value": "2025-10-14",
             "granularity": "day"},
        ],
    }
    validator.validate(doc)
    change(doc)
    errors = list(validator.iter_errors(doc))
    assert errors, f"a bad {path} passed"
