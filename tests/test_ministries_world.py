"""MINISTRY mentions of governments beyond Germany and Japan, on composed sentences.

Each expected annotation was written from the annotation guide before the library ran on
the sentence: Swiss departments, ALL-CAPS letterheads, other governments' short forms and
abbreviations, lowercase names, the country rules, and the knowledge-base ids of ministries
of many countries named in German and in English.
"""

from __future__ import annotations

import json

import pytest

from bilatextract import extract, pipeline
from bilatextract.components.base import ATTRS, spans_of

Found = tuple[str, str | None, str | None, str | None]


def ministries(text: str, lang: str) -> list[Found]:
    """(text, country, portfolio, id) of each MINISTRY span, from the spaCy pipeline."""
    doc = pipeline.get(lang)(text)
    out = []
    for span in spans_of(doc, "MINISTRY"):
        attrs = span._.get(ATTRS) or {}
        out.append((span.text, attrs.get("country"), attrs.get("portfolio"), attrs.get("id")))
    return out


# ---------------------------------------------------------------- Switzerland (de)


def test_swiss_department_with_its_adjective_in_the_span() -> None:
    text = ("Bundesrätin Micheline Calmy-Rey, Vorsteherin des Eidgenössischen Departements für auswärtige "
            "Angelegenheiten, reist nach Tokio.")
    assert ministries(text, "de") == [
        ("Eidgenössischen Departements für auswärtige Angelegenheiten", "CH", "foreign", "CH-EDA")]


def test_swiss_fused_department_and_a_line_break_inside_the_name() -> None:
    text = "Bundesrat Joseph Deiss, Vorsteher des Eidgenössischen\nVolkswirtschaftsdepartements, empfing ihn."
    assert ministries(text, "de") == [
        ("Eidgenössischen\nVolkswirtschaftsdepartements", "CH", "economy", "CH-EVD")]


def test_a_departement_is_swiss_even_next_to_another_country() -> None:
    text = ("Indonesien ist ein wichtiger Partner, wie Johann Schneider-Ammanns Departement für Wirtschaft, "
            "Bildung und Forschung (WBF) mitteilte.")
    assert ministries(text, "de") == [
        ("Departement für Wirtschaft, Bildung und Forschung", "CH", "economy", "CH-WBF"),
        ("WBF", "CH", "economy", "CH-WBF"),
    ]


def test_all_caps_letterhead() -> None:
    text = "EIDGENÖSSISCHES DEPARTEMENT FÜR AUSWÄRTIGE ANGELEGENHEITEN\n\nBern, 3. Dezember 2003. Pressemitteilung."
    assert ministries(text, "de") == [
        ("EIDGENÖSSISCHES DEPARTEMENT FÜR AUSWÄRTIGE ANGELEGENHEITEN", "CH", "foreign", "CH-EDA")]


# ---------------------------------------------------------------- abbreviations and short forms


def test_bracketed_abbreviation_gives_the_name_the_country_of_that_ministry() -> None:
    # "MITI" is Japan's and Malaysia's: the document names Japan (and Switzerland) only.
    text = ("In Japan Gespräche mit Premierminister Hashimoto und dem Vorsteher des Handels- und "
            "Industrieministeriums (MITI) Tsukahara; der Schweizer Bundespräsident reist weiter.")
    got = ministries(text, "de")
    assert [(g[0], g[1], g[2]) for g in got] == [("Handels- und Industrieministeriums", "JP", "economy"),
                                                ("MITI", "JP", "economy")]


def test_austrian_lowercase_abbreviation_in_brackets_and_capitals_elsewhere() -> None:
    text = "Wien (bmask) - Seit Oktober 2010 ist ein Attaché des BMASK in Moldau tätig."
    assert ministries(text, "de") == [("bmask", "AT", "labour", "AT-BMASK"), ("BMASK", "AT", "labour", "AT-BMASK")]


def test_generic_abbreviation_takes_the_country_of_the_document() -> None:
    text = "Spokesperson of MFA: Thailand and Thai nationals abroad were the topic of the Thai briefing."
    assert ministries(text, "en") == [("MFA", "TH", "foreign", "TH-MFA")]


