"""The fast paths of the dates component give what the plain spaCy calls they replace give."""

from __future__ import annotations

import pytest

from bilatextract import pipeline
from bilatextract.components.base import view_of
from bilatextract.components.dates import _token_range

TEXTS = [
    "",
    " ",
    "Am 14. Okt. 2025 (Dienstag) traf sich der Ausschuss; am 3.5.2019 nicht.\n\n  Ende  ",
    "On Sunday, April 10, 2022 -- and mid-May -- U.S. officials met.\tQ3/2024, 1718, ٢٠٢٤.",
    "vom 4.-6. Oktober 2015,KW 42 ,,  2024er Jahre, 10am, 17.30 Uhr, z.B. 5km.",
]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("text", TEXTS)
def test_token_range_is_strict_char_span(lang: str, text: str) -> None:
    doc = pipeline.get(lang).make_doc(text)
    view = view_of(doc, text)
    for start in range(len(text) + 2):
        for end in range(start, min(len(text), start + 30) + 2):
            ours = _token_range(view.token_starts, view.token_texts, start, end)
            theirs = doc.char_span(start, end) if end > start else None
            assert (ours is None) == (theirs is None), (start, end)
            if ours is not None:
                assert (ours.start, ours.end, ours.start_char, ours.end_char) == (
                    theirs.start, theirs.end, theirs.start_char, theirs.end_char), (start, end)


def test_span_attrs_written_as_spacy_writes_them() -> None:
    from bilatextract.components import base

    doc = pipeline.get("de")("Am 14. Oktober 2025 traf Außenminister Heiko Maas in Berlin den Minister.")
    spans = list(doc.spans[base.SPAN_KEY])
    assert spans and base._attrs_keyed is True
    for span in spans:
        # The value is found where spaCy's own extension look-up finds it.
        assert span._.get(base.ATTRS) is doc.user_data["._.", base.ATTRS, span.start_char, span.end_char]
        assert isinstance(span._.get(base.ATTRS), dict)
