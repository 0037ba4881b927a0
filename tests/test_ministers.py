"""The MINISTER component on composed sentences, both languages, with negative cases."""

from __future__ import annotations

import pytest
from minister_rows import Row, ministers

from bilatextract import extract, pipeline
from bilatextract.components.base import ATTRS, spans_of
from bilatextract.components.ministers import holders as minister_holders


def texts(text: str, lang: str) -> list[str]:
    return [row[0] for row in ministers(text, lang)]


# ---------------------------------------------------------------- German one-word titles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gestern sprach Bundesaußenministerin Helga Brandt in Rom.",
         ("Bundesaußenministerin Helga Brandt", "Brandt", "DE", "foreign")),
        ("Der Termin mit Bundesverteidigungsminister Karl Obermeier fiel aus.",
         ("Bundesverteidigungsminister Karl Obermeier", "Obermeier", "DE", "defence")),
        ("Danach reiste Bundeswirtschaftsminister Jens Vollrath weiter.",
         ("Bundeswirtschaftsminister Jens Vollrath", "Vollrath", "DE", "economy")),
        ("Dort wartete US-Außenminister Tom Hadley auf die Delegation.",
         ("US-Außenminister Tom Hadley", "Hadley", "US", "foreign")),
        ("Es sprach Bundesfinanzministerin Petra Quandt zur Lage.",
         ("Bundesfinanzministerin Petra Quandt", "Quandt", "DE", "finance")),
        ("Zum Abschluss dankte Bundes-kanzlerin Vogt allen Gästen.",
         ("Bundes-kanzlerin Vogt", "Vogt", "DE", "head_of_government")),
        ("In Wien sprach Vizekanzler Martin Roth über Energie.",
         ("Vizekanzler Martin Roth", "Roth", "DE", None)),
    ],
)
def test_german_fused_titles(text: str, expected: Row) -> None:
    assert ministers(text, "de") == [expected]


def test_german_title_combination_and_inflected_plural_before_a_list() -> None:
    text = ("Bundesaußenminister und Vizekanzler Albrecht empfing die Gäste. Bundeskanzlerin Vogt wird von "
            "den Bundesministern Keller, Lorenz, Bundesministerin Sauer sowie von Bundesminister Frey begleitet.")
    got = ministers(text, "de")
    assert [g[0] for g in got] == ["Bundesaußenminister und Vizekanzler Albrecht", "Bundeskanzlerin Vogt",
                                   "Bundesministern Keller", "Lorenz", "Bundesministerin Sauer",
                                   "Bundesminister Frey"]
    assert got[0][2:] == ("DE", "foreign")
    assert [g[2] for g in got] == ["DE"] * 6
    # A shared title says nothing about the field: the portfolio is not invented.
    assert got[3][3] is None


def test_german_plural_title_after_die_and_particle_family_names_in_a_list() -> None:
    text = "Heute trafen die Außenminister Albrecht und Le Roux in Lyon zusammen. Albrecht sprach zuerst."
    got = ministers(text, "de")
    assert [g[:2] for g in got] == [("Außenminister Albrecht", "Albrecht"), ("Le Roux", "Le Roux"),
                                    ("Albrecht", "Albrecht")]
    assert got[1][3] == "foreign"


def test_german_field_phrases_after_a_title() -> None:
    text = ("Die Bundesministerin des Auswärtigen Helga Brandt und der Bundesminister für Arbeit und Soziales "
            "Uwe Kettler sprachen mit Staatsministerin im Auswärtigen Amt Nora Lind.")
    got = ministers(text, "de")
    assert [g[0] for g in got] == ["Bundesministerin des Auswärtigen Helga Brandt",
                                   "Bundesminister für Arbeit und Soziales Uwe Kettler",
                                   "Staatsministerin im Auswärtigen Amt Nora Lind"]
    assert [g[3] for g in got] == ["foreign", "labour", "foreign"]
    assert [g[2] for g in got] == ["DE", "DE", "DE"]


