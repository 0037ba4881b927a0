"""The documentation: Sphinx builds it without a single warning, and the example notebook runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env

DOCS = REPO / "docs"


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    pytest.importorskip("sphinx", reason="the docs extra (Sphinx) is not installed")
    pytest.importorskip("myst_parser", reason="the docs extra (myst-parser) is not installed")
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "-d", str(tmp_path / "doctrees"),
         str(DOCS), str(tmp_path / "html")],
        capture_output=True, text=True, env=subprocess_env(), timeout=300,
    )
    assert build.returncode == 0, build.stderr
    html = tmp_path / "html"
    for page in ("index", "quickstart", "guide", "spacy", "notebooks", "dask", "cli", "api", "schema",
                 "accuracy", "speed"):
        assert (html / f"{page}.html").is_file(), page
    api = (html / "api.html").read_text(encoding="utf-8")
    # The reference really comes from the docstrings.
    for name in ("bilatextract.extract", "bilatextract.Extractor.pipe", "bilatextract.frame.to_frame",
                 "bilatextract.render.render", "bilatextract.dask.extract_bag", "bilatextract.schema.document_schema"):
        assert f'id="{name}"' in api, name
    assert (html / "_downloads").is_dir() and any((html / "_downloads").rglob("example.ipynb"))


def test_example_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat", reason="the docs extra (nbformat) is not installed")
    nbclient = pytest.importorskip("nbclient", reason="the docs extra (nbclient) is not installed")
    pytest.importorskip("ipykernel", reason="the docs extra (ipykernel) is not installed")
    # A kernel of exactly this interpreter, whatever kernels the machine has registered.
    kernels = tmp_path / "kernels" / "bilat-test"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "bilatextract test", "language": "python",
    }))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", subprocess_env()["PYTHONPATH"])
    notebook = nbformat.read(DOCS / "example.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs"
    client = nbclient.NotebookClient(notebook, kernel_name="bilat-test", timeout=300,
                                     resources={"metadata": {"path": str(DOCS)}})
    client.execute()  # raises CellExecutionError on any failing cell
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    outputs = [o for cell in code for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # The DataFrames show their columns; the rendering is displayed as HTML in the cell.
    assert any("family_name" in h and "doc_id" in h for h in html)
    render_cell = next(cell for cell in code if "render(doc)" in cell.source)
    displayed = [o.data["text/html"] for o in render_cell.outputs if "text/html" in o.get("data", {})]
    assert displayed and 'class="spans"' in displayed[0]
