"""displaCy rendering: the entities highlighted with their normalised attributes, as HTML."""

from __future__ import annotations

import html
from pathlib import Path

from texts import GERMAN

import bilatextract
from bilatextract import pipeline
from bilatextract.render import entity_label, render, save_html, to_displacy
from bilatextract.types import DateMention, Document, Minister, Ministry

TEXT = "Am 14. Oktober 2025 sprach der Minister of State at the Federal Foreign Office <Link>."


def composed() -> Document:
    # The minister's span contains the ministry's: the rendering must show both.
    entities = (
        DateMention("14. Oktober 2025", 3, 19, value="2025-10-14", granularity="day"),
        Minister("Minister of State at the Federal Foreign Office", 31, 78, country="DE", portfolio="foreign"),
        Ministry("Federal Foreign Office", 56, 78, country="DE", portfolio="foreign", ministry="DE-AA"),
    )
    return Document(text=TEXT, language="de", supported=True, entities=entities, id="r&d")


def test_each_entity_is_labelled_with_its_type_and_attributes() -> None:
    doc = composed()
    assert [TEXT[e.start:e.end] for e in doc.entities] == [e.text for e in doc.entities]
    markup = render(doc, jupyter=False)
    assert entity_label(doc.entities[0]) == "DATE · 2025-10-14 · day"
    assert entity_label(doc.entities[2]) == "MINISTRY · DE · foreign · DE-AA"
    for e in doc.entities:
        assert html.escape(entity_label(e)) in markup
    # The text is all there, escaped; the document id is the title.
    assert "&lt;Link&gt;" in markup and "<Link>" not in markup
    assert "r&amp;d" in markup
    for word in ("Oktober", "State", "Federal", "Foreign", "Office", "sprach"):
        assert word in markup


def test_overlapping_spans_map_to_their_tokens() -> None:
    parsed = to_displacy(composed())
    tokens, spans = parsed["tokens"], parsed["spans"]
    assert [" ".join(tokens[s["start_token"]:s["end_token"]]) for s in spans] == [
        "14. Oktober 2025", "Minister of State at the Federal Foreign Office", "Federal Foreign Office"]


def test_standalone_page(tmp_path: Path) -> None:
    path = save_html([composed(), bilatextract.extract(GERMAN, reference_date="2025-10-15")], tmp_path / "e.html")
    page = path.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert page.rstrip().endswith("</html>")
    assert "DATE · 2025-10-14 · day" in page
    assert "Wirtschaftspartnerschaftsabkommen" in page


def test_real_results_and_spacy_docs_render_every_entity() -> None:
    doc = bilatextract.extract(GERMAN, reference_date="2025-10-15")
    markup = render(doc, jupyter=False)
    for e in doc.entities:
        assert html.escape(entity_label(e)) in markup
    spacy_doc = pipeline.get("de")(GERMAN)
    spacy_markup = render(spacy_doc, jupyter=False)
    for e in spacy_doc._.bilat:
        assert html.escape(entity_label(e)) in spacy_markup


def test_a_page_declares_its_charset(tmp_path: Path) -> None:
    page = render(composed(), page=True, jupyter=False)
    assert '<meta charset="utf-8">' in page and page.index("<meta charset") < page.index("<title>")
    saved = save_html(composed(), tmp_path / "p.html").read_bytes()
    assert b'<meta charset="utf-8">' in saved
