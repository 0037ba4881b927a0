"""One-token patterns on token attributes (``components.triggers.WordTriggers``)."""

from __future__ import annotations

import pytest
import spacy

from bilatextract.components.triggers import WordTriggers


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def test_positions_on_one_attribute(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    triggers.add("ORTH", ["Ministry", "MoD"])
    doc = nlp("The Ministry of Defence (MoD) and the ministry.")
    assert [doc[i].text for i in triggers.positions(doc)] == ["Ministry", "MoD"]


def test_positions_on_both_attributes_are_their_union_in_order(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    triggers.add("ORTH", ["MoD"])
    triggers.add("LOWER", ["ministry"])
    doc = nlp("The MINISTRY of Defence (MoD) and the ministry; mod.")
    assert [doc[i].text for i in triggers.positions(doc)] == ["MINISTRY", "MoD", "ministry"]


def test_no_patterns_and_empty_docs_give_nothing(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    assert triggers.positions(nlp("Ministry")) == []
    triggers.add("LOWER", ["ministry"])
    assert triggers.positions(nlp("")) == []


def test_patterns_round_trip_as_plain_strings(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    triggers.add("ORTH", ["MoD"])
    triggers.add("LOWER", ["ministry", "ministries"])
    other_nlp = spacy.blank("en")  # another vocab: the strings are hashed again there
    other = WordTriggers(other_nlp.vocab).from_dict(triggers.to_dict())
    assert other.to_dict() == {"LOWER": ["ministries", "ministry"], "ORTH": ["MoD"]}
    assert other.positions(other_nlp("the Ministries and MoD, not mod")) == [1, 3]


def test_unknown_attribute_is_a_clear_error(nlp: spacy.language.Language) -> None:
    with pytest.raises(ValueError, match="unknown token attribute"):
        WordTriggers(nlp.vocab).add("POS", ["NOUN"])


def test_loose_positions_are_a_superset_read_off_the_small_letters(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    triggers.add("ORTH", ["MoD"])
    triggers.add("LOWER", ["ministry"])
    doc = nlp("The MINISTRY of Defence (MoD) and the ministry; mod, Office.")
    found, lowers = triggers.loose_positions(doc)
    assert set(triggers.positions(doc)) <= set(found)
    assert [doc[i].text for i in found] == ["MINISTRY", "MoD", "ministry", "mod"]
    assert lowers == [t.lower for t in doc]
    assert WordTriggers(nlp.vocab).loose_positions(doc) == ([], [])


def test_labelled_tokens_carry_the_labels_of_every_pattern_they_match(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    triggers.add("ORTH", ["Agreement", "Accord"], 1)
    triggers.add("ORTH", ["Accord"], 2)
    triggers.add("LOWER", ["agreement"], 4)
    doc = nlp("The Accord and the Agreement, not the agreement.")
    assert [(doc[i].text, bits) for i, bits in triggers.labelled(doc)] == [
        ("Accord", 3), ("Agreement", 5), ("agreement", 4)]
    assert [i for i, _ in triggers.labelled(doc)] == triggers.positions(doc)
    orth_only = WordTriggers(nlp.vocab)
    orth_only.add("ORTH", ["Agreement", "Accord"], 1)
    orth_only.add("ORTH", ["Accord"], 2)
    # the token texts, where the caller has them, give the same as the attribute array
    assert orth_only.labelled(doc, [t.text for t in doc]) == orth_only.labelled(doc) == [(1, 3), (4, 1)]
    orth_only.add("ORTH", ["Agreement"], 4)
    assert orth_only.labelled(doc, [t.text for t in doc]) == orth_only.labelled(doc) == [(1, 3), (4, 5)]


def test_labels_survive_to_dict_and_from_dict_and_unlabelled_dicts_still_load(nlp: spacy.language.Language) -> None:
    triggers = WordTriggers(nlp.vocab)
    triggers.add("ORTH", ["Accord", "Pact"])
    triggers.add("ORTH", ["Accord"], 2)
    data = triggers.to_dict()
    assert data["ORTH"] == ["Accord", "Pact"] and data["labels"] == {"ORTH": {"Accord": 3}}
    doc = nlp("Pact and Accord")
    again = WordTriggers(spacy.blank("en").vocab).from_dict(data)
    assert again.labelled(doc) == triggers.labelled(doc) == [(0, 1), (2, 3)]
    # a dict saved before labels existed: every pattern has label 1
    old = WordTriggers(spacy.blank("en").vocab).from_dict({"ORTH": ["Accord", "Pact"]})
    assert old.labelled(doc) == [(0, 1), (2, 1)]


def test_a_label_is_a_positive_int(nlp: spacy.language.Language) -> None:
    with pytest.raises(ValueError, match="label"):
        WordTriggers(nlp.vocab).add("ORTH", ["Accord"], 0)
