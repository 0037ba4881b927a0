"""Noisy and clean versions of the same sentences give the same entities and attributes.

Each case is a clean text and a noisy one (the noise kinds of real-world input: runs of
spaces, tabs, no-break spaces, line breaks, soft hyphens, zero-width spaces, PDF line-break
hyphenation, HTML leftovers, decomposed Unicode, ALL-CAPS headlines), with the entities the
clean text holds written out beforehand: (type, text in the clean text, text in the noisy
text, attributes). Offsets into the noisy text must be exact: ``noisy[start:end]`` is what
the clean entity's text became, noise included.
"""

from __future__ import annotations

import pytest

from bilatextract import extract

REF = "2025-11-15"
# A hard-wrapped paragraph (e-mail, PDF text) needs lines of about its width around a break.
WRAP_DE = "Die Bundesregierung hat am Montag in Berlin eine Erklärung veröffentlicht.\n"
WRAP_EN = "The government published a joint statement in Tokyo on Monday morning.\n"

MIN_DE = {"type": "MINISTER", "family_name": "Wadephul", "given_name": "Johann", "country": "DE",
          "portfolio": "foreign"}
MIN_DE_SHORT = {**MIN_DE, "given_name": None}
BMVG = {"type": "MINISTRY", "country": "DE", "portfolio": "defence"}
MIN_EN = {"type": "MINISTER", "family_name": "Motegi", "given_name": "Toshimitsu", "country": "JP",
          "portfolio": "foreign"}
MOFA = {"type": "MINISTRY", "country": "JP", "portfolio": "foreign"}
DATE_DE = {"type": "DATE", "value": "2025-03-03"}

