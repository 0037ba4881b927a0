"""The ``bilat_sentencizer`` component: spaCy's rule-based sentencizer, without a Token per word.

spaCy's ``Sentencizer.predict`` walks every token as a Python ``Token`` object. Its rule is:
a sentence starts at the first token and at the first token after a sentence-final character
that is neither punctuation nor such a character. That is computed here on the document's
arrays (one ``to_array``, a hash look-up and a sorted search), with the same result; the
annotation, configuration and serialisation are spaCy's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.pipeline.senter import senter_score
from spacy.strings import get_string_id
from spacy.tokens import Doc


class ArraySentencizer(Sentencizer):
    _punct_source: Any = None
    _punct_hashes: Any = None

    def _sentence_final(self) -> numpy.ndarray:
        """The sorted hashes of ``punct_chars``, recomputed when the set is replaced (``from_bytes``)."""
        if self._punct_source is not self.punct_chars:
            self._punct_hashes = numpy.unique(numpy.array([get_string_id(c) for c in self.punct_chars],
                                                          dtype=numpy.uint64))
            self._punct_source = self.punct_chars
        return self._punct_hashes

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        final = self._sentence_final()
        guesses = []
        for doc in docs:
            if not len(doc):
                guesses.append([])
                continue
            attrs = doc.to_array([ORTH, IS_PUNCT])
            starts = numpy.zeros(len(doc), dtype=bool)
            starts[0] = True
            if len(final):
                # Set membership of each token's hash by a sorted search in the few hashes of
                # ``punct_chars`` (numpy.isin sorts the document too; a Python set look-up per
                # token costs more than all the rest).
                orths = attrs[:, 0]
                is_final = final.take(final.searchsorted(orths), mode="clip") == orths
                finals = numpy.flatnonzero(is_final)
                if len(finals):
                    ordinary = numpy.flatnonzero(~(attrs[:, 1].astype(bool) | is_final))
                    after = ordinary.searchsorted(finals, side="right")
                    starts[ordinary[after[after < len(ordinary)]]] = True
            guesses.append(starts.tolist())
        return guesses


@Language.factory(
    "bilat_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool, scorer: Callable | None
) -> ArraySentencizer:
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer or senter_score)
