"""AGREEMENT extraction: every pattern family and every exclusion, in German and English.

The sentences are composed for these tests; they run through the real pipelines.
"""

from __future__ import annotations

import pytest

from bilatextract import pipeline
from bilatextract.components.base import spans_of


def agreements(lang: str, text: str) -> list[tuple[str, dict]]:
    """The mentions and their name attributes (identity and parties: tests/test_agreements_identity.py)."""
    doc = pipeline.get(lang)(text)
    return [(s.text, {k: s._.bilat_attrs[k] for k in ("name", "abbreviation")}) for s in spans_of(doc, "AGREEMENT")]


def texts(lang: str, text: str) -> list[str]:
    return [t for t, _ in agreements(lang, text)]


# ----- German: head nouns with a name complement --------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Vertrag über die Arbeitsweise der Europäischen Union bleibt unverändert.",
         ["Vertrag über die Arbeitsweise der Europäischen Union"]),
        ("Nach dem Inkrafttreten des Übereinkommens über die Zusammenarbeit in der Forschung im Mai trafen sie sich.",
         ["Übereinkommens über die Zusammenarbeit in der Forschung"]),
        ("Der Vertrag von Lissabon regelt das, sagte sie.", ["Vertrag von Lissabon"]),
        ("Die Vereinbarung zur gegenseitigen Anerkennung von Prüfberichten wurde verlängert.",
         ["Vereinbarung zur gegenseitigen Anerkennung von Prüfberichten"]),
        ("Sie unterzeichneten das Abkommen zwischen Japan und Kanada über den Luftverkehr, das ab Herbst gilt.",
         ["Abkommen zwischen Japan und Kanada über den Luftverkehr"]),
        ("Die Absichtserklärung über die Kooperation bei grünem Wasserstoff stärkt die Partnerschaft.",
         ["Absichtserklärung über die Kooperation bei grünem Wasserstoff"]),
    ],
)
def test_german_head_with_complement(text: str, expected: list[str]) -> None:
    assert texts("de", text) == expected


def test_german_complement_stops_at_date_verb_and_als() -> None:
    assert texts("de", "Das Abkommen über die Fischerei im Nordpazifik im August dieses Jahres unterzeichnet.") == [
        "Abkommen über die Fischerei im Nordpazifik"
    ]
    assert texts("de", "Der Vertrag von Aachen als Grundlage der Freundschaft.") == ["Vertrag von Aachen"]
    assert texts("de", "Der Vertrag vom 3. Mai 2020 gilt weiter.") == []


# ----- German: compounds, hyphenated compounds, coordination, pre-modifiers -----------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Freihandelsabkommen stärkt den Handel.", ["Freihandelsabkommen"]),
        ("Wegen des Doppelbesteuerungsabkommens zahlen Firmen weniger.", ["Doppelbesteuerungsabkommens"]),
        ("Berlin hält am Iran-Abkommen fest.", ["Iran-Abkommen"]),
        ("Der Élysée-Vertrag und der Zwei-plus-Vier-Vertrages wurden gewürdigt.",
         ["Élysée-Vertrag", "Zwei-plus-Vier-Vertrages"]),
        ("Die Feier des Preußisch-Japanischen Freundschafts- und Schifffahrtsvertrags von 1861 fand statt.",
         ["Preußisch-Japanischen Freundschafts- und Schifffahrtsvertrags"]),
        ("Sie unterzeichneten die Gemeinsame Erklärung über die Digitalisierung der Industrie.",
         ["Gemeinsame Erklärung über die Digitalisierung der Industrie"]),
        ("Zur Umsetzung des Pariser Klimaabkommens wollen beide mehr tun.", ["Pariser Klimaabkommens"]),
        ("Beide würdigten die Kyoto-Deklaration zur Meerespolitik.", ["Kyoto-Deklaration zur Meerespolitik"]),
    ],
)
def test_german_compounds_and_premodifiers(text: str, expected: list[str]) -> None:
    assert texts("de", text) == expected


def test_german_known_compound_does_not_take_a_relational_complement() -> None:
    # "zwischen ... und ..." describes the parties of an established name, it is not part of it
    assert texts("de", "Das Wirtschaftspartnerschaftsabkommen zwischen der EU und Japan wirkt.") == [
        "Wirtschaftspartnerschaftsabkommen"
    ]
    # nor after an indefinite article, where the instrument is introduced
    assert texts("de", "Morgen wird ein Handelsabkommen zwischen der EU und Mexiko unterzeichnet.") == [
        "Handelsabkommen"
    ]