CASES = {
    "de-double-space": (
        "Außenminister Johann Wadephul reiste am 3. März 2025 nach Berlin.",
        "Außenminister  Johann Wadephul reiste am 3. März 2025 nach Berlin.",
        [("Außenminister Johann Wadephul", "Außenminister  Johann Wadephul", MIN_DE),
         ("3. März 2025", "3. März 2025", DATE_DE)],
    ),
    "de-tab-and-no-break-space": (
        "Am 3. März 2025 sagte Außenminister Johann Wadephul, das Bundesministerium der Verteidigung sei beteiligt.",
        "Am 3.\u00a0März 2025 sagte Außenminister\tJohann\u00a0Wadephul, das Bundesministerium der\u00a0"
        "Verteidigung sei beteiligt.",
        [("3. März 2025", "3.\u00a0März 2025", DATE_DE),
         ("Außenminister Johann Wadephul", "Außenminister\tJohann\u00a0Wadephul", MIN_DE),
         ("Bundesministerium der Verteidigung", "Bundesministerium der\u00a0Verteidigung", BMVG)],
    ),
    "de-line-break": (
        WRAP_DE + "Am 3. März 2025 sprach in Berlin zum Abschluss seiner Reise Außenminister Johann Wadephul über "
        "die Zusammenarbeit mit dem Bundesministerium der Verteidigung und den Partnern.",
        WRAP_DE + "Am 3. März 2025 sprach in Berlin zum Abschluss seiner Reise Außenminister\n"
        "Johann Wadephul über die Zusammenarbeit mit dem Bundesministerium der\n"
        "Verteidigung und den Partnern.",
        [("3. März 2025", "3. März 2025", DATE_DE),
         ("Außenminister Johann Wadephul", "Außenminister\nJohann Wadephul", MIN_DE),
         ("Bundesministerium der Verteidigung", "Bundesministerium der\nVerteidigung", BMVG)],
    ),
    "de-soft-hyphen-zero-width": (
        "Am 3. März 2025 sagte Außenminister Johann Wadephul, das Bundesministerium der Verteidigung sei beteiligt.",
        "Am 3. März 2025 sagte Außen\u00administer Johann Wade\u200bphul, das Bundes\u00adminis\u00adterium "
        "der Verteidigung sei beteiligt.",
        [("3. März 2025", "3. März 2025", DATE_DE),
         ("Außenminister Johann Wadephul", "Außen\u00administer Johann Wade\u200bphul", MIN_DE),
         ("Bundesministerium der Verteidigung", "Bundes\u00adminis\u00adterium der Verteidigung", BMVG)],
    ),
    "de-pdf-hyphenation": (
        WRAP_DE + "Am 3. März 2025 reisten Vertreter des Bundesministeriums der Verteidigung mit Außenminister "
        "Johann Wadephul nach Berlin.",
        WRAP_DE + "Am 3. März 2025 reisten Vertreter des Bundesminis-\nteriums der Verteidigung mit Außen-\n"
        "minister Johann Wadephul nach Berlin.",
        [("3. März 2025", "3. März 2025", DATE_DE),
         ("Bundesministeriums der Verteidigung", "Bundesminis-\nteriums der Verteidigung", BMVG),
         ("Außenminister Johann Wadephul", "Außen-\nminister Johann Wadephul", MIN_DE)],
    ),
    "de-html": (
        "Außenminister Johann Wadephul traf am 3. März 2025 in Berlin ein.",
        "<p><b>Au&szlig;enminister</b> Johann&nbsp;Wadephul traf am 3.&nbsp;M&auml;rz 2025 in Berlin ein.</p>",
        [("Außenminister Johann Wadephul", "Au&szlig;enminister</b> Johann&nbsp;Wadephul", MIN_DE),
         ("3. März 2025", "3.&nbsp;M&auml;rz 2025", DATE_DE)],
    ),
    "de-nfd": (
        "Am 3. März 2025 sagte Außenminister Johann Wadephul in Berlin, man arbeite eng zusammen.",
        "Am 3. Ma\u0308rz 2025 sagte Außenminister Johann Wadephul in Berlin, man arbeite eng zusammen.",
        [("3. März 2025", "3. Ma\u0308rz 2025", DATE_DE),
         ("Außenminister Johann Wadephul", "Außenminister Johann Wadephul", MIN_DE)],
    ),
    "de-all-caps-headline": (
        "Außenminister Wadephul empfängt japanischen Amtskollegen\n\nBerlin, 3. März 2025.",
        "AUSSENMINISTER WADEPHUL EMPFÄNGT JAPANISCHEN AMTSKOLLEGEN\n\nBerlin, 3. März 2025.",
        [("Außenminister Wadephul", "AUSSENMINISTER WADEPHUL", MIN_DE_SHORT),
         ("3. März 2025", "3. März 2025", DATE_DE)],
    ),
    "de-spaces-inside-a-ministry-name": (
        "Am 3. März 2025 sagte ein Sprecher des Bundesministeriums der Verteidigung, man sei bereit.",
        "Am 3. März 2025 sagte ein Sprecher des Bundesministeriums  der\tVerteidigung, man sei bereit.",
        [("3. März 2025", "3. März 2025", DATE_DE),
         ("Bundesministeriums der Verteidigung", "Bundesministeriums  der\tVerteidigung", BMVG)],
    ),
    "de-nfd-name": (
        "Am 3. März 2025 sagte Finanzminister Jörg Kukies in Berlin, der Haushalt sei solide.",
        "Am 3. Ma\u0308rz 2025 sagte Finanzminister Jo\u0308rg Kukies in Berlin, der Haushalt sei solide.",
        [("3. März 2025", "3. Ma\u0308rz 2025", DATE_DE),
         ("Finanzminister Jörg Kukies", "Finanzminister Jo\u0308rg Kukies",
          {"type": "MINISTER", "family_name": "Kukies", "given_name": "Jörg", "country": "DE",
           "portfolio": "finance"})],
        "2025-03-03",
    ),
    "en-spaces-inside-a-ministry-name": (
        "On 3 March 2025 a spokesperson for the Ministry of Foreign Affairs of Japan said the talks went well.",
        "On 3 March 2025 a spokesperson for the Ministry\tof\u00a0Foreign  Affairs of Japan said the talks went "
        "well.",
        [("3 March 2025", "3 March 2025", DATE_DE),
         ("Ministry of Foreign Affairs of Japan", "Ministry\tof\u00a0Foreign  Affairs of Japan", MOFA)],
    ),
    "en-double-space-and-tab": (
        "On 3 March 2025 Foreign Minister Toshimitsu Motegi said the Ministry of Foreign Affairs of Japan agreed.",
        "On 3 March 2025 Foreign  Minister\tToshimitsu  Motegi said the Ministry of  Foreign Affairs of Japan "
        "agreed.",
        [("3 March 2025", "3 March 2025", DATE_DE),
         ("Foreign Minister Toshimitsu Motegi", "Foreign  Minister\tToshimitsu  Motegi", MIN_EN),
         ("Ministry of Foreign Affairs of Japan", "Ministry of  Foreign Affairs of Japan", MOFA)],
    ),
    "en-line-break-and-no-break-space": (
        WRAP_EN + "On 3 March 2025 officials in Tokyo said that the Ministry of Foreign Affairs of Japan had "
        "asked the delegation to meet Foreign Minister Toshimitsu Motegi at the ministry.",
        WRAP_EN + "On 3\u00a0March 2025 officials in Tokyo said that the Ministry of Foreign\n"
        "Affairs of Japan had asked the delegation to meet Foreign Minister\n"
        "Toshimitsu\u202fMotegi at the ministry.",
        [("3 March 2025", "3\u00a0March 2025", DATE_DE),
         ("Ministry of Foreign Affairs of Japan", "Ministry of Foreign\nAffairs of Japan", MOFA),
         ("Foreign Minister Toshimitsu Motegi", "Foreign Minister\nToshimitsu\u202fMotegi", MIN_EN)],
    ),
    "en-soft-hyphen-pdf-hyphenation": (
        WRAP_EN + "On 3 March 2025 the Ministry of Foreign Affairs of Japan said that Foreign Minister "
        "Toshimitsu Motegi would travel.",
        WRAP_EN + "On 3 March 2025 the Minis-\ntry of Foreign Af\u00adfairs of Japan said that Foreign Minis\u200bter "
        "Toshimitsu Motegi would travel.",
        [("3 March 2025", "3 March 2025", DATE_DE),
         ("Ministry of Foreign Affairs of Japan", "Minis-\ntry of Foreign Af\u00adfairs of Japan", MOFA),
         ("Foreign Minister Toshimitsu Motegi", "Foreign Minis\u200bter Toshimitsu Motegi", MIN_EN)],
    ),
    "en-html": (
        "On 3 March 2025 Foreign Minister Toshimitsu Motegi of Japan met the press.",
        "<div>On 3&nbsp;March 2025 <b>Foreign Minister</b> Toshimitsu&#160;Motegi of Japan met the press.</div>",
        [("3 March 2025", "3&nbsp;March 2025", DATE_DE),
         ("Foreign Minister Toshimitsu Motegi", "Foreign Minister</b> Toshimitsu&#160;Motegi", MIN_EN)],
    ),
    "en-all-caps-headline": (
        "Ministry of Foreign Affairs of Japan Welcomes Visit\n\nTokyo, 3 March 2025.",
        "MINISTRY OF FOREIGN AFFAIRS OF JAPAN WELCOMES VISIT\n\nTokyo, 3 March 2025.",
        [("Ministry of Foreign Affairs of Japan", "MINISTRY OF FOREIGN AFFAIRS OF JAPAN", MOFA),
         ("3 March 2025", "3 March 2025", DATE_DE)],
    ),
    "en-nfd-name": (
        "On 3 March 2025 Foreign Minister Jean-Noël Barrot of France met Foreign Minister Toshimitsu Motegi of Japan.",
        "On 3 March 2025 Foreign Minister Jean-Noe\u0308l Barrot of France met Foreign Minister "
        "Toshimitsu Motegi of Japan.",
        [("3 March 2025", "3 March 2025", DATE_DE),
         ("Foreign Minister Jean-Noël Barrot", "Foreign Minister Jean-Noe\u0308l Barrot",
          {"type": "MINISTER", "family_name": "Barrot", "given_name": "Jean-Noël", "country": "FR",
           "portfolio": "foreign"}),
         ("Foreign Minister Toshimitsu Motegi", "Foreign Minister Toshimitsu Motegi", MIN_EN)],
    ),
}