def test_german_apposition_with_a_field_list_stops_before_the_next_name() -> None:
    text = ("Gespräche in Seoul mit Min-jun Park, koreanischer Minister für Handel, Industrie und Energie und "
            "Ji-woo Kang, Ministerin für Umwelt stehen an.")
    got = ministers(text, "de")
    assert got == [
        ("Min-jun Park, koreanischer Minister für Handel, Industrie und Energie", "Park", "KR", "economy"),
        ("Ji-woo Kang, Ministerin für Umwelt", "Kang", "KR", "environment"),
    ]


def test_german_country_word_before_the_title_stays_outside_the_span() -> None:
    text = "Am Montag traf Kanadas neue Außenministerin Claire Dubois den indischen Premierminister Rao."
    assert ministers(text, "de") == [
        ("Außenministerin Claire Dubois", "Dubois", "CA", "foreign"),
        ("Premierminister Rao", "Rao", "IN", "head_of_government"),
    ]


# ---------------------------------------------------------------- English titles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yesterday Foreign Minister Ana Ruiz arrived in Madrid, Spain.",
         ("Foreign Minister Ana Ruiz", "Ruiz", "ES", "foreign")),
        ("Later, Secretary of State Mark Dalton flew to Ottawa.",
         ("Secretary of State Mark Dalton", "Dalton", "US", "foreign")),
        ("Talks with Secretary of State for Defence Rupert Hale followed.",
         ("Secretary of State for Defence Rupert Hale", "Hale", "GB", "defence")),
        ("The next day Foreign Secretary Emma Stirling spoke.",
         ("Foreign Secretary Emma Stirling", "Stirling", "GB", "foreign")),
        ("Welcome remarks by Federal Minister of the Interior Hans Berger.",
         ("Federal Minister of the Interior Hans Berger", "Berger", "DE", "interior")),
        ("Then Chancellor Lena Vogt opened the fair.",
         ("Chancellor Lena Vogt", "Vogt", "DE", "head_of_government")),
    ],
)
def test_english_titles(text: str, expected: Row) -> None:
    assert ministers(text, "en") == [expected]


def test_english_combined_title_and_minister_of_state_at_a_ministry() -> None:
    text = ("Vice-Chancellor and Federal Minister for Foreign Affairs Karl Albrecht met Minister of State at "
            "the Federal Foreign Office Nora Lind.")
    got = ministers(text, "en")
    assert got == [
        ("Vice-Chancellor and Federal Minister for Foreign Affairs Karl Albrecht", "Albrecht", "DE", "foreign"),
        ("Minister of State at the Federal Foreign Office Nora Lind", "Lind", "DE", "foreign"),
    ]


def test_english_apposition_runs_to_the_end_of_the_title_with_its_country() -> None:
    text = ("On Monday, Mr. SATO Kenji, Minister of Economy, Trade and Industry of Japan, held talks with "
            "H.E. Ms. Ewa NOWAK, Minister of Foreign Affairs of the Republic of Poland, and Rt. Hon. John "
            "Fairbanks, Prime Minister of the United Kingdom.")
    got = ministers(text, "en")
    assert got == [
        ("Mr. SATO Kenji, Minister of Economy, Trade and Industry of Japan", "Sato", "JP", "economy"),
        ("H.E. Ms. Ewa NOWAK, Minister of Foreign Affairs of the Republic of Poland", "Nowak", "PL", "foreign"),
        ("Rt. Hon. John Fairbanks, Prime Minister of the United Kingdom", "Fairbanks", "GB",
         "head_of_government"),
    ]


def test_english_possessive_country_before_a_post_posed_title() -> None:
    text = "The talks were chaired by Paul Whitby, the United Kingdom’s Minister of State for Europe, in Berlin."
    assert ministers(text, "en") == [
        ("Paul Whitby, the United Kingdom’s Minister of State for Europe", "Whitby", "GB", "foreign"),
    ]


# ---------------------------------------------------------------- names