def test_german_generic_compound_is_named_by_its_parties() -> None:
    # an agreement without a name of its own is identified by its parties
    assert texts("de", "Das Handelsabkommen zwischen der EU und Mexiko wurde modernisiert.") == [
        "Handelsabkommen zwischen der EU und Mexiko"
    ]


def test_german_lowercase_nationality_prefix_stays_outside() -> None:
    assert texts("de", "Das deutsch-indische Abkommen über Migration trat in Kraft.") == [
        "Abkommen über Migration"
    ]


# ----- German: exclusions --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Das Abkommen wurde gestern unterzeichnet.",                              # generic, bare head
        "Beide Seiten streben ein Abkommen über den Datenaustausch an.",          # indefinite
        "Es ist die Unterzeichnung zahlreicher Absichtserklärungen geplant.",      # generic plural
        "Sie wollen eine politische Absichtserklärung unterzeichnen.",             # unnamed
        "Die Regierung beschloss Leitlinien für den Indo-Pazifik.",                # unilateral policy
        "Die Nationale Sicherheitsstrategie wurde vorgestellt.",                   # unilateral strategy
        "Im Rahmen der „2+2“-Konsultationen sprachen die Minister.",              # meeting format
        "Die Konsultationen über Wirtschaftssicherheit werden fortgesetzt.",        # meeting format
        "Sie forderten die Umsetzung der Resolutionen des VN-Sicherheitsrats.",    # UN resolutions
        "Die Sanktionen gegen Russland bleiben in Kraft.",                         # sanctions
        "Man braucht einen verlässlichen Rechtsrahmen für Investitionen.",        # legal framework
        "Der Koalitionsvertrag sieht mehr Mittel vor.",                            # domestic contract
        "Die G20-Erklärung und die Gipfel-Erklärung wurden veröffentlicht.",       # statements
        "Die Gemeinsame Pressemitteilung erschien am Abend.",                      # statement
    ],
)
def test_german_exclusions(text: str) -> None:
    assert texts("de", text) == []


# ----- English: names --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They welcomed the Agreement on Cooperation in the Field of Space Exploration signed today.",
         ["Agreement on Cooperation in the Field of Space Exploration"]),
        ("The Convention against Torture was discussed.", ["Convention against Torture"]),
        ("The Treaty of Rome created the community.", ["Treaty of Rome"]),
        ("Both sides hope to conclude the Japan-India Security Cooperation Agreement soon.",
         ["Japan-India Security Cooperation Agreement"]),
        ("He mentioned the Geneva Conventions and the Wassenaar Arrangement.",
         ["Geneva Conventions", "Wassenaar Arrangement"]),
        ("They signed a Memorandum of Cooperation on Offshore Wind Energy in Osaka.",
         ["Memorandum of Cooperation on Offshore Wind Energy"]),
        ("The Agreement between Japan and Canada concerning Mutual Assistance in Customs Matters took effect.",
         ["Agreement between Japan and Canada concerning Mutual Assistance in Customs Matters"]),
        ("They renewed the Framework Agreement on Research Cooperation between Japan and Italy.",
         ["Framework Agreement on Research Cooperation between Japan and Italy"]),
        ("Negotiations on a Digital Partnership Agreement were launched.", ["Digital Partnership Agreement"]),
    ],
)
def test_english_names(text: str, expected: list[str]) -> None:
    assert texts("en", text) == expected


def test_english_name_stops_at_lowercase_words_and_dates() -> None:
    assert texts("en", "The Agreement on Customs Cooperation recently signed by both sides is important.") == [
        "Agreement on Customs Cooperation"
    ]
    assert texts("en", "The Accord on Fisheries of March 2020 expired.") == ["Accord on Fisheries"]


def test_english_pre_modified_name_takes_no_relational_complement() -> None:
    assert texts("en", "The Free Trade Agreement between Japan and Peru entered into force.") == [
        "Free Trade Agreement"
    ]


