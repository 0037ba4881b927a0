"""The ministry knowledge base and the country/portfolio lexicons (bilatextract.knowledge)."""

from __future__ import annotations

import pytest

from bilatextract import knowledge as kb


def test_every_entry_is_valid_and_ids_are_unique() -> None:
    entries = kb.ministries()
    assert len(entries) > 80
    assert len({e.ministry.id for e in entries}) == len(entries)
    for e in entries:
        assert e.ministry.portfolio in kb.PORTFOLIOS
        assert len(e.ministry.country) == 2 and e.ministry.country.isupper()


@pytest.mark.parametrize(
    ("country", "portfolio", "expected"),
    [
        ("DE", "foreign", "DE-AA"),
        ("DE", "head_of_government", "DE-BKAMT"),
        ("JP", "economy", "JP-METI"),
        ("JP", "interior", "JP-MIC"),
        ("US", "foreign", "US-DOS"),
        ("GB", "foreign", "GB-FCDO"),
        ("IN", "foreign", "IN-MEA"),
        ("UA", "defence", "UA-MOD"),
    ],
)
def test_find_ministry_gives_the_current_one(country: str, portfolio: str, expected: str) -> None:
    found = kb.find_ministry(country, portfolio)
    assert found is not None and found.id == expected


def test_find_ministry_by_year_follows_renamings() -> None:
    assert kb.find_ministry("DE", "economy", 2010).id == "DE-BMWI-TECH"
    assert kb.find_ministry("DE", "economy", 2017).id == "DE-BMWI"
    assert kb.find_ministry("DE", "economy", 2023).id == "DE-BMWK"
    assert kb.find_ministry("DE", "economy", 2026).id == "DE-BMWE"
    assert kb.find_ministry("GB", "foreign", 2013).id == "GB-FCO"
    assert kb.find_ministry("DE", "environment", 2015).id == "DE-BMUB"
    assert kb.find_ministry("XX", "foreign") is None


def test_known_names_match_in_inflected_forms() -> None:
    assert kb.match_known_ministry("Auswärtigen Amts").id == "DE-AA"
    assert kb.match_known_ministry("Auswärtigen Amtes").id == "DE-AA"
    assert kb.match_known_ministry("Bundesministeriums der Finanzen").id == "DE-BMF"
    assert kb.match_known_ministry("Bundeskanzleramts").id == "DE-BKAMT"
    assert kb.match_known_ministry("Foreign and Commonwealth Office").country == "GB"
    assert kb.match_known_ministry("Foreign & Commonwealth Office").country == "GB"
    assert kb.match_known_ministry("METI").id == "JP-METI"
    assert kb.match_known_ministry("Bundesministerium für Wirtschaft und Energie", year=2017).id == "DE-BMWI"
    assert kb.match_known_ministry("Bundesministerium für Wirtschaft und Energie", year=2025).id == "DE-BMWE"
    # a name shared by two countries is resolved by the country
    assert kb.match_known_ministry("Cabinet Office", country="GB").id == "GB-CO"
    assert kb.match_known_ministry("Cabinet Office", country="JP").id == "JP-CAO"
    # generic names are not in the knowledge base: their country comes from the context
    assert kb.match_known_ministry("Außenministerium") is None
    assert kb.match_known_ministry("Ministry of Foreign Affairs") is None


def test_country_forms_cover_inflected_adjectives_genitives_and_names() -> None:
    de = kb.country_forms("de")
    for form in ("japan", "japans", "japanisch", "japanische", "japanischen", "japanischer", "japanisches"):
        assert de[form] == "JP"
    assert de["us-amerikanische"] == "US"
    assert de["vereinigten staaten"] == "US"
    en = kb.country_forms("en")
    assert en["japanese"] == "JP" and en["u.k."] == "GB" and en["federal republic of germany"] == "DE"
    assert "us" in en and en["us"] == "US"


