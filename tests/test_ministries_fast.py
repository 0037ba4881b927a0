"""The fast paths of the ministries component and of the span writing give what the plain ones give.

- country mentions found from spaCy's tokens (the scanners tried only where a word can begin a
  form) against the scan of the whole text;
- each token span resolved once against every candidate resolved;
- what a word can start, compiled per trigger string and found from one token attribute,
  against judging each word afresh; the memo of fused compounds emptied when full;
- the memos of the entries chosen, their countries and the portfolios of fields against the
  knowledge-base functions they remember;
- ``set_spans`` leaving the span group alone when there is nothing to write against rewriting it.
"""

from __future__ import annotations

import functools
import json
import operator
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc
from test_knowledge_scans import _texts
from texts import ITEMS

from bilatextract import knowledge as kb
from bilatextract import pipeline
from bilatextract._memo import Memo
from bilatextract.components import base
from bilatextract.components.ministries import MinistriesComponent
from bilatextract.components.ministries.patterns import Candidate

CORPUS = Path(__file__).parent / "data" / "composed.jsonl"


def _real_texts(lang: str) -> list[str]:
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    texts += [item["text"] for item in ITEMS]
    return [t for t in texts if t] + ["\n".join(texts)]


def _spans(doc: Doc) -> list[tuple[str, int, int, Any]]:
    return [(s.label_, s.start, s.end, s._.bilat_attrs) for s in doc.spans.get(base.SPAN_KEY, [])]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_country_mentions_from_tokens_are_those_of_the_text_scan(lang: str) -> None:
    nlp = pipeline.get(lang)
    # glued country forms and field words ("Japan-Deutschland", "U.S.-japanischen", "(Japan's")
    texts = _real_texts(lang) + _texts(lang, seed=4, count=1500)
    for text in texts:
        doc = nlp.make_doc(text)
        tokens = ([t.idx for t in doc], [t.text for t in doc])
        expected = kb._country_mentions(text, lang)
        assert kb._country_mentions_at(text, lang, tokens) == expected, text
        kb._RECENT_MENTIONS.clear()
        assert kb.country_mentions(text, lang, tokens) == list(expected), text
        assert kb.country_mentions(text, lang) == list(expected), text  # the same, remembered
        kb._RECENT_MENTIONS.clear()
        keys = doc.to_array("ORTH").tolist()
        assert kb.country_mentions(text, lang, tokens, keys) == list(expected), text


def test_country_mentions_without_tokens_still_work() -> None:
    kb._RECENT_MENTIONS.clear()
    found = kb.country_mentions("Japan und Deutschland, die japanische Seite", "de")
    assert [(m.text, m.code) for m in found] == [("Japan", "JP"), ("Deutschland", "DE"), ("japanische", "JP")]


def _plain_resolve_all(self: MinistriesComponent, doc: Doc, candidates: list[Any],
                       year: int | None) -> dict[tuple[int, int], dict[str, Any]]:
    """Every candidate resolved; the first that resolves keeps its span."""
    found: dict[tuple[int, int], dict[str, Any]] = {}
    for cand in candidates:
        attrs = self.resolve(doc, cand, year)
        if attrs is not None and (cand.start, cand.end) not in found:
            found[(cand.start, cand.end)] = attrs
    return found


