"""Office-holder knowledge: known office-holders against the built data, the look-up API,
and the reproducibility of the build (tools/build_officeholders.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, find_shared, subprocess_env

from bilatextract.knowledge import officeholders as oh

ROOT = REPO
SHARED = find_shared()
CABINETS = SHARED / "data" / "cabinets" if SHARED else None
DATA = ROOT / "models" / "common" / "officeholders"


def _holder_named(country: str, portfolio: str, when: date, family: str) -> oh.Person:
    everyone = oh.holders(country, portfolio, when)
    found = [p for p in everyone if p.family == family or family in p.variants]
    assert found, f"{family} not {portfolio} of {country} on {when}: {[p.family for p in everyone]}"
    return found[0]


# (family name, a day in office) -- public record, written down before looking at the data.
GERMAN_FOREIGN_MINISTERS = [
    ("Genscher", date(1990, 10, 3)), ("Kinkel", date(1995, 1, 1)), ("Fischer", date(2003, 3, 1)),
    ("Steinmeier", date(2007, 6, 1)), ("Westerwelle", date(2011, 6, 1)), ("Steinmeier", date(2015, 6, 1)),
    ("Gabriel", date(2017, 6, 1)), ("Maas", date(2019, 6, 1)), ("Baerbock", date(2023, 6, 1)),
    ("Wadephul", date(2025, 10, 1)),
]
JAPANESE_PRIME_MINISTERS = [
    ("Kaifu", date(1990, 6, 1)), ("Miyazawa", date(1992, 6, 1)), ("Hosokawa", date(1993, 12, 1)),
    ("Hata", date(1994, 5, 15)), ("Murayama", date(1995, 6, 1)), ("Hashimoto", date(1997, 6, 1)),
    ("Obuchi", date(1999, 6, 1)), ("Mori", date(2000, 10, 1)), ("Koizumi", date(2003, 6, 1)),
    ("Abe", date(2007, 3, 1)), ("Fukuda", date(2008, 3, 1)), ("Aso", date(2009, 3, 1)),
    ("Hatoyama", date(2010, 3, 1)), ("Kan", date(2011, 3, 1)), ("Noda", date(2012, 3, 1)),
    ("Abe", date(2016, 3, 1)), ("Suga", date(2021, 3, 1)), ("Kishida", date(2023, 3, 1)),
    ("Ishiba", date(2025, 3, 1)), ("Takaichi", date(2025, 12, 1)),
]
US_SECRETARIES_OF_STATE = [
    ("Baker", date(1990, 6, 1)), ("Christopher", date(1995, 6, 1)), ("Albright", date(1999, 6, 1)),
    ("Powell", date(2003, 6, 1)), ("Rice", date(2007, 6, 1)), ("Clinton", date(2011, 6, 1)),
    ("Kerry", date(2015, 6, 1)), ("Tillerson", date(2017, 6, 1)), ("Pompeo", date(2019, 6, 1)),
    ("Blinken", date(2023, 6, 1)), ("Rubio", date(2025, 6, 1)),
]
UK_FOREIGN_SECRETARIES = [
    ("Hurd", date(1992, 6, 1)), ("Rifkind", date(1996, 6, 1)), ("Cook", date(1999, 6, 1)),
    ("Straw", date(2004, 6, 1)), ("Beckett", date(2007, 1, 1)), ("Miliband", date(2009, 6, 1)),
    ("Hague", date(2012, 6, 1)), ("Hammond", date(2015, 6, 1)), ("Johnson", date(2017, 6, 1)),
    ("Hunt", date(2019, 3, 1)), ("Raab", date(2020, 6, 1)), ("Truss", date(2022, 3, 1)),
    ("Cleverly", date(2023, 6, 1)), ("Cameron", date(2024, 3, 1)), ("Lammy", date(2025, 3, 1)),
    ("Cooper", date(2025, 10, 1)),
]


GERMAN_MINISTERS_OF_OTHER_PORTFOLIOS = [
    ("interior", "Schily", date(2003, 1, 1)), ("justice", "Zypries", date(2007, 1, 1)),
    ("agriculture", "Klöckner", date(2019, 1, 1)), ("labour", "Heil", date(2022, 1, 1)),
    ("health", "Lauterbach", date(2023, 1, 1)), ("digital", "Wildberger", date(2025, 9, 1)),
    ("development", "Alabali-Radovan", date(2025, 9, 1)), ("family", "Prien", date(2025, 9, 1)),
    ("economy", "Reiche", date(2025, 9, 1)), ("justice", "Hubig", date(2025, 9, 1)),
    ("interior", "Dobrindt", date(2025, 9, 1)), ("environment", "Trittin", date(2000, 1, 1)),
    ("education", "Bulmahn", date(2000, 1, 1)), ("transport", "Scheuer", date(2020, 1, 1)),
    ("head_of_government", "Kohl", date(1990, 10, 3)), ("head_of_government", "Schröder", date(2000, 1, 1)),
    ("head_of_government", "Merkel", date(2010, 1, 1)), ("head_of_government", "Scholz", date(2023, 1, 1)),
]


@pytest.mark.parametrize(("portfolio", "family", "when"), GERMAN_MINISTERS_OF_OTHER_PORTFOLIOS)
def test_german_ministers_of_every_portfolio(portfolio: str, family: str, when: date) -> None:
    _holder_named("DE", portfolio, when, family)


@pytest.mark.parametrize(("family", "when"), GERMAN_FOREIGN_MINISTERS)
def test_german_foreign_ministers(family: str, when: date) -> None:
    person = _holder_named("DE", "foreign", when, family)
    assert person.id.startswith("DE-")


@pytest.mark.parametrize(("family", "when"), JAPANESE_PRIME_MINISTERS)
def test_japanese_prime_ministers_romanised(family: str, when: date) -> None:
    person = _holder_named("JP", "head_of_government", when, family)
    assert person.order == "family-first" and person.given and person.given.isascii()


@pytest.mark.parametrize(("family", "when"), US_SECRETARIES_OF_STATE)
def test_us_secretaries_of_state(family: str, when: date) -> None:
    _holder_named("US", "foreign", when, family)


@pytest.mark.parametrize(("family", "when"), UK_FOREIGN_SECRETARIES)
def test_uk_foreign_secretaries(family: str, when: date) -> None:
    _holder_named("GB", "foreign", when, family)


def test_current_governments() -> None:
    day = date(2026, 1, 15)
    assert _holder_named("DE", "head_of_government", day, "Merz")
    assert _holder_named("DE", "defence", day, "Pistorius")
    assert _holder_named("DE", "finance", day, "Klingbeil")
    assert _holder_named("US", "defence", day, "Hegseth")
    assert _holder_named("US", "finance", day, "Bessent")
    assert _holder_named("JP", "foreign", day, "Motegi")
    assert _holder_named("JP", "defence", day, "Koizumi")
    assert _holder_named("GB", "head_of_government", day, "Starmer")


def test_look_up_ignores_case_accents_and_normalisation_form() -> None:
    ids = {p.id for p in oh.persons_named("Schäuble")}
    assert ids and any(p.startswith("DE-") for p in ids)
    for form in ("SCHÄUBLE", "schaeuble", "Schauble", unicodedata.normalize("NFD", "Schäuble")):
        assert {p.id for p in oh.persons_named(form)} == ids, form
    assert oh.persons_named("Özdemir") == oh.persons_named("OEZDEMIR")
    # letters without a decomposition: ø, ł
    assert any(p.id.startswith("NO-") for p in oh.persons_named("Støre"))
    assert oh.persons_named("Støre") == oh.persons_named("STORE")
    assert any(p.id.startswith("PL-") for p in oh.persons_named("Kosiniak-Kamysz"))


def test_family_name_flags_judge_many_words_as_one_by_one() -> None:
    words = ["Schäuble", "SCHAEUBLE", unicodedata.normalize("NFD", "Schäuble"), "Støre", "STORE", "Außenminister",
             "Kosiniak-Kamysz", "O'Neill", "茂木敏充", "Leyen", "Gespräch", "Straße", "İstanbul", "ǅ", "--", "",
             "Baerbock", "Bundesaußenministerin", "Weiß", "Weiss", "x\u0301", "Ærø"]
    flags = oh.family_name_flags(words)
    assert flags == [oh.is_family_name(w) for w in words]
    assert flags[0] and flags[3] and flags[16] and not flags[5] and not flags[15]
    # a line break inside a word: still one flag per word
    assert oh.family_name_flags(["Schäuble\nBaerbock", "Baerbock"]) == [oh.is_family_name("Schäuble\nBaerbock"), True]
    assert oh.family_name_flags([]) == []


def test_persons_named_with_a_given_name_test() -> None:
    for family in ("Schäuble", "Müller", "Wang", "Kim", "Nobody-Such"):
        everyone = oh.persons_named(family)
        for test in (lambda g: g is not None and g[:1] in "AEIOUW", lambda g: g is None, lambda g: True):
            assert oh.persons_named(family, test) == tuple(p for p in everyone if test(p.given)), family
    wolfgang = oh.persons_named("Schäuble", lambda g: g == "Wolfgang")
    assert wolfgang and all(p.given == "Wolfgang" for p in wolfgang)


def test_name_keys_drop_case_marks_and_signs() -> None:
    assert oh.name_keys("Schäuble") == ("schauble", "schaeuble")
    assert oh.name_keys(unicodedata.normalize("NFD", "Schäuble")) == ("schauble", "schaeuble")
    assert oh.name_keys("Kramp-Karrenbauer") == ("krampkarrenbauer",)
    assert oh.name_keys("Weiß") == ("weiss",)
    assert oh.name_keys("Støre") == ("store", "stoere")
    assert oh.name_keys("İnönü") == ("inonu", "inoenue")
    assert oh.name_keys("--") == ()


def test_variant_family_forms() -> None:
    leyen = [p for p in oh.persons_named("von der Leyen") if p.id.startswith("DE-")]
    assert leyen and leyen[0] in oh.persons_named("Leyen")
    assert any(p.family == "zu Guttenberg" for p in oh.persons_named("Guttenberg"))
    motegi = [p for p in oh.persons_named("Motegi") if p.id.startswith("JP-")]
    assert motegi and "茂木敏充" in motegi[0].variants
    assert motegi[0] in oh.persons_named("茂木敏充")


def test_office_at_dates() -> None:
    (maas,) = [p for p in oh.persons_named("Maas") if p.id.startswith("DE-") and p.given == "Heiko"]
    office = oh.office_at(maas, date(2016, 5, 1))
    assert office is not None and office.portfolio == "justice" and office.country == "DE"
    assert oh.office_at(maas, date(2020, 5, 1)).portfolio == "foreign"
    assert oh.office_at(maas, date(2024, 5, 1)) is None
    assert oh.office_at(maas, date(2020, 5, 1), portfolio="justice") is None
    assert oh.office_at(maas, date(2020, 5, 1), country="JP") is None
    assert oh.office_at(maas, None).portfolio == "foreign"
    # the successor's first day belongs to the successor
    (wadephul,) = oh.persons_named("Wadephul")
    assert oh.office_at(wadephul, date(2025, 5, 6)).portfolio == "foreign"
    on_the_day = {p.family for p in oh.holders("DE", "foreign", date(2025, 5, 6))}
    assert "Wadephul" in on_the_day and "Baerbock" not in on_the_day
    assert "Baerbock" in {p.family for p in oh.holders("DE", "foreign", date(2025, 5, 5))}


def test_person_by_id_and_ids_unique() -> None:
    everyone = oh.persons()
    assert len({p.id for p in everyone}) == len(everyone) > 5000
    (wadephul,) = oh.persons_named("Wadephul")
    assert oh.person_by_id(wadephul.id) is wadephul
    assert oh.person_by_id("XX-nobody") is None
    assert oh.persons_named("Xyzzyqq") == ()


def test_data_is_immutable() -> None:
    person = oh.persons()[0]
    with pytest.raises(AttributeError):
        person.family = "x"  # type: ignore[misc]
    assert isinstance(person.offices, tuple) and isinstance(person.variants, tuple)


def test_concurrent_first_use_in_a_fresh_process() -> None:
    code = (
        "import threading\n"
        "from bilatextract.knowledge import officeholders as oh\n"
        "out = []\n"
        "ts = [threading.Thread(target=lambda: out.append(id(oh.persons()))) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "assert len(out) == 8 and len(set(out)) == 1, out\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env())
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
    assert threading.active_count() >= 1


@pytest.mark.skipif(CABINETS is None or not CABINETS.is_dir(), reason="../shared/data/cabinets is absent")
def test_build_is_reproducible(tmp_path: Path) -> None:
    assert CABINETS is not None
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_officeholders.py"), str(CABINETS),
                           str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    built = (tmp_path / "persons.tsv").read_bytes()
    assert built == (DATA / "persons.tsv").read_bytes()