def _attributes(entity) -> dict:
    out = entity.to_dict()
    for key in ("text", "start", "end"):
        out.pop(key)
    return out


def _check_expected(doc, expected, which: int) -> None:
    found = {(e.type, e.text): e for e in doc.entities}
    for item in expected:
        text, attrs = item[which], item[2]
        assert (attrs["type"], text) in found, (text, [e.text for e in doc.entities])
        entity = found[attrs["type"], text]
        for key, value in attrs.items():
            assert getattr(entity, key) == value, (text, key)


@pytest.mark.parametrize("name", sorted(CASES))
def test_noisy_text_gives_the_entities_of_the_clean_text(name: str) -> None:
    clean, noisy, expected, *ref = CASES[name]
    clean_doc = extract(clean, reference_date=ref[0] if ref else REF)
    noisy_doc = extract(noisy, reference_date=ref[0] if ref else REF)
    assert noisy_doc.text == noisy
    for e in noisy_doc.entities:
        assert noisy[e.start : e.end] == e.text
    _check_expected(clean_doc, [(c, n, a) for c, n, a in expected], 0)
    _check_expected(noisy_doc, [(n, c, a) for c, n, a in expected], 0)
    assert [_attributes(e) for e in noisy_doc.entities] == [_attributes(e) for e in clean_doc.entities]


