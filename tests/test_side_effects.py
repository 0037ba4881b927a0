"""Extraction writes no file and changes no other package: checked in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import subprocess_env

RUN = r"""
import gc, json, sys
import langdetect.detector_factory as ldf
import spacy

before = {"seed": ldf.DetectorFactory.seed, "factory": ldf._factory, "info": spacy.info,
          "blank": spacy.blank, "gc": gc.isenabled()}
import bilatextract

texts = ["Am 3. März 2024 traf Außenminister Wadephul in Berlin ein.",
         "On 3 March 2024 Foreign Minister Motegi met the Chancellor.",
         "Presse & Publikationen", "Visita della ministra a Tokyo", "Haushalt beschlossen"]
docs = [bilatextract.extract(t) for t in texts] + list(bilatextract.Extractor().pipe(texts))
after = {"seed": ldf.DetectorFactory.seed, "factory": ldf._factory, "info": spacy.info,
         "blank": spacy.blank, "gc": gc.isenabled()}
# Building a pipeline moves the objects alive then out of the cycle collector's view (gc.freeze,
# documented in docs/speed.md); the collector itself stays on.
print(json.dumps({"same": before == after, "entities": sum(len(d.entities) for d in docs),
                  "languages": [d.language for d in docs[:5]]}))
"""


def test_extraction_writes_no_file_and_patches_no_other_package(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    env = dict(subprocess_env(), HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), TMPDIR=str(work))
    done = subprocess.run([sys.executable, "-c", RUN], capture_output=True, text=True, env=env, cwd=work,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["same"] is True
    assert out["entities"] > 0
    # The short headlines asked the detector and the lemma vocabulary: still nothing written.
    assert out["languages"] == ["de", "en", "de", "it", "de"]
    assert list(home.iterdir()) == [] and list(work.iterdir()) == []


def test_bilatextract_imports_spacy_as_spacy_itself_does(tmp_path: Path) -> None:
    # Imported first, bilatextract leaves spaCy exactly as `import spacy` makes it.
    code = ("import sys, bilatextract, spacy\n"
            "print(spacy.info is sys.modules['spacy.cli.info'].info, '__getattr__' in vars(spacy),"
            " 'spacy.cli' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(),
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "True"]