def test_name_shapes_family_name_first_capitals_hyphens_particles() -> None:
    text = ("Außenminister TANAKA Hiroshi traf Bundesministerin Anna-Lena KRAUSE-HOLM und den französischen "
            "Außenminister Jean-Luc de Villiers. Bundesministerin Ulrike von der Heide kam später.")
    got = ministers(text, "de")
    assert [g[1] for g in got] == ["Tanaka", "Krause-Holm", "de Villiers", "von der Heide"]
    doc = pipeline.get("de")(text)
    givens = [s._.get(ATTRS)["given_name"] for s in spans_of(doc, "MINISTER")]
    assert givens == ["Hiroshi", "Anna-Lena", "Jean-Luc", "Ulrike"]


def test_family_name_first_for_countries_that_write_it_first() -> None:
    text = ("Der chinesische Außenminister Zhao Lei traf Bundesaußenministerin Brandt. Zhao sagte, China sei "
            "bereit. Der koreanische Außenminister Min-jun Park kam später.")
    got = ministers(text, "de")
    assert [g[:2] for g in got] == [("Außenminister Zhao Lei", "Zhao"), ("Bundesaußenministerin Brandt", "Brandt"),
                                    ("Zhao", "Zhao"), ("Außenminister Min-jun Park", "Park")]
    en = "Foreign Minister Brandt met South Korean Foreign Minister Kim Do-hyun in Seoul."
    assert ministers(en, "en")[1][:3] == ("Foreign Minister Kim Do-hyun", "Kim", "KR")


def test_a_german_preposition_after_a_name_is_not_a_particle() -> None:
    assert texts("Ich begrüße Herrn Bundeskanzler Vogt von Herzen.", "de") == ["Bundeskanzler Vogt"]


def test_honorifics_inside_the_span_between_title_and_name() -> None:
    assert texts("Es sprach Bundesaußenminister Dr. Karl Albrecht.", "de") == ["Bundesaußenminister Dr. Karl Albrecht"]


# ---------------------------------------------------------------- coreference


def test_german_name_only_and_bare_title_mentions_take_the_first_mentions_attributes() -> None:
    text = ("Bundeswirtschaftsminister Jens Vollrath traf Takeshi Mori, japanischer Minister für Wirtschaft, "
            "Handel und Industrie. Vollrath betonte die Partnerschaft; Minister Mori stimmte zu.")
    got = ministers(text, "de")
    assert got[2:] == [("Vollrath", "Vollrath", "DE", "economy"), ("Minister Mori", "Mori", "JP", "economy")]


def test_english_coreference_secretary_counts_only_for_a_known_minister() -> None:
    text = ("Foreign Minister Sato met Secretary of State Dalton in Tokyo, Japan. Secretary Dalton thanked "
            "Japan. Secretary Wilkins of the Treasury Board was absent. Dalton's visit ended.")
    got = ministers(text, "en")
    assert [g[0] for g in got] == ["Foreign Minister Sato", "Secretary of State Dalton", "Secretary Dalton",
                                   "Dalton"]
    assert [g[2] for g in got] == ["JP", "US", "US", "US"]


def test_name_alone_of_a_place_or_of_nobody_is_no_mention() -> None:
    text = "Foreign Minister Hague spoke. The Hague Convention was signed. Hague Street was closed."
    assert texts(text, "en") == ["Foreign Minister Hague"]


def test_a_family_name_that_is_a_month_is_a_name_after_a_title_not_in_a_date() -> None:
    text = "Prime Minister Carol May met Chancellor Vogt in May 2018. In May, May said the talks went well."
    got = ministers(text, "en")
    assert [g[0] for g in got] == ["Prime Minister Carol May", "Chancellor Vogt", "May"]
    assert got[2][1:] == ("May", None, "head_of_government")


def test_full_name_alone_keeps_the_given_name() -> None:
    text = "US-Außenminister Tom Hadley kam an. Später sprach Tom Hadley mit der Presse."
    assert texts(text, "de") == ["US-Außenminister Tom Hadley", "Tom Hadley"]


# ---------------------------------------------------------------- counterparts


