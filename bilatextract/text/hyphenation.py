"""Words broken by a hyphen at a line end ("Bundesminis-\\nterium", "US-\\nAußenminister").

The rule: the line break (and the spaces around it) is dropped. The hyphen is dropped too,
joining the word, when the part after the break starts in lower case and the joined word is
a known word form or ends in a known head (``models/<lang>/text.toml``, every language: the
view is made before routing). A capitalised part after the break ("US-\\nAußenminister",
"Baden-\\nWürttemberg") keeps the hyphen; a conjunction after it ("Außen-\\nund
Verteidigungsminister") shows a first conjunct: the hyphen stays and the break reads as a space.
"""

from __future__ import annotations

import re

from .. import resources
from . import lexicon
from .view import Edit

#: (The hyphen first, then a look back at the word character before it: a leading character class
#: lets the scan skip to candidates.)
_BREAK = re.compile(r"([-\u2010])(?<=\w.)[ \t]*(?:\r\n|[\n\r])[ \t]*(?=\w)")
_WORD_BEFORE = re.compile(r"\w+$")
_WORD_AFTER = re.compile(r"\w+")


def hyphen_edits(text: str) -> list[Edit]:
    """The edits that undo line-break hyphenation in ``text``."""
    if "\n" not in text and "\r" not in text:
        return []
    edits: list[Edit] = []
    for m in _BREAK.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 64), m.start())
        after = _WORD_AFTER.match(text, m.end())
        if before is None or after is None:
            continue
        tail = after.group()
        if tail.lower() in lexicon.hyphenation()[2]:
            edits.append((m.start(1) + 1, m.end(), " "))
        elif tail[0].islower() and not before.group().isdigit() and _known(before.group() + tail):
            edits.append((m.start(), m.end(), ""))
        else:
            edits.append((m.start(1) + 1, m.end(), ""))
    return edits


def _known(word: str) -> bool:
    """Whether ``word`` is a known word form or ends in a known head (with an ending)."""
    lowered = word.lower()
    heads, endings, _ = lexicon.hyphenation()
    for head in heads:
        at = lowered.rfind(head)
        if at >= 0 and lowered[at + len(head):] in endings:
            return True
    return any(lexicon.is_known_lowercase_form(lang, lowered) for lang in resources.languages())
