"""The ``bilat_ministries`` component: MINISTRY mentions.

Four families of candidates, all read from data (``models/<lang>/ministries.toml``,
``models/<lang>/portfolios.toml``, ``models/<lang>/countries.toml``, and the knowledge base
``models/common/ministries*.toml``):

1. known names of the knowledge base, in any inflected form ("Auswärtigen Amts");
2. productive names: HEAD LINK FIELD ("," FIELD)* ("und" FIELD)? ("Bundesministerium für
   Wirtschaft und Energie", "Ministry of Economy, Trade and Industry of Japan");
3. compounds: a field stem fused to a head ("Bundesinnenministeriums", "US-Außenministerium")
   or written before it ("Foreign Ministry", "State Department");
4. abbreviations of the knowledge base ("BMWi", "METI"; short ones only in brackets or lists).

Each candidate then gets a country (from the name, the words right before or after it, its
clause, or the document) and a portfolio (from its fields, or the knowledge base); a generic
compound whose country cannot be found is not a mention ("das Außenministerium" of nobody).
Overlaps are resolved by ``set_spans``, longest first.
"""

from __future__ import annotations

import functools
import re
from itertools import compress
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import knowledge as kb
from ..._memo import Memo
from ...resources import check_language, has_file
from ..base import SPAN_KEY, reference_year, set_spans, view_of
from ..persist import Persisted, deferred, reads_its_models
from ..triggers import WordTriggers
from .candidates import _STARTS_ABBREVIATION, _STARTS_KNOWN, CandidateFinder, _pattern_bits
from .patterns import PatternSet, _capitals
from .resolve import Resolver

#: What a bracketed abbreviation after a ministry name looks like: "METI", "BMVg", "MoD", "FCO".
_ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&]{1,7}$")


