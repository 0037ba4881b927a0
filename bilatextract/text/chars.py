"""Characters: Unicode NFC, invisible characters dropped, typographic variants read as plain forms.

Plain forms for matching (documented in docs/text-view.md):

- one for one, so offsets do not move: “ ” „ ‟ ″ → ", the hyphens ‐ ‑ ‒ → -, ’ ‘ ‚ ‛ ′ → '
  where they are quotes, not apostrophes inside a word ("O’Connor" and "Japan’s" keep theirs:
  attributes are read from the view, and a name keeps its spelling),
  and – — → - only where they join two words or numbers ("Eritrea–Ethiopia", "8–9 July");
  a dash between spaces (" – ") stays a dash, so it never reads as a hyphen of a compound;
- … → "..." (three view characters over the one original character).
"""

from __future__ import annotations

import re
import unicodedata

from .view import Edit

#: Soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte order mark; a soft
#: hyphen at a line end takes the line break with it (the word goes on on the next line).
_INVISIBLE = re.compile(r"\u00ad[ \t]*(?:\r\n|[\n\r])[ \t]*|[\u00ad\u200b-\u200d\u2060\ufeff]+")
_ELLIPSIS = "\u2026"
#: A letter or digit followed by combining marks: composed by NFC where it can be.
_COMBINING = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL)
_PLAIN = {
    "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-",
}
#: Every plain-form replacement in one pattern: listed characters, quotes (not apostrophes
#: inside a word), dashes that join two words.
#: (One leading character class, the conditions behind it, so that the scan skips to candidates.)
_PLAIN_FORMS = re.compile(
    "[\u2010-\u2014\u2018-\u201f\u2032\u2033](?:(?<=[" + "".join(_PLAIN) + "])"
    "|(?<=[\u2018\u2019])(?:(?<!\\w.)|(?!\\w))|(?<=[\u2013\u2014])(?<=\\w.)(?=\\w))"
)
_PLAIN_CANDIDATES = re.compile("[\u2010-\u2014\u2018-\u201f\u2032\u2033]")
_QUOTES = "\u2018\u2019"
_SPECIAL = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\u2026]")


def char_edits(text: str) -> list[Edit]:
    """Invisible characters dropped, combining sequences composed (NFC), … read as "..."."""
    edits: list[Edit] = []
    if not text.isascii():
        if _SPECIAL.search(text):
            edits.extend((m.start(), m.end(), "") for m in _INVISIBLE.finditer(text))
            edits.extend((m.start(), m.end(), "...") for m in re.finditer(_ELLIPSIS, text))
        if not unicodedata.is_normalized("NFC", text):
            for m in _COMBINING.finditer(text):
                composed = unicodedata.normalize("NFC", m.group())
                if composed != m.group():
                    edits.append((m.start(), m.end(), composed))
    return edits


def plain_forms(text: str) -> str:
    """``text`` with typographic variants read as plain forms, one character for one."""
    if text.isascii() or not _PLAIN_CANDIDATES.search(text):
        return text
    return _PLAIN_FORMS.sub(_plain, text)


def _plain(m: re.Match[str]) -> str:
    char = m.group()
    if char in _QUOTES:
        return "'"
    return _PLAIN.get(char, "-")
