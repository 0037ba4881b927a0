"""The ``bilat_lookup_lemmatizer`` component: spaCy's lookup lemmatiser, per distinct word.

spaCy's ``Lemmatizer`` in lookup mode creates a ``Token`` for every word and sets
``token.lemma_`` one at a time, which costs about half as much as tokenising. This subclass
gives the same lemmas (``table.get(text, text)`` of the same ``lemma_lookup`` table) but looks
each distinct word of a document up once and writes all lemmas in one ``Doc.from_array``.
It is a ``spacy.pipeline.Lemmatizer`` in every other respect (modes, tables, initialisation,
serialisation); in a mode other than lookup it is spaCy's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.errors import Errors
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from spacy.training import Example

from .._memo import Memo


class LookupLemmatizer(Lemmatizer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo = Memo(self._lemma_hash)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        # The signature is spaCy's: it validates [initialize] settings against it.
        self._memo.clear()
        super().initialize(get_examples, nlp=nlp, lookups=lookups)

    def from_bytes(self, *args: Any, **kwargs: Any) -> LookupLemmatizer:
        self._memo.clear()
        return super().from_bytes(*args, **kwargs)

    def from_disk(self, *args: Any, **kwargs: Any) -> LookupLemmatizer:
        self._memo.clear()
        return super().from_disk(*args, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "lookup":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        try:
            return self._lookup_all(doc)
        except Exception as e:
            self.get_error_handler()(self.name, self, [doc], e)
            return doc

    def _lookup_all(self, doc: Doc) -> Doc:
        if doc.vocab is not self.vocab:
            return super().__call__(doc)
        both = doc.to_array([ORTH, LEMMA])  # one call: each costs more than the look-ups
        orths = both[:, 0]
        todo = None if self.overwrite else both[:, 1] == 0
        if todo is not None:
            if not todo.any():
                return doc
            if todo.all():  # no preset lemmas (the usual case): every word is looked up
                todo = None
        wanted = (orths if todo is None else orths[todo]).tolist()
        # The look-ups run in C (map over the memo's own __getitem__), straight into the array.
        found = numpy.fromiter(map(self._memo.__getitem__, wanted), dtype=numpy.uint64, count=len(wanted))
        if todo is None:
            lemmas = found
        else:
            lemmas = both[:, 1].copy()
            lemmas[todo] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def _lemma_hash(self, orth: int) -> int:
        """The hash of the lemma of the word ``orth`` (remembered by ``self._memo``)."""
        strings = self.vocab.strings
        text = strings[orth]
        found = self.lookups.get_table("lemma_lookup", {}).get(text, text)
        lemma = found if isinstance(found, str) else found[0]
        if lemma == text:
            # The word's own string: in the store whenever a document has the word.
            lemma_hash = orth
        else:
            # A lemma of the table, kept in the string store for good (not as a transient string
            # of ``nlp.memory_zone``): the remembered hash must name its string in later documents.
            # These are bounded by the table; unknown words, names and numbers take the branch above.
            lemma_hash = strings.add(lemma, allow_transient=False)
        return lemma_hash


@Language.factory(
    "bilat_lookup_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "lookup", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_lookup_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any
) -> LookupLemmatizer:
    return LookupLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
