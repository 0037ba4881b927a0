"""The fast look-ups of bilatextract.knowledge give what the plain definitions give.

Country forms are found by two trie regexes, portfolio stems through an index by word; here
each is checked against the straightforward version it replaced (one flat alternation of all
forms, longest first; every stem tried at every word), on real and on made-up texts.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bilatextract import knowledge as kb

CORPUS = Path(__file__).parent / "data" / "composed.jsonl"


def _flat_country_regex(lang: str) -> re.Pattern[str]:
    variants = {v for f in kb.country_surface_forms(lang) for v in (f, f[:1].upper() + f[1:])}
    alternation = "|".join(re.escape(f) for f in sorted(variants, key=lambda f: (-len(f), f)))
    suffixes = kb._country_data(lang).get("inflection", {}).get("genitive_suffixes", [])
    genitive = f"(?:{'|'.join(re.escape(s) for s in suffixes)})?" if suffixes else ""
    return re.compile(rf"(?=\w)(?<![\w])({alternation}){genitive}(?![\w])")


def _plain_stem_at(low: list[str], i: int, lang: str) -> tuple[int, str] | None:
    for stem, portfolio in kb._stems_by_words(lang):
        n = len(stem)
        if i + n <= len(low) and all(
            low[i + k].startswith(stem[k]) if k == n - 1 else low[i + k] == stem[k] for k in range(n)
        ):
            return n, portfolio
    return None


def _texts(lang: str, seed: int, count: int) -> list[str]:
    """Real texts, and country forms and field words glued together in awkward ways."""
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    words = sorted(kb.country_surface_forms(lang)) + [" ".join(s) for s, _ in kb._stems_by_words(lang)]
    glue = ["", " ", "-", ".", "'s", "’s", "s", "en", "é", "1", "\n", "(", "_", "  ", ", "]
    rnd = random.Random(seed)
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 6)):
            w = rnd.choice(words)
            w = rnd.choice([w, w.lower(), w.upper(), w[:1].upper() + w[1:], w[: rnd.randint(1, len(w))]])
            parts += [w, rnd.choice(glue)]
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("lang", ["de", "en"])
def test_country_mentions_are_those_of_one_flat_regex(lang: str) -> None:
    flat = _flat_country_regex(lang)
    for text in _texts(lang, seed=1, count=1500):
        expected = [(m.start(), m.end(), m.group(0)) for m in flat.finditer(text) if kb._code_of_form(lang, m.group(1))]
        assert [(m.start, m.end, m.text) for m in kb.country_mentions(text, lang)] == expected, text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_country_of_word_is_a_whole_match_of_the_flat_regex(lang: str) -> None:
    flat = _flat_country_regex(lang)
    for word in _texts(lang, seed=2, count=1000)[-1000:] + sorted(kb.country_surface_forms(lang)):
        m = flat.fullmatch(word.strip())
        assert kb.country_of_word(word, lang) == (kb._code_of_form(lang, m.group(1)) if m else None), word


@pytest.mark.parametrize("lang", ["de", "en"])
def test_field_cover_and_portfolio_matches_try_every_stem_in_order(lang: str) -> None:
    for text in _texts(lang, seed=3, count=1000):
        words = text.split()
        low = [w.lower() for w in words]
        cover = [False] * len(low)
        for i in range(len(low)):
            found = _plain_stem_at(low, i, lang)
            for k in range(found[0] if found else 0):
                cover[i + k] = True
        assert kb.field_cover(words, lang) == cover, text
        phrase = [w.lower() for w in kb._PHRASE_WORD.findall(text)]
        matches, i = [], 0
        while i < len(phrase):
            found = _plain_stem_at(phrase, i, lang)
            if found:
                matches.append((i, found[1]))
                i += found[0] - 1
            i += 1
        assert kb.portfolio_matches(text, lang) == matches, text