def test_english_single_nationality_adjective_stays_outside() -> None:
    assert texts("en", "The German Social Security Agreement is in force.") == ["Social Security Agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Both sides confirmed that the agreement will be implemented.",           # generic
        "They reached an agreement in principle last night.",                      # generic
        "The Agreement was signed yesterday.",                                      # bare head
        "They signed a Memorandum of Understanding.",                               # unnamed
        "Japan explained its National Security Strategy.",                          # unilateral strategy
        "Germany adopted Policy Guidelines for the Indo-Pacific.",                  # unilateral policy
        "The ministers held their fourth \"2+2\" meeting in Tokyo.",                # meeting format
        "The Strategic Dialogue on Economic Security continues.",                    # dialogue
        "They called for the full implementation of Resolution 2397.",              # UN resolution
        "The sanctions against the regime remain in place.",                         # sanctions
        "The two leaders issued a joint statement on the occasion.",                 # statement
        "They adopted an action plan and a roadmap for cooperation.",                # action plan, roadmap
        "Both sides agreed on a new legal framework for data flows.",                # legal framework
    ],
)
def test_english_exclusions(text: str) -> None:
    assert texts("en", text) == []


# ----- known agreements ----------------------------------------------------------------------
def test_known_names_in_both_languages() -> None:
    assert texts("en", "Germany stands by the Joint Comprehensive Plan of Action with Iran.") == [
        "Joint Comprehensive Plan of Action"
    ]
    assert texts("en", "The leaders discussed the Minsk agreements and the Kyoto Protocol.") == [
        "Minsk agreements", "Kyoto Protocol"
    ]
    found = agreements("de", "Die Bedeutung des Übereinkommens von Paris ist groß.")
    assert [t for t, _ in found] == ["Übereinkommens von Paris"]
    assert found[0][1]["name"] == "Übereinkommen von Paris"


def test_known_german_name_inflected() -> None:
    found = agreements("de", "Die Kritik des Atomwaffensperrvertrags blieb aus.")
    assert found == [("Atomwaffensperrvertrags", {"name": "Vertrag über die Nichtverbreitung von Kernwaffen",
                                                   "abbreviation": "NPT"})]


# ----- abbreviations -------------------------------------------------------------------------
def test_english_defined_abbreviation_links_both_ways_and_later_mentions() -> None:
    found = agreements(
        "en",
        "They welcomed the Digital Trade Agreement (DTA) between the two countries. "
        "The DTA will take effect next year. Staff of the DTAX office attended.",
    )
    assert [t for t, _ in found] == ["Digital Trade Agreement", "DTA", "DTA"]
    assert found[0][1] == {"name": "Digital Trade Agreement", "abbreviation": "DTA"}
    assert found[1][1] == found[2][1] == {"name": "Digital Trade Agreement", "abbreviation": "DTA"}


def test_german_defined_abbreviation() -> None:
    found = agreements(
        "de",
        "Das Abkommen über die Sicherheit von Verschlusssachen (VSA) trat im Juli in Kraft. "
        "Das VSA erleichtert den Austausch.",
    )
    assert [t for t, _ in found] == ["Abkommen über die Sicherheit von Verschlusssachen", "VSA", "VSA"]
    assert found[2][1]["name"] == "Abkommen über die Sicherheit von Verschlusssachen"


def test_indefinite_german_name_counts_when_an_abbreviation_defines_it() -> None:
    assert texts("de", "Sie verhandeln über ein Investitionsschutzabkommen (ISA) mit Chile.") == [
        "Investitionsschutzabkommen", "ISA"
    ]


def test_coordination_shortening_german_and_english() -> None:
    assert texts(
        "de",
        "Die Abkommen über eine Digitale Partnerschaft (DPA) und eine Grüne Allianz (GA) zwischen beiden "
        "Staaten wurden begrüßt.",
    ) == ["Abkommen über eine Digitale Partnerschaft", "DPA", "Grüne Allianz", "GA"]
    assert texts(
        "en",
        "They signed the Agreement for a Digital Partnership (DPA) and a Green Alliance (GA) in May.",
    ) == ["Agreement for a Digital Partnership", "DPA", "Green Alliance", "GA"]


def test_alias_in_brackets_names_the_full_form() -> None:
    found = agreements("de", "Sie unterzeichneten die Gemeinsame Erklärung zur Robotik („Kobe-Deklaration“).")
    assert [t for t, _ in found] == ["Gemeinsame Erklärung zur Robotik", "Kobe-Deklaration"]
    assert found[1][1]["name"] == "Gemeinsame Erklärung zur Robotik"


