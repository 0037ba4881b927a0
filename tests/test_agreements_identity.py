"""AGREEMENT identity: the treaty knowledge base's id shared by a treaty's German name, English
name and abbreviation; canonical names; parties known or stated in the text.

The sentences are composed for these tests (expected ids and spans written first); they run
through the real pipelines and the real knowledge base (models/common/agreements.toml).
"""

from __future__ import annotations

import pytest

from bilatextract import extract, pipeline
from bilatextract.components.base import spans_of
from bilatextract.resources import load_toml


def mentions(lang: str, text: str) -> list[tuple[str, dict]]:
    doc = pipeline.get(lang)(text)
    return [(s.text, s._.bilat_attrs) for s in spans_of(doc, "AGREEMENT")]


#: (id, German sentence, its mention, English sentence, its mention, sentence with the abbreviation, abbreviation)
TREATIES = [
    ("npt", "Der Atomwaffensperrvertrag bleibt der Eckpfeiler.", "Atomwaffensperrvertrag",
     "The Nuclear Non-Proliferation Treaty remains the cornerstone.", "Nuclear Non-Proliferation Treaty",
     "They reaffirmed the NPT in Vienna.", "NPT"),
    ("ctbt", "Sie forderten das Inkrafttreten des Kernwaffenteststoppvertrags.", "Kernwaffenteststoppvertrags",
     "They urged the entry into force of the Comprehensive Nuclear-Test-Ban Treaty.",
     "Comprehensive Nuclear-Test-Ban Treaty", "Both support the CTBT.", "CTBT"),
    ("jcpoa", "Berlin hält am Gemeinsamen umfassenden Aktionsplan fest.", "Gemeinsamen umfassenden Aktionsplan",
     "Berlin stands by the Joint Comprehensive Plan of Action.", "Joint Comprehensive Plan of Action",
     "Iran must return to the JCPOA.", "JCPOA"),
    ("ceta", "Das Umfassende Wirtschafts- und Handelsabkommen gilt vorläufig.",
     "Umfassende Wirtschafts- und Handelsabkommen",
     "The Comprehensive Economic and Trade Agreement applies provisionally.",
     "Comprehensive Economic and Trade Agreement", "Farmers gained from CETA.", "CETA"),
    ("cptpp", "Großbritannien trat dem Umfassenden und fortschrittlichen Abkommen für eine transpazifische "
     "Partnerschaft bei.", "Umfassenden und fortschrittlichen Abkommen für eine transpazifische Partnerschaft",
     "Britain joined the Comprehensive and Progressive Agreement for Trans-Pacific Partnership.",
     "Comprehensive and Progressive Agreement for Trans-Pacific Partnership", "Britain joined the CPTPP.", "CPTPP"),
    ("ttip", "Die Transatlantische Handels- und Investitionspartnerschaft scheiterte.",
     "Transatlantische Handels- und Investitionspartnerschaft",
     "The Transatlantic Trade and Investment Partnership failed.", "Transatlantic Trade and Investment Partnership",
     "Talks on TTIP stalled.", "TTIP"),
    ("rcep", "Die Regionale Umfassende Wirtschaftspartnerschaft umfasst 15 Staaten.",
     "Regionale Umfassende Wirtschaftspartnerschaft",
     "The Regional Comprehensive Economic Partnership covers 15 states.",
     "Regional Comprehensive Economic Partnership", "China ratified RCEP.", "RCEP"),
    ("gatt", "Das Allgemeine Zoll- und Handelsabkommen wurde 1947 geschlossen.", "Allgemeine Zoll- und Handelsabkommen",
     "The General Agreement on Tariffs and Trade was concluded in 1947.", "General Agreement on Tariffs and Trade",
     "The GATT preceded the WTO.", "GATT"),
    ("nafta", "Die Kündigung des Nordamerikanischen Freihandelsabkommens wurde begrüßt.",
     "Nordamerikanischen Freihandelsabkommens",
     "The North American Free Trade Agreement was replaced.", "North American Free Trade Agreement",
     "Mexico wanted to keep NAFTA.", "NAFTA"),
    ("usmca", "Das USMCA-Abkommen trat 2020 in Kraft.", "USMCA-Abkommen",
     "The United States-Mexico-Canada Agreement entered into force in 2020.", "United States-Mexico-Canada Agreement",
     "Canada signed the USMCA.", "USMCA"),
    ("unclos", "China beruft sich auf das Seerechtsübereinkommen der Vereinten Nationen.",
     "Seerechtsübereinkommen der Vereinten Nationen",
     "China invokes the United Nations Convention on the Law of the Sea.",
     "United Nations Convention on the Law of the Sea", "The ruling applied UNCLOS.", "UNCLOS"),
    ("unfccc", "Die Klimarahmenkonvention der Vereinten Nationen gilt seit 1994.",
     "Klimarahmenkonvention der Vereinten Nationen",
     "The United Nations Framework Convention on Climate Change applies since 1994.",
     "United Nations Framework Convention on Climate Change", "Parties to the UNFCCC met.", "UNFCCC"),
    ("tpnw", "Österreich unterstützt den Atomwaffenverbotsvertrag.", "Atomwaffenverbotsvertrag",
     "Austria supports the Treaty on the Prohibition of Nuclear Weapons.",
     "Treaty on the Prohibition of Nuclear Weapons", "Austria supports the TPNW.", "TPNW"),
    ("cwc", "Syrien verletzte das Chemiewaffenübereinkommen.", "Chemiewaffenübereinkommen",
     "Syria violated the Chemical Weapons Convention.", "Chemical Weapons Convention",
     "Syria violated the CWC.", "CWC"),
    ("bwc", "Die Überprüfungskonferenz zur Biowaffenkonvention tagte.", "Biowaffenkonvention",
     "The review conference of the Biological Weapons Convention met.", "Biological Weapons Convention",
     "The review conference of the BWC met.", "BWC"),
    ("sofa", "Das NATO-Truppenstatut regelt den Aufenthalt.", "NATO-Truppenstatut",
     "The Status of Forces Agreement governs the stay.", "Status of Forces Agreement",
     "The SOFA governs the stay.", "SOFA"),
    ("acsa", "Das ACSA-Abkommen wurde verlängert.", "ACSA-Abkommen",
     "The Acquisition and Cross-Servicing Agreement was extended.", "Acquisition and Cross-Servicing Agreement",
     "The ACSA was extended.", "ACSA"),
    ("gsomia", "Seoul kündigte das GSOMIA-Abkommen nicht.", "GSOMIA-Abkommen",
     "Seoul did not end the General Security of Military Information Agreement.",
     "General Security of Military Information Agreement", "Seoul did not end GSOMIA.", "GSOMIA"),
    ("aukus", "Frankreich kritisierte den AUKUS-Pakt.", "AUKUS-Pakt",
     "France criticised the AUKUS pact.", "AUKUS pact", "France criticised AUKUS.", "AUKUS"),
    ("korus", "Das Freihandelsabkommen zwischen den USA und Südkorea wurde neu verhandelt.",
     "Freihandelsabkommen zwischen den USA und Südkorea",
     "The KORUS FTA was renegotiated.", "KORUS FTA", "Washington revised KORUS.", "KORUS"),
    ("afcfta", "Ruanda ratifizierte das Abkommen zur Gründung der Afrikanischen Kontinentalen Freihandelszone.",
     "Abkommen zur Gründung der Afrikanischen Kontinentalen Freihandelszone",
     "Rwanda ratified the Agreement Establishing the African Continental Free Trade Area.",
     "Agreement Establishing the African Continental Free Trade Area", "Rwanda ratified the AfCFTA.", "AfCFTA"),
    ("eu-vn-fta", "Das EU-Vietnam-Freihandelsabkommen senkt Zölle.", "EU-Vietnam-Freihandelsabkommen",
     "The EU-Vietnam Free Trade Agreement lowers tariffs.", "EU-Vietnam Free Trade Agreement",
     "The EVFTA lowers tariffs.", "EVFTA"),
    ("new-start", "Russland setzte den New-START-Vertrag aus.", "New-START-Vertrag",
     "Russia suspended the New START Treaty.", "New START Treaty", "Russia suspended New START.", "New START"),
]


