"""spaCy integration: the factories in a user's own pipeline, doc.spans["bilat"], doc._.bilat, to_disk/spacy.load."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from texts import ENGLISH, GERMAN

import bilatextract
from bilatextract import pipeline
from bilatextract.components.base import ATTRS, LABELS, SPAN_KEY
from bilatextract.types import Entity

FACTORIES = ("bilat_ministries", "bilat_ministers", "bilat_dates", "bilat_agreements")


def span_tuples(doc: spacy.tokens.Doc) -> list[tuple]:
    return [(s.label_, s.start_char, s.end_char, json.dumps(s._.get(ATTRS), sort_keys=True))
            for s in doc.spans.get(SPAN_KEY, [])]


def installed_factories() -> set[str]:
    return {ep.name for ep in entry_points(group="spacy_factories")}


needs_installed = pytest.mark.skipif(
    not set(FACTORIES) <= installed_factories(),
    reason="bilatextract is not pip-installed in this interpreter, so its spacy_factories entry points "
           "are not registered (CI installs it with `pip install .[all]`)",
)


@pytest.mark.parametrize(("lang", "text"), [("de", GERMAN), ("en", ENGLISH)])
def test_doc_extension_gives_the_typed_entities_of_the_spans(lang: str, text: str) -> None:
    doc = pipeline.get(lang)(text)
    typed = doc._.bilat
    spans = list(doc.spans[SPAN_KEY])
    assert all(isinstance(e, Entity) for e in typed)
    assert sorted((e.type, e.start, e.end) for e in typed) == sorted((s.label_, s.start_char, s.end_char)
                                                                    for s in spans)
    assert [e.start for e in typed] == sorted(e.start for e in typed)
    for e in typed:
        assert text[e.start:e.end] == e.text
        assert e.type in LABELS


@pytest.mark.parametrize(("lang", "text"), [("de", GERMAN), ("en", ENGLISH)])
def test_doc_extension_agrees_with_extract(lang: str, text: str) -> None:
    doc = pipeline.get(lang)(text)
    doc._.bilat_reference_date = "2025-10-15"
    result = bilatextract.extract(text, lang=lang, reference_date="2025-10-15")
    assert tuple(doc._.bilat) == result.entities


def test_reference_date_on_the_doc_anchors_relative_dates() -> None:
    text = "Bundesaußenminister Heiko Maas reist im kommenden Jahr nach Tokio."
    nlp = pipeline.get("de")
    anchored = nlp(text)
    anchored._.bilat_reference_date = "2025-10-15"
    expected = bilatextract.extract(text, lang="de", reference_date="2025-10-15").dates
    assert [e for e in anchored._.bilat if e.type == "DATE"] == expected
    unanchored = [e for e in nlp(text)._.bilat if e.type == "DATE"]
    assert all(e.value is None for e in unanchored)  # no anchor: never today's clock


def test_a_working_date_extractor_is_visible_through_the_extension() -> None:
    doc = pipeline.get("de")("Bundesaußenminister Heiko Maas traf am 14. Oktober 2025 seinen Amtskollegen.")
    dates = [(e.text, e.value) for e in doc._.bilat if e.type == "DATE"]
    assert dates == [("14. Oktober 2025", "2025-10-14")]
    assert [s.label_ for s in doc.spans[SPAN_KEY]].count("DATE") == 1


@pytest.fixture(scope="module")
def saved_pipelines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """bilatextract's pipelines saved with nlp.to_disk, once per language."""
    root = tmp_path_factory.mktemp("saved")
    for lang in ("de", "en"):
        pipeline.get(lang).to_disk(root / lang)
    return {lang: root / lang for lang in ("de", "en")}


@pytest.mark.parametrize(("lang", "text"), [("de", GERMAN), ("en", ENGLISH)])
def test_saved_pipeline_loads_back_with_the_same_results(saved_pipelines: dict[str, Path], lang: str,
                                                          text: str) -> None:
    nlp = pipeline.get(lang)
    loaded = spacy.load(saved_pipelines[lang])
    assert loaded.pipe_names == nlp.pipe_names
    assert set(FACTORIES) <= set(loaded.pipe_names)
    original, again = nlp(text), loaded(text)
    assert span_tuples(again) == span_tuples(original)
    assert again._.bilat == original._.bilat


