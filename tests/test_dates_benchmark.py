"""The dateparser comparison script runs end to end and writes its table into a page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks" / "compare_dateparser.py"


def test_compare_dateparser_writes_both_rows(tmp_path: Path) -> None:
    pytest.importorskip("dateparser", reason="the peers extra is not installed")
    text = ("Pressemitteilung\n03.02.2021\nAm 2. Februar trafen sich die Minister in Berlin. "
            "Die Ministerin reist heute ab.")
    start = text.index("2. Februar")
    gold = {"id": "t1", "lang": "de", "published": "2021-02-03", "text": text, "entities": [
        {"type": "DATE", "start": 17, "end": 27, "text": "03.02.2021", "value": "2021-02-03"},
        {"type": "DATE", "start": start, "end": start + 10, "text": "2. Februar", "value": "2021-02-02"},
        {"type": "DATE", "start": text.index("heute"), "end": text.index("heute") + 5, "text": "heute",
         "value": "2021-02-03"},
    ]}
    assert text[17:27] == "03.02.2021"
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("before\n<!-- compare_dateparser: begin -->\nSTALE\n<!-- compare_dateparser: end -->\nafter\n")
    out = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "gold.jsonl"), "--rounds", "1",
                          "--write", str(page)], capture_output=True, text=True, timeout=300, check=True)
    rows = {line.split("|")[1].strip(): line for line in out.stdout.splitlines() if line.startswith("| ")}
    assert "dateparser `search_dates`" in rows
    ours = rows["bilatextract, DATE component only"].split("|")
    assert ours[4].strip() == "1.000"  # lenient F1 on three plain dates
    written = page.read_text()
    assert written.startswith("before\n") and written.endswith("after\n") and "STALE" not in written
    assert "dateparser `search_dates`" in written
