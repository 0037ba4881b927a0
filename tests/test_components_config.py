"""Every component is configured like spaCy's own: ``spans_key`` in its factory's config says
which span group it writes (and reads, where it reads another component's spans)."""

from __future__ import annotations

import spacy

import bilatextract.components  # noqa: F401  (registers the factories)

TEXT = ("Am 3. März 2025 empfing Außenminister Johann Wadephul im Auswärtigen Amt seinen Kollegen; "
        "sie sprachen über das Wirtschaftspartnerschaftsabkommen.")


def test_all_four_components_write_the_configured_span_group_only() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    for name in ("bilat_ministries", "bilat_ministers", "bilat_dates", "bilat_agreements"):
        nlp.add_pipe(name, config={"spans_key": "mine"})
    nlp.initialize()
    doc = nlp(TEXT)
    assert "bilat" not in doc.spans
    found = {(s.label_, s.text) for s in doc.spans["mine"]}
    assert found == {
        ("DATE", "3. März 2025"),
        ("MINISTER", "Außenminister Johann Wadephul"),
        ("MINISTRY", "Auswärtigen Amt"),
        ("AGREEMENT", "Wirtschaftspartnerschaftsabkommen"),
    }
    assert nlp.get_pipe_config("bilat_dates")["spans_key"] == "mine"


def test_the_default_span_group_is_bilat() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("bilat_dates")
    doc = nlp("The talks were held on 3 March 2025 in Tokyo.")
    assert [s.text for s in doc.spans["bilat"]] == ["3 March 2025"]
