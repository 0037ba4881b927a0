"""The language data of the agreement rules, read from ``models/<lang>/agreements.toml``."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...resources import load_toml
from .words import _SENTENCE_END


class Lexicon:
    """The word lists and switches of one language (no word of any language lives in code)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        cfg = load_toml(self.lang, "agreements.toml")
        self.cfg = cfg
        self.nouns_capitalised = bool(cfg.get("nouns_capitalised", False))
        heads = cfg["heads"]
        self.plain_heads = frozenset(heads["plain"])
        self.need_premodifier = frozenset(heads.get("need_premodifier", ()))
        self.multiword_heads = [tuple(m.split()) for m in heads.get("multiword", ())]
        comp = cfg["compounds"]
        self.compound_endings = tuple(e.lower() for e in comp.get("endings", ()))
        self.compound_min_prefix = int(comp.get("min_prefix", 3))
        self.compound_exclude = frozenset(comp.get("exclude", ()))
        self.hyphen_heads = frozenset(comp.get("hyphen_heads", ()))
        self.hyphen_prefix_exclude = frozenset(comp.get("hyphen_prefix_exclude", ()))
        self.statement_heads = frozenset(comp.get("statement_heads", ()))
        c = cfg["complement"]
        self.starters = frozenset(c["starters"])
        self.relational = frozenset(c.get("relational", ()))
        self.need_capital = frozenset(c.get("need_capital", ()))
        self.year_starters = frozenset(c.get("year_starters", ()))
        self.place_prepositions = frozenset(c.get("place_prepositions", ()))
        self.function_words = frozenset(c["function_words"])
        self.new_phrase_articles = frozenset(c.get("coordinated_article_ends", ()))
        self.complement_adj_endings = tuple(c.get("adjective_endings", ()))
        self.stop_words = frozenset(c.get("stop_words", ()))
        self.complement_max = int(c.get("max_words", 22))
        p = cfg["premodifier"]
        self.premod_adj_endings = tuple(p.get("adjective_endings", ()))
        self.premod_exclude = frozenset(p.get("exclude", ()))
        self.nationalities = frozenset(p.get("nationalities", ()))
        self.coordinators = frozenset(p.get("coordinators", ()))
        self.premod_max = int(p.get("max_words", 4))
        d = cfg.get("determiners", {})
        self.indefinite = frozenset(d.get("indefinite", ()))
        self.definite = frozenset(d.get("definite", ()))
        co = cfg.get("coordination", {})
        self.conjunctions = [tuple(x.split()) for x in co.get("conjunctions", ())]
        self.coord_articles = frozenset(co.get("articles", ()))
        self.conjunction_words = frozenset(c[0] for c in self.conjunctions if len(c) == 1)
        self.plural_heads = frozenset(heads.get("plural", ()))
        self.other_name_words = frozenset(heads.get("part_of_other_name_before", ()))
        cues = cfg.get("abbreviations", {}).get("context_cues", ())
        # German compounds hide a cue inside a word ("Freihandelsabkommen"); English cues start a word
        # (so "signed" does not fire in "designed")
        cue_start = "" if cfg.get("abbreviations", {}).get("cues_inside_words", False) else r"(?<!\w)"
        self.cue_re = re.compile(cue_start + "(?:" + "|".join(re.escape(x) for x in cues) + ")") if cues else None
        cue_words = cfg.get("abbreviations", {}).get("context_words", ())
        self.cue_words_re = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(x) for x in cue_words) + r")(?!\w)") if cue_words else None
        )
        self.inflection = {k.lower(): tuple(v) for k, v in cfg.get("inflection", {}).items()}
        #: (inflected form, uninflected ending) in the order the rules try them; with the endings
        #: themselves too (``loose_forms``: an uninflected word keeps its ending)
        self.inflected_forms = _Suffixes((f, e) for e, forms in self.inflection.items() for f in forms)
        self.loose_forms = _Suffixes((f, e) for e, forms in self.inflection.items() for f in (e, *forms))
        # lowercase heads after a capitalised name ("the Prespa agreement", "Dayton peace accords")
        low = cfg.get("lowercase_heads", {})
        self.lower_heads = frozenset(low.get("heads", ()))
        self.lower_head_modifiers = frozenset(low.get("modifiers", ()))
        self.bare_heads = [tuple(m.split()) for m in heads.get("bare", ())]
        self.signed_heads = [tuple(m.split()) for m in heads.get("signed_only", ())]
        self.signed_endings = tuple(e.lower() for e in comp.get("signed_endings", ()))
        self.compound_generic_prefixes = tuple(comp.get("generic_prefixes", ()))
        self.plural_endings = tuple(e.lower() for e in comp.get("plural_endings", ()))
        self.lower_premodifiers = frozenset(p.get("lowercase_before_compound", ()))
        self.headline_words = frozenset(p.get("headline_words", ()))
        self.quantifiers = frozenset(d.get("quantifiers", ()))
        signing = cfg.get("signing", {}).get("cues", ())
        self.signing_re = (
            re.compile(cue_start + "(?:" + "|".join(re.escape(x) for x in signing) + ")") if signing else None
        )
        self._load_known()


class _Suffixes:
    """Word endings to replace, in order: the first one a word ends with is replaced."""

    __slots__ = ("pairs", "any")

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        #: (ending, its replacement), in order
        self.pairs = tuple(pairs)
        #: all the endings: most words end with none of them, told by one ``str.endswith``
        self.any = tuple(f for f, _ in self.pairs)

    def replace(self, word: str) -> str | None:
        """``word`` with its first listed ending replaced, or None where it has none of them."""
        if word.endswith(self.any):
            for ending, replacement in self.pairs:
                if word.endswith(ending):
                    return word[: len(word) - len(ending)] + replacement
        return None

    def apply(self, word: str) -> str:
        """``word`` with its first listed ending replaced, if it has one of them."""
        replaced = self.replace(word)
        return word if replaced is None else replaced


def _boundaries(cfg: dict, *tables: dict[str, list[tuple[tuple[str, ...], int]]]) -> frozenset[str]:
    """Punctuation that ends every scan of the rules: sentence ends and the comma, unless a word
    list holds them. (Some commas stand inside names and are no boundary: after a truncated
    compound, "Rohstoff-, Industrie- und ...", and, where only names are capitalised, between
    capitalised words, "Micro, Small and Medium-sized Businesses": see ``_name_comma``.)

    Rules compare a word with list entries, or with the parts of multi-word entries (split at
    spaces, or into words for the known names and abbreviations).
    """
    listed: set[str] = set()
    for value in _strings(cfg):
        listed.add(value)
        listed.update(value.split())
    for table in tables:
        listed.update(word for cands in table.values() for seq, _ in cands for word in seq)
    return frozenset(p for p in _SENTENCE_END | {","} if p not in listed)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []

