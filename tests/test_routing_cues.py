"""The cue's word shapes (``[[patterns]]`` of ``models/<lang>/cues.toml``): what each says it
contains, and the bound on their score that routing trusts instead of scanning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from bilatextract.resources import load_toml
from bilatextract.routing import detect, route
from bilatextract.routing.cues import compile_cue, cues

LANGS = [cue.lang for cue in cues()]


def texts() -> list[str]:
    found = []
    for name in ("composed.jsonl", "composed-world.jsonl"):
        path = REPO / "tests" / "data" / name
        found += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


def pieces() -> list[str]:
    """Strings the shapes are made of, and a few that sit around them."""
    out = [" ", "\n", ".", ",", "1", "14", "2024", "'", "’", "a.m.", "p.m.", "ge", "en", "et", "t", "s", "ly", "ing"]
    for lang in LANGS:
        for spec in load_toml(lang, "cues.toml").get("patterns", ()):
            out += list(spec.get("contains", ()))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_shape_says_what_its_matches_contain(lang: str) -> None:
    specs = load_toml(lang, "cues.toml").get("patterns", ())
    assert all(spec.get("contains") for spec in specs), "a shape without `contains` is scanned on every text"
    assert all(s == s.lower() for spec in specs for s in spec["contains"]), "the shapes read lower-cased text"


@pytest.mark.parametrize("lang", LANGS)
def test_each_match_contains_one_of_its_strings_on_composed_texts(lang: str) -> None:
    data = load_toml(lang, "cues.toml")
    cue = compile_cue(lang, data)
    specs = data.get("patterns", ())
    assert cue.patterns is not None
    matched = 0
    for text in texts():
        lowered = text.lower()
        for m in cue.patterns.finditer(lowered):
            spec = specs[int(m.lastgroup[1:])]  # type: ignore[index]
            assert any(s in m.group() for s in spec["contains"]), (lang, spec["regex"], m.group())
            matched += 1
        assert cue.pattern_score(lowered) <= cue.pattern_bound(lowered)
    assert matched > 20


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(pieces()), max_size=30), st.sampled_from(LANGS))
def test_the_bound_is_never_below_the_score(parts: list[str], lang: str) -> None:
    cue = next(c for c in cues() if c.lang == lang)
    lowered = "".join(parts).lower()
    assert cue.pattern_score(lowered) <= cue.pattern_bound(lowered)


def test_a_shape_without_contains_has_no_bound_and_routing_still_answers(tmp_path: Path) -> None:
    data = {"words": ["und"], "patterns": [{"regex": "[äöü]", "weight": 1.0}]}
    cue = compile_cue("de", data)
    assert cue.pattern_bound("für") == float("inf") and cue.pattern_score("für") == 1.0
    # Whatever the bound says, the answers are those of the scanned shapes.
    assert detect("Die Ministerin reist nach Tokio und trifft dort ihren Amtskollegen.") == "de"
    assert route("Press release\nThe Foreign Minister met her counterpart in Berlin today.").language == "en"
