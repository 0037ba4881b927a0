"""The lookup lemmatiser's table, loaded fast.

spaCy's ``Table`` hashes every key into the string store's 64-bit ids and fills a Bloom
filter as it loads; for German's 355,000 forms that costs about a second of cold start,
while the lemmatiser only ever asks ``table.get(token.text, token.text)``. This table keeps
spaCy's data (from spacy-lookups-data, the same file spaCy reads) in a plain ``{form: lemma}``
dict, so loading it is just reading the JSON (~0.2 s), and lookups by string are one dict
lookup. It stays a ``spacy.lookups.Table``: hashed keys, ``to_bytes``/``from_bytes`` and
``nlp.to_disk`` work as before (the hashes are computed only when asked for).

Cold start: even reading the JSON costs ~0.2 s, most of it for forms the first documents never
ask for. So the forms are also kept, per language and per version of the data file, in a cache
file (``~/.cache/bilatextract``, or ``$BILATEXTRACT_CACHE_DIR``) cut into shards by the first
two characters of a form; a shard is unpacked the first time a form of it is looked up. The
cache is written on first use (a one-off ~0.5 s); where it cannot be written, the forms are
shared out in memory instead, as fast as before.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import tempfile
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
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

    def __init__(self, name: str | None = None, forms: Mapping[str, Any] | None = None) -> None:
        OrderedDict.__init__(self)
        self.name = name
        self.default_size = 1e6
        # Shared with the per-process cache of the file until the first write (copy on write).
        self.forms: Mapping[str, Any] = forms if forms is not None else {}
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
            self.forms[key] = value  # type: ignore[index]
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


class ShardedForms(Mapping[str, Any]):
    """A read-only ``{form: lemma}`` mapping whose shards (by a form's first two characters)
    are unpacked from marshal bytes on first use."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._shards: dict[str, dict[str, Any]] = {}
        self._all: dict[str, Any] | None = None

    def _shard(self, prefix: str) -> dict[str, Any]:
        shard = self._shards.get(prefix)
        if shard is None:
            blob = self._packed.get(prefix)
            shard = self._shards[prefix] = marshal.loads(blob) if blob is not None else {}
        return shard

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if not isinstance(key, str):
            return default
        shard = self._shards.get(key[:2])
        if shard is None:
            shard = self._shard(key[:2])
        return shard.get(key, default)

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING

    def _everything(self) -> dict[str, Any]:
        if self._all is None:
            merged: dict[str, Any] = {}
            for prefix in self._packed:
                merged.update(self._shard(prefix))
            self._all = merged
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._everything())

    def __len__(self) -> int:
        return len(self._everything())

    def values(self) -> Any:  # type: ignore[override]
        return self._everything().values()

    def items(self) -> Any:  # type: ignore[override]
        return self._everything().items()


def _source(lang: str) -> Path | None:
    """The spacy-lookups-data file of ``lang``'s lemma table (as ``load_language_data`` finds it)."""
    if lang not in registry.lookups:
        return None
    data = registry.lookups.get(lang)
    if LEMMA_LOOKUP not in data:
        return None
    path = Path(str(data[LEMMA_LOOKUP]))
    if not path.exists():
        path = path.with_suffix(path.suffix + ".gz")
    return path if path.exists() else None


def cache_dir() -> Path:
    """Where bilatextract keeps caches derived from its dependencies' data."""
    configured = os.environ.get("BILATEXTRACT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bilatextract"


def _pack(forms: dict[str, Any]) -> dict[str, bytes]:
    shards: dict[str, dict[str, Any]] = {}
    for form, lemma in forms.items():
        shards.setdefault(form[:2], {})[form] = lemma
    return {prefix: marshal.dumps(shard) for prefix, shard in shards.items()}


@functools.cache
def _forms(lang: str) -> Mapping[str, Any]:
    """spacy-lookups-data's lemma table of ``lang``, from the shard cache where it can be."""
    source = _source(lang)
    if source is None:
        return {}
    stat = source.stat()
    version = f"{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
    cached = cache_dir() / f"{LEMMA_LOOKUP}-{lang}-{stat.st_size}-{stat.st_mtime_ns}-py{version}.marshal"
    try:
        packed = marshal.loads(cached.read_bytes())
        if isinstance(packed, dict):
            return ShardedForms(packed)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    loaded = load_language_data(source.with_suffix("") if source.suffix == ".gz" else source)
    forms = loaded if isinstance(loaded, dict) else {}
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{cached.name}.", dir=cached.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(_pack(forms)))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: this process keeps the plain dict
    return forms


@registry.misc("bilatextract.lemma_lookups.v1")
def lemma_lookups(lang: str) -> Lookups:
    """The lookups of the lookup-mode lemmatiser for ``lang``, with a fast :class:`LemmaTable`."""
    lookups = Lookups()
    lookups.set_table(LEMMA_LOOKUP, LemmaTable(LEMMA_LOOKUP, _forms(lang)))
    return lookups
