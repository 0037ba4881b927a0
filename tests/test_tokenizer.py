"""The caching tokenizer gives spaCy's tokens, and gets spaCy's cache hits after a special case."""

from __future__ import annotations

import json
import pickle

import pytest
import spacy
from conftest import REPO
from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.tokenizer import Tokenizer

from bilatextract import pipeline
from bilatextract.tokenizer import CachingTokenizer

TRICKY = [
    "Dr. Müller, Prof. Dr. h.c. Schmidt u. a. kamen z.B. am 3. Okt. 2024 nach Berlin (Dr. med.).",
    "Mr. Smith and Mrs. Jones met Gov. Brown at 9 a.m. on Jan. 5th; U.S.-Japan ties :) were discussed.",
    "  leading spaces\n\n\ttabs\t\tand  double  spaces \u00a0no-break\u2009thin\n",
    "(z.B.) «Dr.» „Nr.“ 12./13. Juni 4.-6. Mai 2024. aus dem Jahr 1861. https://www.auswaertiges-amt.de/de/a?b=1",
    ")" * 300 + " " + "x" * 250 + " Dr." * 5,
    "",
    " ",
    "Dr.",
]


def _texts() -> list[str]:
    composed = (REPO / "tests" / "data" / "composed.jsonl").read_text(encoding="utf-8").splitlines()
    return TRICKY + [json.loads(line)["text"] for line in composed if line.strip()]


def _plain_twin(tokenizer: CachingTokenizer) -> Tokenizer:
    """spaCy's own Tokenizer with the same rules and patterns, on a fresh vocabulary."""
    twin = spacy.blank(tokenizer.vocab.lang).tokenizer
    twin.from_bytes(tokenizer.to_bytes())
    assert type(twin) is Tokenizer
    return twin


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, int, bool]]:
    return [(t.text, t.norm_, t.idx, bool(t.whitespace_)) for t in doc]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_same_tokens_as_spacys_tokenizer_in_any_order(lang: str) -> None:
    tokenizer = pipeline.build(lang).tokenizer
    assert isinstance(tokenizer, CachingTokenizer)
    plain = _plain_twin(tokenizer)
    texts = _texts()
    # Twice forwards and once backwards: the second and third passes read chunks from the cache.
    for text in texts + texts + texts[::-1]:
        assert _tokens(tokenizer(text)) == _tokens(plain(text)), text[:80]


def test_the_cache_is_used_after_a_special_case() -> None:
    """spaCy stops caching for the rest of a text after a special case; this one does not,
    so a second pass over the same texts searches for affixes only in the chunks that hold
    special cases themselves."""
    texts = _texts()[:30]

    def affix_searches(tokenizer: Tokenizer) -> int:
        calls = 0
        search = tokenizer.suffix_search

        def counting(string: str):  # noqa: ANN202
            nonlocal calls
            calls += 1
            return search(string)

        tokenizer.suffix_search = counting
        for text in texts:
            tokenizer(text)
        calls = 0
        for text in texts:
            tokenizer(text)
        return calls

    caching = pipeline.build("de").tokenizer
    plain = _plain_twin(caching)
    with_cache, without = affix_searches(caching), affix_searches(plain)
    assert without > 500
    assert with_cache < without / 10


def test_survives_pickling_and_bytes() -> None:
    tokenizer = pipeline.build("en").tokenizer
    tokenizer("Dr. Smith met Mr. Jones.")
    clone = pickle.loads(pickle.dumps(tokenizer))
    assert type(clone) is CachingTokenizer
    text = TRICKY[1]
    assert _tokens(clone(text)) == _tokens(tokenizer(text))
    fresh = pipeline.build("en").tokenizer
    fresh.from_bytes(tokenizer.to_bytes())
    assert _tokens(fresh(text)) == _tokens(tokenizer(text))


def test_inside_a_memory_zone() -> None:
    nlp = pipeline.build("de")
    plain = _plain_twin(nlp.tokenizer)
    text = TRICKY[0]
    with nlp.memory_zone():
        inside = _tokens(nlp.tokenizer(text))
    assert inside == _tokens(plain(text))
    assert _tokens(nlp.tokenizer(text)) == inside


def test_array_view_matches() -> None:
    """Token by token, the hashes, offsets and spaces spaCy stores are the same."""
    tokenizer = pipeline.build("de").tokenizer
    plain = _plain_twin(tokenizer)
    for text in _texts():
        a, b = tokenizer(text), plain(text)
        columns = [ORTH, NORM, IDX, SPACY]
        assert a.to_array(columns).tolist() == b.to_array(columns).tolist(), text[:80]


@pytest.mark.parametrize("lang", ["de", "en", "fr", "hu"])
def test_the_long_token_guard_wraps_any_languages_token_match(lang: str) -> None:
    # French and Hungarian have a token_match of their own; the guard must wrap it, not give way.
    own = spacy.blank(lang)
    ours = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "bilatextract.tokenizer.v1"}}})
    long_run = ")" * 8000
    assert len(ours.tokenizer(long_run)) == 1  # spaCy's own tokenizer makes 8,000 tokens of it
    assert len(own.tokenizer(")" * 300)) == 300
    # Below the guard's length, the language's own token_match and rules decide as before.
    for text in ["l'Europe et aujourd'hui (Paris).", "Dr. Müller kam am 3. Okt. 2024 (z.B.).",
                 "a-t-il dit ?", "20-as 2024-es évben", ")" * 150]:
        assert [t.text for t in ours.tokenizer(text)] == [t.text for t in own.tokenizer(text)], text


def test_the_guard_is_saved_with_the_tokenizer() -> None:
    ours = spacy.blank("fr", config={"nlp": {"tokenizer": {"@tokenizers": "bilatextract.tokenizer.v1"}}})
    restored = spacy.blank("fr")
    restored.tokenizer.from_bytes(ours.tokenizer.to_bytes())
    assert len(restored.tokenizer(")" * 8000)) == 1
    assert [t.text for t in restored.tokenizer("aujourd'hui")] == ["aujourd'hui"]
