"""Compatibility only: ``bilat_sentencizer`` is spaCy's own ``Sentencizer`` now.

bilatextract's pipelines use spaCy's ``sentencizer``. This name stays resolvable because
pipelines saved by bilatextract 0.1 name it, and because installs made from 0.1 still list it
as a ``spacy_factories`` entry point (spaCy imports every listed entry point when it builds
any pipeline); it can go once no such install or saved pipeline is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.pipeline.senter import senter_score


def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None = None, overwrite: bool = False,
                     scorer: Callable[..., Any] | None = None) -> Sentencizer:
    return Sentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer or senter_score)


Language.factory("bilat_sentencizer", default_config={"punct_chars": None, "overwrite": False,
                                                      "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
                 func=make_sentencizer)
