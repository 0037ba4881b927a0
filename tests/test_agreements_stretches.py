"""AGREEMENT rules run only on the stretches of text around trigger words: the stretches must be
exact slices of the whole text's words, hold every trigger, and give the same mentions as the
rules run over every word of the text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bilatextract import pipeline
from bilatextract.components import agreements as agr
from bilatextract.components.agreements import grammar
from bilatextract.components.agreements import tokens as agr_tokens
from bilatextract.components.agreements import words as agr_words
from bilatextract.components.base import spans_of

COMPOSED = Path(__file__).parent / "data" / "composed.jsonl"

#: Sentence ends that are not boundaries ("U.S.", "4.0", "z.B.", ordinals) next to real ones, and
#: commas inside coordinated compounds ("Wirtschafts-, Handels- und Investitionsabkommen").
TRICKY = {
    "en": (
        "The U.S. and Japan signed the Agreement on Industry 4.0 Cooperation on 3.4. in Tokyo; the "
        "Economic Partnership Agreement (EPA) followed! Did the U.S.-Japan Security Treaty matter? "
        "Mr. Smith: yes.The EPA was praised.Then the Paris Agreement.\nThe\tNew START Treaty (New) "
        "and the EPA and the SPA. The Space Cooperation Agreement (SCA) was signed. Farmers like the SCA."
    ),
    "de": (
        "Am 3. Mai unterzeichneten sie z.B. das Abkommen über die Zusammenarbeit bei Industrie 4.0; "
        "das Wirtschaftspartnerschaftsabkommen (EPA) und eine Strategische Partnerschaft (SPA) folgten. "
        "Die EU.Das EPA-Abkommen: gut! Der Vertrag von Aachen? Freundschafts- und Handelsvertrag. "
        "Die EPA wurde gelobt. Das WIRTSCHAFTSABKOMMEN und das Iran-Abkommen. Das Abkommen über die "
        "Raumfahrt (RFA) gilt. Die RFA hilft. Das Wirtschafts-, Handels- und Investitionsabkommen, das sie "
        "schlossen, gilt; das Sach- , Dienst- und Leistungsabkommen auch, sagte er, und eine Gemeinsame "
        "Erklärung."
    ),
}


def composed_texts(lang: str) -> list[str]:
    rows = [json.loads(line) for line in COMPOSED.read_text(encoding="utf-8").splitlines() if line.strip()]
    # "İ" lowercases to two characters: compound endings are then searched case-insensitively
    dotted = TRICKY[lang] + " In İstanbul: das WİRTSCHAFTSABKOMMEN und das Abkommen über İzmir."
    return [r["text"] for r in rows if r.get("lang") == lang] + [TRICKY[lang], dotted]


def component(lang: str) -> agr.AgreementsComponent:
    return pipeline.get(lang).get_pipe("bilat_agreements")


def words_of(lang: str, text: str) -> list[agr.Word]:
    """The words the rules read in ``text``: spaCy's tokens, joined where a name holds them together."""
    doc = pipeline.get(lang).make_doc(text)
    return agr.words_of_tokens(text, [t.text for t in doc], [t.idx for t in doc])


def tokens_of(lang: str, text: str) -> tuple[list[str], list[int]]:
    doc = pipeline.get(lang).make_doc(text)
    return [t.text for t in doc], [t.idx for t in doc]


def key(w: agr.Word) -> tuple:
    return (w.text, w.start, w.end, w.is_word, w.sentence_initial)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_stretches_are_slices_of_the_whole_texts_words_between_boundaries(lang: str) -> None:
    comp = component(lang)
    rng = random.Random(7)
    for text in composed_texts(lang):
        whole = words_of(lang, text)
        tokens = tokens_of(lang, text)
        index = {w.start: i for i, w in enumerate(whole)}
        for _ in range(20):
            spans = sorted((a, min(len(text), a + rng.randrange(1, 12))) for a in rng.sample(range(len(text)), 4))
            words, stretches = comp._stretches(text, tokens, spans)
            assert all(any(s <= a and b <= e for s, e in stretches) for a, b in spans)
            got = 0
            for s, e in stretches:
                part = [w for w in words[got:] if w.end <= e]
                got += len(part)
                first, last = index[part[0].start], index[part[-1].start]
                assert part[0].start == s or first == 0
                # the stretch's words are the whole text's words, with the same attributes
                # (the first word's sentence-initial flag aside: it is a boundary or the text start)
                assert [key(w) for w in part[1:]] == [key(w) for w in whole[first + 1 : last + 1]]
                assert first == 0 or whole[first].text in comp.boundaries
                assert last == len(whole) - 1 or whole[last].text in comp.boundaries
            assert got == len(words)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_head_and_known_word_overlaps_a_trigger(lang: str) -> None:
    comp = component(lang)
    for text in composed_texts(lang):
        words = words_of(lang, text)
        triggers = set(agr_words._overlapping(words, comp._trigger_spans(pipeline.get(lang).make_doc(text))))
        for i, w in enumerate(words):
            known_name = any(comp._match_seq(words, i, seq) for seq, _ in comp.known_names.get(w.text, ()))
            head = comp._head_at(words, i)
            if head and head[1] == "lower":  # a lowercase head counts after a capitalised word only
                j = i - 1
                while j >= 0 and words[j].text in comp.lower_head_modifiers and i - j <= 2:
                    j -= 1
                head = head if j >= 0 and words[j].text[:1].isupper() else None
            if head or known_name or w.text in comp.known_abbrevs:
                assert i in triggers, w.text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_stretches_find_what_the_rules_find_over_every_word(lang: str) -> None:
    nlp = pipeline.get(lang)
    comp = component(lang)
    rng = random.Random(3)
    texts = composed_texts(lang)
    # and shuffled sentences of them, so that abbreviations come before their definitions too
    sentences = [s for text in texts for s in text.split(". ")]
    texts += [". ".join(rng.sample(sentences, 12)) for _ in range(10)]
    for text in texts:
        doc = nlp(text)
        words, chosen = comp._found(doc)
        everywhere = words_of(lang, text)
        reference, _ = comp._mentions(doc, everywhere, list(range(len(everywhere))), grammar._DateStarts(doc))

        def found(ws: list[agr.Word], fs: list[agr.Found]) -> list[tuple]:
            return [(ws[f.start].start, ws[f.end - 1].end, f.name, f.abbreviation, f.known) for f in fs]

        assert found(words, chosen) == found(everywhere, reference)


