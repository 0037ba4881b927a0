"""The lookup lemmatiser's table, loaded fast.

spaCy's ``Table`` hashes every key into the string store's 64-bit ids and fills a Bloom
filter as it loads; for German's 355,000 forms that costs about a second of cold start,
while the lemmatiser only ever asks ``table.get(token.text, token.text)``. This table keeps
spaCy's data (from spacy-lookups-data, the same file spaCy reads) in a plain ``{form: lemma}``
dict, so loading it is just reading the JSON (~0.2 s), and lookups by string are one dict
lookup. It stays a ``spacy.lookups.Table``: hashed keys, ``to_bytes``/``from_bytes`` and
``nlp.to_disk`` work as before (the hashes are computed only when asked for).
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id
from spacy.util import load_language_data, registry

#: The table the lookup lemmatiser reads.
LEMMA_LOOKUP = "lemma_lookup"
_MISSING = object()


class LemmaTable(Table):
    """A ``spacy.lookups.Table`` over a plain ``{form: lemma}`` dict, keyed by the strings themselves.

    Entries added by hash (``from_bytes``, integer keys) live in the ordinary Table part and
    are consulted after the strings.
    """

    def __init__(self, name: str | None = None, forms: dict[str, Any] | None = None) -> None:
        OrderedDict.__init__(self)
        self.name = name
        self.default_size = 1e6
        # Shared with the per-process cache of the file until the first write (copy on write).
        self.forms: dict[str, Any] = forms if forms is not None else {}
        self._owns_forms = forms is None
        self._by_hash: dict[int, Any] | None = None
        from preshed.bloom import BloomFilter

        # The Bloom filter only guards the (usually empty) hashed part.
        self.bloom = BloomFilter.from_error_rate(1000)

    def _hashed(self) -> dict[int, Any]:
        """All entries by hash, built on first use (serialisation, integer keys)."""
        if self._by_hash is None:
            self._by_hash = {get_string_id(k): v for k, v in self.forms.items()}
            self._by_hash.update(OrderedDict.items(self))
        return self._by_hash

    def __setitem__(self, key: str | int, value: Any) -> None:
        if isinstance(key, str):
            if not self._owns_forms:
                self.forms, self._owns_forms = dict(self.forms), True
            self.forms[key] = value
        else:
            Table.__setitem__(self, key, value)
        self._by_hash = None

    def get(self, key: str | int, default: Any = None) -> Any:
        if isinstance(key, str):
            value = self.forms.get(key, _MISSING)
            if value is not _MISSING:
                return value
        if not isinstance(key, str) and self.forms:
            return self._hashed().get(key, default)
        return Table.get(self, key, default) if OrderedDict.__len__(self) else default

    def __getitem__(self, key: str | int) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str | int):
            return False
        return self.get(key, _MISSING) is not _MISSING

    def __len__(self) -> int:
        return len(self.forms) + OrderedDict.__len__(self)

    def __iter__(self) -> Iterator[int]:
        return iter(self._hashed())

    def keys(self) -> Any:  # type: ignore[override]
        return self._hashed().keys()

    def values(self) -> Any:  # type: ignore[override]
        return self._hashed().values() if OrderedDict.__len__(self) else self.forms.values()

    def items(self) -> Any:  # type: ignore[override]
        return self._hashed().items()

    def to_bytes(self) -> bytes:
        """spaCy's own serialisation of the table (hashed keys and Bloom filter)."""
        return Table(name=self.name, data=dict(self.items())).to_bytes()

    def from_bytes(self, bytes_data: bytes) -> LemmaTable:
        self.forms, self._owns_forms = {}, True
        self._by_hash = None
        Table.from_bytes(self, bytes_data)
        return self


@functools.cache
def _forms(lang: str) -> dict[str, Any]:
    """spacy-lookups-data's lemma table of ``lang`` as read from its JSON file, once per process."""
    if lang not in registry.lookups:
        return {}
    data = registry.lookups.get(lang)
    if LEMMA_LOOKUP not in data:
        return {}
    loaded = load_language_data(data[LEMMA_LOOKUP])
    return loaded if isinstance(loaded, dict) else {}


@registry.misc("bilatextract.lemma_lookups.v1")
def lemma_lookups(lang: str) -> Lookups:
    """The lookups of the lookup-mode lemmatiser for ``lang``, with a fast :class:`LemmaTable`."""
    lookups = Lookups()
    lookups.set_table(LEMMA_LOOKUP, LemmaTable(LEMMA_LOOKUP, _forms(lang)))
    return lookups
