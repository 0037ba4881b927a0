"""Showing the entities of a document highlighted, with displaCy (in Jupyter or as an HTML page).

>>> from bilatextract.render import render, save_html
>>> doc = bilatextract.extract("Am 14. Oktober 2025 traf Außenminister Heiko Maas ...")  # doctest: +SKIP
>>> render(doc)                     # doctest: +SKIP  (in Jupyter: displayed in the cell)
>>> save_html(doc, "entities.html")  # doctest: +SKIP  (a standalone page)

Each entity is underlined in its type's colour and labelled with its type and normalised
attributes ("MINISTER · Maas · DE · foreign", "DATE · 2025-10-14"). displaCy's span style is
used because entities of different types may overlap (a minister's title can contain the
ministry).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy import displacy
from spacy.tokens import Doc

from .types import Agreement, DateMention, Document, Entity, Minister, Ministry

#: One colour per entity type; every label of a type gets its type's colour.
COLORS = {"MINISTRY": "#7aecec", "MINISTER": "#feca74", "DATE": "#bfe1d9", "AGREEMENT": "#c887fb"}


def entity_label(entity: Entity) -> str:
    """The label shown over an entity: its type and its normalised attributes."""
    parts: list[str | None] = [entity.type]
    if isinstance(entity, Ministry):
        parts += [entity.country, entity.portfolio, entity.ministry]
    elif isinstance(entity, Minister):
        parts += [entity.family_name, entity.given_name, entity.country, entity.portfolio]
    elif isinstance(entity, DateMention):
        parts += [entity.value or "unresolved", entity.granularity]
    elif isinstance(entity, Agreement):
        parts += [entity.abbreviation, entity.name if entity.name != entity.text else None]
    return " · ".join(p for p in parts if p)


def _tokens(text: str, cuts: set[int]) -> tuple[list[str], dict[int, int]]:
    """The text cut at whitespace and at every entity boundary; and character -> token index."""
    tokens: list[str] = []
    index_at: dict[int, int] = {}
    start = None
    for i, ch in enumerate(text + " "):
        if start is not None and (ch.isspace() or i in cuts):
            index_at[start] = len(tokens)
            tokens.append(text[start:i])
            start = None
        if start is None and not ch.isspace() and i < len(text):
            start = i
    index_at[len(text)] = len(tokens)
    return tokens, index_at


def _as_document(doc: Document | Doc) -> tuple[str, list[Entity], str | None]:
    if isinstance(doc, Document):
        return doc.text, list(doc.entities), doc.id
    if isinstance(doc, Doc):
        from .components.base import register_extensions

        register_extensions()
        return doc.text, list(doc._.bilat), None
    raise TypeError(f"render expects a bilatextract Document or a spaCy Doc, not {type(doc).__name__}")


def to_displacy(doc: Document | Doc) -> dict[str, Any]:
    """displaCy's manual "span" input for one document: tokens, labelled spans, title."""
    text, entities, title = _as_document(doc)
    cuts = {e.start for e in entities} | {e.end for e in entities}
    tokens, index_at = _tokens(text, cuts)

    def token_index(offset: int) -> int:
        # An offset inside whitespace belongs to the next token.
        while offset not in index_at:
            offset += 1
        return index_at[offset]

    spans = [
        {"start_token": token_index(e.start), "end_token": token_index(e.end),
         "label": html.escape(entity_label(e))}
        for e in entities
    ]
    return {"text": text, "tokens": tokens, "spans": spans, "title": html.escape(title) if title else None}


def _options(parsed: list[dict[str, Any]]) -> dict[str, Any]:
    colors = {}
    for item in parsed:
        for span in item["spans"]:
            colors[span["label"]] = COLORS[span["label"].split(" · ")[0]]
    return {"colors": colors}


def render(
    docs: Document | Doc | Iterable[Document | Doc],
    *,
    page: bool = False,
    jupyter: bool | None = None,
) -> str | None:
    """Render the entities of one or more documents (bilatextract Documents or spaCy Docs).

    In Jupyter (detected, or ``jupyter=True``) the result is displayed in the cell and
    None returned; elsewhere the HTML markup is returned. ``page=True`` makes it a
    complete HTML page.
    """
    items = [docs] if isinstance(docs, (Document, Doc)) else list(docs)
    parsed = [to_displacy(d) for d in items]
    markup = displacy.render(parsed, style="span", manual=True, page=page, jupyter=jupyter,
                             options=_options(parsed))
    if page and isinstance(markup, str) and "<meta charset" not in markup:
        # displaCy's page has no charset: a browser opening the file might not read it as UTF-8.
        markup = markup.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
    return markup


def save_html(docs: Document | Doc | Iterable[Document | Doc], path: str | Path) -> Path:
    """Write a standalone HTML page showing the entities of ``docs``; returns the path."""
    markup = render(docs, page=True, jupyter=False)
    assert markup is not None
    path = Path(path)
    path.write_text(markup, encoding="utf-8")
    return path