def test_generic_abbreviation_of_no_country_is_no_mention() -> None:
    assert ministries("The MFA said nothing about it.", "en") == []


def test_article_inside_the_brackets_and_a_lowercase_abbreviation() -> None:
    text = ("Mozambique and South Africa signed an MoU. It fits the vision of the Department of Trade and "
            "Industry (the dti) in 2015.")
    got = ministries(text, "en")
    assert [(g[0], g[1], g[2]) for g in got] == [("Department of Trade and Industry", "ZA", "economy"),
                                                ("dti", "ZA", "economy")]
    assert got[1][3] == "ZA-DTI"


def test_south_african_department_by_its_own_name_and_abbreviation() -> None:
    text = "The commission met at the Department of International Relations and Cooperation (DIRCO) in Pretoria."
    assert ministries(text, "en") == [
        ("Department of International Relations and Cooperation", "ZA", "foreign", "ZA-DIRCO"),
        ("DIRCO", "ZA", "foreign", "ZA-DIRCO"),
    ]


def test_a_name_several_governments_use_takes_the_document_country_not_the_neighbour() -> None:
    # Pakistan's foreign ministry is "the Foreign Office"; China is only the neighbour in the sentence.
    text = ("Pakistan's Foreign Minister Qureshi and his Chinese counterpart Wang Yi met in Islamabad, "
            "the Foreign Office said. Pakistan and China signed five agreements.")
    assert ministries(text, "en") == [("Foreign Office", "PK", "foreign", "PK-MOFA")]


# ---------------------------------------------------------------- lowercase and weak heads (en)


def test_lowercase_productive_name_with_its_country_before_it() -> None:
    text = "India's ministry of external affairs said the talks went well."
    assert ministries(text, "en") == [("ministry of external affairs", "IN", "foreign", "IN-MEA")]


def test_lowercase_productive_name_takes_the_country_of_the_document() -> None:
    text = ("NEW DELHI: The India-Japan agreement was signed yesterday, ministry of external affairs "
            "spokesperson Anurag Srivastava said.")
    assert [(g[0], g[1]) for g in ministries(text, "en")] == [("ministry of external affairs", "IN")]


def test_lowercase_words_of_no_portfolio_are_no_ministry() -> None:
    assert ministries("The ministry of silly walks of Ruritania said no.", "en") == []


def test_a_department_without_a_portfolio_is_no_ministry() -> None:
    text = "The Director-General of Department of Information of Thailand briefed the press."
    assert ministries(text, "en") == []


def test_mexican_secretariats() -> None:
    text = "Mexico's Secretariat of Tourism (SECTUR) and the Secretariat of Foreign Affairs signed it."
    got = ministries(text, "en")
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [
        ("Secretariat of Tourism", "MX", "other", "MX-SECTUR"), ("SECTUR", "MX", "other", "MX-SECTUR"),
        ("Secretariat of Foreign Affairs", "MX", "foreign", "MX-SRE")]


# ---------------------------------------------------------------- identity in results


def test_the_id_is_in_the_typed_result_the_json_and_the_frame() -> None:
    doc = extract("Officials of the Ghanaian Ministry of Labour and of the Brazilian Foreign Ministry met.", lang="en")
    assert [(m.text, m.country, m.portfolio, m.id) for m in doc.ministries] == [
        ("Ministry of Labour", "GH", "labour", "GH-labour"),  # no knowledge-base entry: country and portfolio
        ("Foreign Ministry", "BR", "foreign", "BR-MRE"),
    ]
    line = json.loads(json.dumps(doc.to_dict()))
    assert [e["id"] for e in line["entities"] if e["type"] == "MINISTRY"] == ["GH-labour", "BR-MRE"]
    pytest.importorskip("pandas")
    from bilatextract.frame import to_frame

    frame = to_frame(doc)
    assert list(frame[frame["type"] == "MINISTRY"]["id"]) == ["GH-labour", "BR-MRE"]


# ---------------------------------------------------------------- the knowledge base, many countries

