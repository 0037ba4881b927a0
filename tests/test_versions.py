"""The versions the package declares are the versions that work: the oldest spaCy allowed, and
every declared Python version installed here, each in a fresh virtual environment running a
smoke subset of the suite against the installed package.

Slow (a virtual environment and a spaCy install each), so it runs where ``BILATEXTRACT_VERSIONS=1``
is set, as ``.ci/run`` does; the newest spaCy on the CI interpreter is the main run itself.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SMOKE = ["tests/test_api.py", "tests/test_cli.py", "tests/test_packaging.py"]

pytestmark = pytest.mark.skipif(os.environ.get("BILATEXTRACT_VERSIONS") != "1",
                                reason="set BILATEXTRACT_VERSIONS=1 (as .ci/run does) to check the declared versions")


def _spacy_floor() -> str:
    spec = next(d for d in PROJECT["dependencies"] if re.match(r"spacy\b", d))
    return re.search(r">=\s*([\d.]+)", spec).group(1)


def _declared_minors() -> list[int]:
    spec = PROJECT["requires-python"]
    low = int(re.search(r">=\s*3\.(\d+)", spec).group(1))
    high = int(re.search(r"<\s*3\.(\d+)", spec).group(1))
    return list(range(low, high))


def _interpreter(minor: int) -> str | None:
    """An installed Python 3.<minor>: on PATH, or one of pyenv's."""
    found = shutil.which(f"python3.{minor}")
    candidates = [found] if found else []
    root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(glob.glob(f"{root}/versions/3.{minor}.*/bin/python3.{minor}"))
    for candidate in candidates:
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"],
                               capture_output=True, text=True, timeout=60)
        if probe.returncode == 0 and probe.stdout.strip() == f"(3, {minor})":
            return candidate
    return None


def _runs() -> list[tuple[int, str | None]]:
    """(Python minor, spaCy pin): the oldest spaCy on the oldest declared Python found, the newest
    spaCy on every other declared Python found (the running interpreter is the main run)."""
    minors = [m for m in _declared_minors() if _interpreter(m) is not None]
    if not minors:
        return []
    runs: list[tuple[int, str | None]] = [(minors[0], _spacy_floor())]
    runs += [(m, None) for m in minors if m != sys.version_info.minor]
    return runs


def test_the_declarations_are_read() -> None:
    assert _declared_minors() and sys.version_info.minor in _declared_minors()
    assert _spacy_floor().startswith("3.")


@pytest.mark.parametrize("minor, spacy_pin", _runs() if os.environ.get("BILATEXTRACT_VERSIONS") == "1" else [])
def test_a_declared_combination_installs_and_passes_the_smoke_tests(
    minor: int, spacy_pin: str | None, tmp_path: Path
) -> None:
    python = _interpreter(minor)
    assert python is not None
    # The installed package only: not the source tree the outer run may have on PYTHONPATH.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=300, env=env)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    packages = [str(REPO), "pytest>=8", "jsonschema>=4.20"]
    if spacy_pin:
        packages.append(f"spacy=={spacy_pin}")
    installed = subprocess.run([*pip, *packages], capture_output=True, text=True, timeout=1800, env=env)
    assert installed.returncode == 0, installed.stderr[-3000:]
    version = subprocess.run([str(venv / "bin" / "python"), "-c", "import spacy; print(spacy.__version__)"],
                             capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    if spacy_pin:
        assert version.stdout.strip() == spacy_pin
    smoke = subprocess.run([str(venv / "bin" / "python"), "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                            *(str(REPO / t) for t in SMOKE)],
                           capture_output=True, text=True, timeout=1800, cwd=tmp_path, env=env)
    assert smoke.returncode == 0, smoke.stdout[-3000:] + smoke.stderr[-2000:]
    assert " passed" in smoke.stdout
