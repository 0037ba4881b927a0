"""A third language is a folder of data: French from a fixture folder, with no code change.

``tests/fixtures/models/fr`` holds a minimal French (a few titles, written in lower case, the
months, a ministry, elision); the library is pointed at a models folder holding the real
``de``, ``en`` and ``common`` data beside it (``BILATEXTRACT_MODELS``), in a fresh process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, subprocess_env

from bilatextract.resources import models_dir

FIXTURE = REPO / "tests" / "fixtures" / "models" / "fr"

#: Composed for this test; the expected entities below were written down before running it.
FRENCH = ("Paris, le 3 mars 2025 – Le ministre des Affaires étrangères Jean-Noël Barrot a reçu au "
          "ministère des Armées son homologue japonais pour parler de l'Europe.")
EXPECTED = [
    ("DATE", "3 mars 2025", {"value": "2025-03-03"}),
    ("MINISTER", "ministre des Affaires étrangères Jean-Noël Barrot", {"family_name": "Barrot",
                                                                      "portfolio": "foreign"}),
    ("MINISTRY", "ministère des Armées", {"portfolio": "defence"}),
]

RUN = r"""
import json, sys
import bilatextract
from bilatextract.resources import language_profile, languages
doc = bilatextract.extract(sys.argv[1])
print(json.dumps({"languages": list(languages()), "capitalised": language_profile("fr").titles_capitalised,
                  "doc": doc.to_dict()}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def models_with_french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    for entry in models_dir().iterdir():
        if entry.is_dir():
            shutil.copytree(entry, root / entry.name)
    shutil.copytree(FIXTURE, root / "fr")
    return root


def run_with_models(models: Path, text: str) -> dict:
    env = dict(subprocess_env(), BILATEXTRACT_MODELS=str(models))
    done = subprocess.run([sys.executable, "-c", RUN, text], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_models_folder_setting_adds_a_language(models_with_french: Path) -> None:
    out = run_with_models(models_with_french, FRENCH)
    assert out["languages"] == ["de", "en", "fr"]
    assert out["capitalised"] is False
    assert (out["doc"]["language"], out["doc"]["supported"]) == ("fr", True)


def test_french_from_data_alone_gives_a_minister_a_ministry_and_a_date(models_with_french: Path) -> None:
    doc = run_with_models(models_with_french, FRENCH)["doc"]
    for label, text, attributes in EXPECTED:
        found = [e for e in doc["entities"] if e["type"] == label and e["text"] == text]
        assert found, (label, text, doc["entities"])
        start = FRENCH.index(text)
        assert (found[0]["start"], found[0]["end"]) == (start, start + len(text))
        for key, value in attributes.items():
            assert found[0][key] == value, (label, key, found[0])


def test_the_bundled_models_stay_german_and_english() -> None:
    # Without the setting, French is unsupported (the fixture is not part of the package).
    env = subprocess_env()
    env.pop("BILATEXTRACT_MODELS", None)
    done = subprocess.run([sys.executable, "-c", RUN.replace('language_profile("fr").titles_capitalised', "None"),
                           FRENCH], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert "fr" not in out["languages"]
    assert (out["doc"]["language"], out["doc"]["supported"], out["doc"]["entities"]) == ("fr", False, [])


def test_a_misspelt_switch_in_language_toml_is_reported(tmp_path: Path, models_with_french: Path) -> None:
    broken = tmp_path / "models"
    shutil.copytree(models_with_french, broken)
    toml = broken / "fr" / "language.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("titles_capitalised", "titles_capitalized"),
                    encoding="utf-8")
    env = dict(subprocess_env(), BILATEXTRACT_MODELS=str(broken))
    code = "from bilatextract.resources import language_profile\nlanguage_profile('fr')\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode != 0
    assert "fr/language.toml: unknown keys ['titles_capitalized']" in done.stderr


def test_a_models_setting_naming_no_folder_is_reported(tmp_path: Path) -> None:
    env = dict(subprocess_env(), BILATEXTRACT_MODELS=str(tmp_path / "missing"))
    done = subprocess.run([sys.executable, "-c", "import bilatextract; bilatextract.extract('Guten Tag.')"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode != 0 and "BILATEXTRACT_MODELS" in done.stderr and "missing" in done.stderr