@pytest.mark.parametrize("row", TREATIES, ids=[r[0] for r in TREATIES])
def test_german_and_english_names_and_abbreviation_share_one_id(row: tuple) -> None:
    tid, de_text, de_mention, en_text, en_mention, abbr_text, abbr = row
    found = {}
    for lang, text, mention in (("de", de_text, de_mention), ("en", en_text, en_mention), ("en", abbr_text, abbr)):
        got = mentions(lang, text)
        assert [t for t, _ in got] == [mention], (lang, text)
        found[mention] = got[0][1]
    assert {attrs["id"] for attrs in found.values()} == {tid}
    canonical = found[en_mention]["canonical"]
    assert canonical["de"] and canonical["en"]
    assert found[de_mention]["canonical"] == canonical == found[abbr]["canonical"]


def test_at_least_twenty_treaties_and_every_knowledge_base_id_is_unique() -> None:
    entries = load_toml("common", "agreements.toml")["agreement"]
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert len({row[0] for row in TREATIES}) >= 20
    for e in entries:
        assert e["names"].get("de") and e["names"].get("en"), e["id"]


# ----- parties ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "mention", "parties"),
    [
        ("en", "Officials said the Korea-Jordan agreement was signed on Monday.", "Korea-Jordan agreement",
         ["KR", "JO"]),
        ("en", "The EU-Mexico Global Agreement was modernised.", "EU-Mexico Global Agreement", ["EU", "MX"]),
        ("en", "Seoul and Amman signed the Republic of Korea-Jordan agreement.", "Republic of Korea-Jordan agreement",
         ["KR", "JO"]),
        ("de", "Die Umsetzung des Assoziierungsabkommens EU-Ukraine stockt.", "Assoziierungsabkommens EU-Ukraine",
         ["EU", "UA"]),
        ("de", "Der EU-Türkei-Pakt wurde verlängert.", "EU-Türkei-Pakt", ["EU", "TR"]),
        ("de", "Das Abkommen zwischen Deutschland und Japan über soziale Sicherheit trat in Kraft.",
         "Abkommen zwischen Deutschland und Japan über soziale Sicherheit", ["DE", "JP"]),
        ("de", "Morgen wird ein Investitionsschutzabkommen zwischen der Schweiz und Polen unterzeichnet.",
         "Investitionsschutzabkommen", ["CH", "PL"]),
        ("en", "They signed the Agreement on Visa Exemption between Japan and Uzbekistan.",
         "Agreement on Visa Exemption between Japan and Uzbekistan", ["JP", "UZ"]),
        ("en", "The Agreement on Air Services between the Government of the Kingdom of Thailand and the "
         "Government of Japan was amended.",
         "Agreement on Air Services between the Government of the Kingdom of Thailand and the Government of Japan",
         ["TH", "JP"]),
    ],
)
def test_parties_stated_in_the_text(lang: str, text: str, mention: str, parties: list[str]) -> None:
    got = mentions(lang, text)
    assert [t for t, _ in got] == [mention]
    assert got[0][1]["parties"] == parties


