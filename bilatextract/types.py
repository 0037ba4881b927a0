"""The result types: plain, immutable, JSON-ready.

Every entity carries its surface ``text`` and character offsets into the
whole input (``text[start:end] == entity.text``), plus the normalised
attributes of its type as defined in the annotation guide.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import operator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

ReferenceSource = Literal["argument", "dateline", "none"]


@dataclass(frozen=True, slots=True)
class Entity:
    """Base of the four entity types: a span of the input text."""

    type: ClassVar[str] = ""
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The entity as a JSON-ready dict, with the field names of the annotation guide."""
        out: dict[str, Any] = {"type": self.type}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, KnownMinistry):
                value = value.id
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class KnownMinistry:
    """A ministry of the knowledge base (``models/common/ministries.toml``)."""

    id: str
    name: str
    country: str
    portfolio: str


@dataclass(frozen=True, slots=True)
class Ministry(Entity):
    """A named national government ministry ("Auswärtiges Amt", "METI")."""

    type: ClassVar[str] = "MINISTRY"
    country: str | None = None
    portfolio: str | None = None
    ministry: KnownMinistry | None = None
    #: The knowledge-base id ("JP-MOFA"), else a key of country and portfolio ("PK-foreign");
    #: the same ministry has the same id across documents and languages.
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Minister(Entity):
    """A named member of a national cabinet, with an adjacent title if there is one."""

    type: ClassVar[str] = "MINISTER"
    family_name: str | None = None
    given_name: str | None = None
    country: str | None = None
    portfolio: str | None = None
    ministry: KnownMinistry | None = None
    #: The person across documents and languages: an office-holder id of the knowledge base
    #: (models/common/officeholders) where known, else "<country>:<family name>" ("DE:wadephul").
    person: str | None = None
    #: Where ``country`` came from: "mention" (the mention's own words), "officeholder" (who held
    #: the office at the time), "document" (another mention of the person), "context" (the side the
    #: text is written from, or a country named beside the person), None where there is no country.
    country_source: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention(Entity):
    """A calendar date expression with its TIMEX3 value (None where unresolvable)."""

    type: ClassVar[str] = "DATE"
    value: str | None = None
    granularity: str | None = None


@dataclass(frozen=True, slots=True)
class Agreement(Entity):
    """The name of a formal agreement; an abbreviation and its full form refer to each other."""

    type: ClassVar[str] = "AGREEMENT"
    name: str | None = None
    abbreviation: str | None = None
    #: the treaty knowledge base's id (models/common/agreements.toml), else "name:" and a stable
    #: key of the normalised name: the German name, English name and abbreviation share it
    id: str | None = None
    #: canonical names by language ("de", "en") where the knowledge base knows the agreement
    canonical: dict[str, str] | None = field(default=None, hash=False)
    #: the parties (ISO 3166-1 alpha-2 codes, organisations such as EU, or names as written)
    parties: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.parties, list):  # from JSON or the span attributes
            object.__setattr__(self, "parties", tuple(self.parties))


ENTITY_TYPES: dict[str, type[Entity]] = {
    cls.type: cls for cls in (Ministry, Minister, DateMention, Agreement)
}


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The anchor used for relative dates, and where it came from."""

    date: dt.date | None
    source: ReferenceSource = "none"
    #: The document type its dates were resolved as: "news" or "narrative" (story time); not in
    #: the JSON output, whose schema is fixed.
    mode: Literal["news", "narrative"] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat() if self.date else None, "source": self.source}


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the input routed to one language's pipeline."""

    lang: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """The result of extraction over one input text."""

    text: str
    language: str | None
    supported: bool
    reference_date: ReferenceDate = field(default_factory=lambda: ReferenceDate(None))
    entities: tuple[Entity, ...] = ()
    segments: tuple[Segment, ...] = ()
    id: str | None = None
    error: str | None = None

    @property
    def ministries(self) -> list[Ministry]:
        return [e for e in self.entities if isinstance(e, Ministry)]

    @property
    def ministers(self) -> list[Minister]:
        return [e for e in self.entities if isinstance(e, Minister)]

    @property
    def dates(self) -> list[DateMention]:
        return [e for e in self.entities if isinstance(e, DateMention)]

    @property
    def agreements(self) -> list[Agreement]:
        return [e for e in self.entities if isinstance(e, Agreement)]

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSONL output line of the CLI, as a dict (see ``bilatextract schema``)."""
        out: dict[str, Any] = {
            "id": self.id,
            "language": self.language,
            "supported": self.supported,
            "reference_date": self.reference_date.to_dict(),
            "segments": [dataclasses.asdict(s) for s in self.segments],
            "entities": [e.to_dict() for e in self.entities],
        }
        if self.error is not None:
            out["error"] = self.error
        if include_text:
            out["text"] = self.text
        return out

    def to_frame(self) -> Any:
        """The entities as a pandas DataFrame, one row per entity (see :func:`bilatextract.frame.to_frame`)."""
        from .frame import to_frame

        return to_frame(self)

    def to_json(self, **kwargs: Any) -> str:
        """One JSON line; keyword arguments go to :meth:`to_dict`."""
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False)


def _reduce_by_fields(cls: type) -> None:
    """Pickle instances of ``cls`` as a constructor call with its field values.

    Results travel pickled from ``n_process`` workers; dataclasses' own way for frozen,
    slotted classes sets each field through ``__setstate__`` and takes twice as long.
    """
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return type(self), values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]


for _cls in (KnownMinistry, Ministry, Minister, DateMention, Agreement, ReferenceDate, Segment, Document):
    _reduce_by_fields(_cls)
