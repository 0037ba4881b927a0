"""HTML leftovers: character references decoded, tags dropped, block tags read as breaks.

``html.unescape`` decodes each reference on its own, so every decoded character keeps the
offsets of its reference. Tags are dropped only from HTML-like input (a known HTML tag, a
comment or a doctype), or where the caller says the input is HTML.
"""

from __future__ import annotations

import html as _html
import re

from .view import Edit

# HTML vocabulary (element names), not words of a language.
_ELEMENTS = (
    "a|abbr|address|article|aside|b|big|blockquote|body|br|caption|center|cite|code|dd|div|dl|dt|em|"
    "figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|img|li|link|main|meta|nav|ol|p|"
    "pre|s|section|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul"
)
_HTML_LIKE = re.compile(rf"<(?:/?(?:{_ELEMENTS})\b[^<>]*>|!--|!doctype\b)", re.IGNORECASE)
_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!doctype[^>]*>|</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Elements read as a paragraph break, and as a line break; any other tag is dropped.
_PARAGRAPH = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol table section article header footer blockquote title dl pre hr "
    "nav main aside figure figcaption caption body html head form address center".split()
)
_LINE = frozenset("br li tr dt dd".split())
_CELL = frozenset("td th".split())


def looks_like_html(text: str) -> bool:
    """Whether ``text`` contains an HTML tag, comment or doctype."""
    return "<" in text and _HTML_LIKE.search(text) is not None


def reference_edits(text: str) -> list[Edit]:
    """Each character reference (``&auml;``, ``&#228;``, ``&nbsp;``) and what it stands for."""
    if "&" not in text:
        return []
    edits = []
    for m in _REFERENCE.finditer(text):
        decoded = _html.unescape(m.group())
        if decoded != m.group():
            edits.append((m.start(), m.end(), decoded))
    return edits


def tag_edits(text: str) -> list[Edit]:
    """Each tag, comment and script or style element: dropped, or a break for block elements."""
    if "<" not in text:
        return []
    edits = []
    for m in _TAG.finditer(text):
        name = (m.group(2) or "").lower()
        if name in _PARAGRAPH:
            repl = "\n\n"
        elif name in _LINE:
            repl = "\n"
        elif name in _CELL:
            repl = " "
        else:
            repl = ""
        edits.append((m.start(), m.end(), repl))
    return edits
