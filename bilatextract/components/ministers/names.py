"""Personal-name conventions for the ministers component, read from ``models/common/names.toml``.

Which names are written family name first ("Wang Yi", "Lee Chang-yang", "Nguyen Chi Dung"), told
from data: lists of family names per tradition and the shapes of given names (romanised
syllables, hyphenated Korean given names, short Vietnamese name words).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...resources import cached, has_file, load_toml
from .model import name_key

#: A word compared ignoring case and accents ("Ngọc" = "ngoc"): the name key (a dict memo, no LRU node per word).
plain_key = name_key


@dataclass(frozen=True)
class NameConventions:
    """Family-name-first traditions: their family names and the shape of their given names."""

    chinese: frozenset[str]
    korean: frozenset[str]
    vietnamese: frozenset[str]
    syllables: re.Pattern[str] | None
    short_word: int
    patronymics: frozenset[str] = frozenset()

    def names_alone(self, given: str) -> bool:
        """Whether a given name with a patronymic ("Abdullah bin Zayed") names its person alone."""
        words = given.split()
        return len(words) >= 3 and any(w in self.patronymics for w in words[1:-1])

    @functools.cached_property
    def family_names(self) -> frozenset[str]:
        return self.chinese | self.korean | self.vietnamese

    @functools.cached_property
    def korean_or_chinese(self) -> frozenset[str]:
        return self.korean | self.chinese

    def family_first(self, words: Sequence[str]) -> bool:
        """Whether a name of several words (none in capitals, no particles) is written family name
        first: its first word is a family name of a tradition that writes it first, and the
        words after it have the shape of that tradition's given names."""
        if len(words) < 2 or "-" in words[0]:
            return False
        first = plain_key(words[0])
        if first not in self.family_names:  # every tradition below starts with one of its family names
            return False
        rest = [plain_key(w) for w in words[1:]]
        if first in self.chinese and self.syllables is not None and len(rest) <= 2 \
                and all(self.syllables.fullmatch(w) for w in rest):
            return True
        if first in self.korean_or_chinese and len(rest) == 1 and "-" in rest[0] \
                and all(0 < len(part) <= self.short_word for part in rest[0].split("-")):
            return True
        return first in self.family_names and len(rest) >= 2 \
            and all(len(w) <= self.short_word and w.isalpha() for w in rest)


@cached
def name_conventions() -> NameConventions:
    """The conventions of ``models/common/names.toml`` (none where the file is missing)."""
    data = load_toml("common", "names.toml") if has_file("common", "names.toml") else {}
    ff = data.get("family_first", {})

    def keys(name: str) -> frozenset[str]:
        return frozenset(plain_key(w) for w in ff.get(name, []))

    onsets = sorted(ff.get("onsets", []), key=len, reverse=True)
    rimes = sorted(ff.get("rimes", []), key=len, reverse=True)
    syllables = None
    if rimes:
        onset = f"(?:{'|'.join(map(re.escape, onsets))})?" if onsets else ""
        syllable = f"{onset}(?:{'|'.join(map(re.escape, rimes))})"
        syllables = re.compile(f"(?:{syllable}){{1,2}}")
    return NameConventions(keys("chinese"), keys("korean"), keys("vietnamese"), syllables,
                           int(ff.get("short_word", 5)), frozenset(data.get("patronymics", {}).get("words", [])))
