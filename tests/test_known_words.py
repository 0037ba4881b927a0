"""The known word forms of the text view (``models/<lang>/known-words.*``) against their source,
the lemma tables of the installed spacy-lookups-data."""

from __future__ import annotations

import gzip
import re
from importlib.metadata import version

import pytest

from bilatextract.resources import models_dir
from bilatextract.text import known_words, normalise, recase
from bilatextract.types import Segment


def lemma_table(lang: str) -> dict[str, object]:
    from spacy.util import load_language_data, registry

    return load_language_data(registry.lookups.get(lang)["lemma_lookup"])


def recorded_version(lang: str) -> str:
    header = (models_dir() / lang / known_words.INDEX_FILE).read_text(encoding="utf-8")
    found = re.search(r"spacy-lookups-data (\S+)", header)
    assert found, "the index names the spacy-lookups-data version it was built from"
    return found.group(1)


def listed_words(lang: str) -> list[str]:
    """Every word of the list, decoded as ``zcat`` would print it (front-coded lines)."""
    text = gzip.decompress((models_dir() / lang / known_words.DATA_FILE).read_bytes()).decode("utf-8")
    words, previous = [], ""
    for line in text.splitlines():
        shared, rest = line.split("\t", 1)
        previous = previous[: int(shared)] + rest
        words.append(previous)
    return words


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_list_holds_exactly_the_lower_case_forms_of_the_lemma_table(lang: str) -> None:
    if recorded_version(lang) != version("spacy-lookups-data"):
        pytest.skip("built from another spacy-lookups-data: run tools/build_known_words.py")
    table = lemma_table(lang)
    expected = {s for s in set(table) | {str(v) for v in table.values()} if s == s.lower() and re.fullmatch(r"\w+", s)}
    words = listed_words(lang)
    assert words == sorted(expected)
    # Every word is found by a look-up, and words next to them that are no forms are not.
    for word in words[::53]:
        assert known_words.is_known(lang, word), word
        if word + "qx" not in expected:
            assert not known_words.is_known(lang, word + "qx"), word
    assert not known_words.is_known(lang, "")
    assert not known_words.is_known(lang, "\U0010ffff")


def test_a_language_without_a_list_knows_no_words() -> None:
    assert not known_words.has_list("xx")
    assert not known_words.is_known("xx", "und")


def test_the_view_reads_known_forms_from_the_list() -> None:
    # "unterzeichnet" (a participle) and "gemeinsame" (an adjective) are German forms: lower case;
    # "Erklärung" (a noun, capitalised in the table) and the names get an initial capital.
    text = "WADEPHUL UND MOTEGI UNTERZEICHNET GEMEINSAME ERKLÄRUNG"
    view = recase(normalise(text), [Segment("de", 0, len(text))])
    assert view.text == "Wadephul und Motegi unterzeichnet gemeinsame Erklärung"
    # Line-break hyphenation joins a known form of either language, and keeps the hyphen otherwise.
    assert normalise("die unter-\nzeichnete Erklärung").text == "die unterzeichnete Erklärung"
    assert normalise("the sign-\ning of").text == "the signing of"
    assert normalise("the Wqx-\nzyq of").text == "the Wqx-zyq of"
