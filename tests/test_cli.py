"""The command line on real files, in real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bilatextract", *args], capture_output=True, text=True,
                          cwd=tempfile.gettempdir(), env=subprocess_env(), timeout=300)


def test_extract_jsonl_to_file(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    result = run("extract", str(REPO / "docs" / "examples" / "sample.jsonl"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["sample-de", "sample-en", "sample-fr"]
    by_id = {d["id"]: d for d in lines}
    assert by_id["sample-de"]["language"] == "de" and by_id["sample-de"]["supported"]
    assert by_id["sample-en"]["language"] == "en" and by_id["sample-en"]["supported"]
    assert by_id["sample-fr"]["supported"] is False and by_id["sample-fr"]["entities"] == []
    source = {json.loads(line)["id"]: json.loads(line)["text"]
              for line in (REPO / "docs" / "examples" / "sample.jsonl").read_text(encoding="utf-8").splitlines()}
    types = set()
    for doc in lines:
        for e in doc["entities"]:
            assert source[doc["id"]][e["start"] : e["end"]] == e["text"]
            types.add(e["type"])
    assert types == {"MINISTRY", "MINISTER", "DATE", "AGREEMENT"}


def test_extract_text_files_to_stdout(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Am 2. Mai 2024 reiste Bundeskanzler Olaf Scholz nach Tokyo.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("On May 2, 2024, Prime Minister Kishida visited Paris.", encoding="utf-8")
    result = run("extract", str(a), str(b))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["id"], d["language"]) for d in lines] == [("a.txt", "de"), ("b.txt", "en")]
    assert any(e["type"] == "DATE" and e["value"] == "2024-05-02" for e in lines[0]["entities"])


def test_published_is_the_reference_date(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "published": "2023-06-30", "text": "Gestern sprach Außenministerin "
                               "Annalena Baerbock in Berlin."}) + "\n", encoding="utf-8")
    result = run("extract", str(src))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["reference_date"] == {"date": "2023-06-30", "source": "argument"}
    assert [e["value"] for e in doc["entities"] if e["type"] == "DATE"] == ["2023-06-29"]


def test_console_script_and_module_agree(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "bilatextract"
    if not script.exists():
        pytest.skip("the console script is installed with the package (pip install .)")
    sample = str(REPO / "docs" / "examples" / "sample.jsonl")
    via_script = subprocess.run([str(script), "extract", sample], capture_output=True, text=True, timeout=300,
                                cwd=tempfile.gettempdir(), env=subprocess_env())
    via_module = run("extract", sample)
    assert via_script.returncode == via_module.returncode == 0
    assert via_script.stdout == via_module.stdout


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("extract", "evaluate"):
        assert command in result.stdout
