"""The MINISTER spans a real pipeline writes, as rows the minister tests compare (shared by them)."""

from bilatextract import pipeline
from bilatextract.components.base import ATTRS, spans_of

Row = tuple[str, str | None, str | None, str | None]


def ministers(text: str, lang: str) -> list[Row]:
    """(span text, family name, country, portfolio) of every MINISTER the pipeline finds."""
    doc = pipeline.get(lang)(text)
    out = []
    for span in spans_of(doc, "MINISTER"):
        attrs = span._.get(ATTRS) or {}
        out.append((span.text, attrs.get("family_name"), attrs.get("country"), attrs.get("portfolio")))
    return out
