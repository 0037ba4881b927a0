"""Building the per-language spaCy pipelines from ``models/``, once per process."""

from __future__ import annotations

import functools
import gc
import os
import re
import threading
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from . import components  # noqa: F401  (registers the factories and extensions)
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
_LONG_TOKEN = rf"(?s:.{{{LONG_TOKEN_CHARS + 1},}})"
#: Global inline flags opening a pattern ("(?iu)"): they move to the compiled pattern's flags.
_LEADING_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")

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


def token_match(language_match: Callable[[str], object] | None) -> Callable[[str], object]:
    """The long-token guard around a language's own ``token_match`` (French, Hungarian, ...
    have one): one regex that takes a whitespace-free string longer than
    :data:`LONG_TOKEN_CHARS` whole, and otherwise matches what the language's pattern matches."""
    pattern = getattr(language_match, "__self__", None)
    if language_match is None:
        return re.compile(_LONG_TOKEN).match
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        guard = re.compile(_LONG_TOKEN).match

        def guarded(string: str) -> object:  # not a regex: guarded, but not saved with the tokenizer
            return guard(string) or language_match(string)

        return guarded
    own = _LEADING_FLAGS.sub("", pattern.pattern, count=1)
    return re.compile(f"{_LONG_TOKEN}|(?:{own})", pattern.flags).match


_call_locks: dict[str, threading.Lock] = {}
_call_locks_guard = threading.Lock()


def call_lock(lang: str) -> threading.Lock:
    """The lock that serialises calls to the shared pipeline of ``lang`` (spaCy does not promise
    that concurrent calls of one pipeline are safe)."""
    with _call_locks_guard:
        return _call_locks.setdefault(lang, threading.Lock())


def _fresh_lock() -> None:
    # A worker forked while another thread was building or calling would wait on the lock forever.
    global _build_lock, _call_locks_guard
    _build_lock = threading.Lock()
    _call_locks_guard = threading.Lock()
    _call_locks.clear()


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
            token_match=token_match(defaults.token_match),
            url_match=defaults.url_match,
        )

    return make


def build(lang: str) -> Language:
    """A new pipeline for ``lang``: blank language, spaCy's sentencizer, the extractors."""
    check_language(lang)
    # The sections before [nlp] come first, so that the config keeps spaCy's section order.
    nlp = spacy.blank(lang, config={"paths": {}, "system": {}, "nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}})
    nlp.config["nlp"]["tokenizer"] = dict(_SPACY_TOKENIZER)
    nlp.add_pipe("sentencizer")
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
    nlp = build(lang)
    # The pipeline and its knowledge live as long as the process: moved out of the garbage
    # collector's view, a full collection no longer walks their millions of objects (about
    # 0.1 s each time one runs). Objects are only exempt from cycle collection, not frozen.
    gc.freeze()
    return nlp