def test_unambiguous_known_abbreviation_alone() -> None:
    assert texts("en", "Germany remains committed to the JCPOA.") == ["JCPOA"]
    assert texts("de", "Deutschland steht zum JCPOA.") == ["JCPOA"]


def test_ambiguous_known_abbreviation_needs_support() -> None:
    # EPA is also the US Environmental Protection Agency
    assert texts("en", "The EPA tightened emission limits for power plants.") == []
    assert texts("de", "Die EPA der USA verschärfte die Grenzwerte.") == []
    # supported by an agreement cue in its sentence
    assert texts("en", "The EPA between Japan and the EU was signed in July.") == ["EPA"]
    assert texts("de", "Das EPA trat im Februar in Kraft.") == ["EPA"]
    # supported because the document names the agreement elsewhere
    found = agreements("en", "The Economic Partnership Agreement is ambitious. Farmers welcome the EPA.")
    assert [t for t, _ in found] == ["Economic Partnership Agreement", "EPA"]


def test_abbreviations_match_whole_tokens_only() -> None:
    assert texts("en", "The JCPOAs and NPTX were not mentioned; the SPAs were closed.") == []


def test_abbreviation_linking_is_linear_on_a_long_document() -> None:
    sentence = "The Space Cooperation Agreement (SCA) matters. The SCA was praised. "
    found = agreements("en", sentence * 300)
    assert len(found) == 900
    assert all(attrs["name"] == "Space Cooperation Agreement" for _, attrs in found)


# ----- boundaries learned from composing held-out-like sentences ------------------------------
def test_english_head_inside_another_name_is_not_a_head() -> None:
    assert texts("en", "They met at the Kyoto International Convention Center near the station.") == []
    assert texts("en", "He spoke about the North Atlantic Treaty Organization.") == []


def test_english_dotted_country_abbreviations_stay_in_the_name() -> None:
    assert texts("en", "The U.S.-Japan Security Treaty and the Japan-U.S. Security Treaty were cited.") == [
        "U.S.-Japan Security Treaty", "Japan-U.S. Security Treaty"
    ]


def test_possessives_are_not_part_of_a_name() -> None:
    assert texts("en", "The G20 Leaders' Declaration was adopted.") == []
    assert texts("en", "Canada's Agreement on Internal Trade applies.") == ["Agreement on Internal Trade"]


def test_place_of_signing_is_not_part_of_the_name() -> None:
    assert texts("en", "They signed the Agreement on Cooperation in Energy in Tokyo.") == [
        "Agreement on Cooperation in Energy"
    ]
    assert texts("de", "Sie unterzeichneten das Abkommen über die Zusammenarbeit im Bergbau in Berlin.") == [
        "Abkommen über die Zusammenarbeit im Bergbau"
    ]


def test_parties_alone_do_not_make_a_name() -> None:
    assert texts("de", "Die Vereinbarung zwischen den Regierungschefs wurde bekräftigt.") == []
    assert texts("en", "They praised the Agreement between Japan and the European Union.") == []


def test_german_plural_heads_without_determiner_are_generic() -> None:
    assert texts("de", "Die Minister unterzeichneten Vereinbarungen über die Zusammenarbeit in der Forschung.") == []
    assert texts("de", "Die Römischen Verträge wurden 1957 unterzeichnet.") == ["Römischen Verträge"]


def test_abbreviation_before_the_bracketed_name() -> None:
    found = agreements("en", "They discussed the CEPA (Comprehensive Economic Partnership Agreement). The CEPA helps.")
    assert [t for t, _ in found] == ["CEPA", "Comprehensive Economic Partnership Agreement", "CEPA"]
    assert found[2][1] == {"name": "Comprehensive Economic Partnership Agreement", "abbreviation": "CEPA"}


def test_in_kraft_is_not_part_of_a_name() -> None:
    assert texts("de", "Das Abkommen über Zölle wurde in Kraft gesetzt.") == ["Abkommen über Zölle"]


def test_capitalised_german_adjective_names_even_after_an_indefinite_article() -> None:
    assert texts("de", "Sie unterzeichneten eine Gemeinsame Absichtserklärung zur Batterieforschung.") == [
        "Gemeinsame Absichtserklärung zur Batterieforschung"
    ]


