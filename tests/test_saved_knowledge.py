"""A saved pipeline carries the knowledge its components read: loaded where ``models/`` differ, it
gives the results it gave when saved. Components compile from a models folder named by
``data_path``, and save and load their knowledge as bytes too.

The "changed" models are a copy of the installed ones with three edits that each change the
result on ``TEXT``: the Federal Foreign Office gets another id, the office-holder Wadephul is
removed, and the German month "März" is renamed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import spacy
from conftest import subprocess_env

import bilatextract
from bilatextract import pipeline
from bilatextract.components.base import ATTRS, SPAN_KEY
from bilatextract.resources import models_dir

TEXT = ("Am 3. März 2025 empfing Außenminister Johann Wadephul im Auswärtigen Amt seinen Kollegen; "
        "sie sprachen über das Wirtschaftspartnerschaftsabkommen und das Bundesministerium für Wirtschaft "
        "und Energie (BMWi).")
COMPONENTS = ("bilat_ministries", "bilat_ministers", "bilat_dates", "bilat_agreements")

#: (file under models/, text, replacement)
EDITS = (
    ("common/ministries.toml", 'id = "DE-AA"\n', 'id = "DE-XAA"\n'),
    ("de/dates.toml", '"März" = 3\n', '"Märzen" = 3\n'),
)
REMOVED_PERSON = "DE-wadephul-johann\t"


def spans(doc: spacy.tokens.Doc) -> list[list]:
    return [[s.label_, s.start_char, s.end_char, json.loads(json.dumps(s._.get(ATTRS), sort_keys=True))]
            for s in doc.spans[SPAN_KEY]]


def changed_copy(root: Path) -> Path:
    """The installed models with the edits of ``EDITS`` and without one office-holder."""
    shutil.copytree(models_dir(), root, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, old, new in EDITS:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (rel, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    persons = root / "common" / "officeholders" / "persons.tsv"
    lines = persons.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(REMOVED_PERSON)]
    assert len(kept) == len(lines) - 1
    persons.write_text("".join(kept), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return changed_copy(tmp_path_factory.mktemp("changed") / "models")


@pytest.fixture(scope="module")
def expected() -> list[list]:
    return spans(bilatextract.Extractor().nlp("de")(TEXT))


def assert_changed(found: list[list], expected: list[list]) -> None:
    """``found`` shows each of the edits of the changed models, where ``expected`` does not."""
    def attrs(result: list[list], label: str) -> list[dict]:
        return [a for lab, _s, _e, a in result if lab == label]

    assert "DE-AA" in {a.get("ministry") for a in attrs(expected, "MINISTRY")}
    assert "DE-XAA" in {a.get("ministry") for a in attrs(found, "MINISTRY")}
    assert "DE-wadephul-johann" in {a.get("person") for a in attrs(expected, "MINISTER")}
    assert "DE-wadephul-johann" not in {a.get("person") for a in attrs(found, "MINISTER")}
    assert "2025-03-03" in {a.get("value") for a in attrs(expected, "DATE")}
    assert "2025-03-03" not in {a.get("value") for a in attrs(found, "DATE")}


def build(data_path: Path | None = None, *, in_initialize: bool = False) -> spacy.Language:
    """bilatextract's German pipeline, its components compiled from ``data_path`` (set in the
    factories' config, or with ``in_initialize`` in the ``[initialize.components]`` settings)."""
    if data_path is None:
        return pipeline.build("de")
    fresh = spacy.blank("de", config={"nlp": {"tokenizer": {"@tokenizers": "bilatextract.tokenizer.v1"}}})
    fresh.add_pipe("sentencizer")
    for name in COMPONENTS:
        fresh.add_pipe(name, config={} if in_initialize else {"data_path": str(data_path)})
        if in_initialize:
            fresh.config["initialize"]["components"][name] = {"data_path": str(data_path)}
    fresh.initialize()
    return fresh


# -- in a fresh process whose installed models differ -----------------------------------------------

