"""Prefixes several governments share ("Bundes-", "Federal") are weak evidence of a country.

Sentences composed for these tests, the expected annotation (ANNOTATION.md) written before running the
library on them: the mention's country words, then the office-holder knowledge, then the document's
own government decide; only where none says anything does the prefix fall back to its default.
"""

from __future__ import annotations

import pytest

from bilatextract import pipeline
from bilatextract.components.base import ATTRS, spans_of


def countries(text: str, lang: str, label: str) -> list[tuple[str, str | None]]:
    doc = pipeline.get(lang)(text)
    return [(span.text, (span._.get(ATTRS) or {}).get("country")) for span in spans_of(doc, label)]


@pytest.mark.parametrize(
    ("lang", "text", "label", "expected"),
    [
        # An Austrian office-holder under the title Germany uses too.
        ("de", "Am 3. Mai 2023 eröffnete Bundesminister Norbert Totschnig die Messe in Wels.", "MINISTER",
         [("Bundesminister Norbert Totschnig", "AT")]),
        # No other evidence: "Bundes-" stands for Germany.
        ("de", "Am 2. Mai 2024 stellte Bundesministerin Petra Kranich den Bericht vor.", "MINISTER",
         [("Bundesministerin Petra Kranich", "DE")]),
        ("de", "Am 2. Mai 2024 legte Bundesministerin für Finanzen Petra Kranich den Haushalt vor.", "MINISTER",
         [("Bundesministerin für Finanzen Petra Kranich", "DE")]),
        ("de", "Am 2. Mai 2024 legte das Bundesministerium für Bildung und Forschung den Bericht vor.", "MINISTRY",
         [("Bundesministerium für Bildung und Forschung", "DE")]),
        # A country word at the mention still decides.
        ("de", "Der österreichische Bundesminister Anton Kranz sprach am 2. Mai 2024 in Berlin.", "MINISTER",
         [("Bundesminister Anton Kranz", "AT")]),
        # A Nigerian release: the Federal Ministry of Finance of a government the text names, not Germany.
        ("en", "On 4 March 2024 the Federal Ministry of Finance said that Nigeria's Minister of Finance, "
               "Wale Edun, would meet investors in Lagos.", "MINISTRY",
         [("Federal Ministry of Finance", "NG")]),
        ("en", "On 4 March 2024 the Federal Ministry of Finance said that Nigeria's Minister of Finance, "
               "Wale Edun, would meet investors in Lagos.", "MINISTER",
         [("Minister of Finance, Wale Edun", "NG")]),
        # Germany named, no other government that says "Federal": Germany's ministry.
        ("en", "On 4 March 2024 the Federal Ministry of Finance in Berlin said Germany would cut its debt.",
         "MINISTRY", [("Federal Ministry of Finance", "DE")]),
    ],
)
def test_shared_prefix_country(lang: str, text: str, label: str, expected: list) -> None:
    assert countries(text, lang, label) == expected


def test_austrian_office_holders_carry_the_document() -> None:
    # Totschnig is a known Austrian minister; an unknown "Bundesministerin" beside him is Austrian too.
    text = ("Am 19. April 2023 antwortete Bundesminister Norbert Totschnig auf die Anfrage; "
            "Bundesministerin Erika Lindner ergänzte die Antwort.")
    assert countries(text, "de", "MINISTER") == [("Bundesminister Norbert Totschnig", "AT"),
                                                 ("Bundesministerin Erika Lindner", "AT")]


def test_a_distinctive_name_of_the_prefix_government_stays_its_own() -> None:
    # "Federal Foreign Office" is Germany's name alone; a release about Russia does not make it Russian,
    # while the generic "Federal Ministry of Finance" in a Nigerian text is Nigeria's.
    text = ("Federal Foreign Office\nPress release\n10.09.2022\nThe Foreign Minister condemned Russia's "
            "attacks; Russia must withdraw, Russian troops must leave, and Russia must be held to account.")
    assert countries(text, "en", "MINISTRY") == [("Federal Foreign Office", "DE")]
