"""Typed errors: bad arguments are rejected up front with a message that says what to do,
and a document that fails is reported by id, never dropped."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

import bilatextract
from bilatextract import (
    BilatextractError,
    ExtractionError,
    Extractor,
    InputTypeError,
    InvalidArgumentError,
    UnsupportedLanguageError,
    pipeline,
)

GOOD = "Am 3. März 2024 traf die Außenministerin ihren Amtskollegen im Auswärtigen Amt."


@pytest.mark.parametrize("bad", [None, "Auswärtiges Amt".encode(), bytearray(b"x"), 42, 3.5, ["a text"], {"text": "x"}])
def test_a_text_that_is_not_a_str_raises_a_type_error(bad):
    with pytest.raises(InputTypeError) as info:
        bilatextract.extract(bad)
    assert isinstance(info.value, TypeError) and isinstance(info.value, BilatextractError)
    assert type(bad).__name__ in str(info.value)


def test_bytes_get_a_hint_to_decode_and_lists_a_hint_to_use_pipe():
    with pytest.raises(InputTypeError, match="decode"):
        bilatextract.extract(b"Auswaertiges Amt")
    with pytest.raises(InputTypeError, match="pipe"):
        bilatextract.extract(["one", "two"])


@pytest.mark.parametrize("bad", ["2025-13-01", "15.10.2025", "2025-10-15garbage", "yesterday", "", 20251015, True,
                                 dt.time(12, 0)])
def test_a_bad_reference_date_is_rejected_up_front(bad):
    with pytest.raises(InvalidArgumentError, match="reference_date") as info:
        bilatextract.extract(GOOD, reference_date=bad)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("good, expected", [("2025-10-15", dt.date(2025, 10, 15)),
                                            ("2025-10-15T09:30:00+02:00", dt.date(2025, 10, 15)),
                                            (dt.datetime(2024, 3, 4, 8, 0), dt.date(2024, 3, 4)),
                                            (dt.date(2024, 3, 4), dt.date(2024, 3, 4))])
def test_good_reference_dates_are_accepted(good, expected):
    doc = bilatextract.extract(GOOD, reference_date=good)
    assert doc.reference_date.date == expected and doc.reference_date.source == "argument"


@pytest.mark.parametrize("bad", ["", "german", "de-DE1", "DEU4", 5, ["de"]])
def test_a_malformed_lang_is_rejected_up_front(bad):
    with pytest.raises(InvalidArgumentError, match="lang"):
        bilatextract.extract(GOOD, lang=bad)


def test_a_well_formed_language_without_models_gives_an_unsupported_result():
    doc = bilatextract.extract("Le ministre a rencontré son homologue.", lang="fr")
    assert doc.language == "fr" and doc.supported is False and doc.entities == () and doc.error is None


def test_an_extractor_for_a_language_without_models_is_refused():
    with pytest.raises(UnsupportedLanguageError, match="supported"):
        Extractor(languages=["xx"])
    assert Extractor(languages="de").languages == ("de",)


@pytest.mark.parametrize("kwargs", [{"on_error": "ignore"}, {"batch_size": 0}, {"n_process": 0},
                                    {"batch_size": "64"}, {"reference_date": "soon"}, {"lang": "english"}])
def test_bad_pipe_arguments_are_rejected_before_any_work(kwargs):
    with pytest.raises(InvalidArgumentError):
        next(Extractor().pipe([GOOD], **kwargs))


def test_pipe_refuses_a_single_string():
    with pytest.raises(InputTypeError, match="iterable"):
        next(Extractor().pipe(GOOD))


BAD_ITEMS = [
    {"id": "ok-1", "text": GOOD},
    None,
    {"id": "no-text", "title": "x"},
    {"id": "bytes", "text": b"x"},
    {"id": "bad-date", "text": GOOD, "published": "31.02.2025"},
    {"id": "bad-lang", "text": GOOD, "lang": 7},
    {"id": "ok-2", "text": GOOD},
]


def test_pipe_returns_an_error_document_for_each_bad_item_in_order():
    docs = list(Extractor().pipe(BAD_ITEMS, on_error="return"))
    assert len(docs) == len(BAD_ITEMS)
    assert [d.id for d in docs] == ["ok-1", None, "no-text", "bytes", "bad-date", "bad-lang", "ok-2"]
    assert [d.error is None for d in docs] == [True, False, False, False, False, False, True]
    assert "InputTypeError" in docs[1].error and "InvalidArgumentError" in docs[4].error
    assert docs[0].to_dict()["entities"] == docs[-1].to_dict()["entities"] != []
    assert "error" in docs[4].to_dict()


def test_pipe_raises_at_the_first_bad_item_by_default():
    with pytest.raises(InputTypeError):
        list(Extractor().pipe(BAD_ITEMS))


@Language.component("test_reliability_boom")
def _boom(doc):
    # A component that fails on one marked document, as a broken extractor would.
    if "BOOM" in doc.text:
        raise RuntimeError("component failed")
    return doc


class FailingExtractor(Extractor):
    """An extractor whose German pipeline has one more, failing component."""

    _nlp: Language | None = None

    def nlp(self, lang: str) -> Language:
        if FailingExtractor._nlp is None:
            nlp = pipeline.build("de")
            nlp.add_pipe("test_reliability_boom")
            FailingExtractor._nlp = nlp
        return FailingExtractor._nlp


def test_a_document_failing_inside_extraction_is_returned_with_its_id():
    items = [{"id": "a", "text": GOOD}, {"id": "broken", "text": GOOD + " BOOM"}, {"id": "c", "text": GOOD}]
    docs = list(FailingExtractor(languages=["de"]).pipe(items, lang="de", on_error="return"))
    assert [d.id for d in docs] == ["a", "broken", "c"]
    assert docs[1].error is not None and "component failed" in docs[1].error
    assert docs[0].error is None and docs[2].error is None and docs[0].entities


def test_a_document_failing_inside_extraction_raises_with_its_id():
    items = [{"id": "a", "text": GOOD}, {"id": "broken", "text": "BOOM " + GOOD}]
    with pytest.raises(ExtractionError, match="broken") as info:
        list(FailingExtractor(languages=["de"]).pipe(items, lang="de"))
    assert info.value.doc_id == "broken"