def test_docs_survive_serialisation_and_worker_processes() -> None:
    nlp = pipeline.get("en")
    doc = nlp(ENGLISH)
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert span_tuples(restored) == span_tuples(doc)
    assert restored._.bilat == doc._.bilat
    piped = list(nlp.pipe([ENGLISH, ENGLISH], n_process=2, batch_size=1))
    assert [span_tuples(d) for d in piped] == [span_tuples(doc)] * 2


USER_PIPELINE = r"""
import json, sys
import spacy
nlp = spacy.blank(sys.argv[1])
# The same set-up as bilatextract's own pipelines (docs: spaCy integration).
nlp.add_pipe("sentencizer")
for name in ("bilat_ministries", "bilat_ministers", "bilat_dates", "bilat_agreements"):
    nlp.add_pipe(name)
nlp.initialize()
imported_by_add_pipe = "bilatextract.components.ministries" in sys.modules
doc = nlp(sys.argv[2])
doc._.bilat_reference_date = "2025-10-15"
print(json.dumps({
    "spans": [[s.label_, s.start_char, s.end_char] for s in doc.spans["bilat"]],
    "typed": [e.to_dict() for e in doc._.bilat],
    "pipe_names": nlp.pipe_names,
    "imported_by_add_pipe": imported_by_add_pipe,
}))
"""

ONE_COMPONENT = r"""
import json, sys
import spacy
nlp = spacy.blank("en")
nlp.add_pipe("bilat_dates")
doc = nlp(sys.argv[1])
print(json.dumps([[s.label_, s.start_char, s.end_char] for s in doc.spans.get("bilat", [])]))
"""

LOAD_SAVED = r"""
import json, sys
import spacy
assert "bilatextract" not in sys.modules
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps([[s.label_, s.start_char, s.end_char] for s in doc.spans["bilat"]]))
"""


def run_fresh(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    # A fresh interpreter outside the checkout, so only the installed package can be found.
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@needs_installed
@pytest.mark.parametrize(("lang", "text"), [("de", GERMAN), ("en", ENGLISH)])
def test_users_blank_pipeline_adds_the_components_without_importing_bilatextract(
    tmp_path: Path, lang: str, text: str
) -> None:
    run = run_fresh(USER_PIPELINE, lang, text, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["pipe_names"] == ["sentencizer", *FACTORIES]
    assert out["imported_by_add_pipe"]
    # The same components as bilatextract's own pipeline find the same spans. Its tokenizer also splits a
    # sentence-final year from its full stop ("2025."); spaCy's default one does not, so there a date
    # may keep that full stop (docs: spaCy integration). Nothing else may differ.
    expected = pipeline.get(lang)(text)
    wanted = [[s.label_, s.start_char, s.end_char] for s in expected.spans[SPAN_KEY]]
    assert [span[:2] for span in out["spans"]] == [span[:2] for span in wanted]
    for (_, _, end), (_, _, wanted_end) in zip(out["spans"], wanted, strict=True):
        assert end == wanted_end or text[wanted_end:end] == "."
    assert len(out["typed"]) == len(out["spans"])
    for entity, (label, start, end) in zip(out["typed"], out["spans"], strict=True):
        assert (entity["type"], entity["start"], entity["end"]) == (label, start, end)
        assert text[start:end] == entity["text"]


@needs_installed
def test_saved_pipeline_loads_in_a_fresh_process_through_the_entry_points(
    tmp_path: Path, saved_pipelines: dict[str, Path]
) -> None:
    run = run_fresh(LOAD_SAVED, str(saved_pipelines["de"]), GERMAN, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    expected = pipeline.get("de")(GERMAN)
    assert json.loads(run.stdout) == [[s.label_, s.start_char, s.end_char] for s in expected.spans[SPAN_KEY]]


@needs_installed
def test_a_single_component_works_in_a_bare_blank_pipeline(tmp_path: Path) -> None:
    run = run_fresh(ONE_COMPONENT, ENGLISH, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    spans = json.loads(run.stdout)
    assert all(label == "DATE" for label, _, _ in spans)
    assert spans == sorted(spans, key=lambda s: s[1])
