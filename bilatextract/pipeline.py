"""Building the per-language spaCy pipelines from ``models/``, once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from . import (
    components,  # noqa: F401  (registers the factories and extensions)
    lemma_table,  # noqa: F401  (registers bilatextract.lemma_lookups.v1)
)
from .resources import check_language

#: The components of a bilatextract pipeline, in the order they run: ministers come
#: after ministries because a title can name its ministry ("Minister of State at the
#: Federal Foreign Office").
COMPONENTS = ("bilat_ministries", "bilat_ministers", "bilat_dates", "bilat_agreements")


def build(lang: str) -> Language:
    """A new pipeline for ``lang``: blank language, lookup lemmatiser, sentences, extractors."""
    check_language(lang)
    nlp = spacy.blank(lang)
    # A year that ends a sentence ("aus dem Jahr 1861.") is a number and a full stop, not an
    # ordinal: split it so the date and the sentence boundary line up with tokens.
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9]{4})\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    # A range of ordinal days ("12./13. Juni", "4.-6. Mai") is two dates: split at the dash or slash.
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9]\.)[/\-–](?=[0-9])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # spaCy's own table loader hashes all 355k German forms (~1 s of cold start); ours reads
    # the same spacy-lookups-data file into a plain dict (see lemma_table).
    nlp.config["initialize"]["components"]["lemmatizer"] = {
        "lookups": {"@misc": "bilatextract.lemma_lookups.v1", "lang": lang}
    }
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


@functools.cache
def get(lang: str) -> Language:
    """The shared pipeline for ``lang``, built on first use and reused afterwards."""
    return build(lang)
