"""The fast helpers of the ministers component give what the plain versions they replace give."""

from __future__ import annotations

import re

import pytest

from bilatextract import pipeline
from bilatextract.components.ministers.component import _TokenOffsets
from bilatextract.components.ministers.model import name_hits
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
    assert WordReader(["'s", "’s"]).words(text, tokens, starts) == _plain_words(text)


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