#: (German sentence, English sentence, the knowledge-base id both name).
WORLD = [
    ("Das brasilianische Außenministerium teilte mit.", "The Brazilian Foreign Ministry said.", "BR-MRE"),
    ("Das mexikanische Außenministerium teilte mit.", "The Mexican Foreign Ministry said.", "MX-SRE"),
    ("Das südafrikanische Außenministerium teilte mit.", "The South African Foreign Ministry said.", "ZA-DIRCO"),
    ("Das nigerianische Finanzministerium teilte mit.", "The Nigerian Finance Ministry said.", "NG-FMFBNP"),
    ("Das ägyptische Verteidigungsministerium teilte mit.", "The Egyptian Defence Ministry said.", "EG-MOD"),
    ("Das kenianische Gesundheitsministerium teilte mit.", "The Kenyan Health Ministry said.", "KE-MOH"),
    ("Das argentinische Verteidigungsministerium teilte mit.", "The Argentine Defence Ministry said.",
     "AR-MINDEF"),
    ("Das chilenische Außenministerium teilte mit.", "The Chilean Foreign Ministry said.", "CL-MINREL"),
    ("Das indonesische Außenministerium teilte mit.", "The Indonesian Foreign Ministry said.", "ID-KEMLU"),
    ("Das thailändische Außenministerium teilte mit.", "The Thai Foreign Ministry said.", "TH-MFA"),
    ("Das vietnamesische Verteidigungsministerium teilte mit.", "The Vietnamese Defence Ministry said.",
     "VN-MND"),
    ("Das philippinische Verteidigungsministerium teilte mit.", "The Philippine Defense Department said.",
     "PH-DND"),
    ("Das singapurische Handelsministerium teilte mit.", "The Singaporean Trade Ministry said.", "SG-MTI"),
    ("Das saudische Außenministerium teilte mit.", "The Saudi Foreign Ministry said.", "SA-MOFA"),
    ("Das katarische Außenministerium teilte mit.", "The Qatari Foreign Ministry said.", "QA-MOFA"),
    ("Das türkische Verteidigungsministerium teilte mit.", "The Turkish Defence Ministry said.", "TR-MSB"),
    ("Das russische Außenministerium teilte mit.", "The Russian Foreign Ministry said.", "RU-MID"),
    ("Das tschechische Außenministerium teilte mit.", "The Czech Foreign Ministry said.", "CZ-MZV"),
    ("Das schwedische Außenministerium teilte mit.", "The Swedish Foreign Ministry said.", "SE-UD"),
    ("Das norwegische Finanzministerium teilte mit.", "The Norwegian Finance Ministry said.", "NO-FIN"),
    ("Das griechische Außenministerium teilte mit.", "The Greek Foreign Ministry said.", "GR-MFA"),
    ("Das portugiesische Außenministerium teilte mit.", "The Portuguese Foreign Ministry said.", "PT-MNE"),
    ("Das israelische Verteidigungsministerium teilte mit.", "The Israeli Defense Ministry said.", "IL-MOD"),
    ("Das ukrainische Gesundheitsministerium teilte mit.", "The Ukrainian Health Ministry said.", "UA-MOZ"),
]


@pytest.mark.parametrize(("german", "english", "ministry_id"), WORLD, ids=[w[2] for w in WORLD])
def test_ministries_of_many_countries_resolve_to_their_ids_in_both_languages(
    german: str, english: str, ministry_id: str
) -> None:
    country = ministry_id[:2]
    for text, lang in ((german, "de"), (english, "en")):
        got = ministries(text, lang)
        assert len(got) == 1, (lang, got)
        assert (got[0][1], got[0][3]) == (country, ministry_id), (lang, got)


def test_the_world_knowledge_base_covers_every_un_member_state() -> None:
    from bilatextract import knowledge as kb

    have: dict[str, set[str]] = {}
    for entry in kb.ministries():
        have.setdefault(entry.ministry.country, set()).add(entry.ministry.portfolio)
    assert len(have) >= 193
    core = {"head_of_government", "foreign", "finance", "economy"}
    lacking = {c: core - p for c, p in have.items() if core - p}
    assert not lacking, lacking
    ids = [e.ministry.id for e in kb.ministries()]
    assert len(ids) == len(set(ids)) >= 1500
    assert all(i.split("-", 1)[0] == e.ministry.country for i, e in zip(ids, kb.ministries(), strict=True))


