"""Compatibility only: ``bilat_lookup_lemmatizer`` is spaCy's own ``Lemmatizer`` now.

bilatextract's pipelines have no lemmatiser (no component reads lemmas). This name stays
resolvable because pipelines saved by bilatextract 0.1 name it, and because installs made
from 0.1 still list it as a ``spacy_factories`` entry point (spaCy imports every listed entry
point when it builds any pipeline); it can go once no such install or saved pipeline is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Lemmatizer


def make_lookup_lemmatizer(nlp: Language, name: str, mode: str = "lookup", overwrite: bool = False,
                           scorer: Callable[..., Any] | None = None) -> Lemmatizer:
    return Lemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite, scorer=scorer)


Language.factory("bilat_lookup_lemmatizer", default_config={"mode": "lookup", "overwrite": False,
                                                            "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
                 func=make_lookup_lemmatizer)
