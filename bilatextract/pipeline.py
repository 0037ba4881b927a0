"""Building the per-language spaCy pipelines from ``models/``, once per process."""

from __future__ import annotations

import functools
import os
import re
import threading

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

#: Whitespace-free strings longer than this are kept as one token. spaCy's tokenizer strips
#: prefixes and suffixes one at a time, each time searching the whole rest of the string, which
#: is quadratic: 50,000 ")" in a row took minutes. No entity lives inside such a string.
LONG_TOKEN_CHARS = 200
#: A regex (not a function) so that ``Tokenizer.to_bytes``/``to_disk`` can save it as a pattern.
_LONG_TOKEN = re.compile(rf"(?s:.{{{LONG_TOKEN_CHARS + 1},}})")

_build_lock = threading.Lock()


def _fresh_lock() -> None:
    # A worker forked while another thread was building would wait on the lock forever.
    global _build_lock
    _build_lock = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock)


def build(lang: str) -> Language:
    """A new pipeline for ``lang``: blank language, lookup lemmatiser, sentences, extractors."""
    check_language(lang)
    nlp = spacy.blank(lang)
    if nlp.tokenizer.token_match is None:
        nlp.tokenizer.token_match = _LONG_TOKEN.match
    # A year that ends a sentence ("aus dem Jahr 1861.") is a number and a full stop, not an
    # ordinal: split it so the date and the sentence boundary line up with tokens.
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9]{4})\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    # A range of ordinal days ("12./13. Juni", "4.-6. Mai") is two dates: split at the dash or slash.
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9]\.)[/\-–](?=[0-9])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # spaCy's lookup lemmatiser, looking each distinct word up once (see components.lemmatizer).
    nlp.add_pipe("bilat_lookup_lemmatizer", name="lemmatizer", config={"mode": "lookup"})
    # spaCy's own table loader hashes all 355k German forms (~1 s of cold start); ours reads
    # the same spacy-lookups-data file into a plain dict (see lemma_table).
    nlp.config["initialize"]["components"]["lemmatizer"] = {
        "lookups": {"@misc": "bilatextract.lemma_lookups.v1", "lang": lang}
    }
    nlp.add_pipe("bilat_sentencizer", name="sentencizer")  # spaCy's rule, on arrays (components.sentences)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


@functools.cache
def get(lang: str) -> Language:
    """The shared pipeline for ``lang``, built on first use and reused afterwards."""
    # functools.cache does not lock: two threads asking at once would build two pipelines.
    with _build_lock:
        return _built(lang)


@functools.cache
def _built(lang: str) -> Language:
    return build(lang)
