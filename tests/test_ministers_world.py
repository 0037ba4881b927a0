"""MINISTER mentions of other governments: title systems, honorifics, name conventions, country rules.

Sentences composed for these tests, the expected annotation (ANNOTATION.md) written before running the
library on them. Rows are (span text, family name, country, portfolio).
"""

from __future__ import annotations

import pytest
from minister_rows import Row, ministers

from bilatextract import extract, pipeline
from bilatextract.components.base import ATTRS, spans_of


def attrs_of(text: str, lang: str) -> list[dict]:
    return [dict(span._.get(ATTRS) or {}, text=span.text) for span in spans_of(pipeline.get(lang)(text), "MINISTER")]


# ---------------------------------------------------------------- title systems


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Mexico, the Philippines: secretaries heading cabinet departments
        ("en", "Mexico's Secretary of Foreign Affairs Ana Torres arrived on Monday.",
         [("Secretary of Foreign Affairs Ana Torres", "Torres", "MX", "foreign")]),
        ("en", "The Philippine Secretary of National Defense Carlos Reyes signed the plan.",
         [("Secretary of National Defense Carlos Reyes", "Reyes", "PH", "defence")]),
        # United Kingdom: Secretary of State for X, X Secretary, Chancellor of the Exchequer
        ("en", "Secretary of State for Defence John Harwell spoke in Parliament.",
         [("Secretary of State for Defence John Harwell", "Harwell", "GB", "defence")]),
        ("en", "Home Secretary Priya Nand visited the border.",
         [("Home Secretary Priya Nand", "Nand", "GB", "interior")]),
        ("en", "Chancellor of the Exchequer Rachel Moore presented the budget.",
         [("Chancellor of the Exchequer Rachel Moore", "Moore", "GB", "finance")]),
        # Kenya: Cabinet Secretaries
        ("en", "Kenya's Cabinet Secretary for Foreign Affairs Musa Otieno met the envoys.",
         [("Cabinet Secretary for Foreign Affairs Musa Otieno", "Otieno", "KE", "foreign")]),
        # India: Union Minister, External Affairs Minister
        ("en", "Union Minister of Commerce Raj Mehta opened the fair.",
         [("Union Minister of Commerce Raj Mehta", "Mehta", "IN", "economy")]),
        ("en", "India's External Affairs Minister Anil Rao arrived.",
         [("External Affairs Minister Anil Rao", "Rao", "IN", "foreign")]),
        # Switzerland: Federal Councillors
        ("en", "Federal Councillor Anna Meier travelled to Vienna.",
         [("Federal Councillor Anna Meier", "Meier", "CH", None)]),
        ("de", "Bundesrat Ignaz Keller reiste nach Wien.", [("Bundesrat Ignaz Keller", "Keller", "CH", None)]),
        ("de", "Bundesrätin Vera Roth empfing die Delegation.", [("Bundesrätin Vera Roth", "Roth", "CH", None)]),
        # Austria: Bundesminister/in für X, with the country adjective outside the span
        ("de", "Die österreichische Bundesministerin für europäische und internationale Angelegenheiten Eva Gruber "
               "sprach.",
         [("Bundesministerin für europäische und internationale Angelegenheiten Eva Gruber", "Gruber", "AT",
           "foreign")]),
        # lowercase English titles in news prose
        ("en", "Canada's minister of foreign affairs, Claire Dubois, said the talks went well.",
         [("minister of foreign affairs, Claire Dubois", "Dubois", "CA", "foreign")]),
        # a plural title before a list of names
        ("en", "Prime Ministers Anna Berg and Olav Lund signed the accord.",
         [("Prime Ministers Anna Berg", "Berg", None, "head_of_government"),
          ("Olav Lund", "Lund", None, "head_of_government")]),
        # "Chefdiplomat" (German press) is the foreign minister
        ("de", "Der ukrainische Chefdiplomat Petro Melnyk kam nach Berlin.",
         [("Chefdiplomat Petro Melnyk", "Melnyk", "UA", "foreign")]),
        # "<field> Secretary" (Mexico) and the US Trade Representative
        ("en", "Mexican Economy Secretary Luis Vidal took a break from the talks.",
         [("Economy Secretary Luis Vidal", "Vidal", "MX", "economy")]),
    ],
)
def test_title_systems(lang: str, text: str, expected: list[Row]) -> None:
    assert ministers(text, lang) == expected