def test_counterparts_in_both_languages() -> None:
    de = "Außenministerin Brandt führte mit ihrem französischen Kollegen Pierre Aubert ein Gespräch in Deutschland."
    assert ministers(de, "de")[1] == ("Pierre Aubert", "Aubert", "FR", "foreign")
    en = ("Today Foreign Minister Brandt and Defence Minister Obermeier met their Japanese counterparts, "
          "Foreign Minister Sato and Defence Minister Ito. Germany and Japan agreed. Germany will send a ship.")
    got = ministers(en, "en")
    assert [(g[1], g[2], g[3]) for g in got] == [("Brandt", "DE", "foreign"), ("Obermeier", "DE", "defence"),
                                                 ("Sato", "JP", "foreign"), ("Ito", "JP", "defence")]
    en2 = "Defence Minister Obermeier will meet his Australian counterpart Liam Hart in Canberra."
    assert ministers(en2, "en")[1] == ("Liam Hart", "Hart", "AU", "defence")


def test_counterpart_of_a_minister_named_in_an_earlier_sentence() -> None:
    text = ("Außenministerin Brandt reist nach Indien. In Delhi trifft sie ihren Amtskollegen Ravi Menon. "
            "Deutschland und Indien sind Partner.")
    assert ministers(text, "de")[1] == ("Ravi Menon", "Menon", "IN", "foreign")


# ---------------------------------------------------------------- country from the document


def test_unmarked_title_beside_a_bundes_title_is_the_other_side() -> None:
    text = ("Japan und Deutschland vertiefen ihre Zusammenarbeit. Außenminister Sato empfing "
            "Bundesaußenminister Albrecht in Tokyo. Deutschland und Japan sind Partner.")
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [("Sato", "JP"), ("Albrecht", "DE")]


def test_unmarked_title_in_a_german_side_text_is_german() -> None:
    text = ("Außenminister Albrecht reist nach Japan. In Tokyo trifft Außenminister Albrecht seinen "
            "japanischen Amtskollegen Sato. Deutschland und Japan wollen enger zusammenarbeiten; "
            "Deutschland setzt auf Japan.")
    got = ministers(text, "de")
    assert [(g[1], g[2]) for g in got] == [("Albrecht", "DE"), ("Albrecht", "DE"), ("Sato", "JP")]


def test_bundeskanzler_alone_does_not_make_the_unmarked_foreign_minister_foreign() -> None:
    text = ("Bundeskanzlerin Vogt und Außenminister Albrecht reisen nach Japan. Deutschland und Japan "
            "feiern das Jubiläum; Deutschland dankt Japan.")
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [("Vogt", "DE"), ("Albrecht", "DE")]


def test_head_of_government_title_of_another_country_from_the_sentence() -> None:
    text = "Zur Lage in der Ukraine sagte Außenminister Albrecht, Ministerpräsident Petrenko habe viel zu tun."
    got = ministers(text, "de")
    assert got[1] == ("Ministerpräsident Petrenko", "Petrenko", "UA", "head_of_government")


def test_country_is_never_guessed_from_the_language() -> None:
    assert ministers("Minister Jones said the talks went well.", "en") == [
        ("Minister Jones", "Jones", None, None)]
    assert ministers("Außenminister Krüger sagte, die Gespräche seien gut verlaufen.", "de") == [
        ("Außenminister Krüger", "Krüger", None, "foreign")]


def test_minister_links_to_the_known_ministry() -> None:
    doc = extract("Bundesaußenministerin Helga Brandt traf den japanischen Außenminister Sato.", lang="de")
    ids = [m.ministry for m in doc.entities if m.type == "MINISTER"]
    assert ids == ["DE-AA", "JP-MOFA"]


# ---------------------------------------------------------------- not ministers


@pytest.mark.parametrize(
    "text",
    [
        "Präsident Macron und Staatspräsident Rao empfingen die Gäste.",
        "Botschafter Klaus Weber und Staatssekretär Jens Lorenz nahmen teil.",
        "Die Chefin des Währungsfonds Christine Laval und die Abgeordnete Maria Kühn sprachen.",
        "Beide Außenminister kamen überein. Die vier Minister begrüßten das. Der Bundesaußenminister sagte zu.",
        "Der ehemalige Außenminister Albrecht und die stellvertretende Außenministerin Sherwood sprachen.",
        "Der bayerische Ministerpräsident Huber begrüßte die Gäste.",
        "Herr Bundeskanzler, lieber Olaf, ich danke Ihnen.",
        "Die Außenministertreffen und das Außenministerium Japans.",
    ],
)
def test_german_non_ministers(text: str) -> None:
    assert texts(text, "de") == []


