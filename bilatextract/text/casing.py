"""ALL-CAPS stretches ("AUSSENMINISTER WADEPHUL EMPFÄNGT ...") recased in the view, per language.

Headlines in capitals hide what the components read from case: which word is a name. After
routing, each stretch of two or more ALL-CAPS words is recased with the rules of its
segment's language (``[allcaps]`` of ``models/<lang>/text.toml``), one character for one, so
the offset map does not change and entity texts stay the caller's capitals:

- ``style = "lexicon"``: a word whose lower-case form is a known lower-case word (the listed
  function words, or a form of spacy-lookups-data's lemma table: verbs, adjectives) is
  lower-cased; any other word gets an initial capital ("Wadephul", never "Empfängt").
- ``style = "title"``: every word gets an initial capital except the listed function words.

The first word of a stretch that starts a line gets an initial capital in either style
("Eidgenössisches Departement ...": a headline starts with a capital), unless the line
before is in capitals too (a heading over two lines goes on).

A stretch needs two words of five letters or more, so lists of acronyms ("BMI, BMF, BMAS")
are no stretch. A single capitalised family name in mixed text ("MOTEGI Toshimitsu") is no
stretch; the last word of a stretch followed by a capitalised word is left alone for the
same reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon
from .view import View

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u1e9e"
_WORD = rf"[{_UP}](?:[{_UP}]|['\u2019\-](?=[{_UP}]))+"
_SEP = r"(?:[ \t]+|[ \t]*[,:;][ \t]*|[ \t]+[\u2013\u2014-][ \t]+)"
#: (The first letter, then a look back at the character before it: a leading character class lets
#: the scan skip to candidates.)
_STRETCH = re.compile(rf"[{_UP}](?<!\w.)(?:[{_UP}]|['\u2019\-](?=[{_UP}]))+(?:{_SEP}(?:{_WORD}))+(?!\w)")
_WORDS = re.compile(rf"{_WORD}")
_PARTS = re.compile(r"[^\W\d_]+")
_NAME_AFTER = re.compile(rf"{_SEP}[{_UP}][^\W\d_A-Z]")
_LONG = 5


def recase(view: View, segments: Iterable[object]) -> View:
    """``view`` with the ALL-CAPS stretches of each segment (``.lang``, ``.start``, ``.end``) recased."""
    text = view.text
    if _STRETCH.search(text) is None:
        return view
    chars: list[str] | None = None
    for seg in segments:
        lang, start, end = seg.lang, seg.start, seg.end  # type: ignore[attr-defined]
        for m in _STRETCH.finditer(text, start, end):
            if not m.group().isupper():
                continue
            words = list(_WORDS.finditer(text, m.start(), m.end()))
            if _NAME_AFTER.match(text, m.end()):
                words = words[:-1]
            if len(words) < 2 or sum(len(w.group()) >= _LONG for w in words) < 2:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
            # A line that continues a heading in capitals on the line before is no new start.
            headline = not text[line_start : m.start()].strip() and not (line_start and previous.isupper())
            for i, w in enumerate(words):
                new = _recase_word(w.group(), lang)
                if i == 0 and headline:
                    new = new[:1].upper() + new[1:]
                if new != w.group() and len(new) == len(w.group()):
                    if chars is None:
                        chars = list(text)
                    chars[w.start() : w.end()] = new
    return view if chars is None else view.with_text("".join(chars))


def _recase_word(word: str, lang: str) -> str:
    style = lexicon.section(lang, "allcaps").get("style")
    if style not in ("lexicon", "title"):
        return word
    parts = []
    last = 0
    for i, p in enumerate(_PARTS.finditer(word)):
        parts.append(word[last : p.start()])
        parts.append(_recase_part(p.group(), lang, style, first=i == 0))
        last = p.end()
    parts.append(word[last:])
    return "".join(parts)


def _recase_part(part: str, lang: str, style: str, *, first: bool) -> str:
    lowered = part.lower()
    if len(lowered) != len(part):
        return part
    if lowered in lexicon.lowercase_words(lang):
        return lowered
    if style == "lexicon" and lexicon.is_known_lowercase_form(lang, lowered):
        return lowered
    return part[0] + lowered[1:]