def test_us_trade_representative() -> None:
    got = ministers("The talks were led by US Trade Representative Kate Lowell on Friday.", "en")
    assert [g[1:] for g in got] == [("Lowell", "US", "economy")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Deputy Foreign Minister Ivan Petrov and Permanent Secretary Mary Cole attended."),
        ("en", "Vice Minister of Foreign Affairs Kenji Ono attended."),
        ("en", "India's Foreign Secretary Vikram Sen briefed the press."),
        ("en", "Ambassador Tom Reed presented his credentials."),
        ("en", "President Ana Lopes thanked the delegation."),
        ("en", "State Secretary Paul Weber opened the meeting."),
        ("de", "Staatssekretär Hans Vogel und der bayerische Ministerpräsident Max Huber kamen."),
        ("de", "Der stellvertretende Außenminister Ivan Petrov und Botschafter Karl Lenz kamen."),
    ],
)
def test_who_is_no_minister(lang: str, text: str) -> None:
    assert ministers(text, lang) == []


# ---------------------------------------------------------------- honorifics and post-nominals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were led by H.E. Mr. Kwame Mensah, Minister of Foreign Affairs of Ghana.",
         ("H.E. Mr. Kwame Mensah, Minister of Foreign Affairs of Ghana", "Mensah", "GH", "foreign")),
        ("It was opened by the Hon Minister of Defence, Peter Lowe.",
         ("Hon Minister of Defence, Peter Lowe", "Lowe", None, "defence")),
        ("Sheikh Khalid bin Hamad Al Thani, Minister of State for Foreign Affairs of Qatar, spoke.",
         ("Sheikh Khalid bin Hamad Al Thani, Minister of State for Foreign Affairs of Qatar", "Al Thani", "QA",
          "foreign")),
        ("The Honourable Grace Obi, Minister of Health, welcomed the donation.",
         ("Honourable Grace Obi, Minister of Health", "Obi", None, "health")),
    ],
)
def test_honorifics_start_a_post_posed_mention(text: str, expected: Row) -> None:
    assert ministers(text, "en") == [expected]


def test_indian_honorific_and_post_nominals_and_suffixes_are_no_family_names() -> None:
    got = ministers("Smt. Meera Iyer, Minister of State for External Affairs, received them.", "en")
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("Smt. Meera Iyer, Minister of State for External Affairs", "Iyer", "foreign")]
    got = ministers("Health Secretary Tom Ryder MP said the plan was ready.", "en")
    assert [(g[0], g[1], g[3]) for g in got] == [("Health Secretary Tom Ryder", "Ryder", "health")]
    got = ministers("US Defense Secretary Carl J. Webb III arrived in Manila.", "en")
    assert [g[1:] for g in got] == [("Webb", "US", "defence")]
    got = ministers("Foreign Minister Sean Kelly TD met Secretary of State for Northern Ireland Tom Ash MP.", "en")
    assert [g[1] for g in got] == ["Kelly", "Ash"]


def test_a_senator_who_is_a_minister_is_named_so_later() -> None:
    text = "Senator Ray Evans, Minister for Foreign Affairs, left for Europe. Senator Evans said he was glad."
    assert [g[0] for g in ministers(text, "en")] == [
        "Senator Ray Evans, Minister for Foreign Affairs", "Senator Evans"]


# ---------------------------------------------------------------- name conventions


@pytest.mark.parametrize(
    ("lang", "text", "family"),
    [
        # family name first, with or without a country cue in the mention
        ("en", "Chinese Foreign Minister Wang Yi met the delegation.", "Wang"),
        ("de", "Danach traf er Arbeitsminister Yin Weimin.", "Yin"),
        ("en", "Industry Minister Lee Chang-yang signed the deal.", "Lee"),
        ("en", "Planning Minister Nguyen Chi Dung signed the deal.", "Nguyen"),
        # a first word that is a family name of those traditions, before a western family name
        ("en", "Trade Minister Kim Harris signed the deal.", "Harris"),
        # particles, hyphenated particles, hyphens
        ("de", "Bundesminister Karl-Theodor zu Guttenberg sprach.", "zu Guttenberg"),
        ("de", "Dabei trifft er Außenminister Faisal bin Farhan al-Saud.", "al-Saud"),
        ("de", "Planungsminister Mahmoud Abu Ramadan sprach.", "Abu Ramadan"),
        ("en", "Foreign Minister Anna-Lena Krause-Holm arrived.", "Krause-Holm"),
        # initials in capitals are no family name
        ("en", "Foreign Minister Dr. GNM Pandor arrived.", "Pandor"),
    ],
)
def test_family_names(lang: str, text: str, family: str) -> None:
    assert [g[1] for g in ministers(text, lang)] == [family]