LOAD_WITH_CHANGED_MODELS = r"""
import json, sys
import spacy
import bilatextract
from bilatextract.components.base import ATTRS, SPAN_KEY

def spans(doc):
    return [[s.label_, s.start_char, s.end_char, json.loads(json.dumps(s._.get(ATTRS), sort_keys=True))]
            for s in doc.spans[SPAN_KEY]]

saved, text = sys.argv[1], sys.argv[2]
loaded = spacy.load(saved)
print(json.dumps({
    "loaded": spans(loaded(text)),
    "fresh": spans(bilatextract.Extractor().nlp("de")(text)),
    "loaded_again": spans(loaded(text)),
    "typed": [e.to_dict() for e in loaded(text)._.bilat],
    "workers": [spans(doc) for doc in loaded.pipe([text, text], n_process=2, batch_size=1)],
}))
"""


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory, changed: Path) -> dict[str, list]:
    """A German pipeline saved here, loaded in a fresh process whose BILATEXTRACT_MODELS is the changed copy."""
    saved = tmp_path_factory.mktemp("saved") / "de"
    bilatextract.Extractor().nlp("de").to_disk(saved)
    env = dict(subprocess_env(), BILATEXTRACT_MODELS=str(changed))
    done = subprocess.run([sys.executable, "-c", LOAD_WITH_CHANGED_MODELS, str(saved), TEXT],
                          capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path_factory.getbasetemp())
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_saved_pipeline_gives_its_saved_results_where_the_installed_models_differ(
    elsewhere: dict[str, list], expected: list[list]
) -> None:
    assert_changed(elsewhere["fresh"], expected)  # the changed models do change the results
    assert elsewhere["loaded"] == expected
    assert elsewhere["loaded_again"] == expected  # after the installed models were read in that process


def test_the_typed_entities_of_a_loaded_pipeline_look_up_its_saved_knowledge(elsewhere: dict[str, list]) -> None:
    doc = bilatextract.Extractor().nlp("de")(TEXT)
    assert elsewhere["typed"] == json.loads(json.dumps([e.to_dict() for e in doc._.bilat]))
    assert "DE-AA" in {e["ministry"] for e in elsewhere["typed"] if e["type"] == "MINISTRY"}


def test_worker_processes_of_a_loaded_pipeline_read_its_saved_knowledge(
    elsewhere: dict[str, list], expected: list[list]
) -> None:
    assert elsewhere["workers"] == [expected, expected]


# -- in this process ---------------------------------------------------------------------------------

@pytest.mark.parametrize("in_initialize", [False, True])
def test_data_path_compiles_the_components_from_another_models_folder(
    changed: Path, expected: list[list], in_initialize: bool
) -> None:
    nlp = build(changed, in_initialize=in_initialize)
    assert_changed(spans(nlp(TEXT)), expected)
    assert nlp.get_pipe_config("bilat_dates")["data_path"] == (None if in_initialize else str(changed))


def test_pipelines_of_two_models_folders_in_one_process_keep_their_own_results(
    changed: Path, expected: list[list]
) -> None:
    installed, other = build(), build(changed)
    first = spans(other(TEXT))
    assert_changed(first, expected)
    assert spans(installed(TEXT)) == expected
    assert spans(other(TEXT)) == first
    assert bilatextract.extract(TEXT, lang="de").ministries[0].ministry == "DE-AA"


def test_components_save_and_load_their_knowledge_as_bytes(changed: Path, expected: list[list]) -> None:
    installed, other = build(), build(changed)
    wanted = spans(other(TEXT))
    assert_changed(wanted, expected)
    for name in COMPONENTS:
        installed.get_pipe(name).from_bytes(other.get_pipe(name).to_bytes())
    assert spans(installed(TEXT)) == wanted
    again = build()
    for name in COMPONENTS:
        other.get_pipe(name).from_bytes(again.get_pipe(name).to_bytes())
    assert spans(other(TEXT)) == expected


def test_a_pipeline_loaded_from_disk_on_the_same_install_gives_identical_results(
    tmp_path: Path, expected: list[list]
) -> None:
    nlp = build()
    nlp.to_disk(tmp_path / "de")
    loaded = spacy.load(tmp_path / "de")
    doc = loaded(TEXT)
    assert spans(doc) == expected
    doc._.bilat_reference_date = "2025-03-04"
    original = nlp(TEXT)
    original._.bilat_reference_date = "2025-03-04"
    assert doc._.bilat == original._.bilat
    for name in COMPONENTS:  # each component keeps the files of its language and the common ones
        saved = tmp_path / "de" / name / "models"
        assert (saved / "de" / "dates.toml").is_file() and (saved / "common" / "ministries.toml").is_file()


