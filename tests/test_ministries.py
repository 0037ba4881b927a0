"""The MINISTRY component on composed sentences, both languages, with negative cases."""

from __future__ import annotations

import pytest

from bilatextract import pipeline
from bilatextract.components.base import ATTRS, spans_of


def ministries(text: str, lang: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc = pipeline.get(lang)(text)
    out = []
    for span in spans_of(doc, "MINISTRY"):
        attrs = span._.get(ATTRS) or {}
        out.append((span.text, attrs.get("country"), attrs.get("portfolio"), attrs.get("ministry")))
    return out


def texts(text: str, lang: str) -> list[str]:
    return [m[0] for m in ministries(text, lang)]


# ---------------------------------------------------------------- known names, inflected (de)


def test_known_german_names_in_inflected_forms() -> None:
    text = ("Der Staatssekretär des Auswärtigen Amtes sprach im Auswärtigen Amt mit Vertretern "
            "des Bundeskanzleramtes und des Bundesministeriums der Finanzen.")
    got = ministries(text, "de")
    assert [g[0] for g in got] == ["Auswärtigen Amtes", "Auswärtigen Amt", "Bundeskanzleramtes",
                                   "Bundesministeriums der Finanzen"]
    assert [g[1] for g in got] == ["DE"] * 4
    assert [g[2] for g in got] == ["foreign", "foreign", "head_of_government", "finance"]
    assert got[0][3] == "DE-AA" and got[3][3] == "DE-BMF"


def test_lowercase_words_are_not_known_names() -> None:
    assert texts("Das war ein auswärtiges amt im übertragenen Sinn.", "de") == []


# ---------------------------------------------------------------- productive names (de)


def test_productive_german_names_with_field_lists() -> None:
    text = ("Vertreter des Bundesministeriums für Bildung, Forschung und Raumfahrt trafen das "
            "Ministerium für Landwirtschaft und Fischerei auf koreanischer Seite.")
    got = ministries(text, "de")
    assert got[0][:3] == ("Bundesministeriums für Bildung, Forschung und Raumfahrt", "DE", "education")
    assert got[1][:3] == ("Ministerium für Landwirtschaft und Fischerei", "KR", "agriculture")


def test_productive_name_stops_before_what_is_not_a_field() -> None:
    text = "Das Bundesministerium für Gesundheit und Bundesministerin Schmidt luden ein."
    assert texts(text, "de") == ["Bundesministerium für Gesundheit"]
    text = "Das Ministerium für Inneres sowie das Ministerium für Justiz Koreas berieten."
    got = ministries(text, "de")
    assert [g[0] for g in got] == ["Ministerium für Inneres", "Ministerium für Justiz"]
    assert got[1][1:3] == ("KR", "justice")


def test_german_head_without_fields_is_generic() -> None:
    assert texts("Das Ministerium teilte mit, beide Ministerien arbeiteten eng zusammen.", "de") == []
    assert texts("Der Ministerrat tagte; die Ministerialbeamten berieten.", "de") == []


# ---------------------------------------------------------------- compounds (de)


def test_german_compounds_with_country_from_adjective_genitive_and_prefix() -> None:
    text = ("Ein Sprecher des indischen Außenministeriums bestätigte, dass das Bundesinnenministerium, "
            "das US-Verteidigungsministerium und das Finanzministerium Frankreichs beteiligt waren.")
    got = ministries(text, "de")
    assert [g[0] for g in got] == ["Außenministeriums", "Bundesinnenministerium", "US-Verteidigungsministerium",
                                   "Finanzministerium"]
    assert [g[1] for g in got] == ["IN", "DE", "US", "FR"]
    assert [g[2] for g in got] == ["foreign", "interior", "defence", "finance"]


def test_german_compound_country_from_clause_side_cue() -> None:
    text = ("Auf australischer Seite nahmen das Außenministerium und das Verteidigungsministerium teil; "
            "die deutsche Seite vertrat das Auswärtige Amt.")
    got = ministries(text, "de")
    assert [(g[0], g[1]) for g in got] == [("Außenministerium", "AU"), ("Verteidigungsministerium", "AU"),
                                           ("Auswärtige Amt", "DE")]


def test_german_compound_negatives() -> None:
    text = ("Die G7-Außenministertreffen und die Außenministerien aller Staaten sowie ein Außenministerium "
            "im Allgemeinen; das bayerische Innenministerium und das EU-Außenministerium.")
    assert texts(text, "de") == []


def test_bare_compound_without_any_country_is_not_a_mention() -> None:
    assert texts("Das Außenministerium prüft den Vorgang.", "de") == []


# ---------------------------------------------------------------- abbreviations (both)


def test_abbreviations_strong_weak_and_bracketed() -> None:
    text = "Beteiligt waren BMI, BMF, AA und BMVg; das Bundesministerium für Gesundheit (BMG) lud ein."
    got = ministries(text, "de")
    assert [g[0] for g in got] == ["BMI", "BMF", "AA", "BMVg", "Bundesministerium für Gesundheit", "BMG"]
    assert all(g[1] == "DE" for g in got)
    # a weak abbreviation standing alone is not a mention
    assert texts("Die AA Batterie ist leer.", "de") == []
    en = "The Ministry of Economy, Trade and Industry (METI) and MOFA of Japan met."
    got = ministries(en, "en")
    assert [g[0] for g in got] == ["Ministry of Economy, Trade and Industry", "METI", "MOFA"]
    assert [g[3] for g in got] == ["JP-METI", "JP-METI", "JP-MOFA"]


# ---------------------------------------------------------------- English names


def test_english_productive_names_with_country_suffix_and_prefix() -> None:
    text = ("Officials of the Ministry of Foreign Affairs of Japan, the Federal Ministry of Defence and the "
            "Indonesian Ministry of Trade met the Ministry of Internal Affairs and Communications.")
    got = ministries(text, "en")
    assert [g[0] for g in got] == ["Ministry of Foreign Affairs of Japan", "Federal Ministry of Defence",
                                   "Ministry of Trade", "Ministry of Internal Affairs and Communications"]
    assert [g[1] for g in got] == ["JP", "DE", "ID", "JP"]
    assert [g[2] for g in got] == ["foreign", "defence", "economy", "interior"]


def test_english_known_and_compound_names() -> None:
    text = ("Talks at the U.K. Foreign & Commonwealth Office followed a visit to the State Department "
            "and to Canada's Foreign Ministry; the Federal Foreign Office and the Department of State agreed.")
    got = ministries(text, "en")
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Foreign & Commonwealth Office", "GB", "foreign"),
        ("State Department", "US", "foreign"),
        ("Foreign Ministry", "CA", "foreign"),
        ("Federal Foreign Office", "DE", "foreign"),
        ("Department of State", "US", "foreign"),
    ]