def test_known_parties_and_a_name_shared_by_other_parties() -> None:
    got = mentions("en", "The EU-Japan Economic Partnership Agreement entered into force in 2019.")
    assert got[0][1]["id"] == "eu-jp-epa" and set(got[0][1]["parties"]) == {"EU", "JP"}
    # the same name between other parties is another agreement
    got = mentions("en", "The Japan-UK Economic Partnership Agreement entered into force in 2021.")
    assert [t for t, _ in got] == ["Japan-UK Economic Partnership Agreement"]
    assert got[0][1]["id"] != "eu-jp-epa" and got[0][1]["parties"] == ["JP", "GB"]
    # a kind of agreement that many pairs conclude: its id names the pair
    got = mentions("en", "The Japan-Philippines Reciprocal Access Agreement was signed in Manila.")
    assert got[0][1]["id"] == "raa:JP-PH"


def test_a_defined_abbreviation_shares_the_id_and_parties_of_its_name() -> None:
    got = mentions("de", "Das Abkommen zwischen Japan und Indien über Raumfahrt (JIRA) wurde unterzeichnet. "
                         "Das JIRA stärkt die Forschung.")
    assert [t for t, _ in got] == ["Abkommen zwischen Japan und Indien über Raumfahrt", "JIRA", "JIRA"]
    assert len({a["id"] for _, a in got}) == 1
    assert got[0][1]["id"].startswith("name:")
    assert all(a["parties"] == ["JP", "IN"] for _, a in got)


def test_unknown_names_get_a_stable_key_of_the_uninflected_name() -> None:
    a = mentions("de", "Die Umsetzung des Abkommens über die Fischerei wurde gelobt.")
    b = mentions("de", "Das Abkommen über Fischerei wurde gelobt.")
    assert a[0][1]["id"] == b[0][1]["id"] == "name:abkommen-uber-fischerei"
    assert a[0][1]["canonical"] is None


def test_identity_in_the_json_output_frame_and_schema() -> None:
    doc = extract("Der Vertrag von Aachen ergänzt den Élysée-Vertrag.", reference_date=None)
    ids = [(a.text, a.id, a.parties) for a in doc.agreements]
    assert ids == [("Vertrag von Aachen", "aachen-treaty", ("DE", "FR")),
                   ("Élysée-Vertrag", "elysee-treaty", ("DE", "FR"))]
    assert doc.agreements[0].canonical == {"en": "Treaty of Aachen", "de": "Vertrag von Aachen"}
    line = doc.to_dict()["entities"]
    assert {e["id"] for e in line if e["type"] == "AGREEMENT"} == {"aachen-treaty", "elysee-treaty"}
    from bilatextract.schema import document_schema

    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(doc.to_dict(), document_schema())


@pytest.mark.parametrize(
    ("lang", "text", "mention", "tid"),
    [
        ("en", "The Treaty of Versailles ended the war.", "Treaty of Versailles", "versailles-treaty"),
        ("de", "Der Versailler Vertrag belastete die Republik.", "Versailler Vertrag", "versailles-treaty"),
        ("de", "Das Münchner Abkommen von 1938 wurde verurteilt.", "Münchner Abkommen", "munich-agreement"),
        ("en", "Hungary left the Istanbul Convention.", "Istanbul Convention", "istanbul-convention"),
        ("de", "Ungarn trat aus der Istanbul-Konvention aus.", "Istanbul-Konvention", "istanbul-convention"),
        ("en", "The Montreal Protocol protects the ozone layer.", "Montreal Protocol", "montreal-protocol"),
        ("de", "Das Montrealer Protokoll schützt die Ozonschicht.", "Montrealer Protokoll", "montreal-protocol"),
        ("de", "Der Einigungsvertrag regelte den Beitritt.", "Einigungsvertrag", "unification-treaty"),
    ],
)
def test_treaties_by_short_name(lang: str, text: str, mention: str, tid: str) -> None:
    got = mentions(lang, text)
    assert [t for t, _ in got] == [mention]
    assert got[0][1]["id"] == tid