def test_a_component_added_without_initialising_compiles_on_first_use() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("bilat_dates")
    assert [s.text for s in nlp("Am 3. März 2025 in Berlin.").spans[SPAN_KEY]] == ["3. März 2025"]


def test_threads_using_components_not_yet_compiled_all_get_the_full_results(expected: list[list]) -> None:
    nlp = spacy.blank("de", config={"nlp": {"tokenizer": {"@tokenizers": "bilatextract.tokenizer.v1"}}})
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda _: spans(nlp(TEXT)), range(8)))
    assert found == [expected] * 8


def test_the_compiled_trigger_patterns_saved_with_a_component_are_the_ones_it_uses(
    tmp_path: Path, expected: list[list]
) -> None:
    build().to_disk(tmp_path / "de")
    compiled = tmp_path / "de" / "bilat_ministries" / "compiled.json"
    patterns = json.loads(compiled.read_text(encoding="utf-8"))
    lower = patterns["triggers"]["LOWER"]
    assert "auswärtigen" in lower
    patterns["triggers"]["LOWER"] = [form for form in lower if not form.startswith("auswärtig")]
    compiled.write_text(json.dumps(patterns), encoding="utf-8")
    found = [(label, start, end) for label, start, end, _a in spans(spacy.load(tmp_path / "de")(TEXT))]
    wanted = [(label, start, end) for label, start, end, _a in expected]
    missing = [span for span in wanted if span not in found]
    assert [TEXT[start:end] for _label, start, end in missing] == ["Auswärtigen Amt"]


FUSED = "Das Bundesinnenministerium und das Außenministerium Japans prüfen den Vorschlag."


def test_the_fused_heads_saved_with_a_component_are_the_ones_it_uses(tmp_path: Path) -> None:
    nlp = build()
    expected = [s.text for s in nlp(FUSED).spans[SPAN_KEY]]
    assert expected == ["Bundesinnenministerium", "Außenministerium"]
    nlp.to_disk(tmp_path / "de")
    compiled = tmp_path / "de" / "bilat_ministries" / "compiled.json"
    patterns = json.loads(compiled.read_text(encoding="utf-8"))
    assert "ministerium" in patterns["compound_heads"]
    patterns["compound_heads"] = [head for head in patterns["compound_heads"] if "ministerium" not in head]
    compiled.write_text(json.dumps(patterns), encoding="utf-8")
    # "Bundesinnenministerium" is a known name of the knowledge base too; the generic compound is gone
    assert [s.text for s in spacy.load(tmp_path / "de")(FUSED).spans[SPAN_KEY]] == ["Bundesinnenministerium"]


def test_a_component_saved_with_the_fused_heads_as_one_pattern_loads_and_gives_the_same_results(
    tmp_path: Path, expected: list[list]
) -> None:
    # As saved before 2026-12-08: no list of fused heads, only the pattern of them.
    nlp = build()
    fused = spans(nlp(FUSED))
    nlp.to_disk(tmp_path / "de")
    compiled = tmp_path / "de" / "bilat_ministries" / "compiled.json"
    patterns = json.loads(compiled.read_text(encoding="utf-8"))
    del patterns["compound_heads"]
    assert "ministerium" in patterns["fused_heads"]
    compiled.write_text(json.dumps(patterns), encoding="utf-8")
    loaded = spacy.load(tmp_path / "de")
    assert spans(loaded(TEXT)) == expected
    assert spans(loaded(FUSED)) == fused


def test_a_pipeline_saved_without_knowledge_loads_and_reads_the_installed_models(
    tmp_path: Path, expected: list[list]
) -> None:
    # As saved by versions whose components saved nothing: no folder per component.
    build().to_disk(tmp_path / "de")
    for name in COMPONENTS:
        shutil.rmtree(tmp_path / "de" / name)
    assert spans(spacy.load(tmp_path / "de")(TEXT)) == expected