def _outputs(lang: str) -> list[list[tuple[str, int, int, Any]]]:
    nlp = pipeline.get(lang)
    return [_spans(nlp(text)) for text in _real_texts(lang)]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_resolving_each_span_once_is_resolving_every_candidate(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _outputs(lang)
    assert any(fast)
    monkeypatch.setattr(MinistriesComponent, "_resolve_all", _plain_resolve_all)
    assert _outputs(lang) == fast


def _plain_known_names(self: MinistriesComponent, positions: list[int]) -> list[Any]:
    """Known names at ``positions``, each word's key computed by ``name_key_word``."""
    out = []
    texts = self._words
    for i in positions:
        ends = []
        node = self.known_trie
        j = i
        while j < len(texts):
            node = node.get(kb.name_key_word(texts[j]))
            if node is None:
                break
            j += 1
            if "" in node:
                ends.append(j)
        for end in reversed(ends):
            entries = self._named(tuple(texts[i:end]))
            if entries:
                out.append(Candidate(i, end, end, self.lang, "known", entries=entries))
                break
    return out


#: Known names with the characters name keys replace, in capitals, inflected.
KNOWN_FORMS = ["The Foreign & Commonwealth Office and the Foreign and Commonwealth Office met.",
               "FOREIGN & COMMONWEALTH OFFICE STATEMENT; the Prime Minister’s Office of Japan, Prime Minister‘s Office "
               "of Japan.",
               "Das AUSWÄRTIGE AMT teilt mit: im Auswärtigen Amt, des Auswärtigen Amtes, dem Eidgenössischen "
               "Departement für auswärtige Angelegenheiten."]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_known_names_read_by_the_words_lower_values_are_those_of_their_keys(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = pipeline.get(lang)
    texts = _real_texts(lang) + KNOWN_FORMS
    fast = [_spans(nlp(text)) for text in texts]
    assert sum(1 for spans in fast[-3:] for s in spans if s[0] == "MINISTRY") >= 7
    monkeypatch.setattr(MinistriesComponent, "known_names", _plain_known_names)
    assert [_spans(nlp(text)) for text in texts] == fast


@pytest.mark.parametrize("lang", ["de", "en"])
def test_word_marks_are_the_same_when_the_compound_memos_are_emptied_often(lang: str) -> None:
    fast = _outputs(lang)
    comp = pipeline.get(lang).get_pipe("bilat_ministries")
    saved = comp._compounds
    try:
        comp._compounds = [Memo(c._compute, limit=2) for c in saved]
        assert _outputs(lang) == fast
    finally:
        comp._compounds = saved


@pytest.mark.parametrize("lang", ["de", "en"])
def test_word_marks_compiled_per_trigger_are_the_words_judged_afresh(lang: str) -> None:
    # The compiled triggers find every word that can start a candidate (and maybe more), and the
    # marks compiled per trigger string are what judging the word gives.
    nlp = pipeline.get(lang)
    comp = nlp.get_pipe("bilat_ministries")
    # fused compounds in every case, glued to punctuation, and one with a letter whose small letter is two
    extra = ["AUSSENMINISTERIUM, Außenministeriums (Innenministerium) BUNDESinnenministerium",
             "İ Außenministerium und Wirtschafts-Departement", "the Foreign Office, FOREIGN OFFICE, foreign office"]
    seen = 0
    for text in _real_texts(lang) + _texts(lang, seed=5, count=300) + extra:
        doc = nlp.make_doc(text)
        words = [t.text for t in doc]
        starts = [t.idx for t in doc]
        marks, _lowers = comp._word_marks(doc, doc.text, starts, words)
        assert [marks.get(i, 0) for i in range(len(words))] == [comp._judge(w) for w in words], text
        seen |= functools.reduce(operator.or_, marks.values(), 0)
    # known names, abbreviations, productive heads; in German texts fused compounds too
    assert seen & 0b111 == 0b111 and (lang == "en" or seen & 0b1000)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_remembered_entries_countries_and_portfolios_are_those_of_the_knowledge_base(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _outputs(lang)
    monkeypatch.setattr(MinistriesComponent, "_entry_countries", lambda self, entries: kb.entry_countries(entries))
    monkeypatch.setattr(
        MinistriesComponent, "_choose_entry",
        lambda self, entries, country, year: kb.choose_entry(
            [e for e in entries if e.ministry.country == country], country, year
        ) if country else kb.choose_entry(entries, None, year),
    )
    comp = pipeline.get(lang).get_pipe("bilat_ministries")
    monkeypatch.setattr(comp, "_portfolios", {p.lang: _Plain(p.lang) for p in comp.patterns})
    assert _outputs(lang) == fast


class _Plain:
    """``infer_portfolio`` each time."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, phrase: str) -> str | None:
        return kb.infer_portfolio(phrase, self.lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_set_spans_with_nothing_to_write_leaves_the_group_as_rewriting_would(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _outputs(lang)
    skipped = []
    real = base._holds_no

    def holds_no(doc: Doc, label: str, key: str = base.SPAN_KEY) -> bool:
        skipped.append(real(doc, label, key))
        return False

    monkeypatch.setattr(base, "_holds_no", holds_no)
    assert _outputs(lang) == fast
    assert any(skipped)  # the fast path was taken in the run above
