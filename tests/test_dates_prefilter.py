"""The date grammar's prefilter (patterns tried only where a word can begin them, read off the
patterns' parse trees with ``re._parser``) must find exactly what running every pattern over the
whole text finds. It stays because it pays: about ten times less date-search time (docs/speed.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilatextract.resources import load_toml
from bilatextract.timex import Grammar

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = {
    "de": [
        "Am 14. Oktober 2025 traf Außenminister Wadephul in Berlin ein; vom 4. bis 6. Mai 2026 folgt Tokyo.",
        "Zwei Tage später, am folgenden Tag und im selben Monat: Ende November, Anfang 2024, 1939/1940.",
        "Die 2. Jahreshälfte 2025, das dritte Quartal, am Wochenende, heute, gestern und im kommenden Jahr.",
        "Seit 1990 (1890–1970) ab 1776 bis 1784 am 3.10. und am Dienstag, den 12.03.2024, 17.30 Uhr.",
    ],
    "en": [
        "On 14 October 2025 Foreign Minister Motegi met his counterpart; on 2–4 March 2025 they meet again.",
        "Two days later, the following day and the same month: late November, early 2024, 1939/40.",
        "In the second half of 2025, Q3 2024, last weekend, today, yesterday and next year, Thanksgiving Day.",
        "Since 1990, from 1884/85, Sunday, April 10, 2016, at 12:05 p.m., 2022-11-07 and 19990506.",
    ],
}


def _texts(lang: str) -> list[str]:
    texts = list(SENTENCES[lang])
    for path in (ROOT / "tests" / "data" / "composed.jsonl", ROOT / "docs" / "examples" / "sample.jsonl"):
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return texts


def _key(candidates: list) -> list[tuple]:
    return sorted((c.start, c.end, json.dumps(c.attrs, sort_keys=True, default=str)) for c in candidates)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_prefilter_finds_what_every_pattern_over_the_whole_text_finds(lang: str) -> None:
    grammar = Grammar(load_toml(lang, "dates.toml"))
    texts = _texts(lang)
    found_any = False
    for text in texts:
        fast = _key(grammar.find(text))
        assert fast == _key(grammar.find(text, prefilter=False)), text[:80]
        found_any = found_any or bool(fast)
    assert found_any
