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


def _project() -> dict:
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_running_versions_are_declared_and_the_floor_is_one_that_works() -> None:
    import platform

    import spacy
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet

    project = _project()
    assert platform.python_version() in SpecifierSet(project["requires-python"])
    spacy_req = next(Requirement(d) for d in project["dependencies"] if d.startswith("spacy"))
    assert spacy.__version__ in spacy_req.specifier
    # spaCy 3.7 and early 3.8 releases cannot build the pipelines: the floor stays in 3.8.13+.
    assert "3.7.5" not in spacy_req.specifier and "3.8.7" not in spacy_req.specifier
    assert "3.9.0" not in spacy_req.specifier, "a spaCy minor release nobody has tested"
    for minor in (11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in project["classifiers"]


def _extra(name: str, extras: dict[str, list[str]]) -> set[str]:
    """The distributions an extra installs, self-references (``bilatextract[a,b]``) expanded."""
    import re

    names: set[str] = set()
    for requirement in extras[name]:
        match = re.match(r"bilatextract\[([\w,]+)\]", requirement)
        if match:
            for inner in match.group(1).split(","):
                names |= _extra(inner, extras)
        else:
            names.add(re.split(r"[\[<>=; ]", requirement)[0].lower())
    return names


def test_the_test_extra_installs_what_the_suite_imports() -> None:
    extras = _project()["optional-dependencies"]
    test = _extra("test", extras)
    for needed in ("pytest", "hypothesis", "jsonschema", "pandas", "dask", "distributed", "nbclient", "nbformat",
                   "ipykernel", "sphinx", "myst-parser"):
        assert needed in test, needed
    assert _extra("dask", extras) >= {"dask", "distributed", "pandas"}
    assert "pytest" not in _extra("pandas", extras) | _extra("dask", extras)


def test_the_documentation_installs_extras_from_the_checkout_one_way() -> None:
    texts = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")), REPO / "docs" / "example.ipynb"]
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert "pip install bilatextract[" not in text and 'pip install "bilatextract[' not in text, path
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'pip install ".[dask]"' in readme and '.venv/bin/pip install ".[test]"' in readme
