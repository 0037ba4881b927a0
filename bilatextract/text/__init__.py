"""The normalised text view: what the pipelines read, with a map back to the caller's text.

``normalise(text)`` runs once per document before routing; :func:`recase` after routing.
The stages, in order (each documented in its module, the whole in ``docs/text-view.md``):

1. HTML (:mod:`.html`): character references decoded; tags dropped, block tags read as
   breaks, when the input is HTML-like or ``html=True``.
2. Characters (:mod:`.chars`): NFC, invisible characters dropped, … read as "...".
3. Line-break hyphenation undone (:mod:`.hyphenation`).
4. Whitespace runs read as one space, line break or paragraph break (:mod:`.lines`).
5. Typographic variants read as plain forms, one for one (:mod:`.chars`).
"""

from __future__ import annotations

import re

from .casing import recase
from .chars import char_edits, plain_forms
from .html import looks_like_html, reference_edits, tag_edits
from .hyphenation import hyphen_edits
from .lines import whitespace_edits
from .view import View, apply_edits, merge_edits

__all__ = ["View", "normalise", "recase", "looks_like_html"]

#: Whatever a stage may change: invisible characters, "…", combining marks, typographic variants;
#: whitespace other than single spaces and paragraph breaks "\n\n" (a single line break is read
#: by the line rule); with HTML read, "&" and "<". A text without any is its own view.
_NOISE_CHARS = (
    "\u00ad\u200b-\u200d\u2060\ufeff\u2026\u2010-\u2014\u2018-\u201f\u2032\u2033"
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
#: (A leading character class, whatever else follows, so that the search skips to candidates:
#: only whether there is a match counts.)
_NOISE_SPACE = "(?<=[^\\S \n])|(?<= )(?=\\s)|(?<=\n)(?: |(?<!\n\n)(?!\n)|\n\n)"
_NOISE_PLAIN = re.compile(f"[\\s{_NOISE_CHARS}](?:(?<=[{_NOISE_CHARS}])|{_NOISE_SPACE})")
_NOISE = re.compile(f"[\\s&<{_NOISE_CHARS}](?:(?<=[&<{_NOISE_CHARS}])|{_NOISE_SPACE})")


def normalise(text: str, html: bool | None = None) -> View:
    """The normalised view of ``text``.

    ``html``: True reads ``text`` as HTML (tags dropped, references decoded), False as plain
    text (nothing of HTML touched), None (the default) drops tags only from HTML-like text
    and decodes character references ("&auml;", "&nbsp;") everywhere.
    """
    view = View(text, text)
    if (_NOISE_PLAIN if html is False else _NOISE).search(text) is None:
        return view
    if html is not False:
        tags = tag_edits(text) if html or looks_like_html(text) else []
        view = apply_edits(view, merge_edits(tags, reference_edits(text)))
    view = apply_edits(view, merge_edits(char_edits(view.text)))
    view = apply_edits(view, hyphen_edits(view.text))
    view = apply_edits(view, whitespace_edits(view.text))
    plain = plain_forms(view.text)
    return view if plain == view.text else view.with_text(plain)