def test_a_known_office_holder_named_family_name_first_without_capitals() -> None:
    assert [g[1] for g in ministers("Foreign Minister Motegi Toshimitsu met the press.", "en")] == ["Motegi"]


def test_name_alone_in_capitals_and_a_name_that_is_also_a_place() -> None:
    text = "Foreign Minister Ralph Axford arrived. AXFORD: We agree on the main points."
    assert [g[:2] for g in ministers(text, "en")] == [
        ("Foreign Minister Ralph Axford", "Axford"), ("AXFORD", "Axford")]
    text = "Defense Secretary Lloyd Austin visited Tokyo. Austin said the alliance was strong."
    assert [g[:2] for g in ministers(text, "en")] == [
        ("Defense Secretary Lloyd Austin", "Austin"), ("Austin", "Austin")]


# ---------------------------------------------------------------- country rules


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a destination
        ("de", "Außenminister Heiko Brand reiste nach Washington."),
        ("en", "Foreign Minister Tom Hale travelled to Berlin."),
        # a meeting place
        ("de", "Außenminister Heiko Brand traf seine Amtskollegen in Paris."),
        ("en", "Foreign Minister Tom Hale met his counterparts in Paris."),
    ],
)
def test_no_country_from_a_destination_or_meeting_place(lang: str, text: str) -> None:
    got = attrs_of(text, lang)
    assert [(a["family_name"], a["country"], a["country_source"]) for a in got][:1] == [
        (got[0]["family_name"], None, None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Foreign Minister Radek Nowicki of Poland met Foreign Minister Jan Brandt."),
        ("de", "Der polnische Außenminister Radek Nowicki traf Außenminister Jan Brandt."),
    ],
)
def test_no_country_from_a_neighbouring_minister(lang: str, text: str) -> None:
    assert [(g[1], g[2]) for g in ministers(text, lang)] == [("Nowicki", "PL"), ("Brandt", None)]


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("de", "US-Außenminister Tom Hadley landete in Berlin.", "US"),
        ("de", "Der Schweizer Außenminister Ignaz Keller kam ins Auswärtige Amt.", "CH"),
        ("de", "Japans Außenminister Kenji Sato sprach in Berlin.", "JP"),
        ("de", "Der Außenminister der Republik Ghana, Kofi Boateng, sprach in Berlin.", "GH"),
        ("en", "The Prime Minister of Mongolia Bat Erdene spoke in Brussels.", "MN"),
        ("en", "Emirati Minister of State Noura Saeed visited Paris.", "AE"),
        ("en", "The Latvian Minister for Foreign Affairs Edgars Ozols met the Swiss Foreign Minister Ignaz Keller.",
         "LV"),
    ],
)
def test_the_mentions_own_words_give_the_country(lang: str, text: str, country: str) -> None:
    first = attrs_of(text, lang)[0]
    assert (first["country"], first["country_source"]) == (country, "mention")


def test_office_holder_knowledge_gives_the_country_not_the_destination() -> None:
    got = attrs_of("Bundeskanzler Friedrich Merz und Außenminister Wadephul reisten nach Washington.", "de")
    assert [(a["family_name"], a["country"]) for a in got] == [("Merz", "DE"), ("Wadephul", "DE")]
    assert got[1]["country_source"] == "officeholder"
    assert got[1]["person"] == "DE-wadephul-johann"
    got = attrs_of("Außenminister Frank-Walter Steinmeier besuchte Japan im Jahr 2015.", "de")
    assert [(a["country"], a["country_source"]) for a in got] == [("DE", "officeholder")]


