"""The README as a new user meets it: every Python block runs as pasted, prints what it says,
and CI runs exactly the set-up commands it shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```", README, flags=re.S | re.M)


def _needs(block: str) -> list[str]:
    """The optional modules a block imports (its test is skipped where they are not installed)."""
    optional = {"pandas": "pandas", "bilatextract.frame": "pandas", "dask": "dask", "bilatextract.dask": "dask"}
    imported = re.findall(r"^(?:import|from) ([\w.]+)", block, flags=re.M)
    return sorted({optional[m] for m in imported if m in optional})


def test_the_readme_has_its_python_blocks() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_each_python_block_runs_as_pasted(number: int, tmp_path: Path) -> None:
    block = BLOCKS[number]
    for module in _needs(block):
        pytest.importorskip(module, reason=f"the README block needs {module}")
    # A fresh directory holding only the small data the README refers to, as in a checkout.
    shutil.copytree(REPO / "docs" / "examples", tmp_path / "docs" / "examples")
    script = tmp_path / "block.py"
    script.write_text(block, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path,
                         env=subprocess_env(), timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip(), "every block shows a result"
    # Comment lines of a block are the output it promises.
    for expected in re.findall(r"^# (.+)$", block, flags=re.M):
        assert expected in run.stdout, expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["block.py", "docs"], "a block wrote files"


def _setup_commands() -> list[str]:
    setup = README[README.index("## Set-up"):README.index("## Python")]
    return [line for block in re.findall(r"```bash\n(.*?)```", setup, flags=re.S) for line in block.splitlines()]


def test_ci_runs_exactly_the_set_up_commands_of_the_readme() -> None:
    commands = _setup_commands()
    assert commands[0].startswith("python3 -m venv .venv && .venv/bin/pip install . &&")
    assert "bilatextract extract docs/examples/sample.jsonl" in commands[0]
    assert '".[test]"' in commands[1] and commands[1].endswith(".venv/bin/pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_commands = [line for line in ci.splitlines() if line.startswith((".venv/", "python3 -m venv"))]
    assert ci_commands == commands