class MinistriesComponent(Persisted, CandidateFinder, Resolver):
    def __init__(self, nlp: Language, name: str, spans_key: str = SPAN_KEY) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        self.spans_key = spans_key
        self.patterns = [PatternSet(self.lang)]
        self.patterns += [PatternSet(lang) for lang in self.patterns[0].also if has_file(lang, "ministries.toml")]
        # Known names, tokenised as this pipeline tokenises, keyed by their inflection-free key.
        # (which of its words are capitalised, entry) per name.
        self.known: dict[tuple[str, ...], list[tuple[tuple[bool, ...], kb.MinistryEntry]]] = {}
        for entry in kb.ministries():
            for names in entry.names.values():
                for name_text in names:
                    words = tuple(t.text for t in nlp.make_doc(name_text))
                    self.known.setdefault(kb.name_key(words), []).append((_capitals(words), entry))
        # The keys of the known names as a trie, one word key per level; under "" the names
        # that end there.
        self.known_trie: dict[str, Any] = {}
        for key, hits in self.known.items():
            node = self.known_trie
            for word_key in key:
                node = node.setdefault(word_key, {})
            node[""] = hits
        self.strong_abbr = kb.abbreviation_index(weak=False)
        self.all_abbr = kb.abbreviation_index(weak=True)
        self.generic_abbr = kb.generic_abbreviations()
        self._subnational = kb.subnational_forms(self.lang)
        # The portfolio the fields of a productive name give ("für Wirtschaft und Energie"), per pattern language.
        self._portfolios = {p.lang: Memo(functools.partial(kb.infer_portfolio, lang=p.lang), max_key_chars=200)
                            for p in self.patterns}
        # The countries of, and the entry chosen among, a tuple of known entries, by the id of the tuple
        # (the tuples come from ``_named`` and the abbreviation index; each value keeps its tuple alive).
        self._countries_of: dict[int, tuple[tuple[kb.MinistryEntry, ...], tuple[str, ...]]] = {}
        # Per document: the governments its ministries named without a country word belong to, and the
        # governments sharing the prefix of the name last resolved (``Resolver``).
        self._own_evidence: set[str] = set()
        self._last_shared: tuple[str, ...] = ()
        self._weak: dict[tuple[int, int], tuple[Any, tuple[str, ...]]] = {}
        self._chosen: dict[tuple[int, str | None, int | None], tuple[tuple[kb.MinistryEntry, ...], Any]] = {}
        # word -> (prefix, stem, portfolio) of a fused compound of each pattern set (its own bounded memo:
        # ``_judge`` fills it, ``compounds`` reads it for the words judged fused)
        self._compounds = [Memo(functools.partial(kb.compound_portfolio, lang=p.lang, heads=p.compound_heads))
                           for p in self.patterns]
        self._names_seen: dict[tuple[str, ...], tuple[kb.MinistryEntry, ...]] = {}  # words -> entries
        # What a word can start (a mask of _STARTS_KNOWN, _STARTS_ABBREVIATION and _pattern_bits), by
        # trigger string: most words of a document start nothing, and are passed over in C.
        self.triggers, self.fused_heads = self._compile_triggers(nlp.vocab)
        self._compile_marks()

    # -- the component ------------------------------------------------------------------

    @reads_its_models
    def __call__(self, doc: Doc) -> Doc:
        """Writes the MINISTRY spans of ``doc`` into ``doc.spans[spans_key]``. What is learnt
        about one document lives on a scan of it, never on the component (threads may share it)."""
        _Scan(self).run(doc)
        return doc

    def run(self, doc: Doc) -> None:
        """The work of ``__call__``, on a ``_Scan`` (which holds the document's words and marks)."""
        self._cache: dict[str, list[kb.CountryMention]] = {}
        view = view_of(doc)
        self._text = view.text
        words = view.token_texts
        self._starts = view.token_starts
        # The few words where a candidate can start, and what each can start.
        self._marks, self._lowers = marks, lowers = self._word_marks(doc, self._text, self._starts, words)
        # ALL-CAPS stretches (letterheads, headlines) are read as capitalised words.
        recased = self._caps_stretch(words)
        if recased:
            words = list(words)
            for i in recased:
                words[i] = words[i][:1] + words[i][1:].lower()
                marks[i] = self._judge(words[i])
                lowers[i] = 0  # (no LOWER value for the recased word)
        self._words = words
        positions = sorted(compress(marks, marks.values()))
        if not positions:
            set_spans(doc, "MINISTRY", [], key=self.spans_key)
            return

        candidates = self.known_names(self._at(positions, _STARTS_KNOWN))
        for p in self.patterns:
            if p.country_links:
                for cand in candidates:
                    if cand.kind == "known" and cand.country is None:
                        self._country_suffix(doc, cand, p)
        for k, (p, splits) in enumerate(zip(self.patterns, self._compounds, strict=True)):
            head, fused, separate = _pattern_bits(k)
            candidates += self.productive(doc, p, self._at(positions, head))
            candidates += self.compounds(doc, p, splits, self._at(positions, fused), self._at(positions, separate))
        year = reference_year(doc)
        # Country words right before a candidate belong to it: they are no clue for its neighbours
        # ("the Ministry of Defence and the Japanese Ministry of Defense").
        self._claimed: set[int] = set()
        if candidates:
            ends = {m.end for m in self._mentions(self.lang)}
            for cand in candidates:
                gap = kb.skip_back(self._text, self._starts[cand.start])
                if gap in ends:
                    self._claimed.add(gap)
        self._own_evidence, self._weak = set(), {}
        found = self._resolve_all(doc, candidates, year)
        self._settle_shared(found, year)
        fixed = {(cand.start, cand.end) for cand in candidates if cand.country}
        # "Name (ABBR)": the abbreviation is a mention of its own, of the same ministry.
        bracketed: dict[int, dict[str, Any]] = {}
        n = len(words)
        for (start, end), attrs in found.items():
            k = end
            while k < n and words[k].isspace():
                k += 1
            if k >= n or words[k] != "(":
                continue
            a = k + 1
            if a < n and words[a].lower() in self.patterns[0].articles:
                a += 1  # "Department of Trade and Industry (the dti)"
            if a + 1 < n and words[a + 1] == ")" and (_ABBREVIATION.match(words[a]) or words[a] in self.all_abbr):
                if (start, end) not in fixed:
                    self._country_of_abbreviation(words[a], attrs, year)
                bracketed[a] = self._abbreviation_attrs(words[a], attrs, year)
        for cand in self.abbreviations(self._at(positions, _STARTS_ABBREVIATION)):
            if cand.start not in bracketed:
                attrs = self.resolve(doc, cand, year)
                if attrs is not None:
                    found[(cand.start, cand.end)] = attrs
        for i, attrs in bracketed.items():
            found[(i, i + 1)] = attrs
            # The abbreviation dates the name: "Federal Ministry for Economic Affairs and Energy
            # (BMWi)" is the BMWi of 2013-2021, not the BMWE of 2025.
            for (_a, b), named in found.items():
                if b < i and not "".join(words[b:i - 1]).strip() and named.get("country") == attrs.get("country") \
                        and named.get("portfolio") == attrs.get("portfolio") and attrs.get("ministry"):
                    named["ministry"] = attrs["ministry"]
        for attrs in found.values():
            attrs["id"] = _identity(attrs)
        set_spans(doc, "MINISTRY", [(Span(doc, a, b), attrs) for (a, b), attrs in found.items()], key=self.spans_key)


    def _compiled(self) -> dict[str, Any]:
        """The compiled trigger patterns (see ``CandidateFinder._compile_triggers``), saved with the
        component: the one-token patterns and the fused heads (also as the one pattern that versions
        before 2026-12-08 read, "fused_heads")."""
        heads = self.fused_heads
        return {"triggers": self.triggers.to_dict(), "compound_heads": list(heads),
                "fused_heads": "(?i:" + "|".join(map(re.escape, heads)) + ")" if heads else None}

    def _use_compiled(self, data: dict[str, Any]) -> None:
        self.triggers = WordTriggers(self.triggers.vocab).from_dict(data["triggers"])
        # Saved before 2026-12-08, the fused heads are a pattern only: they are those just compiled
        # from the same saved model files.
        if "compound_heads" in data:
            self.fused_heads = tuple(data["compound_heads"])
        self._compile_marks()

    def _caps_stretch(self, words: list[str]) -> list[int]:
        """The positions of words in ALL-CAPS stretches: two or more upper-case words in a row
        (line breaks between them allowed), one of them long, leaving out the abbreviations of
        the knowledge base. Only the upper-case words of a document are looked at."""
        upper = [i for i in compress(range(len(words)), map(str.isupper, words))
                 if len(words[i]) > 1 and words[i].replace("-", "").isalpha()]
        out: list[int] = []
        run: list[int] = []
        for i in [*upper, -2]:
            if run and (i < run[-1] or "".join(words[run[-1] + 1 : i]).strip()):
                if len(run) > 1 and any(len(words[k]) > 5 for k in run):
                    out += [k for k in run if words[k] not in self.all_abbr and words[k] not in self.generic_abbr]
                run = []
            run.append(i)
        return out

    def _country_of_abbreviation(self, abbr: str, attrs: dict[str, Any], year: int | None) -> None:
        """An abbreviation of one country's ministry in brackets after a name gives the name its
        country ("Handels- und Industrieministerium (MITI)")."""
        entries = self.all_abbr.get(abbr, ())
        countries = kb.entry_countries(entries)
        if len(countries) > 1:  # "MITI" of Japan and of Malaysia: the one the document names
            named = {m.code for m in self._mentions(self.lang)}
            countries = tuple(c for c in countries if c in named)
            entries = tuple(e for e in entries if e.ministry.country in countries)
        if abbr in self.generic_abbr or len(countries) != 1 or countries[0] == attrs.get("country"):
            return
        if any(e.ministry.portfolio != attrs.get("portfolio") for e in entries):
            return
        attrs["country"] = countries[0]
        attrs.pop("ministry", None)


