"""The same input gives the same output: across calls, across fresh processes (with different
hash seeds) and across n_process settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import subprocess_env
from texts import ITEMS

from bilatextract import Extractor

#: Short, hard-to-route and dateline-dependent texts beside the full ones.
EXTRA = [
    {"id": "short-de", "text": "Heute traf der Außenminister ein."},
    {"id": "short-en", "text": "Talks at the Foreign Office on 3 June."},
    {"id": "ambiguous", "text": "Minister Müller, Amt, Office, 12.3."},
    {"id": "empty", "text": ""},
]
CORPUS = [*ITEMS, *EXTRA]


def as_json(docs) -> list[str]:
    return [json.dumps(d.to_dict(), ensure_ascii=False, sort_keys=True) for d in docs]


def test_repeated_calls_give_the_same_result():
    extractor = Extractor()
    first = as_json(extractor.pipe(CORPUS))
    assert first == as_json(extractor.pipe(CORPUS))
    assert first == as_json(Extractor().pipe(list(reversed(CORPUS))))[::-1]
    assert first == as_json([extractor.extract(i["text"], reference_date=i.get("published"), id=i["id"])
                             for i in CORPUS])


def test_fresh_processes_and_n_process_settings_give_the_same_json(tmp_path):
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in CORPUS), encoding="utf-8")
    outputs = []
    for seed, n_process in (("1", 1), ("2", 2)):
        out = tmp_path / f"out-{seed}.jsonl"
        env = dict(subprocess_env(), PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "bilatextract", "extract", str(data), "-o", str(out),
                               "--n-process", str(n_process), "--batch-size", "2"],
                              capture_output=True, text=True, env=env, timeout=300, cwd=os.getcwd())
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    in_process = [json.loads(line) for line in outputs[0].splitlines()]
    assert in_process == [d.to_dict() for d in Extractor().pipe(CORPUS)]
    assert any(line["entities"] for line in in_process)