def test_english_negatives() -> None:
    text = ("The ministry said both ministries and the Foreign Ministers' Meeting would follow; "
            "a Ministerial Council, the Minister for Foreign Affairs and the Self-Defense Forces, "
            "the Department of Japanese Studies at the university and the Trade Office.")
    assert texts(text, "en") == []


def test_ministry_inside_a_minister_title_is_a_mention() -> None:
    text = "Minister of State at the Federal Foreign Office Anna Beispiel travelled to Rome."
    assert ministries(text, "en") == [("Federal Foreign Office", "DE", "foreign", "DE-AA")]


def test_english_names_quoted_in_german_text() -> None:
    text = "Steinmeier besuchte das Department of State und das Ministry of Defence of Ukraine."
    got = ministries(text, "de")
    assert [(g[0], g[1], g[2]) for g in got] == [("Department of State", "US", "foreign"),
                                                ("Ministry of Defence of Ukraine", "UA", "defence")]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_document_context_gives_the_country_of_a_bare_compound(lang: str) -> None:
    text = {
        "de": "Der Minister reiste nach Kanada. Kanada und Deutschland sprachen. Im Gästehaus des "
              "Außenministeriums fand ein Essen statt.",
        "en": "The minister travelled to Canada. Canada and Germany talked. A dinner was held at the "
              "guest house of the Foreign Ministry.",
    }[lang]
    got = ministries(text, lang)
    assert len(got) == 1 and got[0][1] == "CA" and got[0][2] == "foreign"


def test_bracketed_abbreviation_inherits_the_name_even_when_unknown() -> None:
    text = "The Ministry of Foreign Affairs of Viet Nam (MOFAV) and the Ministry of Defence (MoD) of Britain met."
    got = ministries(text, "en")
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Ministry of Foreign Affairs of Viet Nam", "VN", "foreign"),
        ("MOFAV", "VN", "foreign"),
        ("Ministry of Defence", "GB", "defence"),
        ("MoD", "GB", "defence"),
    ]
    # a bracketed word that is not an abbreviation is nothing
    assert texts("Das Bundesministerium der Finanzen (Foto) lud ein.", "de") == ["Bundesministerium der Finanzen"]


def test_field_list_stops_at_titles_and_other_names() -> None:
    text = ("Officials of the Japanese Ministry of Foreign Affairs Senior Vice-Minister Sato, the Ministry of "
            "Economy, Trade and Industry Minister Ito and the U.S. Department of Defense, the Home Office.")
    assert texts(text, "en") == ["Ministry of Foreign Affairs", "Ministry of Economy, Trade and Industry",
                                 "Department of Defense", "Home Office"]


