"""The lookup lemmatiser component: spaCy's lemmas, from one look-up per distinct word."""

from __future__ import annotations

import pytest
import spacy

from bilatextract import pipeline
from bilatextract.components.lemmatizer import LookupLemmatizer

TEXTS = [
    "Die Ministerien unterzeichneten Abkommen. Die Ministerin reiste nach Tokio und traf Ministern.",
    "The ministers signed agreements; the Ministry was represented by two State Ministers.",
]



def _spacy_lemmatizer(lang: str) -> spacy.language.Language:
    reference = spacy.blank(lang)
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    return reference


@pytest.mark.parametrize("lang", ["de", "en"])
def test_same_lemmas_as_spacys_lookup_lemmatizer(lang: str, dev_docs: list[dict]) -> None:
    nlp = pipeline.get(lang)
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, LookupLemmatizer)
    theirs = _spacy_lemmatizer(lang).get_pipe("lemmatizer")
    for text in TEXTS + [d["text"] for d in dev_docs]:
        # Twice: the second pass reads the remembered lemmas.
        for _ in range(2):
            mine = [t.lemma_ for t in ours(nlp.make_doc(text))]
            assert mine == [t.lemma_ for t in theirs(nlp.make_doc(text))]


def test_known_lemmas_and_preset_lemmas_kept() -> None:
    nlp = pipeline.get("de")
    doc = nlp.make_doc("Die Ministerien unterzeichneten Abkommen.")
    doc[1].lemma_ = "Behörde"  # set before the lemmatiser: not overwritten (overwrite=False)
    lemmas = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc)]
    assert lemmas[1] == "Behörde"
    assert lemmas[2] == "unterzeichnen"


def test_overwrite_replaces_preset_lemmas() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("bilat_lookup_lemmatizer", config={"overwrite": True})
    nlp.initialize()
    doc = nlp.make_doc("Die Ministerien")
    doc[1].lemma_ = "Behörde"
    assert [t.lemma_ for t in nlp.get_pipe("bilat_lookup_lemmatizer")(doc)][1] == "Ministerium"


def test_empty_doc_and_memory_zone() -> None:
    nlp = pipeline.get("de")
    assert len(nlp("")) == 0
    # Strings added inside a memory zone are dropped after it: lemmas must still read afterwards.
    with nlp.memory_zone():
        inside = [t.lemma_ for t in nlp("Die Verhandlungsführerinnen unterzeichneten Xyzabkommen.")]
    after = [t.lemma_ for t in nlp("Die Verhandlungsführerinnen unterzeichneten Xyzabkommen.")]
    assert inside == after
