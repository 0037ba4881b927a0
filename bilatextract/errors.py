"""The exceptions bilatextract raises: all derive from :class:`BilatextractError`."""

from __future__ import annotations


class BilatextractError(Exception):
    """Base of every error raised by bilatextract."""


class InputTypeError(BilatextractError, TypeError):
    """The text given is not a ``str`` (``None``, ``bytes``, a number, ...)."""


class InvalidArgumentError(BilatextractError, ValueError):
    """An argument has a value bilatextract cannot use (a bad ``lang`` or ``reference_date``)."""


class UnsupportedLanguageError(InvalidArgumentError):
    """A language was forced, or a component built, for a language without models."""


class ResourceError(BilatextractError):
    """A data file under ``models/`` is missing or malformed."""


class ExtractionError(BilatextractError):
    """Extraction failed on one document; ``doc_id`` names it."""

    def __init__(self, message: str, *, doc_id: str | None = None) -> None:
        super().__init__(message if doc_id is None else f"document {doc_id!r}: {message}")
        self.doc_id = doc_id


class WorkerError(BilatextractError):
    """A worker process of ``pipe(n_process=...)`` ended before returning its documents (killed
    by a signal or by the out-of-memory killer): the documents of its chunk are not lost
    silently, the run stops with this error."""


class InputFormatError(BilatextractError, ValueError):
    """A line of a JSONL input cannot be read as a document."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class OutputError(BilatextractError):
    """The output file cannot be written where asked (a directory, an input, no permission, ...)."""

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
