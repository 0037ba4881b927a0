"""spaCy's tokenizer, with its word cache filled chunk by chunk.

spaCy's ``Tokenizer`` caches the tokens of each whitespace-free chunk, but stops caching
for the rest of a document as soon as one special case (an exception such as "Dr." or
"z.B.") has applied anywhere in it: a flag meant for the chunk is kept for the whole text
(spaCy issue #1250). Press releases have such abbreviations near the top, so nearly every
chunk went through the prefix, suffix and infix searches again on every document: ten
times the cost of a cached chunk.

:class:`CachingTokenizer` first tokenises the chunks it has not seen before, plain words
first, which puts them in spaCy's cache exactly as spaCy would have (a chunk that holds a
special case itself is still not cached). The tokens are the same: spaCy tokenises chunks independently,
and the cache is keyed on the chunk alone.
"""

from __future__ import annotations

from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


class CachingTokenizer(Tokenizer):
    """``spacy.tokenizer.Tokenizer`` that gets its cache hits; same tokens, same settings,
    same serialisation."""

    def __call__(self, string: str) -> Doc:
        self.warm(string)
        return super().__call__(string)

    def warm(self, string: str) -> None:
        """Put the chunks of ``string`` that this tokenizer has not tokenised on their own
        yet into spaCy's cache."""
        if self.vocab.in_memory_zone:
            return  # spaCy caches nothing inside a memory zone
        seen = self._warmed
        chunks = string.split()
        if seen.issuperset(chunks) or len(seen) >= self.max_cache_size:
            return  # nothing new, or spaCy's cache takes no more entries
        new = set(chunks)
        new.difference_update(seen)
        seen.update(new)
        # All new chunks in one call (one Doc, not one per chunk), plain words first: spaCy
        # stops caching after the first special case of a call, and special cases are listed
        # words ("cannot") or hold punctuation ("z.B.", "don't", ":)").
        # (Set operations, not a sort key per chunk: this runs on every new word.)
        special = new.intersection(self.rules or ())
        new.difference_update(special)
        words = set(filter(str.isalpha, new))
        new.difference_update(words)
        super().__call__(" ".join(words) + " " + " ".join(new) + " " + " ".join(special))

    def __setattr__(self, name: str, value: Any) -> None:
        # Every setting (prefix_search, rules, ...) empties spaCy's cache: start again.
        self.__dict__.pop("_warmed_chunks", None)
        super().__setattr__(name, value)

    def add_special_case(self, string: str, substrings: Any) -> None:
        self.__dict__.pop("_warmed_chunks", None)  # spaCy empties its cache here too
        super().add_special_case(string, substrings)

    @property
    def _warmed(self) -> set[str]:
        # Not set in __init__: spaCy rebuilds tokenizers through __reduce__ and from_bytes.
        try:
            return self.__dict__["_warmed_chunks"]
        except KeyError:
            return self.__dict__.setdefault("_warmed_chunks", set())
