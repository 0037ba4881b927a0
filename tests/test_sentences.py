"""The sentencizer component: spaCy's sentence starts, computed on the document's arrays."""

from __future__ import annotations

import pytest
import spacy

from bilatextract import pipeline
from bilatextract.components.sentences import ArraySentencizer

TEXTS = [
    "",
    "Hallo",
    "...",
    "Ende.",
    "Er sagte: „Ja.“ Dann ging er. (Siehe oben.) Ende!? Ja",
    "The minister left. \"Why?\" she asked… Then: nothing. 14. Oktober 2025. Am 3. Mai.",
    "。Test。。x",
    "a . . b ! ? c",
]



@pytest.mark.parametrize("lang", ["de", "en"])
def test_same_sentence_starts_as_spacys_sentencizer(lang: str, dev_docs: list[dict]) -> None:
    nlp = pipeline.get(lang)
    ours = nlp.get_pipe("sentencizer")
    assert isinstance(ours, ArraySentencizer)
    theirs = spacy.blank(lang).add_pipe("sentencizer")
    for text in TEXTS + [d["text"] for d in dev_docs]:
        mine = [t.is_sent_start for t in ours(nlp.make_doc(text))]
        assert mine == [t.is_sent_start for t in theirs(nlp.make_doc(text))], text[:60]
    doc = ours(nlp.make_doc("Er kam. Sie ging! Ende"))
    assert [s.text for s in doc.sents] == ["Er kam.", "Sie ging!", "Ende"]


def test_own_punctuation_and_serialisation() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("bilat_sentencizer", config={"punct_chars": [";"]})
    assert [s.text for s in nlp("One; two. Three").sents] == ["One;", "two. Three"]
    again = spacy.blank("en")
    again.add_pipe("bilat_sentencizer").from_bytes(nlp.get_pipe("bilat_sentencizer").to_bytes())
    assert [s.text for s in again("One; two. Three").sents] == ["One;", "two. Three"]
