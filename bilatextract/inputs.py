"""Checks of what callers pass in: texts, reference dates, language codes, date modes.

A leaf module: every public entry point (``extract``, ``Extractor``, the CLI, the spaCy
extension) validates its arguments here, with messages that say what to pass instead.
"""

from __future__ import annotations

import datetime as dt
import re

from . import timex
from .errors import InputTypeError, InvalidArgumentError


def check_text(text: object, doc_id: str | None = None) -> str:
    if not isinstance(text, str):
        where = "" if doc_id is None else f" (document {doc_id!r})"
        if isinstance(text, bytes | bytearray):
            hint = " decode it first, e.g. data.decode('utf-8')"
        elif isinstance(text, list | tuple):
            hint = " for many texts use Extractor().pipe(texts)"
        else:
            hint = ""
        raise InputTypeError(
            f"text must be a str, not {type(text).__name__}{where};{hint or ' pass the text itself'}"
        )
    return text


def check_reference_date(value: object, field: str = "reference_date") -> dt.date | None:
    """A ``datetime.date``, a ``datetime`` or an ISO 8601 date string, as a date; or None.

    ``field`` names the value in the message: an input field like ``published`` is named as such.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        # A whole ISO date or date-time ("2025-10-15", "2025-10-15T09:30:00+02:00"), nothing less.
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    if field != "reference_date":
        raise InvalidArgumentError(f"{field!r} must be an ISO 8601 date like '2025-10-15', not {value!r}; "
                                   "correct it or leave the field out")
    raise InvalidArgumentError(
        f"reference_date must be a datetime.date or an ISO 8601 date string like '2025-10-15', "
        f"not {value!r}; pass None to use the document's dateline"
    )


_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def check_mode(value: object) -> str | None:
    """A date resolution mode: "news", "narrative" or None (decided per document)."""
    if value is None or value in timex.MODES:
        return value  # type: ignore[return-value]
    raise InvalidArgumentError(f"mode must be 'news', 'narrative' or None, not {value!r}")


def check_lang(value: object) -> str | None:
    """A language code to force (``"de"``); a code without models routes to an unsupported result."""
    if value is None:
        return None
    code = value.strip().lower() if isinstance(value, str) else None
    if code is None or not _LANG_CODE.match(code):
        raise InvalidArgumentError(
            f"lang must be an ISO 639-1 language code like 'de' or 'en', not {value!r}"
        )
    return code


_SURROGATE = re.compile("[\ud800-\udfff]")


def spacy_safe(text: str) -> str:
    """``text`` with lone surrogates (from broken JSON escapes) replaced by U+FFFD.

    spaCy hashes every token as UTF-8 and fails on them. One code point for one keeps
    every offset; entity texts are cut from the original text, so they stay as given.
    """
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)