def test_a_country_word_before_coordinated_titles_qualifies_both() -> None:
    text = "Der nigerianische Außenminister Ade Bello und Informationsminister Sani Musa waren anwesend."
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [("Bello", "NG"), ("Musa", "NG")]


# ---------------------------------------------------------------- identity


def test_person_is_one_key_across_languages_and_outputs() -> None:
    de = attrs_of("Bundesaußenministerin Helga Brandt traf Journalisten.", "de")
    en = attrs_of("German Foreign Minister Helga Brandt met journalists.", "en")
    assert de[0]["person"] == en[0]["person"] == "DE:brandt"
    doc = extract("German Foreign Minister Helga Brandt met journalists.")
    minister = doc.ministers[0]
    assert (minister.person, minister.country_source) == ("DE:brandt", "mention")
    entity = doc.to_dict()["entities"][0]
    assert (entity["person"], entity["country_source"]) == ("DE:brandt", "mention")
    pytest.importorskip("pandas")
    frame = doc.to_frame()
    assert frame.loc[frame["type"] == "MINISTER", ["person", "country_source"]].values.tolist() == [
        ["DE:brandt", "mention"]]


def test_a_known_office_holder_has_the_knowledge_base_id() -> None:
    got = attrs_of("Secretary of State Antony Blinken met Foreign Minister Annalena Baerbock in 2023.", "en")
    assert [(a["family_name"], a["country"], a["person"]) for a in got] == [
        ("Blinken", "US", "US-blinken-antony"), ("Baerbock", "DE", "DE-baerbock-annalena")]


# ---------------------------------------------------------------- the spaCy component


def test_the_factory_writes_to_the_configured_span_group() -> None:
    import spacy

    import bilatextract.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("bilat_ministers", config={"spans_key": "people"})
    doc = nlp("Foreign Minister Tom Hale met the press.")
    assert [s.text for s in doc.spans["people"]] == ["Foreign Minister Tom Hale"]
    assert "bilat" not in doc.spans or not list(doc.spans["bilat"])


def test_a_line_in_capitals() -> None:
    text = "PRESS CONFERENCE BY FOREIGN MINISTER OF GHANA KOFI BOATENG AND MINISTER OF DEFENCE OF PERU ANA RIOS"
    assert ministers(text, "en") == [
        ("FOREIGN MINISTER OF GHANA KOFI BOATENG", "Boateng", "GH", "foreign"),
        ("MINISTER OF DEFENCE OF PERU ANA RIOS", "Rios", "PE", "defence")]


def test_a_title_that_counts_only_joined_to_a_ministerial_one() -> None:
    text = "Chinese State Councilor and Foreign Minister Li Wen met State Councilor Zhou Hao."
    assert ministers(text, "en") == [("State Councilor and Foreign Minister Li Wen", "Li", "CN", "foreign")]


def test_a_post_posed_title_after_another_mentions_title() -> None:
    text = "Von links: Jan Holm, Minister für Arbeit ; Karl Berg, Außenminister der Republik Österreich  (Foto)"
    assert [(g[0], g[2], g[3]) for g in ministers(text, "de")] == [
        ("Jan Holm, Minister für Arbeit", None, "labour"),
        ("Karl Berg, Außenminister der Republik Österreich", "AT", "foreign")]


def test_a_later_title_before_the_first_given_name_names_the_same_person() -> None:
    text = ("H.E. Mr. Niran Phongsak, Minister of Foreign Affairs of Thailand, arrived. Later, Foreign Minister Niran "
            "signed the agreement.")
    got = ministers(text, "en")
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("H.E. Mr. Niran Phongsak, Minister of Foreign Affairs of Thailand", "Phongsak", "TH"),
        ("Foreign Minister Niran", "Phongsak", "TH")]


def test_an_honorific_is_no_given_name_of_a_known_office_holder() -> None:
    text = "Sheikh Abdullah bin Zayed Al Nahyan, Minister of Foreign Affairs, received the envoy in 2021."
    got = attrs_of(text, "en")
    assert [(a["family_name"], a["country"], a["person"]) for a in got] == [
        ("Al Nahyan", "AE", "AE-al-nahyan-abdullah-bin-zayed")]


# ---------------------------------------------------------------- appositions in lists; Swiss orthography


