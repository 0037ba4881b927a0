"""The ``bilat_ministries`` component: MINISTRY mentions (placeholder until its extractor lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..resources import check_language
from .base import set_spans


class MinistriesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        set_spans(doc, "MINISTRY", [])
        return doc


@Language.factory("bilat_ministries")
def make_ministries(nlp: Language, name: str) -> MinistriesComponent:
    return MinistriesComponent(nlp, name)
