"""A date candidate: what the grammar found in a text, before overlaps are settled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Candidate:
    """One date found in a text: character offsets and the attributes the text gives."""

    start: int
    end: int
    attrs: dict[str, Any]
    #: The year (or the weekday's week) is left to the tense of the sentence.
    needs_tense: bool = False
    #: The date is relative to the previous date mention ("the same day").
    needs_anchor: bool = False