def test_a_title_between_two_commas_is_the_apposition_of_the_name_before_it() -> None:
    # A list of "name, title" pairs: each title belongs to the name before it, not to the next name.
    text = "The delegation met Heiko Maas, Foreign Minister, Olaf Scholz, Finance Minister, and the mayor."
    assert [g[:2] + g[3:] for g in ministers(text, "en")] == [
        ("Heiko Maas, Foreign Minister", "Maas", "foreign"),
        ("Olaf Scholz, Finance Minister", "Scholz", "finance")]
    text = ("Gespräche sind vorgesehen mit Frau Anna Berg, Ministerin für Handel, Herrn Karl Stein und dem "
            "Bürgermeister.")
    assert [g[:2] + g[3:] for g in ministers(text, "de")] == [
        ("Frau Anna Berg, Ministerin für Handel", "Berg", "economy")]


def test_an_honorific_before_an_apposed_name_is_no_part_of_the_name() -> None:
    # The family name written first stays first when "Frau" stands before the name.
    text = "Gespräche mit Frau Wu Yi, Ministerin für Handel, in Peking."
    assert [g[:2] for g in ministers(text, "de")] == [("Frau Wu Yi, Ministerin für Handel", "Wu")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swiss and Liechtenstein German write "ss" for "ß" throughout.
        ("Am Treffen nahm Frau Lea Graf, Ministerin für Aussenhandel, teil.",
         [("Frau Lea Graf, Ministerin für Aussenhandel", "Graf", None, "economy")]),
        ("Der Aussenminister Grossbritanniens, Paul Hart, traf den Bundesrat.",
         [("Aussenminister Grossbritanniens, Paul Hart", "Hart", "GB", "foreign")]),
        ("Die weissrussische Aussenministerin Olga Sokol reiste nach Bern.",
         [("Aussenministerin Olga Sokol", "Sokol", "BY", "foreign")]),
    ],
)
def test_swiss_spelling_with_ss_for_sharp_s(text: str, expected: list[Row]) -> None:
    assert ministers(text, "de") == expected


def test_every_german_knowledge_word_with_sharp_s_also_has_its_swiss_spelling() -> None:
    # Knowledge, not a rule in code: each list entry with "ß" is accompanied by its "ss" form.
    import tomllib

    from conftest import REPO

    def strings(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [s for item in node for s in strings(item)]
        if isinstance(node, dict):
            return [s for key, value in node.items() if key != "inflection" for s in strings(value)]
        return []

    models = REPO / "models"
    tables = [tomllib.loads((models / "de" / name).read_text(encoding="utf-8")) for name in
              ("portfolios.toml", "countries.toml")]
    ministries = tomllib.loads((models / "common" / "ministries.toml").read_text(encoding="utf-8"))
    tables.append([m.get("names", {}).get("de", []) for m in ministries["ministry"]])
    words = {s for table in tables for s in strings(table)}
    assert any("ß" in w for w in words)
    missing = sorted(w for w in words if "ß" in w and w.replace("ß", "ss") not in words)
    assert not missing, missing


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A deputy head of government counts (as a vice-chancellor does) and sits beside the head of
        # the same country: the head's country is not taken from the deputy.
        ("de", "Die chinesische Regierung war durch Premierminister Li Peng und Vizepremier Zhu Rongji vertreten.",
         [("Premierminister Li Peng", "Li", "CN", "head_of_government"),
          ("Vizepremier Zhu Rongji", "Zhu", "CN", "head_of_government")]),
        ("en", "The Chinese government was represented by Premier Li Keqiang and Vice Premier Han Zheng.",
         [("Premier Li Keqiang", "Li", "CN", "head_of_government"),
          ("Vice Premier Han Zheng", "Han", "CN", "head_of_government")]),
    ],
)
def test_a_vice_premier_is_a_minister_of_the_premiers_country(lang: str, text: str, expected: list[Row]) -> None:
    assert ministers(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A second title after a titled name and a comma belongs to the same mention (the guide's span).
        ("Bundesrätin Anna Keller, Vorsteherin des Eidgenössischen Departements für auswärtige Angelegenheiten, "
         "empfing den Gast.",
         [("Bundesrätin Anna Keller, Vorsteherin des Eidgenössischen Departements für auswärtige Angelegenheiten",
           "Keller", "CH", "foreign")]),
        # The Swiss president of the year counts where the same mention names the department they head.
        ("Bundespräsident Paul Moser, Vorsteher des Eidgenössischen Finanzdepartements, reiste nach Tokio.",
         [("Bundespräsident Paul Moser, Vorsteher des Eidgenössischen Finanzdepartements", "Moser", "CH", "finance")]),
    ],
)
def test_a_second_title_after_a_titled_name_extends_the_mention(text: str, expected: list[Row]) -> None:
    assert ministers(text, "de") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Dabei traf er Investitionsminister Karl Berg.",
         [("Investitionsminister Karl Berg", "Berg", None, "economy")]),
        ("en", "Minister for Investment Karl Berg spoke.",
         [("Minister for Investment Karl Berg", "Berg", None, "economy")]),
    ],
)
def test_an_investment_minister_has_the_economy_portfolio(lang: str, text: str, expected: list[Row]) -> None:
    assert ministers(text, lang) == expected


