"""TIMEX3 normalisation in two phases, as HeidelTime does it.

The ``bilat_dates`` component writes what the text alone says (``attrs["value"]``, which
may be underspecified, e.g. ``XXXX-10-14``, plus cues); :func:`resolve` anchors it to the
reference date after the pipeline, and :func:`resolve_all` resolves a document's dates in
text order against the reference date or the date the story has reached (:mod:`.story`).
:func:`find_dateline` picks the document's own date from its header lines. The patterns live
in :mod:`bilatextract.timex.grammar`.
"""

from __future__ import annotations

from .candidate import Candidate
from .grammar import Grammar
from .resolve import find_dateline, resolve
from .story import MODES, decide_mode, resolve_all

__all__ = ["MODES", "Candidate", "Grammar", "decide_mode", "find_dateline", "resolve", "resolve_all"]