def test_the_cli_reads_html_with_html_and_plain_text_with_no_html(tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    text = "<x-title>Pressemitteilung</x-title> Au&szlig;enminister Johann Wadephul sprach am 3. März 2025."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": text, "published": REF}) + "\n", encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    found = {}
    for flag in ("--html", "--no-html"):
        out = subprocess.run([sys.executable, "-m", "bilatextract", "extract", str(source), flag],
                             capture_output=True, text=True, env=env, check=True, cwd=tmp_path)
        found[flag] = {e["text"]: e for e in json.loads(out.stdout)["entities"]}
    # As HTML, the unknown tag is dropped and the reference decoded; the entity text is the input's.
    minister = found["--html"]["Au&szlig;enminister Johann Wadephul"]
    assert text[minister["start"] : minister["end"]] == minister["text"]
    assert minister["family_name"] == "Wadephul" and minister["portfolio"] == "foreign"
    # As plain text, "&szlig;" stays as written: no Außenminister there.
    assert "Au&szlig;enminister Johann Wadephul" not in found["--no-html"]


_GAPS = [" ", "  ", "\t", "\u00a0", "\u202f", " \u200b", "\u2009"]


def _noisy_gaps(clean: str, gaps: list[str]) -> str:
    words = clean.split(" ")
    return words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))


def test_random_whitespace_noise_between_words_changes_nothing_but_offsets() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    clean = "Am 3. März 2025 sagte Außenminister Johann Wadephul, das Bundesministerium der Verteidigung sei beteiligt."
    reference = extract(clean, reference_date=REF)
    expected = [_attributes(e) for e in reference.entities]
    assert {e.type for e in reference.entities} == {"DATE", "MINISTER", "MINISTRY"}
    gaps = clean.count(" ")

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.sampled_from(_GAPS), min_size=gaps, max_size=gaps))
    def check(chosen: list[str]) -> None:
        noisy = _noisy_gaps(clean, chosen)
        doc = extract(noisy, reference_date=REF)
        assert [_attributes(e) for e in doc.entities] == expected
        for e in doc.entities:
            assert noisy[e.start : e.end] == e.text
            assert not e.text[:1].isspace() and not e.text[-1:].isspace()
        assert all(0 <= s.start <= s.end <= len(noisy) for s in doc.segments)
        assert [s.start for s in doc.segments] == sorted(s.start for s in doc.segments)

    check()
