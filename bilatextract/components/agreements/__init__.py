"""The ``bilat_agreements`` component: AGREEMENT mentions, with abbreviations linked to names.

How a mention is found (the word lists live in ``models/<lang>/agreements.toml``, the
well-known agreements in ``models/common/agreements.toml``):

1. **Heads.** A head noun ("Abkommen", "Agreement", "Memorandum of Understanding"), a closed
   German compound ending in one ("Wirtschaftspartnerschaftsabkommen") or a hyphenated compound
   with a capitalised prefix ("Iran-Abkommen", "Hannover-Deklaration").
2. **Name around the head.** Backwards: a coordinated compound ("Freundschafts- und
   Handelsvertrag") and capitalised pre-modifiers ("Gemeinsame Erklärung", "Japan-France
   Reciprocal Access Agreement"). Forwards: a name complement opened by a starter ("über",
   "von", "on", "between") that runs over capitalised words, function words and (German)
   adjectives before a noun, up to punctuation, a date, a verb or a lowercase content word.
   A bare plain head ("das Abkommen", "the Agreement") is generic and not a mention; a compound
   is a name by itself; German indefinite determiners ("ein Abkommen über ...") make a mention
   generic unless a bracketed abbreviation defines it.
3. **Known names** of well-known agreements (German names also inflected).
4. **Abbreviations.** "Name (ABBR)" defines ABBR for the document; a name shortened in a
   coordination after a definition ("... (EPA) und eine Strategische Partnerschaft (SPA)") is a
   mention of its own; later whole-word ABBR mentions are found in one pass. A known abbreviation
   marked ambiguous (EPA is also the US Environmental Protection Agency) counts only where the
   document defines it, names its agreement, or its sentence holds an agreement cue word.

Each mention carries ``name`` (the full form where known) and ``abbreviation``.

The rules read spaCy's tokens (``tokens.py``: joined where a name holds parts together that
spaCy splits, "Iran-Abkommen", "U.S.-Japan", "2+2"), and only in the stretches of text around
the triggers (``triggers.py``: one look-up per token in a set compiled once from the word lists,
plus one pattern of compound endings), between the sentence or clause boundaries before and
after them.
"""

from __future__ import annotations

from .component import AgreementsComponent, make_agreements
from .tokens import words_of_tokens
from .words import Found, Word

__all__ = ["AgreementsComponent", "Found", "Word", "make_agreements", "words_of_tokens"]
