"""The package as a user installs it: a wheel that carries its models and entry points."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

import bilatextract
from bilatextract.resources import models_dir


def test_models_ship_with_the_imported_package() -> None:
    package = Path(bilatextract.__file__).resolve().parent
    if package == REPO / "bilatextract":
        pytest.skip("running from the source tree; CI runs this against the installed package")
    assert models_dir().resolve().parent == package
    assert bilatextract.extract("Am 1. Mai 2024 sprach Außenminister Heiko Maas.").supported


def test_wheel_contains_models_and_entry_points(tmp_path: Path) -> None:
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                           capture_output=True, text=True, timeout=600)
    if built.returncode != 0 and "Could not find a version" in built.stderr:
        pytest.skip("the build backend (hatchling) cannot be fetched here")
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("bilatextract-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(z.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    for lang in ("de", "en", "common"):
        assert any(n.startswith(f"bilatextract/models/{lang}/") for n in names), lang
    assert "bilatextract/models/common/ministries.toml" in names
    for factory in ("bilat_ministries", "bilat_ministers", "bilat_dates", "bilat_agreements"):
        assert factory in entry_points
    assert "bilatextract = bilatextract.cli:main" in entry_points
