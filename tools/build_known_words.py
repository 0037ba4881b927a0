"""Build the known lower-case word forms of the text view, ``models/<lang>/known-words.{gz,index}``.

Usage: ``python tools/build_known_words.py [LANG ...]`` (default: de en)

The text view asks one question of a language's vocabulary: is this lower-cased word a known
word form? (ALL-CAPS recasing lower-cases known forms; line-break hyphenation joins known
words.) Its source is the lemma table of spacy-lookups-data (MIT licence), a 12 MB JSON for
German. This script keeps only what that question can ever be answered yes for: the keys and
lemmas of ``<lang>_lemma_lookup`` that are their own lower-case form and consist of word
characters (``\\w+``); a look-up of anything else was always no.

The words are sorted and cut into blocks of :data:`BLOCK_WORDS`; each block is one member of
a multi-member gzip file (``zcat known-words.gz`` prints the whole list), front-coded: each
line is the number of characters shared with the line before, a tab, and the rest of the
word. ``known-words.index`` gives the byte offset and first word of every block, so a look-up
reads one block (``bilatextract.text.known_words``). No timestamp: the same table gives the
same bytes.
"""

from __future__ import annotations

import gzip
import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK_WORDS = 1024
_WORD = re.compile(r"\w+")


def known_forms(table: dict[str, object]) -> list[str]:
    """The sorted keys and lemmas of a lemma table that a lower-cased word can equal."""
    strings = set(table) | {str(v) for v in table.values()}
    return sorted(s for s in strings if s == s.lower() and _WORD.fullmatch(s))


def front_coded(words: list[str]) -> str:
    lines = []
    previous = ""
    for word in words:
        shared = 0
        limit = min(len(word), len(previous))
        while shared < limit and word[shared] == previous[shared]:
            shared += 1
        lines.append(f"{shared}\t{word[shared:]}")
        previous = word
    return "\n".join(lines) + "\n"


def build(lang: str) -> None:
    from spacy.util import load_language_data, registry

    source = registry.lookups.get(lang)["lemma_lookup"]
    words = known_forms(load_language_data(source))
    data = bytearray()
    index = [
        f"# Known lower-case word forms of {lang!r} for the text view: the keys and lemmas of",
        f"# spacy-lookups-data {version('spacy-lookups-data')} ({lang}_lemma_lookup, MIT licence) that are their own",
        "# lower-case form. Built by tools/build_known_words.py; do not edit.",
        f"# words {len(words)}",
        "# byte offset of each block of known-words.gz, and its first word",
    ]
    for i in range(0, len(words), BLOCK_WORDS):
        block = words[i : i + BLOCK_WORDS]
        index.append(f"{len(data)}\t{block[0]}")
        data += gzip.compress(front_coded(block).encode("utf-8"), compresslevel=9, mtime=0)
    folder = ROOT / "models" / lang
    (folder / "known-words.gz").write_bytes(bytes(data))
    (folder / "known-words.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"{lang}: {len(words)} words, {len(data)} bytes in {len(index) - 5} blocks")


def main(argv: list[str]) -> None:
    for lang in argv or ["de", "en"]:
        build(lang)


if __name__ == "__main__":
    main(sys.argv[1:])