@pytest.mark.parametrize(
    "text",
    [
        "President Macron met Ambassador Clara Weiss and State Secretary Jens Lorenz.",
        "The two ministers agreed. The Foreign Minister also stated that the Foreign Ministers' Meeting went well.",
        "Former Prime Minister Fairbanks and Deputy Foreign Minister Ito attended.",
        "MP Smith asked a question about the Secretary-General Mr. Alvarez.",
        "He thanked Mr. Jonas Berg, High Representative of the Union for Foreign Affairs and Security Policy.",
    ],
)
def test_english_non_ministers(text: str) -> None:
    assert texts(text, "en") == []


# ---------------------------------------------------------------- countries after a title, home marking


def test_country_after_a_title_with_von_or_an_official_state_name() -> None:
    text = "Die Kanzlerin empfing den Premierminister von Australien, Mark Lennox, in Berlin."
    assert ministers(text, "de") == [
        ("Premierminister von Australien, Mark Lennox", "Lennox", "AU", "head_of_government")]
    text = ("Sie traf den Außenminister der Republik Polen, Adam Nowak, und den Außenminister der Republik "
            "Korea, Kim Jun.")
    got = ministers(text, "de")
    assert [(g[1], g[2], g[3]) for g in got] == [("Nowak", "PL", "foreign"), ("Kim", "KR", "foreign")]
    # "von" before a name particle is no country link (the country is the office-holder's, where known)
    known = "DE" if minister_holders.available() else None
    assert ministers("Verteidigungsministerin Ursula von der Leyen sprach.", "de") == [
        ("Verteidigungsministerin Ursula von der Leyen", "von der Leyen", known, "defence")]
    text = "She met the Minister for Foreign Affairs of the Republic of Poland, Adam Nowak."
    assert [(g[1], g[2], g[3]) for g in ministers(text, "en")] == [("Nowak", "PL", "foreign")]


def test_state_minister_and_partner_minister_are_home_beside_a_bundes_title() -> None:
    # A Staatsminister takes no "Bundes-": the prefix on another title says nothing about him.
    text = ("Bundesaußenministerin Helga Brandt empfing in Berlin den japanischen Außenminister Sato. "
            "Staatsminister Tobias Lenz reist im Mai nach Tokyo.")
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [("Brandt", "DE"), ("Sato", "JP"), ("Lenz", "DE")]
    # The unmarked foreign minister beside the Polish one is the home one, though another home
    # minister carries "Bundes-".
    text = ("Außenministerin Helga Brandt traf in Berlin den Außenminister der Republik Polen, Adam Nowak. "
            "Zudem sprach Bundesinnenminister Keller mit dem polnischen Innenminister Jan Wolski.")
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [
        ("Brandt", "DE"), ("Nowak", "PL"), ("Keller", "DE"), ("Wolski", "PL")]
    # Still the other side where the home minister of the same field carries the prefix (the country
    # named other than as a place: a meeting place says nothing about whose minister someone is).
    text = ("Außenminister Sato empfing Bundesaußenministerin Brandt zu Gesprächen über die Beziehungen Japans und "
            "Deutschlands. Verteidigungsminister Ito kam dazu.")
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [("Sato", "JP"), ("Brandt", "DE"), ("Ito", "JP")]


def test_secretary_of_state_of_a_country_is_no_field_phrase() -> None:
    text = "She met the Honorable Mary Rowe, Secretary of State of the United States, in Tokyo. Secretary Rowe said so."
    got = ministers(text, "en")
    assert got[0] == ("Honorable Mary Rowe, Secretary of State of the United States", "Rowe", "US", "foreign")
    assert got[1][2:] == ("US", "foreign")
    # with a field it stays the British title
    text = "He met Tom Hale, Secretary of State for Defence, in London."
    assert ministers(text, "en") == [("Tom Hale, Secretary of State for Defence", "Hale", "GB", "defence")]