class _Scan(MinistriesComponent):
    """One document's scan: its text, words, marks and country mentions, set by ``run``;
    everything else (the compiled patterns, the knowledge, the memos) is the component's."""

    def __init__(self, component: MinistriesComponent) -> None:  # noqa: D107  (no compiling here)
        # The component's attributes, shared (its compiled patterns, knowledge and memos), then the document's own.
        self.__dict__.update(component.__dict__)
        self._component = component
        self._text = ""
        self._words: list[str] = []
        self._starts: list[int] = []
        self._marks: dict[int, int] = {}
        self._lowers: list[int] = []


def _identity(attrs: dict[str, Any]) -> str | None:
    """The ministry's id: its knowledge-base id, else a key of its country and portfolio
    ("GH-labour"); None where the country is unknown or the portfolio is ``other`` (a country
    has many of those)."""
    if attrs.get("ministry"):
        return str(attrs["ministry"])
    country, portfolio = attrs.get("country"), attrs.get("portfolio")
    return f"{country}-{portfolio}" if country and portfolio and portfolio != "other" else None


@Language.factory("bilat_ministries", default_config={"spans_key": SPAN_KEY, "data_path": None})
def make_ministries(nlp: Language, name: str, spans_key: str, data_path: str | None = None) -> MinistriesComponent:
    """MINISTRY spans with their attributes, written into ``doc.spans[spans_key]``. ``data_path``: a
    models folder to compile from instead of the installed one."""
    return deferred(MinistriesComponent, nlp, name, spans_key, data_path)
