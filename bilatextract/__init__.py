"""bilatextract: ministries, ministers, dates and agreement names from German and English
government and diplomatic texts, as typed, normalised objects.

>>> import bilatextract
>>> doc = bilatextract.extract("Am 14. Oktober 2025 traf Außenminister Wadephul ...")  # doctest: +SKIP
"""

from .errors import (
    BilatextractError,
    ExtractionError,
    InputFormatError,
    InputTypeError,
    InvalidArgumentError,
    OutputError,
    ResourceError,
    UnsupportedLanguageError,
    WorkerError,
)
from .extractor import Extractor, extract
from .types import (
    Agreement,
    DateMention,
    Document,
    Entity,
    KnownMinistry,
    Minister,
    Ministry,
    ReferenceDate,
    Segment,
)

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "BilatextractError",
    "DateMention",
    "Document",
    "Entity",
    "ExtractionError",
    "Extractor",
    "InputFormatError",
    "InputTypeError",
    "InvalidArgumentError",
    "KnownMinistry",
    "Minister",
    "Ministry",
    "OutputError",
    "ReferenceDate",
    "ResourceError",
    "Segment",
    "UnsupportedLanguageError",
    "WorkerError",
    "__version__",
    "extract",
]
