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
from collections.abc import Callable, Mapping, Sequence
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
            out[f.name] = _jsonable(getattr(self, f.name))
        return out

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Entity:
        """The typed entity of one item of a document's ``entities`` (its ``type`` says which class).

        Every field of the class is read by its name; a field the item lacks takes its
        default, and keys that are not fields (from a newer version) are ignored.
        """
        label = data.get("type")
        if label not in ENTITY_TYPES:
            raise ValueError(f"an entity's 'type' must be one of {', '.join(ENTITY_TYPES)}, not {label!r}")
        return _from_fields(ENTITY_TYPES[label], data)


def _jsonable(value: Any) -> Any:
    """A field value as JSON: tuples as lists, dataclasses as dicts, everything else as it is."""
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _from_fields(cls: type[Any], data: Mapping[str, Any]) -> Any:
    """An instance of the dataclass ``cls`` from the same-named keys of ``data``; lists as tuples
    where the field is a tuple (JSON has no tuples), so that a round trip gives an equal object."""
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            value = data[f.name]
            if isinstance(value, list) and "tuple" in str(f.type):
                value = _as_tuple(value)
            kwargs[f.name] = value
    return cls(**kwargs)


def _as_tuple(value: Any) -> Any:
    return tuple(_as_tuple(v) for v in value) if isinstance(value, list) else value


@dataclass(frozen=True, slots=True)
class KnownMinistry:
    """A ministry of the knowledge base (``models/common/ministries.toml``).

    An entity's ``ministry`` field holds its ``id``; :func:`bilatextract.knowledge.ministry_by_id`
    gives the whole record.
    """

    id: str
    name: str
    country: str
    portfolio: str


@dataclass(frozen=True, slots=True)
class Ministry(Entity):
    """A named national government ministry ("Auswärtiges Amt", "METI").

    ``ministry`` is the knowledge-base id of the ministry named (``KnownMinistry.id``), the
    same value under the same name in JSON and in :func:`bilatextract.frame.to_frame`.
    """

    type: ClassVar[str] = "MINISTRY"
    country: str | None = None
    portfolio: str | None = None
    ministry: str | None = None
    #: The knowledge-base id ("JP-MOFA"), else a key of country and portfolio ("PK-foreign");
    #: the same ministry has the same id across documents and languages.
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Minister(Entity):
    """A named member of a national cabinet, with an adjacent title if there is one.

    ``ministry`` is the knowledge-base id of the minister's ministry, where it is known.
    """

    type: ClassVar[str] = "MINISTER"
    family_name: str | None = None
    given_name: str | None = None
    country: str | None = None
    portfolio: str | None = None
    ministry: str | None = None
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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReferenceDate:
        """The inverse of :meth:`to_dict`."""
        date = data.get("date")
        return cls(dt.date.fromisoformat(date) if date else None, data.get("source", "none"))


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

    def to_json(self, *, include_text: bool = False, **json_kwargs: Any) -> str:
        """The document as JSON text: by default the CLI's output line (one line, UTF-8 as is).

        Other keyword arguments go to :func:`json.dumps` (``indent=2``, ``sort_keys=True``,
        ``ensure_ascii=True``, ...), as with pandas' and spaCy's ``to_json``.
        """
        json_kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(include_text=include_text), **json_kwargs)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text: str | None = None) -> Document:
        """The document of one output line of ``bilatextract extract`` (or of :meth:`to_dict`).

        The line carries the text only with ``--include-text``; otherwise pass the input's
        ``text`` to get a document equal to the one extracted (without it, ``text`` is ``""``
        and each entity still has its own ``text`` and offsets).
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"Document.from_dict expects a mapping (one parsed JSON line), not {type(data).__name__}")
        return cls(
            text=data.get("text", text if text is not None else ""),
            language=data.get("language"),
            supported=bool(data.get("supported", False)),
            reference_date=ReferenceDate.from_dict(data.get("reference_date") or {}),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            segments=tuple(_from_fields(Segment, s) for s in data.get("segments", ())),
            id=data.get("id"),
            error=data.get("error"),
        )

    @classmethod
    def from_json(cls, line: str | bytes, *, text: str | None = None) -> Document:
        """The document of one JSON line of ``bilatextract extract``; see :meth:`from_dict`."""
        return cls.from_dict(json.loads(line), text=text)


def field_maker(cls: type[Any]) -> Callable[[Sequence[Any]], Any]:
    """A constructor of the frozen, slotted dataclass ``cls`` from all its field values in field
    order: the object ``cls(*values)`` gives (its ``__post_init__`` run), without the generated
    ``__init__``'s argument handling and ``object.__setattr__`` look-up per field (a third of
    the cost of typing a mention). Like ``dataclasses``' own ``__init__``, the function is
    written for the class: one slot assignment per field."""
    names = [f.name for f in dataclasses.fields(cls)]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls, "post_init": getattr(cls, "__post_init__", None)}
    lines = ["def make(values):", f"    if len(values) != {len(names)}:",
             f"        raise TypeError('{cls.__name__} has {len(names)} fields, not ' + str(len(values)))",
             "    obj = new(cls)"]
    for i, name in enumerate(names):
        scope[f"set{i}"] = getattr(cls, name).__set__  # the slot's own descriptor
        lines.append(f"    set{i}(obj, values[{i}])")
    if scope["post_init"] is not None:
        lines.append("    post_init(obj)")
    lines.append("    return obj")
    exec("\n".join(lines), scope)  # generated from the field names only
    return scope["make"]  # type: ignore[no-any-return]


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
