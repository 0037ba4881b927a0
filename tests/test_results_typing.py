"""Typing mentions: the fast constructors give the objects the dataclasses give, and the ministry
ids looked up once per document are those looked up per mention."""

from __future__ import annotations

import dataclasses

import pytest

from bilatextract import extract
from bilatextract.results import to_entity
from bilatextract.types import ENTITY_TYPES, Agreement, Segment, field_maker

TEXT = ("Am 11. März 2025 empfing Bundesaußenministerin Annalena Baerbock den japanischen Außenminister "
        "IWAYA Takeshi im Auswärtigen Amt. Baerbock und Iwaya sprachen über das Wirtschaftspartnerschaftsabkommen "
        "(EPA). Das Auswärtige Amt und das japanische Außenministerium teilten mit, Baerbock reise im Mai nach Tokio.")


@pytest.mark.parametrize("cls", [*ENTITY_TYPES.values(), Segment])
def test_field_maker_gives_what_the_dataclass_gives(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    values = [f"v{i}" for i in range(len(names))]
    made = field_maker(cls)(values)
    assert made == cls(*values)
    assert type(made) is cls
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        field_maker(cls)(values[:-1])


def test_field_maker_runs_post_init() -> None:
    made = field_maker(Agreement)(["EPA", 0, 3, "EPA", None, None, None, ["JP", "EU"]])
    assert made.parties == ("JP", "EU")


def test_ministries_looked_up_once_per_document_are_those_looked_up_per_mention() -> None:
    doc = extract(TEXT, reference_date="2025-03-12")
    assert doc.ministers and doc.ministries
    memo: dict = {}
    for entity in doc.entities:
        attrs = {f.name: getattr(entity, f.name) for f in dataclasses.fields(entity)
                 if f.name not in ("text", "start", "end")}
        mention = (entity.type, entity.start, entity.end, attrs)
        one = to_entity(TEXT, mention, None, attrs.get("value"))
        assert to_entity(TEXT, mention, None, attrs.get("value"), memo) == one == entity
    assert memo  # ids were kept for the document