# ---------------------------------------------------------------- more country rules, noise


def test_british_spelling_in_a_us_context_is_the_us_department() -> None:
    text = ("U.S. Secretary of Defense Lloyd Austin hosted Japan's Defense Minister Kihara at the Department of "
            "Defence in Washington.")
    assert ministries(text, "en") == [("Department of Defence", "US", "defence", "US-DOD")]


def test_possessive_country_before_a_lowercase_compound() -> None:
    assert ministries("Ukraine's foreign ministry said talks continue.", "en") == [
        ("foreign ministry", "UA", "foreign", "UA-MFA")]


def test_page_menu_with_a_double_space_and_a_line_break_inside_names() -> None:
    assert ministries("Home | Ministry of  Foreign Affairs | Contact. Singapore and Japan agreed.", "en") == [
        ("Ministry of  Foreign Affairs", "SG", "foreign", "SG-MFA")]
    assert ministries("EIDGENÖSSISCHES DEPARTEMENT\nFÜR AUSWÄRTIGE ANGELEGENHEITEN\n\nBern, 3. Dezember 2003",
                      "de") == [("EIDGENÖSSISCHES DEPARTEMENT\nFÜR AUSWÄRTIGE ANGELEGENHEITEN", "CH", "foreign",
                                 "CH-EDA")]


def test_austrian_federal_ministry_is_not_germany_s() -> None:
    text = "Ein Sprecher des Bundesministeriums für Landesverteidigung in Wien sagte, Österreich nehme teil."
    assert ministries(text, "de") == [("Bundesministeriums für Landesverteidigung", "AT", "defence", "AT-BMLV")]


def test_a_field_list_stops_at_the_next_country_s_ministry() -> None:
    text = "Officials of the Ghanaian Ministry of Labour and of the Brazilian Foreign Ministry met."
    assert [g[0] for g in ministries(text, "en")] == ["Ministry of Labour", "Foreign Ministry"]


def test_secretariats_are_ministries_where_they_have_a_portfolio() -> None:
    text = ("Honduras' Secretariat of Foreign Affairs and International Cooperation met the Secretariat of the "
            "Pacific Community and the National Security Secretariat.")
    assert ministries(text, "en") == [
        ("Secretariat of Foreign Affairs and International Cooperation", "HN", "foreign", "HN-SRECI")]


def test_foreign_trade_is_economy_and_worship_a_field_of_the_foreign_ministry() -> None:
    text = "Peru's Ministry of Foreign Trade and Tourism and the Ministry of Foreign Affairs and Worship of Costa Rica."
    assert ministries(text, "en") == [
        ("Ministry of Foreign Trade and Tourism", "PE", "economy", "PE-MINCETUR"),
        ("Ministry of Foreign Affairs and Worship of Costa Rica", "CR", "foreign", "CR-RREE"),
    ]


def test_scans_of_one_document_leave_nothing_on_the_shared_component() -> None:
    nlp = pipeline.get("en")
    component = nlp.get_pipe("bilat_ministries")
    before = set(vars(component))
    nlp("India's ministry of external affairs and the Thai Foreign Ministry met.")
    assert set(vars(component)) == before
    assert not {"_text", "_words", "_claimed", "_cache"} & set(vars(component))


def test_investment_is_an_economy_field_and_other_portfolios_have_no_generic_id() -> None:
    text = "The Ministry of Planning and Investment of Viet Nam and the Thai Ministry of Culture met."
    assert ministries(text, "en") == [
        ("Ministry of Planning and Investment of Viet Nam", "VN", "economy", "VN-MPI"),
        ("Ministry of Culture", "TH", "other", None),
    ]


def test_the_span_group_key_is_configurable() -> None:
    import spacy

    import bilatextract.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("bilat_ministries", config={"spans_key": "gov"})
    doc = nlp("The Department of International Relations and Cooperation (DIRCO) of South Africa met.")
    # the bracketed abbreviation ends the name: "of South Africa" after it is no part of it
    assert [s.text for s in doc.spans["gov"]] == ["Department of International Relations and Cooperation", "DIRCO"]
    assert "bilat" not in doc.spans
    assert nlp.get_pipe_config("bilat_ministries")["spans_key"] == "gov"