@pytest.mark.parametrize(
    ("word", "lang", "code"),
    [
        ("japanischen", "de", "JP"),
        ("Japanische", "de", "JP"),
        ("Japans", "de", "JP"),
        ("Japan's", "en", "JP"),
        ("U.K.", "en", "GB"),
        ("South Korean", "en", "KR"),
        ("us", "en", None),  # the pronoun is not the country
        ("Ministerium", "de", None),
    ],
)
def test_country_of_word(word: str, lang: str, code: str | None) -> None:
    assert kb.country_of_word(word, lang) == code


@pytest.mark.parametrize("lang", ["de", "en"])
def test_country_of_word_is_what_the_scanners_find_as_the_whole_word(lang: str) -> None:
    forms = sorted(kb.country_forms(lang))[::7]
    words = [w for f in forms if "." not in f for w in (f, f.capitalize(), f.upper(), f + "s", f.capitalize() + "'s",
                                                        f.capitalize() + "’s", f[:-1], f.capitalize() + "n")]
    words += ["Ministerium", "Ministry", "Japaner", "Deutschlands", "Japan's", "us", "US"]
    found = 0
    for word in words:
        mentions = kb.country_mentions(word, lang)
        whole = [m.code for m in mentions if (m.start, m.end) == (0, len(word))]
        assert kb.country_of_word(word, lang) == (whole[0] if whole else None), word
        found += bool(whole)
    assert found > len(forms)


def test_country_before_and_after_a_name() -> None:
    text = "Vertreter des japanischen Außenministeriums trafen das Außenministerium der Ukraine."
    start = text.index("Außenministeriums")
    assert kb.country_before(text, start, "de") == "JP"
    second = text.index("Außenministerium der")
    assert kb.country_before(text, second, "de") is None
    after = kb.country_after(text, second + len("Außenministerium"), "de", link_articles=("der",))
    assert after is not None and after[0] == "UA"
    en = "He visited the Ministry of Foreign Affairs of the Republic of Korea."
    end = en.index(" of the Republic")
    got = kb.country_after(en, end, "en", links=("of",), link_articles=("the",))
    assert got == ("KR", len(en) - 1)
    assert kb.country_before("Japan's Ministry", len("Japan's "), "en") == "JP"


def test_infer_country_uses_clause_then_document_never_the_language() -> None:
    text = "Auf koreanischer Seite nahm das Außenministerium teil."
    start = text.index("Außenministerium")
    assert kb.infer_country(text, start, start + 16, "de", window=(0, len(text))) == "KR"
    plain = "Das Außenministerium lud ein."
    assert kb.infer_country(plain, 4, 20, "de", window=(0, len(plain))) is None


@pytest.mark.parametrize(
    ("phrase", "lang", "portfolio"),
    [
        ("für Wirtschaft, Handel und Industrie", "de", "economy"),
        ("of Economy, Trade and Industry", "en", "economy"),
        ("für Inneres und Kommunikation", "de", "interior"),
        ("of Internal Affairs and Communications", "en", "interior"),
        ("für wirtschaftliche Zusammenarbeit und Entwicklung", "de", "development"),
        ("for Economic Cooperation and Development", "en", "development"),
        ("des Auswärtigen", "de", "foreign"),
        ("der Verteidigung", "de", "defence"),
        ("of National Defense", "en", "defence"),
        ("für Umwelt, Naturschutz, Bau und Reaktorsicherheit", "de", "environment"),
        ("of Land, Infrastructure, Transport and Tourism", "en", "transport"),
        ("für Ernährung und Landwirtschaft", "de", "agriculture"),
        ("of Health, Labour and Welfare", "en", "health"),
        ("für Bau und Heimat", "de", "other"),
        ("of External Affairs", "en", "foreign"),
        ("of Home Affairs", "en", "interior"),
        ("über das Wetter", "de", None),
    ],
)
def test_infer_portfolio(phrase: str, lang: str, portfolio: str | None) -> None:
    assert kb.infer_portfolio(phrase, lang) == portfolio


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Außenministerium", ("", "außen", "foreign")),
        ("Bundesinnenministeriums", ("bundes", "innen", "interior")),
        ("US-Außenministerium", ("us-", "außen", "foreign")),
        ("Landwirtschaftsministerium", ("", "landwirtschafts", "agriculture")),
        ("Verteidigungsministeriums", ("", "verteidigungs", "defence")),
        ("Ministerium", None),
        ("Staatsministerium", None),
    ],
)
def test_compound_portfolio(word: str, expected: tuple[str, str, str] | None) -> None:
    assert kb.compound_portfolio(word, "de", ("ministerium", "ministeriums")) == expected


