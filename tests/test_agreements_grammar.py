"""AGREEMENT instrument grammar beyond tests/test_agreements.py: lowercase heads after a name,
MoU and arrangements, instruments named by a signing, titles with brackets, commas and slashes,
headline words, German generic compounds, quantifiers and signed indefinite instruments.

The sentences are composed for these tests (expected spans written first, per the annotation
guide); they run through the real pipelines.
"""

from __future__ import annotations

import pytest

from bilatextract import pipeline
from bilatextract.components.base import spans_of


def texts(lang: str, text: str) -> list[str]:
    return [s.text for s in spans_of(pipeline.get(lang)(text), "AGREEMENT")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lowercase heads after a capitalised name, known and unknown
        ("The ministers discussed the Prespa agreement and the Dayton peace accords.",
         ["Prespa agreement", "Dayton peace accords"]),
        ("Both sides praised the Tashkent agreement on water sharing.", ["Tashkent agreement"]),
        ("Officials said the Korea-Jordan agreement was signed.", ["Korea-Jordan agreement"]),
        # MOU and arrangements with title complements
        ("They signed an MOU on Tourism Cooperation between the Secretariat of Tourism of Mexico and the "
         "Singapore Tourism Board.",
         ["MOU on Tourism Cooperation between the Secretariat of Tourism of Mexico and the Singapore Tourism Board"]),
        ("The Arrangement for Technical Cooperation on Small Businesses was renewed.",
         ["Arrangement for Technical Cooperation on Small Businesses"]),
        ("The Wassenaar Arrangement controls exports.", ["Wassenaar Arrangement"]),
        # instruments named by their kind
        ("The memorandum, Statement of Intent, was signed on 27 May.", ["Statement of Intent"]),
        ("The two presidents signed a joint declaration on the border.", ["joint declaration"]),
        # a bracketed abbreviation inside a title
        ("The Memorandum of Understanding (MoU) on Economic Cooperation was signed.",
         ["Memorandum of Understanding (MoU) on Economic Cooperation"]),
        # commas, slashes and coordinated articles inside titles
        ("They signed the Agreement on Micro, Small and Medium Enterprises today.",
         ["Agreement on Micro, Small and Medium Enterprises"]),
        ("The Agreement on Visas for Diplomatic and Official/Service Passports was signed.",
         ["Agreement on Visas for Diplomatic and Official/Service Passports"]),
        ("The Protocol on Free Movement of Persons and the African Passport was ratified.",
         ["Protocol on Free Movement of Persons and the African Passport"]),
        # headline verbs are name words in running text; countries coordinated before a head
        ("Progress in implementing the Fresh Start Agreement was reviewed.", ["Fresh Start Agreement"]),
        ("The USA and Mexico Trade Agreement was announced.", ["USA and Mexico Trade Agreement"]),
        ("The Interim Accord of 1995 was replaced.", ["Interim Accord of 1995"]),
    ],
)
def test_english_instruments(text: str, expected: list[str]) -> None:
    assert texts("en", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese agreement was welcomed.",                          # nationality and a lowercase head
        "They reached an arrangement.",                                  # generic
        "The leaders called for a joint declaration in the future.",    # no signing: not an instrument
        "The agreement on Monday was a surprise.",                       # lowercase head, no name
        "The EU Council agreement on migration was hailed.",             # an institution, not a name
    ],
)
def test_english_exclusions_of_the_new_patterns(text: str) -> None:
    assert texts("en", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saudi-Arabien betrachtet den Atom-Deal mit Skepsis.", ["Atom-Deal"]),
        ("Die paraphierte Migrations- und Mobilitätspartnerschaft sieht Rückführungen vor.",
         ["Migrations- und Mobilitätspartnerschaft"]),
        ("Die Regierung unterzeichnet ein Abkommen über Soziale Sicherheit.", ["Abkommen über Soziale Sicherheit"]),
        ("Die Umsetzung des vertieften Partnerschafts- und Kooperationsabkommens beginnt.",
         ["vertieften Partnerschafts- und Kooperationsabkommens"]),
        ("Das Regierungsabkommen über eine Zusammenarbeit im Rohstoff-, Industrie- und Technologiebereich wurde "
         "unterzeichnet.",
         ["Regierungsabkommen über eine Zusammenarbeit im Rohstoff-, Industrie- und Technologiebereich"]),
        ("Das Abkommen über Rohstoffe (im Folgenden Rohstoffabkommen) wurde unterzeichnet.",
         ["Abkommen über Rohstoffe", "Rohstoffabkommen"]),
        ("Die Umsetzung des Assoziierungsabkommens EU-Ukraine stockt.", ["Assoziierungsabkommens EU-Ukraine"]),
        ("Die Trinity-House-Vereinbarung stärkt die Verteidigung.", ["Trinity-House-Vereinbarung"]),
    ],
)
def test_german_instruments(text: str, expected: list[str]) -> None:
    assert texts("de", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Rohstoffpartnerschaft beider Länder wächst.",                    # a relation, not signed
        "Die Schweiz hat mehr als 100 Investitionsschutzabkommen geschlossen.",  # a number: plural generic
        "Dazu ist die Unterzeichnung technischer Nebenabkommen vorgesehen.",   # dependent generic compound
        "Er ist Delegierter für Handelsverträge.",                            # plural compound, no determiner
        "Beide Seiten streben ein Abkommen über den Datenaustausch an.",       # indefinite, not signed
    ],
)
def test_german_exclusions_of_the_new_patterns(text: str) -> None:
    assert texts("de", text) == []


def test_spans_key_comes_from_the_factory_config() -> None:
    import spacy

    import bilatextract.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("bilat_agreements", config={"spans_key": "treaties"})
    doc = nlp("Both sides reaffirmed the Paris Agreement.")
    assert [s.text for s in doc.spans["treaties"]] == ["Paris Agreement"]
    assert "bilat" not in doc.spans