def test_elliptical_german_compound_is_one_name() -> None:
    got = ministries("Das japanische Wirtschafts- und Energieministerium lud ein.", "de")
    assert got == [("Wirtschafts- und Energieministerium", "JP", "economy", "JP-METI")]


def test_international_bodies_and_universities_are_not_national_ministries() -> None:
    text = ("The Department of Economic and Social Affairs of the United Nations, the Department of Economics "
            "at the University of Tokyo and the UN Department of Political Affairs.")
    assert texts(text, "en") == []
    assert texts("Das Ministerium für Wirtschaft der Europäischen Union tagte in Japan.", "de") == []


def test_document_fallback_never_gives_a_bare_foreign_ministry_to_the_country_with_its_own_name() -> None:
    # Germany's foreign ministry is the Auswärtiges Amt: a bare "Außenministerium" in a text that
    # names Germany and Chile equally often is Chile's.
    text = ("Deutschland und Chile vertiefen ihre Beziehungen. Deutschland und Chile berieten. "
            "Ein Essen fand im Gästehaus des Außenministeriums statt.")
    assert ministries(text, "de")[0][:3] == ("Außenministeriums", "CL", "foreign")


def test_weak_abbreviation_after_a_neuter_article_is_a_name() -> None:
    got = ministries("Das AA teilte mit, dass im AA beraten wurde.", "de")
    assert [(g[0], g[1], g[3]) for g in got] == [("AA", "DE", "DE-AA"), ("AA", "DE", "DE-AA")]


def test_unknown_words_may_precede_a_specific_field_word_but_not_a_vague_one() -> None:
    text = ("Indonesia's Ministry of Energy and Mineral Resources met the Department of Political Affairs "
            "and the Department of Public Information.")
    assert ministries(text, "en") == [("Ministry of Energy and Mineral Resources", "ID", "other", None)]
    got = ministries("Das chilenische Ministerium für Bergbau und Lithium sowie das Ministerium für "
                     "Wirtschaft und Präsident Boric.", "de")
    assert [(g[0], g[1]) for g in got] == [("Ministerium für Bergbau und Lithium", "CL"),
                                           ("Ministerium für Wirtschaft", "CL")]


def test_a_country_word_before_one_name_is_no_clue_for_its_neighbour() -> None:
    text = ("Talks with Canada: the Ministry of National Defence and the Japanese Ministry of Defense "
            "agreed to cooperate.")
    got = ministries(text, "en")
    assert [(g[0], g[1]) for g in got] == [("Ministry of National Defence", "CA"), ("Ministry of Defense", "JP")]


def test_english_document_country_is_the_first_of_its_hyphenated_pairs() -> None:
    text = ("Japan-Australia Foreign Ministers' Meeting. Australia and Australia's partners. The Minister for "
            "Foreign Affairs of Australia visited. The dinner took place at the Iikura Guest House of the "
            "Ministry of Foreign Affairs.")
    assert ministries(text, "en")[0][:3] == ("Ministry of Foreign Affairs", "JP", "foreign")


def test_bracketed_abbreviation_dates_its_name() -> None:
    got = ministries("The Federal Ministry for Economic Affairs and Energy (BMWi) joined.", "en")
    assert [g[3] for g in got] == ["DE-BMWI", "DE-BMWI"]


def test_lowercase_english_compound_needs_an_adjacent_country() -> None:
    text = "China's foreign ministry said the defense ministry had not been informed by the Japanese defense ministry."
    got = ministries(text, "en")
    assert [(g[0], g[1], g[2]) for g in got] == [("foreign ministry", "CN", "foreign"),
                                                ("defense ministry", "JP", "defence")]


def test_a_known_name_of_other_countries_keeps_its_portfolio_under_an_explicit_country() -> None:
    got = ministries("Officials of the Japanese Foreign Office attended.", "en")
    assert got == [("Foreign Office", "JP", "foreign", "JP-MOFA")]


def test_economic_development_is_an_economy_ministry_and_development_cooperation_is_not() -> None:
    from bilatextract import extract

    doc = extract("Officials of the Italian Ministry of Economic Development and of the Federal Ministry "
                  "for Economic Cooperation and Development met in Rome.", lang="en")
    assert [(m.text, m.portfolio) for m in doc.ministries] == [
        ("Ministry of Economic Development", "economy"),
        ("Federal Ministry for Economic Cooperation and Development", "development"),
    ]
