"""Known lower-case word forms of a language, read from ``models/<lang>/known-words.{gz,index}``.

The files are derived from spacy-lookups-data's lemma table by ``tools/build_known_words.py``
(its docstring gives the format): a sorted word list in front-coded blocks, each block one
gzip member, and an index of each block's byte offset and first word. A look-up reads the
index once per process (a few kilobytes) and decompresses the one block the word would be
in (a few hundred bytes), kept for later look-ups: nothing else of the list is read.
"""

from __future__ import annotations

import bisect
import functools
import zlib
from pathlib import Path

from .. import resources

DATA_FILE = "known-words.gz"
INDEX_FILE = "known-words.index"


@functools.cache
def _index(lang: str) -> tuple[tuple[str, ...], tuple[int, ...], Path] | None:
    """The first words and byte offsets of ``lang``'s blocks, and the data file (None without one)."""
    if not (resources.has_file(lang, INDEX_FILE) and resources.has_file(lang, DATA_FILE)):
        return None
    firsts: list[str] = []
    offsets: list[int] = []
    folder = resources.models_dir() / lang
    for line in (folder / INDEX_FILE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            offset, first = line.split("\t", 1)
            offsets.append(int(offset))
            firsts.append(first)
    return tuple(firsts), tuple(offsets), folder / DATA_FILE


@functools.cache
def _data(path: Path) -> bytes:
    return path.read_bytes()


@functools.lru_cache(maxsize=128)
def _block(lang: str, number: int) -> frozenset[str]:
    """The words of block ``number`` of ``lang``."""
    found = _index(lang)
    assert found is not None
    _, offsets, path = found
    data = _data(path)
    end = offsets[number + 1] if number + 1 < len(offsets) else len(data)
    text = zlib.decompress(data[offsets[number] : end], wbits=31).decode("utf-8")
    words = []
    previous = ""
    for line in text.splitlines():
        shared, rest = line.split("\t", 1)
        previous = previous[: int(shared)] + rest
        words.append(previous)
    return frozenset(words)


def has_list(lang: str) -> bool:
    """Whether ``lang`` has a list of known word forms under ``models/``."""
    return _index(lang) is not None


def is_known(lang: str, word: str) -> bool:
    """Whether ``word`` is in ``lang``'s list of known lower-case word forms (False without one)."""
    found = _index(lang)
    if found is None:
        return False
    firsts = found[0]
    number = bisect.bisect_right(firsts, word) - 1
    return number >= 0 and word in _block(lang, number)
