"""The JSON Schema of bilatextract's JSONL output (one :meth:`Document.to_dict` a line).

``bilatextract schema`` prints it. The entity properties are generated from the result
dataclasses, so a field added there appears here; the value constraints (ISO country
codes, the portfolio values and TIMEX3 forms of the annotation guide) are stated below.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .knowledge import PORTFOLIOS
from .types import ENTITY_TYPES

SCHEMA_ID = "https://bilatextract.invalid/schema/document.json"

_NULLABLE_STRING = {"type": ["string", "null"]}

#: Constraints on attributes by field name; other attributes are a string or null.
_ATTRIBUTE_SCHEMAS: dict[str, dict[str, Any]] = {
    "country": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$",
                "description": "ISO 3166-1 alpha-2 code of the government."},
    "portfolio": {"enum": [*sorted(PORTFOLIOS), None],
                  "description": "The ministry's or minister's field (annotation guide, 'Portfolio values')."},
    "ministry": {"type": ["string", "null"],
                 "description": "Id of the ministry in the knowledge base (models/common/ministries.toml)."},
    "id": {"type": ["string", "null"],
           "description": "Identity across documents and languages: a ministry's knowledge-base id (else "
                          "COUNTRY-portfolio); an agreement's treaty id (models/common/agreements.toml), else "
                          "'name:' and a key of the normalised name."},
    "value": {"type": ["string", "null"],
              "pattern": r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|SP|SU|FA|WI))?$",
              "description": "TIMEX3 value (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-SP|SU|FA|WI); "
                             "null where unresolvable."},
    "family_name": {"type": ["string", "null"], "minLength": 1},
    "person": {"type": ["string", "null"], "minLength": 1,
               "description": "The minister across documents: an office-holder id, else COUNTRY:family-name."},
    "country_source": {"enum": ["mention", "officeholder", "document", "context", None],
                       "description": "Where the minister's country came from."},
    "canonical": {"type": ["object", "null"], "additionalProperties": {"type": "string"},
                  "description": "Canonical agreement names by language code, where known."},
    "parties": {"type": ["array", "null"], "items": {"type": "string"},
                "description": "Parties of an agreement: ISO 3166-1 alpha-2 codes, organisations, names."},
}


def _entity_schema(label: str) -> dict[str, Any]:
    cls = ENTITY_TYPES[label]
    properties: dict[str, Any] = {
        "type": {"const": label},
        "text": {"type": "string", "minLength": 1},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 1},
    }
    for f in dataclasses.fields(cls):
        if f.name not in properties:
            properties[f.name] = dict(_ATTRIBUTE_SCHEMAS.get(f.name, _NULLABLE_STRING))
    return {
        "title": label,
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def document_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output line, :meth:`Document.to_dict`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "bilatextract document",
        "description": "One line of `bilatextract extract` output: a document's entities, typed and normalised.",
        "type": "object",
        "properties": {
            "id": {"type": ["string", "null"], "description": "The input's id (a .txt file's name)."},
            "language": {"type": ["string", "null"], "description": "ISO 639-1 code of the detected language."},
            "supported": {"type": "boolean", "description": "False for languages without models."},
            "reference_date": {
                "type": "object",
                "description": "The anchor of relative dates and where it came from.",
                "properties": {
                    "date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "source": {"enum": ["argument", "dateline", "none"]},
                },
                "required": ["date", "source"],
                "additionalProperties": False,
            },
            "segments": {
                "type": "array",
                "description": "Stretches of the text routed to one language's pipeline.",
                "items": {
                    "type": "object",
                    "properties": {
                        "lang": {"type": "string"},
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 0},
                    },
                    "required": ["lang", "start", "end"],
                    "additionalProperties": False,
                },
            },
            "entities": {
                "type": "array",
                "description": "The entities, sorted by offset; offsets are Python str indices, end exclusive.",
                "items": {"oneOf": [{"$ref": f"#/$defs/{label}"} for label in ENTITY_TYPES]},
            },
            "error": {"type": "string", "description": "Why the document could not be processed."},
            "text": {"type": "string", "description": "The input text (with --include-text)."},
        },
        "required": ["id", "language", "supported", "reference_date", "segments", "entities"],
        "additionalProperties": False,
        "$defs": {label: _entity_schema(label) for label in ENTITY_TYPES},
    }


def schema_json(indent: int = 2) -> str:
    """The schema as JSON text."""
    return json.dumps(document_schema(), indent=indent, ensure_ascii=False)
