"""Language-independent knowledge: the ministries of ``models/common/ministries.toml``,
and the per-language cue lexicons for countries and portfolios, with the helpers that
read a country or a portfolio off the words of a text.

Data format of ``models/common/ministries.toml`` (one table per ministry)::

    [[ministry]]
    id = "DE-AA"                      # unique, COUNTRY-SHORTNAME
    country = "DE"                    # ISO 3166-1 alpha-2
    portfolio = "foreign"             # a portfolio value of the annotation guide
    name = "Federal Foreign Office"   # canonical English name
    from = 2005                       # optional: years the name was in use
    until = 2013
    abbreviations = ["AA"]            # matched wherever they stand
    weak_abbreviations = ["AA"]       # matched only in brackets or in a list of abbreviations
    [ministry.names]                  # names and aliases per language, as written (nominative)
    de = ["Auswärtiges Amt"]
    en = ["Federal Foreign Office", "German Foreign Office"]

The world's ministries are kept more compactly, one table per country, in
``models/common/ministries/*.toml`` (see the README there): ``[PK] foreign = "MOFA: Ministry of
Foreign Affairs"`` or an inline table with matched names, abbreviations and years.

Only names that point at one ministry belong there: a generic name ("Ministry of Foreign
Affairs", "Außenministerium") is recognised by the productive patterns and gets its country
from the context. A name listed for several countries ("Foreign Office", "Cabinet Office")
is resolved by the context too.

``models/<lang>/countries.toml``: ``[countries] JP = ["Japan", "Japans", "japanisch*"]``, the
surface forms that name or qualify a country; ``*`` marks an adjective stem inflected with
``[inflection].adjective_endings``; ``[inflection].genitive_suffixes`` may follow any name
("Japan's"); ``[subnational].forms`` name parts of a country ("bayerisch*").

``models/<lang>/portfolios.toml``: ``[portfolios] foreign = ["auswärtig", "außen", ...]``,
lowercased stems of the words that name a portfolio, matched at the start of a word;
``[compounds]``: first parts of compounds ("außen" in "Außenministerium").

The helpers, for the ministries and the ministers components alike:

- the knowledge base: ``ministries()``, ``ministry_by_id(id)``, ``find_ministry(country,
  portfolio, year=None)``, ``match_known_ministry(name, country=None, year=None)`` (a name in
  any inflected form, or an abbreviation), ``abbreviation_index()``;
- countries: ``country_forms(lang)``, ``country_mentions(text, lang)``, ``country_of_word``,
  ``country_of_prefix`` ("bundes" -> DE, "us-" -> US), ``country_before`` / ``country_after``
  (the country word right before or after a span), ``nearest_country`` (within a clause),
  ``main_country`` (the document's), and ``infer_country`` chaining them;
- portfolios: ``portfolio_stems(lang)``, ``compound_stems(lang)``, ``infer_portfolio(phrase,
  lang)`` ("für Wirtschaft, Handel und Industrie" -> economy), ``compound_portfolio(word, lang,
  heads)`` ("Bundesinnenministeriums" -> ("bundes", "innen", "interior")), ``field_cover``.

Country is never guessed from the language of the text.
"""

# The public names of the three modules, for ``from bilatextract import knowledge as kb``.
from .countries import (  # noqa: F401
    _RECENT_MENTIONS,
    CountryMention,
    _code_of_form,
    _country_data,
    _country_mentions,
    _country_mentions_at,
    country_forms,
    country_mentions,
    country_of_word,
    country_surface_forms,
    is_subnational,
    subnational_forms,
)
from .country_context import (  # noqa: F401
    country_after,
    country_before,
    country_link_pattern,
    country_links,
    country_of_prefix,
    infer_country,
    main_country,
    nearest_country,
    shared_prefix_countries,
    shared_prefixes,
    skip_back,
)
from .ministries import (  # noqa: F401
    PORTFOLIOS,
    MinistryEntry,
    abbreviation_index,
    choose_entry,
    entry_by_id,
    entry_countries,
    find_ministry,
    generic_abbreviations,
    known_ministries_named,
    match_known_ministry,
    ministries,
    ministry_by_id,
    name_key,
    name_key_forms,
    name_key_rules,
    name_key_table,
    name_key_word,
    names_index,
    split_words,
)
from .portfolios import (  # noqa: F401
    _PHRASE_WORD,
    _stems_by_words,
    compile_portfolios,
    compound_portfolio,
    compound_stems,
    field_cover,
    has_field,
    infer_portfolio,
    portfolio_matches,
    portfolio_stems,
)
