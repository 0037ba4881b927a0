"""Building the per-language spaCy pipelines from ``models/``, once per process."""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from . import (
    components,  # noqa: F401  (registers the factories and extensions)
    lemma_table,  # noqa: F401  (registers bilatextract.lemma_lookups.v1)
)
from ._gc import paused
from .resources import check_language
from .tokenizer import CachingTokenizer

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

#: A year that ends a sentence ("aus dem Jahr 1861.") is a number and a full stop, not an
#: ordinal: split it so the date and the sentence boundary line up with tokens.
_YEAR_FULL_STOP_SUFFIX = r"(?<=[0-9]{4})\."
#: A range of ordinal days ("12./13. Juni", "4.-6. Mai") is two dates: split at the dash or slash.
_DAY_RANGE_INFIX = r"(?<=[0-9]\.)[/\-–](?=[0-9])"
#: A range of numbers with a dash ("8–9 July", "1998–2000"), a label glued to its date ("Date:2022-11-07"):
#: split so that each date lines up with tokens.
_DATE_INFIXES = (_DAY_RANGE_INFIX, r"(?<=[0-9])[–—](?=[0-9])", r"(?<=[^\W\d_]):(?=[0-9])")
#: spaCy's default tokenizer function, which saved pipelines name (see :func:`_tokenizer`).
_SPACY_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
#: The registered name of the function that builds bilatextract's tokenizer.
_TOKENIZER = "bilatextract.tokenizer.v1"

_build_lock = threading.Lock()


def _fresh_lock() -> None:
    # A worker forked while another thread was building would wait on the lock forever.
    global _build_lock
    _build_lock = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock)


@spacy.registry.tokenizers(_TOKENIZER)
def _tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer (``spacy.Tokenizer.v1``) with bilatextract's long-token match,
    extra suffix and extra infix, built with them in one go.

    Setting them on a built tokenizer instead compiles spaCy's own suffix and infix patterns
    for nothing and reloads all special cases on every setting (a fifth of the pipeline build).
    The tokenizer saves these patterns with it, so a saved pipeline names spaCy's default
    function (see :func:`build`) and loads this same tokenizer without bilatextract.
    """

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes = defaults.prefixes
        return CachingTokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=spacy.util.compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=spacy.util.compile_suffix_regex([*defaults.suffixes, _YEAR_FULL_STOP_SUFFIX]).search,
            infix_finditer=spacy.util.compile_infix_regex([*defaults.infixes, *_DATE_INFIXES]).finditer,
            token_match=defaults.token_match if defaults.token_match is not None else _LONG_TOKEN.match,
            url_match=defaults.url_match,
        )

    return make


def build(lang: str) -> Language:
    """A new pipeline for ``lang``: blank language, lookup lemmatiser, sentences, extractors."""
    check_language(lang)
    # The sections before [nlp] come first, so that the config keeps spaCy's section order.
    nlp = spacy.blank(lang, config={"paths": {}, "system": {}, "nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})
    nlp.config["nlp"]["tokenizer"] = dict(_SPACY_TOKENIZER)
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
    with paused():  # a build allocates much and frees little (see _gc)
        return build(lang)