def test_a_name_alone_in_the_german_genitive_is_a_later_mention() -> None:
    text = ("Außenminister Frank-Walter Steinmeier kam am Montag. Steinmeiers Besuch war kurz. Bundesrat Johann "
            "Schneider-Ammann blieb; Johann Schneider-Ammanns Departement teilte das mit. Außenminister Heiko Maas "
            "schrieb, Maas' Reise sei abgesagt.")
    assert [g[:2] for g in ministers(text, "de")] == [
        ("Außenminister Frank-Walter Steinmeier", "Steinmeier"), ("Steinmeiers", "Steinmeier"),
        ("Bundesrat Johann Schneider-Ammann", "Schneider-Ammann"),
        ("Johann Schneider-Ammanns", "Schneider-Ammann"),
        ("Außenminister Heiko Maas", "Maas"), ("Maas'", "Maas")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A family name written first, followed by another given name, is another person of that family.
        ("de", "Premierminister Li Peng kam. Danach traf er Li Ruihuan. Li sagte, er sei froh.",
         [("Premierminister Li Peng", "Li"), ("Li", "Li")]),
        ("en", "Foreign Minister Wang Yi arrived. Wang said he was glad. Wang Huning came too.",
         [("Foreign Minister Wang Yi", "Wang"), ("Wang", "Wang")]),
    ],
)
def test_a_family_name_before_another_given_name_is_not_the_minister(lang: str, text: str,
                                                                     expected: list[tuple[str, str]]) -> None:
    assert [g[:2] for g in ministers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An Arabic given name with its patronymic names the person alone, as the family name does.
        ("The greetings of H.H. Sheikh Tariq bin Hamad Al Rashid, Minister of Foreign Affairs, were conveyed. "
         "The envoy thanked Sheikh Tariq bin Hamad and left.",
         [("H.H. Sheikh Tariq bin Hamad Al Rashid, Minister of Foreign Affairs", "Al Rashid"),
          ("Sheikh Tariq bin Hamad", "Al Rashid")]),
        # A name written in full in a headline, before a capitalised word.
        ("Lina Haddad Opens the Trade Fair\n\nLina Haddad, Minister of Economy, opened the fair on Monday.",
         [("Lina Haddad", "Haddad"), ("Lina Haddad, Minister of Economy", "Haddad")]),
    ],
)
def test_later_mentions_by_a_patronymic_or_a_full_name_before_a_capital(text: str,
                                                                        expected: list[tuple[str, str]]) -> None:
    assert [g[:2] for g in ministers(text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # India's Foreign and Defence Secretaries are civil servants: a report filed from India means them.
        ("NEW DELHI (PTI) - Foreign Secretary Vikram Misri met Foreign Minister Penny Wong on Monday.",
         [("Foreign Minister Penny Wong", "Wong")]),
        ("NEW DELHI: Defence Secretary Rajesh Kumar signed the agreement with US Defense Secretary Lloyd Austin.",
         [("Defense Secretary Lloyd Austin", "Austin")]),
        ("LONDON (Reuters) - Foreign Secretary David Lammy met the envoy.",
         [("Foreign Secretary David Lammy", "Lammy")]),
    ],
)
def test_a_dateline_says_whose_office_an_unmarked_title_is(text: str, expected: list[tuple[str, str]]) -> None:
    assert [g[:2] for g in ministers(text, "en")] == expected