def test_compound_portfolio_serves_minister_titles_too() -> None:
    heads = ("minister", "ministerin")
    assert kb.compound_portfolio("Bundesaußenministerin", "de", heads)[2] == "foreign"
    assert kb.compound_portfolio("Verteidigungsminister", "de", heads)[2] == "defence"
    assert kb.country_of_prefix("bundes", "de") == "DE"
    assert kb.country_of_prefix("us-", "de") == "US"


def test_alpine_foreign_ministries_are_known_in_both_languages() -> None:
    assert kb.match_known_ministry("Eidgenössischen Departements für auswärtige Angelegenheiten").id == "CH-EDA"
    assert kb.match_known_ministry("Federal Department of Foreign Affairs").country == "CH"
    austrian = kb.match_known_ministry("Bundesministerium für europäische und internationale Angelegenheiten")
    assert austrian.id == "AT-BMEIA"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_language_brings_its_lexicons_as_data(lang: str) -> None:
    assert kb.country_forms(lang) and kb.portfolio_stems(lang) and kb.compound_stems(lang)
    assert set(kb.portfolio_stems(lang).values()) <= kb.PORTFOLIOS
    links, articles = kb.country_links(lang)
    assert isinstance(links, tuple) and isinstance(articles, tuple)
    # a language without data files has no lexicons, rather than an error
    assert kb.country_forms("xx") == {} and kb.portfolio_stems("xx") == {}


# ---------------------------------------------------------------- the world's country tables


@pytest.mark.parametrize(
    ("country", "portfolio", "year", "expected"),
    [
        ("ZA", "foreign", 2005, "ZA-DFA"),
        ("ZA", "foreign", 2015, "ZA-DIRCO"),
        ("CH", "economy", 2003, "CH-EVD"),
        ("CH", "economy", 2018, "CH-WBF"),
        ("AT", "economy", 2020, "AT-BMDW"),
        ("MX", "foreign", None, "MX-SRE"),
        ("PH", "defence", None, "PH-DND"),
        ("TW", "economy", None, "TW-MOEA"),
        ("CN", "economy", None, "CN-MOFCOM"),  # ministries.toml comes last: its entry is the current one
    ],
)
def test_country_tables_give_ids_by_country_portfolio_and_year(
    country: str, portfolio: str, year: int | None, expected: str
) -> None:
    found = kb.find_ministry(country, portfolio, year)
    assert found is not None and found.id == expected


def test_country_table_names_and_abbreviations_are_matched() -> None:
    assert [e.ministry.id for e in kb.known_ministries_named("Department of International Relations and "
                                                             "Cooperation")] == ["ZA-DIRCO"]
    assert [e.ministry.id for e in kb.known_ministries_named("Eidgenössischen Volkswirtschaftsdepartementes")] \
        == ["CH-EVD"]
    assert [e.ministry.id for e in kb.abbreviation_index(weak=False)["MAEE"]] == ["LU-MAEE"]
    assert [e.ministry.id for e in kb.abbreviation_index(weak=True)["bmask"]] == ["AT-BMASK"]
    assert "bmask" not in kb.abbreviation_index(weak=False)
    # a generic name is no known name of any country: the context gives its country
    assert kb.known_ministries_named("Ministry of Foreign Affairs") == ()


def test_generic_abbreviations_name_a_portfolio_only() -> None:
    generic = kb.generic_abbreviations()
    assert generic["MFA"] == "foreign" and generic["MoD"] == "defence"
    assert "METI" not in generic


def test_official_names_are_kept_for_people() -> None:
    assert kb.ministry_by_id("ZA-DIRCO").name == "Department of International Relations and Cooperation"
    assert kb.ministry_by_id("KE-MFA").country == "KE"
    assert kb.ministry_by_id("KE-MFA").portfolio == "foreign"
