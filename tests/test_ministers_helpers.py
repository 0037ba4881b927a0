"""The fast helpers of the ministers component give what the plain versions they replace give."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilatextract import pipeline
from bilatextract.components.ministers import holders
from bilatextract.components.ministers.component import _Document, _TokenOffsets
from bilatextract.components.ministers.model import Spans, name_hits
from bilatextract.components.ministers.words import WORD, WordReader

TEXTS = [
    "",
    "Außenminister Heiko Maas traf Japan's Foreign Minister Taro Kono in Tokio.",
    "O'Neill's visit; Kramp-Karrenbauer und 3abc _x a_b 12-ab a--b it's-x ’s X’s's d’Hondt’s",
    "Mr. Taro Kono, Minister for Foreign Affairs of Japan, and Ms. Baerbock (Germany).\n\n  Heiko MAAS  ",
    "Bundesaußenministerin Annalena Baerbock sprach mit ihrem Amtskollegen aus der Ukraine. Danach: Presse.",
    "US-Außenminister Dr. Blinken (U.S.), z.B. COVID-19, 10km, G7; we cannot, gonna. 10-Punkte-Plan al-Saud",
    "Maas' Rede, vice-chancellor e-mail x_y A10km 1a2b Wirtschafts- und Finanzminister 'Maas' \"Kono\"-Plan",
]


def _plain_words(text: str) -> tuple[list[str], list[int], list[int]]:
    """The word list as the component first built it: one match object per word."""
    texts, starts, ends = [], [], []
    for m in WORD.finditer(text):
        w = m.group(0)
        pm = re.match(r"^(.*\w)['’]s$", w)
        if pm:
            w = pm.group(1)
        texts.append(w)
        starts.append(m.start())
        ends.append(m.start() + len(w))
    return texts, starts, ends


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("text", TEXTS)
def test_words_from_tokens(lang: str, text: str) -> None:
    """The words read off each language's spaCy tokens are the word pattern's, whatever the tokenizer
    splits (English splits "Kramp-Karrenbauer" and "Japan's", German does not)."""
    doc = pipeline.get(lang).make_doc(text)
    tokens = [t.text for t in doc]
    starts = [t.idx for t in doc]
    texts, word_starts, ends, read = WordReader(["'s", "’s"]).words(text, tokens, starts)
    assert (texts, word_starts, ends) == _plain_words(text)
    by_start = dict(zip(starts, tokens, strict=True))
    assert all(by_start.get(a) == w for k, (w, a) in enumerate(zip(texts, word_starts, strict=True)) if k not in read)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("text", TEXTS)
def test_char_spans(lang: str, text: str) -> None:
    doc = pipeline.get(lang)(text)
    tokens = _TokenOffsets(doc)
    for start in range(len(text) + 1):
        for end in range(start + 1, min(len(text), start + 30) + 1):
            for expand in (False, True):
                ours = tokens.span(start, end, expand=expand)
                theirs = doc.char_span(start, end, alignment_mode="expand" if expand else "strict")
                assert (ours is None) == (theirs is None), (start, end, expand)
                if ours is not None:
                    assert (ours.start, ours.end) == (theirs.start, theirs.end), (start, end, expand)


@pytest.mark.parametrize("forms", [{"Maas"}, {"Maas", "MAAS"}, {"Le Drian", "Drian"}, {"Neill", "O"}])
def test_name_hits(forms: set[str]) -> None:
    text = "Maas, MAAS-Plan, xMaas Maas_ 3Maas 'Maas' O'Neill Le Drian, Drian‐x Jean-Yves Le Drian Maas"
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    lookbehind = re.compile(r"(?<![\w\-‐])(?:" + alternation + r")(?![\w\-‐])")
    assert list(name_hits(text, forms)) == [m.span() for m in lookbehind.finditer(text)]


def _composed_texts() -> list[str]:
    texts = []
    for name in ("composed.jsonl", "composed-world.jsonl"):
        path = Path(__file__).parent / "data" / name
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.mark.parametrize("lang", ["de", "en"])
def test_title_starts_judged_where_the_patterns_match(lang: str) -> None:
    """The words where a title or a counterpart can start, found by the one-word patterns and the fused
    heads, are the words found by judging every word."""
    nlp = pipeline.get(lang)
    component = nlp.get_pipe("bilat_ministers")
    texts = [*TEXTS, *_composed_texts(), "Bundesaußenministerin, BUNDESAUSSENMINISTER, İstanbul-Außenminister"]
    judged = 0
    for text in texts:
        doc = nlp.make_doc(text)
        work = _Document(component, doc)
        every = {k: kind for k, w in enumerate(work.texts) if (kind := component.p.word_kind(w))}
        assert work.kinds == every, text[:80]
        judged += len(every)
    assert judged > 20


YEARS = "12019 2019 1945x 19451 ²2019 ١2019 x2020y 20201 19399 1939 1940 200120 2001-2002"


@pytest.mark.parametrize("text", [*TEXTS, YEARS])
def test_document_years(text: str) -> None:
    """The years a document names: four digits from 1940 to 2099 not inside a longer number."""
    plain = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
    years = holders.document_years(text, None)
    assert sorted(years.counts.elements()) == sorted(int(y) for y in plain.findall(text))
    assert holders.document_years(text, 2011) == {2011}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sentences_are_spacys(lang: str) -> None:
    """The sentences the component reads (for counterparts and inferred countries) are spaCy's."""
    nlp = pipeline.get(lang)
    component = nlp.get_pipe("bilat_ministers")
    for text in [*TEXTS, *_composed_texts(), "  ", "Mr. Smith went. \"Yes.\" Then\n\nNext"]:
        doc = nlp(text)
        assert _Document(component, doc).sentences == [(s.start_char, s.end_char) for s in doc.sents], text[:80]


def test_possessive_endings_are_data() -> None:
    """Without possessive endings in the data, "Japan's" stays one word; with them it is "Japan"."""
    text = "Japan's Foreign Minister met O'Neill’s aide."
    doc = pipeline.get("en").make_doc(text)
    tokens, starts = [t.text for t in doc], [t.idx for t in doc]
    plain = WordReader([]).words(text, tokens, starts)[0]
    assert plain == ["Japan's", "Foreign", "Minister", "met", "O'Neill’s", "aide"]
    possessive = WordReader(["'s", "’s"]).words(text, tokens, starts)[0]
    assert possessive == ["Japan", "Foreign", "Minister", "met", "O'Neill", "aide"]


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 30)), max_size=10),
       st.lists(st.tuples(st.integers(0, 100), st.integers(1, 30)), min_size=1, max_size=10))
@settings(max_examples=300, deadline=None)
def test_spans_grown_one_by_one_answer_as_a_plain_search(first: list, added: list) -> None:
    # Spans are added in place (many name-only mentions); overlaps must stay what a plain search says.
    spans = Spans((a, a + n) for a, n in first)
    every = [(a, a + n) for a, n in first]
    for a, n in added:
        spans.add(a, a + n)
        every.append((a, a + n))
        for q in range(0, 135):
            for m in (1, 4):
                assert spans.overlaps(q, q + m) == any(q < e and s < q + m for s, e in every), (every, q, m)