def test_a_title_case_headline_verb_ends_the_name() -> None:
    text = "Minister Sato Meets Italian Minister of Labour\nMr. SATO Kenji, Minister of Health of Japan, met him."
    got = ministers(text, "en")
    assert got[0] == ("Minister Sato", "Sato", "JP", "health")
    assert [g[1] for g in ministers("Prime Minister Lenz Visits Tokyo", "en")] == ["Lenz"]


def test_state_minister_without_field_is_in_the_foreign_ministry() -> None:
    text = "Bundesaußenministerin Brandt und Staatsminister Tobias Lenz reisen nach Japan. Deutschland dankt."
    got = ministers(text, "de")
    assert got[1] == ("Staatsminister Tobias Lenz", "Lenz", "DE", "foreign")
    text = "The Chancellor was accompanied by Federal Minister of Health Eva Roth and Minister of State Tom Lenz."
    assert ministers(text, "en")[1][3] == "foreign"
    # a field still decides
    text = "Staatsministerin für Kultur Petra Hahn sprach in Berlin."
    assert ministers(text, "de")[0][3] == "other"


def test_name_alone_with_honorific_or_family_name_in_capitals() -> None:
    text = ("Foreign Secretary Tom Hale met Minister for Foreign Affairs Kenji Sato in Tokyo. Mr Hale said it was "
            "useful. SATO Kenji agreed.")
    got = ministers(text, "en")
    assert [g[0] for g in got] == ["Foreign Secretary Tom Hale", "Minister for Foreign Affairs Kenji Sato",
                                   "Mr Hale", "SATO Kenji"]
    assert got[3][1] == "Sato"
    # a capitalised word after a name alone still stops it
    assert [g[0] for g in ministers("Foreign Secretary Tom Hale spoke. The Hale Group said no.", "en")] == [
        "Foreign Secretary Tom Hale"]


def test_side_named_before_its_ministers() -> None:
    text = ("Prime Minister Raj Kumar and Chancellor Vogt met in Delhi with German and Indian ministers. On the "
            "Indian side, External Affairs Minister Anil Rao and Mr. Vikram Das, Minister of Commerce, took part. "
            "Germany and Germany's partners welcomed it.")
    got = ministers(text, "en")
    assert [(g[1], g[2]) for g in got][2:] == [("Rao", "IN"), ("Das", "IN")]
    text = ("Auf japanischer Seite nahmen Außenminister Kenji Sato und Verteidigungsminister Ito teil. "
            "Bundesaußenministerin Brandt dankte in Berlin.")
    assert [(g[1], g[2]) for g in ministers(text, "de")] == [("Sato", "JP"), ("Ito", "JP"), ("Brandt", "DE")]


def test_title_compound_with_a_field_the_data_does_not_list() -> None:
    text = "Bundeswirtschaftsminister Vollrath empfing die kanadische Bergbauministerin Anne Lacroix in Berlin."
    assert ministers(text, "de")[1] == ("Bergbauministerin Anne Lacroix", "Lacroix", "CA", "other")
    text = "Die australische Meeresministerin Kate Bell sprach mit Kollegen."
    assert ministers(text, "de") == [("Meeresministerin Kate Bell", "Bell", "AU", "other")]
    # still not: a Land's minister, a generic or a former one, or an unknown prefix before a hyphen
    for text in ("Kultusministerin Petra Roth eröffnete die Schule.", "Fachminister Klaus Weber kam.",
                 "Der G7-Umweltminister Klaus Weber kam.", "Exministerin Petra Roth sprach."):
        assert texts(text, "de") == [], text
    text = "Canada's Resources Minister Anne Lacroix met Minister Kenji Sato."
    assert ministers(text, "en")[0] == ("Resources Minister Anne Lacroix", "Lacroix", "CA", "other")