def test_german_second_part_of_a_split_compound() -> None:
    assert texts("de", "Das Abkommen über den Schutz von Pflanzen und -sorten tritt in Kraft.") == [
        "Abkommen über den Schutz von Pflanzen und -sorten"
    ]


def test_english_possessive_and_headline_forms() -> None:
    assert texts("en", "The Paris Agreement's goals were reaffirmed.") == ["Paris Agreement"]
    assert texts("en", "Japan-Mexico Economic Partnership Agreement Enters into Force") == [
        "Japan-Mexico Economic Partnership Agreement"
    ]
    assert texts("en", "The Agreement Establishing the Asian Development Fund was amended.") == [
        "Agreement Establishing the Asian Development Fund"
    ]


def test_parties_prefix_on_a_known_name_keeps_the_link() -> None:
    found = agreements("en", "They discussed the Japan-Italy Reciprocal Access Agreement.")
    assert found == [("Japan-Italy Reciprocal Access Agreement",
                      {"name": "Reciprocal Access Agreement", "abbreviation": "RAA"})]


def test_abbreviation_defined_as_something_else_is_not_an_agreement() -> None:
    text = ("The Administrator of the Environmental Protection Agency (EPA) attended. "
            "The EPA supports trade in clean technology.")
    assert texts("en", text) == []


def test_known_abbreviation_with_lowercase_letters() -> None:
    found = agreements("en", "All three remain committed to the JCPoA and to diplomacy.")
    assert found == [("JCPoA", {"name": "Joint Comprehensive Plan of Action", "abbreviation": "JCPoA"})]


def test_quoted_abbreviation_in_brackets() -> None:
    assert texts("de", "Das Abkommen über Raumfahrt („ARF“) wurde unterzeichnet. Das ARF gilt ab Mai.") == [
        "Abkommen über Raumfahrt", "ARF", "ARF"
    ]


def test_numbers_after_a_preposition_end_the_name() -> None:
    assert texts("de", "Der Vertrag über gute Nachbarschaft vom 17. Juni 1991 gilt.") == [
        "Vertrag über gute Nachbarschaft"
    ]
    assert texts("en", "The Agreement on Fisheries of 2019 expired.") == ["Agreement on Fisheries"]
    assert texts("de", "Die Gemeinsame Erklärung zur Agenda 2030 wurde verabschiedet.") == [
        "Gemeinsame Erklärung zur Agenda 2030"
    ]


def test_title_case_headline_verbs_stay_outside() -> None:
    assert texts("en", "Japan and Chile Sign Comprehensive Economic Partnership Agreement") == [
        "Comprehensive Economic Partnership Agreement"
    ]
    assert texts("en", "Entry into Force of the Japan-Peru Economic Partnership Agreement") == [
        "Japan-Peru Economic Partnership Agreement"
    ]


def test_german_parties_written_apart_from_the_head() -> None:
    assert texts("de", "Das EU-Japan Abkommen über Datenschutz gilt.") == ["EU-Japan Abkommen über Datenschutz"]


def test_english_of_inside_a_pre_modifier_chain() -> None:
    found = agreements("en", "The Japan-U.S. Status of Forces Agreement was discussed.")
    assert found == [("Japan-U.S. Status of Forces Agreement",
                      {"name": "Status of Forces Agreement", "abbreviation": "SOFA"})]


def test_ambiguous_abbreviation_supported_by_a_context_word() -> None:
    assert texts("de", "Das EPA zwischen Japan und der EU ist ein Meilenstein.") == ["EPA"]
    assert texts("en", "The EPA designed a significant new rule for power plants.") == []


def test_german_coordination_before_a_pre_modified_compound() -> None:
    assert texts("de", "Das Wirtschaftspartnerschafts- und Strategische Partnerschaftsabkommen gilt.") == [
        "Wirtschaftspartnerschafts- und Strategische Partnerschaftsabkommen"
    ]


def test_english_possessive_inside_a_party_name_and_and_the_boundary() -> None:
    assert texts("en", "The Treaty of Peace and Friendship between Japan and the People's Republic of China held.") == [
        "Treaty of Peace and Friendship between Japan and the People's Republic of China"
    ]
    assert texts("en", "They praised the Agreement on Trade and the Japan-US Alliance.") == ["Agreement on Trade"]
