"""Sphinx configuration: Markdown pages (MyST) and the API reference from docstrings.

Build: ``python -m sphinx -W --keep-going -b html docs docs/_build/html`` (needs the ``docs`` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Document the source tree beside this folder when it is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bilatextract  # noqa: E402

project = "bilatextract"
author = "the bilatextract team"
copyright = "2026, the bilatextract team"  # noqa: A001  (Sphinx's setting name)
release = version = bilatextract.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "examples", "**.ipynb_checkpoints", "README.md"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}

html_theme = "alabaster"
html_title = f"bilatextract {release}"
# No external resources at build time: the build must work offline.
html_theme_options = {"description": "Ministries, ministers, dates and agreements from diplomatic texts"}


#: Pages written by whoever measures (accuracy-dates.md, speed-*.md, ...): listed in the
#: contents where they exist, without a warning where they do not yet.
MEASUREMENT_PAGES = ("accuracy-", "speed-")


def _list_measurement_pages(app, docname: str, source: list[str]) -> None:  # noqa: ANN001
    if docname != root_doc:
        return
    pages = sorted(p.stem for p in Path(app.srcdir).glob("*.md")
                   if p.stem.startswith(MEASUREMENT_PAGES) and f"\n{p.stem}\n" not in source[0])
    block = ""
    if pages:
        block = "```{toctree}\n:maxdepth: 1\n:caption: Measurements in detail\n\n" + "\n".join(pages) + "\n```\n"
    source[0] = source[0].replace("<!-- measurement pages -->", block)


def setup(app) -> None:  # noqa: ANN001
    app.connect("source-read", _list_measurement_pages)
