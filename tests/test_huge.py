"""Texts longer than spaCy's max_length: cut on paragraph and sentence boundaries, with the
entities of every piece at their true offsets in the whole text."""

from __future__ import annotations

from bilatextract import Extractor, routing

PARAGRAPH = ("Am 14. Oktober 2025 empfing Bundesaußenministerin Annalena Baerbock im Auswärtigen Amt "
             "den japanischen Außenminister. Beide lobten das Wirtschaftspartnerschaftsabkommen (WPA).")
#: Cheap filler: one token per line (longer than the tokenizer's long-token limit), no entities.
FILLER = ("x" * 240 + "\n") * 60


def spans(doc) -> list[tuple[str, int, int, str]]:
    return [(e.type, e.start, e.end, e.text) for e in doc.entities]


def test_a_text_beyond_spacys_max_length_keeps_every_entity_at_its_offset():
    pieces, starts = [], []
    size = 0
    while size < 1_300_000:  # spaCy's max_length is 1,000,000
        starts.append(size)
        pieces.append(PARAGRAPH + "\n\n")
        size += len(PARAGRAPH) + 2
        pieces.append(FILLER)
        size += len(FILLER)
    text = "".join(pieces)
    extractor = Extractor()
    alone = spans(extractor.extract(PARAGRAPH, lang="de"))
    assert alone, "the paragraph should hold entities"
    doc = extractor.extract(text, lang="de")
    assert doc.error is None and len(doc.segments) > 10
    assert doc.segments[0].start == 0 and doc.segments[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(doc.segments, doc.segments[1:], strict=False))
    expected = sorted((t, s + off, e + off, x) for off in starts for t, s, e, x in alone)
    assert sorted(spans(doc)) == expected
    assert all(text[e.start : e.end] == e.text for e in doc.entities)


def test_split_of_20_mb_cuts_at_paragraphs_then_sentences_then_spaces():
    paragraph = "Ein Satz über das Auswärtige Amt. " * 40 + "\n\n"
    text = paragraph * (20_000_000 // len(paragraph))
    assert len(text) >= 19_000_000
    segments = routing.split(text, "de")
    assert segments[0].start == 0 and segments[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(segments, segments[1:], strict=False))
    assert all(0 < s.end - s.start <= routing.MAX_SEGMENT_CHARS for s in segments)
    assert all(text[s.end - 2 : s.end] == "\n\n" for s in segments[:-1])

    one_paragraph = "Ein Satz über das Auswärtige Amt. " * 10_000  # no paragraph breaks at all
    cuts = routing.split(one_paragraph, "de")
    assert len(cuts) > 1 and all(one_paragraph[s.end - 2 : s.end] == ". " for s in cuts[:-1])

    no_breaks = "Wort " * 50_000
    cuts = routing.split(no_breaks, "de")
    assert len(cuts) > 1 and all(no_breaks[s.end - 1] == " " for s in cuts[:-1])
