"""The typed view of a spaCy Doc: what ``doc._.bilat`` returns.

A user's own pipeline (``nlp.add_pipe("bilat_ministries")`` ...) gets labelled spans in
``doc.spans["bilat"]`` with their attributes as plain data on ``span._.bilat_attrs``; this
module turns them into the same typed objects :func:`bilatextract.extract` returns.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import sources
from .extractor import check_reference_date
from .results import date_values, raw_mentions, reference_for, to_entity
from .types import Entity


def typed_entities_of(doc: Doc) -> list[Entity]:
    """The typed entities of ``doc``, sorted by offset, with relative dates anchored.

    The anchor is ``doc._.bilat_reference_date`` (an ISO date string or a date) where set,
    else the document's own dateline; without either, relative dates keep ``value=None``.
    """
    # The knowledge base of the components that read the document (a loaded pipeline's own).
    with sources.using(sources.by_key(doc.user_data.get(sources.DOC_KEY))):
        return _typed(doc)


def _typed(doc: Doc) -> list[Entity]:
    mentions = raw_mentions(doc)
    given = check_reference_date(doc._.get("bilat_reference_date"))
    text = doc.text  # joined from every token on each access: once here, not per mention
    reference = reference_for(text, mentions, given, doc._.get("bilat_mode"))
    values = date_values(text, mentions, reference)
    entities = (to_entity(text, m, reference.date, values[i]) if m[0] == "DATE" else
                to_entity(text, m, reference.date) for i, m in enumerate(mentions))
    return sorted(entities, key=lambda e: (e.start, e.end, e.type))
