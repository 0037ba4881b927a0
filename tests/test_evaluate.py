"""`bilatextract evaluate` prints the referee's figures: checked against shared/tools/score.py."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import subprocess_env


def bilatextract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bilatextract", *args], capture_output=True, text=True,
                          timeout=600, cwd=tempfile.gettempdir(), env=subprocess_env())


def referee(shared_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), *args],
                          capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict[str, dict]:
    return {d["id"]: d for d in map(json.loads, filter(str.strip, path.read_text("utf-8").splitlines()))}


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory, dev_corpus: Path) -> tuple[dict, Path]:
    """Our JSON report on the dev corpus, and the predictions it was computed from."""
    pred = tmp_path_factory.mktemp("evaluate") / "pred.jsonl"
    ours = bilatextract("evaluate", str(dev_corpus), "--json", "--save", str(pred))
    assert ours.returncode == 0, ours.stderr
    return json.loads(ours.stdout), pred


def test_evaluate_agrees_with_the_referee(evaluated: tuple[dict, Path], shared_dir: Path, dev_corpus: Path) -> None:
    ours, pred = evaluated
    theirs = referee(shared_dir, str(dev_corpus), str(pred), "--json")
    assert theirs.returncode == 0, theirs.stderr
    assert ours == json.loads(theirs.stdout)
    # And the figures are real: every type is found on the dev corpus.
    for t in ("MINISTRY", "MINISTER", "DATE", "AGREEMENT"):
        assert ours["lenient"][t]["f1"] > 0, t


def test_text_report_matches_the_referee_layout(evaluated: tuple[dict, Path], shared_dir: Path,
                                                dev_corpus: Path) -> None:
    from bilatextract.scoring import format_report, score

    _, pred = evaluated
    theirs = referee(shared_dir, str(dev_corpus), str(pred), "--errors")
    assert format_report(score(load(dev_corpus), load(pred)), errors=True) + "\n" == theirs.stdout


def test_extract_output_scores_with_the_referee(tmp_path: Path, shared_dir: Path, dev_corpus: Path) -> None:
    """The issue's acceptance path: `extract DEV -o pred.jsonl`, then the referee scorer."""
    pred = tmp_path / "pred.jsonl"
    done = bilatextract("extract", str(dev_corpus), "-o", str(pred))
    assert done.returncode == 0, done.stderr
    report = json.loads(referee(shared_dir, str(dev_corpus), str(pred), "--json").stdout)
    for t in ("MINISTRY", "MINISTER", "DATE", "AGREEMENT"):
        assert report["lenient"][t]["f1"] > 0, t
