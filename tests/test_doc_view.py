"""The shared per-document view the components read (``components.base.view_of``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from bilatextract import pipeline
from bilatextract.components.base import view_of

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev-world.jsonl"


def _texts() -> list[str]:
    texts = ["", "   ", "Kein Satzende", "Erster Satz. Zweiter Satz! Dritter? Ja.\n\nNeuer Absatz"]
    if CORPUS.exists():
        texts += [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()[:12]]
    return texts


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sentence_starts_are_those_of_doc_sents(lang: str) -> None:
    nlp = pipeline.get(lang)
    for text in _texts():
        doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
        view = view_of(doc)
        assert view.sentence_starts == [s.start for s in doc.sents], text[:60]
        assert view.token_texts == [t.text for t in doc] and view.token_starts == [t.idx for t in doc]


def test_sentence_starts_without_boundaries_and_with_a_sents_hook() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("One. Two. Three.")
    assert view_of(doc).sentence_starts == [0]  # no sentence boundaries set: one sentence
    hooked = nlp.make_doc("One. Two. Three.")
    hooked.user_hooks["sents"] = lambda d: iter([d[0:2], d[2:6]])
    assert view_of(hooked).sentence_starts == [0, 2]
    assert view_of(nlp.make_doc("")).sentence_starts == []
