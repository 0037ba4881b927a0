"""Known lower-case word forms of a language, read from ``models/<lang>/known-words.{gz,index}``.

The files are derived from spacy-lookups-data's lemma table by ``tools/build_known_words.py``
(its docstring gives the format): a sorted word list in front-coded blocks, each block one
gzip member, and an index of each block's byte offset and first word. A look-up reads the
index once per process (a few kilobytes) and decompresses the one block the word would be
in (a few hundred bytes), kept for later look-ups, reading its lines in order only up to where
the word would be: nothing else of the list is read.
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
def _block(lang: str, number: int) -> list[str]:
    """The lines of block ``number`` of ``lang`` (front-coded: shared length, a tab, the rest)."""
    found = _index(lang)
    assert found is not None
    _, offsets, path = found
    data = _data(path)
    end = offsets[number + 1] if number + 1 < len(offsets) else len(data)
    return zlib.decompress(data[offsets[number] : end], wbits=31).decode("utf-8").splitlines()


def _in_block(lines: list[str], word: str) -> bool:
    """Whether the front-coded, sorted ``lines`` hold ``word``, read in order up to where it would
    be, without spelling out the words that cannot be it.

    ``matched`` is how many first characters the last word spelled out shares with ``word``
    (that word sorts before ``word``). A line sharing more than that with the word before it
    shares exactly ``matched`` with ``word`` and sorts before it too: skipped. Any other line
    is ``word[:shared]`` and its rest, compared with ``word`` from there.
    """
    matched = 0
    size = len(word)
    for line in lines:
        tab = line.index("\t")
        shared = int(line[:tab])
        if shared > matched:
            continue
        rest = line[tab + 1 :]
        tail = word[shared:]
        if rest == tail:
            return True
        if rest > tail:
            return False  # this word and every later one sort after ``word``
        # It sorts before ``word``: how far it agrees with it.
        k = 0
        limit = min(len(rest), size - shared)
        while k < limit and rest[k] == tail[k]:
            k += 1
        matched = shared + k
    return False


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
    return number >= 0 and _in_block(_block(lang, number), word)
