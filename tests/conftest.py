"""Shared fixtures: where the shared corpus lives, and the repository root."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def find_shared() -> Path | None:
    """The ``shared/`` folder beside the repository (CI clones main with shared/ beside it)."""
    for parent in REPO.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    shared = find_shared()
    if shared is None:
        pytest.skip("shared/ (the dev corpus and referee scorer) is not beside this checkout")
    return shared


@pytest.fixture(scope="session")
def dev_corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "dev.jsonl"


@pytest.fixture(scope="session")
def dev_docs(dev_corpus: Path) -> list[dict]:
    return [json.loads(line) for line in dev_corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


def subprocess_env() -> dict[str, str]:
    """An environment in which a subprocess imports the same bilatextract as the tests do.

    Subprocesses run outside the checkout, so in CI they use the installed package, and in a
    source checkout they see the source tree through PYTHONPATH.
    """
    import os

    import bilatextract

    env = dict(os.environ)
    root = str(Path(bilatextract.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def assert_offsets_give_the_entity_texts(docs: list[dict]) -> None:
    """Every gold entity's offsets cut its own text out of its document's text."""
    for d in docs:
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["text"], (d["id"], e)


def wait_until_writing(proc: subprocess.Popen, folder: Path) -> None:
    """Wait (at most 3 minutes) until the command has written into its temporary output in ``folder``."""
    deadline = time.monotonic() + 180
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in folder.iterdir()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