def test_coordinated_title_with_a_truncated_compound() -> None:
    text = "Bundesfinanzminister Lindau traf den französischen Wirtschafts- und Finanzminister Paul Girard."
    assert ministers(text, "de")[1] == (
        "Wirtschafts- und Finanzminister Paul Girard", "Girard", "FR", "economy")
    text = "Die Umwelt- und Bauministerin Eva Stahl reiste nach Paris. Deutschland dankt."
    assert ministers(text, "de") == [("Umwelt- und Bauministerin Eva Stahl", "Stahl", "DE", "environment")]
    # a truncated compound before another noun is no title
    assert texts("Die Wirtschafts- und Finanzpolitik stand im Mittelpunkt.", "de") == []


def test_a_list_of_counterparts_pairs_with_the_ministers_before_it() -> None:
    text = ("Deutschland und Frankreich feiern. Außenministerin Brandt und Innenministerin Keller trafen in Paris "
            "ihre Amtskollegen Paul Girard und Anne Morel.")
    got = ministers(text, "de")
    assert got[2:] == [("Paul Girard", "Girard", "FR", "foreign"), ("Anne Morel", "Morel", "FR", "interior")]
    text = ("Foreign Secretary Tom Hale and Defence Secretary Ann Ray hosted their Japanese counterparts Kenji Sato "
            "and Ichiro Ito in London.")
    got = ministers(text, "en")
    assert got[2:] == [("Kenji Sato", "Sato", "JP", "foreign"), ("Ichiro Ito", "Ito", "JP", "defence")]
    # one counterpart after two ministers: the one right before it
    text = "Außenministerin Brandt empfing mit Innenministerin Keller deren französischen Kollegen Paul Girard."
    assert ministers(text, "de")[-1] == ("Paul Girard", "Girard", "FR", "interior")
    # a list stops at a word that is no name
    text = "Außenministerin Brandt traf ihren französischen Kollegen Paul Girard und Frankreichs Botschafter."
    assert [g[0] for g in ministers(text, "de")] == ["Außenministerin Brandt", "Paul Girard"]


def test_a_destination_or_venue_is_not_the_country_of_a_minister_near_it() -> None:
    text = ("Japans Außenminister Sato empfing in Tokyo Bundesaußenministerin Brandt. Sato kündigte an, dass "
            "Verteidigungsminister Ito im Mai nach Paris reisen werde. Japan und Deutschland sind Partner.")
    got = ministers(text, "de")
    assert ("Verteidigungsminister Ito", "Ito", "JP", "defence") in got
    text = ("Foreign Minister Sato of Japan met Secretary of State Mary Rowe in Tokyo. President Lane looks forward "
            "to meeting Prime Minister Ken Ito in Washington.")
    assert ministers(text, "en")[-1] == ("Prime Minister Ken Ito", "Ito", "JP", "head_of_government")
    # a country word that is no place still counts
    text = "Zur Lage in der Ukraine sagte Ministerpräsident Petrenko, man brauche Hilfe."
    assert ministers(text, "de")[0][2] == "UA"


def test_two_ministers_of_one_family_name_stay_two() -> None:
    text = ("Außenminister Kenji Sato traf Bundesaußenministerin Brandt in Berlin. Auch Verteidigungsministerin "
            "Yuki Sato war dabei. Sato sagte, Japan und Deutschland seien Partner. Kenji Sato dankte.")
    got = ministers(text, "de")
    assert [(g[0], g[3]) for g in got] == [("Außenminister Kenji Sato", "foreign"), ("Bundesaußenministerin Brandt",
                                           "foreign"), ("Verteidigungsministerin Yuki Sato", "defence"),
                                          ("Sato", "defence"), ("Kenji Sato", "foreign")]
    text = ("Foreign Minister Kenji Sato met Defence Minister Yuki Sato and Foreign Secretary Tom Hale. Sato said "
            "the talks went well.")
    assert [(g[0], g[3]) for g in ministers(text, "en")][-1] == ("Sato", "defence")
    # an initial and the full given name are one person
    text = "External Affairs Minister Dr. S. Rao met Subrahmanyam Rao, Minister of Commerce. Rao spoke."
    assert ministers(text, "en")[-1] == ("Rao", "Rao", None, "foreign")