def test_an_abbreviation_defined_once_is_found_in_sentences_without_triggers() -> None:
    text = "They signed the Space Cooperation Agreement (SCA). Farmers like it. The SCA works."
    doc = pipeline.get("en")(text)
    assert [s.text for s in spans_of(doc, "AGREEMENT")] == ["Space Cooperation Agreement", "SCA", "SCA"]


#: Text, and the words the rules read in it (spaCy splits most of these words, or keeps the full
#: stops of "Dr." and the emoticon "):" on the token before).
WORDS = {
    "en": (
        "The U.S.-Japan pact, Japan's plan and the People's Republic: Dr. Smith (EPA): 2+2 talks on "
        "Industry 4.0 cannot wait.Then O'Neill spoke\n\nat 8-9 a.m. about Japan-EU ties\nin 2019",
        ["The", "U.S.-Japan", "pact", ",", "Japan", "'", "s", "plan", "and", "the", "People's", "Republic", ":",
         "Dr", ".", "Smith", "(", "EPA", ")", ":", "2+2", "talks", "on", "Industry", "4.0", "cannot",
         "wait.Then", "O'Neill", "spoke", "at", "8-9", "a.m", ".", "about", "Japan-EU", "ties", "in", "2019"],
    ),
    "de": (
        "Sach- , Dienst- und Ausrüstung und -technologie: das Iran-Abkommen vom 14. Mai, u.a. in der "
        "EU-Türkei-Erklärung",
        ["Sach-", ",", "Dienst-", "und", "Ausrüstung", "und", "-technologie", ":", "das", "Iran-Abkommen", "vom",
         "14", ".", "Mai", ",", "u.a", ".", "in", "der", "EU-Türkei-Erklärung"],
    ),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_words_join_and_split_spacys_tokens_as_names_need(lang: str) -> None:
    text, expected = WORDS[lang]
    words = words_of(lang, text)
    assert [w.text for w in words] == expected
    assert all(text[w.start : w.end] == w.text for w in words)
    # a word starts a sentence after ".!?:;" and after a line break
    starts = [w.text for w in words if w.sentence_initial]
    expected = {"en": ["The", "Dr", "Smith", "2+2", "at", "about", "in"], "de": ["Sach-", "das", "Mai", "in"]}
    assert starts == expected[lang]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_words_of_a_stretch_are_those_of_the_whole_text(lang: str) -> None:
    comp = component(lang)
    for text in composed_texts(lang) + [WORDS[lang][0]]:
        whole = words_of(lang, text)
        tokens = tokens_of(lang, text)
        for k, w in enumerate(whole):
            if w.text in comp.boundaries:  # words start over after a boundary
                part: list[agr.Word] = []
                agr_tokens.build_words(text, *tokens, w.end, len(text), part, w)
                assert [key(x) for x in part] == [key(x) for x in whole[k + 1 :]]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_known_name_and_abbreviation_is_triggered_between_punctuation(lang: str) -> None:
    comp = component(lang)
    names = [" ".join(seq) for cands in comp.known_names.values() for seq, _ in cands]
    names += [" ".join(seq) for cands in comp.known_abbrevs.values() for seq, _ in cands]
    for name in names:
        for text in (f"Sie: {name}.", f"(„{name}“)", f"“{name}”, then", f"x ({name}): y"):
            words = words_of(lang, text)
            triggers = set(agr_words._overlapping(words, comp._trigger_spans(pipeline.get(lang).make_doc(text))))
            first = next(i for i, w in enumerate(words) if w.start == text.index(name))
            assert first in triggers, (text, words[first].text)
