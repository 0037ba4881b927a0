"""Story time, the document type, the dateline rule and yearless dates (issue 17).

Expected values were written from the annotation guide before the library was run.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bilatextract import Extractor, extract
from bilatextract.errors import InvalidArgumentError

ROOT = Path(__file__).resolve().parent.parent


def _values(doc: object) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in doc.dates]  # type: ignore[attr-defined]


# -- the dateline comes from the header only ------------------------------------------------------

def test_a_body_date_is_never_the_anchor() -> None:
    text = ("Außenminister Johann Wadephul erinnerte am Dienstag in Wien an den Staatsvertrag vom 15. Mai 1955 "
            "und kündigte für das kommende Jahr einen weiteren Besuch an.")
    doc = extract(text, lang="de")
    assert doc.reference_date.date is None and doc.reference_date.source == "none"
    assert _values(doc) == [("Dienstag", None), ("15. Mai 1955", "1955-05-15"), ("kommende Jahr", None)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Am 15. Mai 1955 wurde der Staatsvertrag unterzeichnet. Heute erinnerte der Minister daran.", "de"),
    ("On 15 May 1955 the State Treaty was signed. Today the minister recalled it.", "en"),
])
def test_a_date_opening_a_body_sentence_is_no_dateline(text: str, lang: str) -> None:
    doc = extract(text, lang=lang)
    assert doc.reference_date.source == "none"
    assert _values(doc)[1][1] is None


@pytest.mark.parametrize(("text", "lang", "dateline", "relative"), [
    ("Berlin, 14. Oktober 2025\n\nAm Dienstag traf die Ministerin ihren Amtskollegen.", "de",
     "2025-10-14", ("Dienstag", "2025-10-14")),
    ("Published: 3 March 2024\n\nThe minister arrived yesterday in Tokyo.", "en",
     "2024-03-03", ("yesterday", "2024-03-02")),
    ("Press release\ndate 2025-10-14\nThe minister met her counterpart today.", "en",
     "2025-10-14", ("today", "2025-10-14")),
    ("Tokyo, 3 March 2024 Press Release\nThe minister arrived yesterday.", "en",
     "2024-03-03", ("yesterday", "2024-03-02")),
])
def test_the_dateline_of_the_header_anchors_relative_dates(
    text: str, lang: str, dateline: str, relative: tuple[str, str]
) -> None:
    doc = extract(text, lang=lang)
    assert doc.reference_date.source == "dateline"
    assert doc.reference_date.date == dt.date.fromisoformat(dateline)
    assert relative in _values(doc)


# -- one sentence, resolved as news and as a narrative -------------------------------------------

NARRATIVE_SENTENCES = [
    ("de", "Am 1. September 1939 begann der Krieg. Am 17. September marschierte die Rote Armee ein, "
           "und im nächsten Jahr folgte der Westfeldzug.",
     {"17. September": "1939-09-17", "nächsten Jahr": "1940"},
     {"17. September": "2025-09-17", "nächsten Jahr": "2026"}),
    ("en", "On 1 September 1939 the war began. On 17 September the Soviet army invaded, "
           "and the next year the campaign in the west followed.",
     {"17 September": "1939-09-17", "next year": "1940"},
     {"17 September": "2025-09-17", "next year": "2026"}),
]


@pytest.mark.parametrize(("lang", "text", "narrative", "news"), NARRATIVE_SENTENCES)
def test_the_same_sentence_as_narrative_and_as_news(
    lang: str, text: str, narrative: dict[str, str], news: dict[str, str]
) -> None:
    as_story = dict(_values(extract(text, reference_date="2025-10-16", lang=lang, mode="narrative")))
    as_news = dict(_values(extract(text, reference_date="2025-10-16", lang=lang, mode="news")))
    for key, value in narrative.items():
        assert as_story[key] == value
    for key, value in news.items():
        assert as_news[key] == value


def test_anaphoric_dates_follow_the_story_in_news_too() -> None:
    text = "Im Mai 2015 reiste Enkhbold nach Berlin. Im Oktober desselben Jahres besuchte Gauck die Mongolei."
    doc = extract(text, reference_date="2017-12-05", lang="de", mode="news")
    assert ("Oktober desselben Jahres", "2015-10") in _values(doc)


def test_the_story_is_the_nearer_anchor_in_its_own_sentence() -> None:
    text = "Der Pakt wurde am 18. März 2016 beschlossen und trat am 20. März in Kraft."
    doc = extract(text, reference_date="2021-03-17", lang="de", mode="news")
    assert _values(doc) == [("18. März 2016", "2016-03-18"), ("20. März", "2016-03-20")]


def test_the_document_type_is_decided_from_its_dates_and_reported() -> None:
    history = ("Die Beziehungen begannen 1905. Am 9. April 1940 besetzte die Wehrmacht das Land. "
               "Im Mai 1945 endete die Besatzung; im Juni kehrte der König zurück.")
    doc = extract(history, reference_date="2025-11-03", lang="de")
    assert doc.reference_date.mode == "narrative"
    assert ("Juni", "1945-06") in _values(doc)
    release = "Am 14. Oktober 2025 traf Außenminister Wadephul seinen Amtskollegen. Im Dezember reist er nach Tokyo."
    news = extract(release, reference_date="2025-10-15", lang="de")
    assert news.reference_date.mode == "news"
    assert ("Dezember", "2025-12") in _values(news)


def test_mode_is_checked_and_given_per_item_in_pipe() -> None:
    with pytest.raises(InvalidArgumentError):
        extract("Heute.", lang="de", mode="story")
    text = NARRATIVE_SENTENCES[0][1]
    docs = list(Extractor().pipe([{"text": text, "lang": "de", "reference_date": "2025-10-16", "mode": "news"},
                                  {"text": text, "lang": "de", "reference_date": "2025-10-16"}],
                                 mode="narrative"))
    assert [d.reference_date.mode for d in docs] == ["news", "narrative"]
    assert dict(_values(docs[0]))["17. September"] == "2025-09-17"
    assert dict(_values(docs[1]))["17. September"] == "1939-09-17"


def test_cli_mode_option(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "lang": "en", "published": "2025-10-16",
                                  "text": NARRATIVE_SENTENCES[1][1]}) + "\n", encoding="utf-8")
    values = {}
    for mode in ("news", "narrative"):
        out = tmp_path / f"{mode}.jsonl"
        run = subprocess.run([sys.executable, "-m", "bilatextract", "extract", str(source), "--mode", mode,
                              "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                             env={"PYTHONPATH": str(ROOT), "PATH": ""})
        assert run.returncode == 0, run.stderr
        line = json.loads(out.read_text(encoding="utf-8"))
        values[mode] = {e["text"]: e["value"] for e in line["entities"] if e["type"] == "DATE"}
    assert values["news"]["next year"] == "2026"
    assert values["narrative"]["next year"] == "1940"
    bad = subprocess.run([sys.executable, "-m", "bilatextract", "extract", str(source), "--mode", "story",
                          "-o", str(tmp_path / "bad.jsonl")], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert bad.returncode != 0 and "mode" in bad.stderr


# -- yearless dates: one rule for both languages ---------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "ref", "expected"), [
    # A December visit announced in October: ahead.
    ("de", "Wadephul kündigte einen Besuch im Dezember an.", "2025-10-16", [("Dezember", "2025-12")]),
    ("en", "Wadephul announced a visit in December.", "2025-10-16", [("December", "2025-12")]),
    # "3 March" announced in October: the next March.
    ("de", "Der Minister kündigte an, am 3. März nach Tokyo zu reisen.", "2025-10-16", [("3. März", "2026-03-03")]),
    ("en", "The minister announced a visit to Tokyo on 3 March.", "2025-10-16", [("3 March", "2026-03-03")]),
    # Planned: ahead.
    ("de", "Ein Gegenbesuch ist für Dezember geplant.", "2025-10-16", [("Dezember", "2025-12")]),
    ("en", "A return visit is planned for December.", "2025-10-16", [("December", "2025-12")]),
    # A past December written in January: the December before.
    ("de", "Im Dezember hatte der Minister Tokyo besucht.", "2026-01-10", [("Dezember", "2025-12")]),
    ("en", "In December the minister visited Tokyo.", "2026-01-10", [("December", "2025-12")]),
    # The day of the announcement itself is past; what it announces lies ahead.
    ("de", "Das Ministerium kündigte am Montag einen Besuch im Dezember an.", "2025-10-16",
     [("Montag", "2025-10-13"), ("Dezember", "2025-12")]),
    ("en", "The ministry announced on Monday a visit in December.", "2025-10-16",
     [("Monday", "2025-10-13"), ("December", "2025-12")]),
])
def test_yearless_dates_at_year_boundaries(lang: str, text: str, ref: str, expected: list[tuple[str, str]]) -> None:
    assert _values(extract(text, reference_date=ref, lang=lang)) == expected
