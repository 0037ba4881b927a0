"""The ``bilat_ministries`` component: MINISTRY mentions.

Four families of candidates, all read from data (``models/<lang>/ministries.toml``,
``models/<lang>/portfolios.toml``, ``models/<lang>/countries.toml``, and the knowledge base
``models/common/ministries.toml``):

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .. import knowledge as kb
from .._memo import MEMO_LIMIT, Memo
from ..resources import check_language, has_file, load_toml
from .base import reference_year, set_spans, view_of

#: What a bracketed abbreviation after a ministry name looks like: "METI", "BMVg", "MoD", "FCO".
_ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z&]{1,7}$")



@dataclass(slots=True)
class Candidate:
    """A possible MINISTRY mention: token span, and what its name says."""

    start: int
    end: int
    name_end: int  # end of the name proper, before a country suffix ("of Japan")
    lang: str  # the language whose patterns found it
    kind: str  # known, productive, compound, abbreviation
    portfolio: str | None = None
    country: str | None = None  # fixed by the name itself ("US-", "of Japan")
    default_country: str | None = None  # "Bundes", "Federal": unless a country word says otherwise
    entries: tuple[kb.MinistryEntry, ...] = field(default_factory=tuple)
    # lowercase "foreign ministry": a name only with a country word right before or after it
    needs_adjacent_country: bool = False


#: The words from its first that ``PatternSet.conjunct`` is judged on (it reads four).
_FIELD_WINDOW = 5


class PatternSet:
    """The ministry patterns of one language, compiled once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load_toml(lang, "ministries.toml") if has_file(lang, "ministries.toml") else {}
        prod = data.get("productive", {})
        endings = prod.get("head_endings", [""])
        self.heads = {h + e for h in prod.get("heads", []) for e in endings}
        self.strong_heads = {h + e for h in prod.get("strong_heads", []) for e in endings}
        self.head_countries = {
            h + e: code for code, hs in prod.get("head_countries", {}).items() for h in hs for e in endings
        }
        self.links = {w.lower() for w in prod.get("links", [])}
        self.link_articles = {w.lower() for w in prod.get("link_articles", [])}
        self.conjunctions = {w.lower() for w in prod.get("conjunctions", [])}
        self.elliptical_links = self.conjunctions | {","}  # "Wirtschafts- und", "Wirtschafts-,"
        self.name_prefixes = {w: code for code, words in prod.get("name_prefixes", {}).items() for w in words}
        self.country_links = tuple(prod.get("country_links", []))
        self.country_link_articles = tuple(prod.get("country_link_articles", []))
        self.include_country_suffix = bool(prod.get("include_country_suffix", False))
        comp = data.get("compounds", {})
        self.compound_heads = tuple(h.lower() for h in comp.get("heads", []))
        self.compound_prefixes = {w: code for code, words in comp.get("name_prefixes", {}).items() for w in words}
        self.separate_heads = set(comp.get("separate_heads", []))
        self.known_only_heads = set(comp.get("known_only_heads", []))
        self.lowercase_heads = set(comp.get("lowercase_heads", []))
        self.two_word_heads = self.separate_heads | self.lowercase_heads
        # Head words end a list of fields: "Department of Defense, the Home Office" is two names.
        self.head_words = self.heads | self.separate_heads | self.known_only_heads
        self.vague_fields = {w.lower() for w in prod.get("vague_fields", [])}
        # How one field is written: "capitalised_words" (English "Foreign Affairs") or
        # "adjective_noun" (German "nukleare Sicherheit", one compound noun per field).
        self.field_grammar = prod.get("field_grammar", "capitalised_words")
        self.adjective_endings = tuple(prod.get("adjective_endings", []))
        generic = data.get("generic", {})
        self.generic = {w.lower() for w in generic.get("determiners", [])}
        self.articles = {w.lower() for w in generic.get("articles", [])}
        self.abbreviation_articles = {w.lower() for w in generic.get("abbreviation_articles", [])}
        context = data.get("context", {})
        self.clause_breaks = tuple(context.get("clause_breaks", [";"]))
        self.own_names = {p: tuple(codes) for p, codes in context.get("own_names", {}).items()}
        self.document_pairs = bool(context.get("document_pairs", False))
        not_national = data.get("not_national", {})
        self.not_national = set(not_national.get("words", []))
        self.not_national_skip = {w.lower() for w in not_national.get("skip", [])}
        self.also = tuple(data.get("also", {}).get("languages", []))
        self.compound_stems = kb.compound_stems(lang)
        self._conjuncts: dict[tuple[tuple[str, ...], bool, bool], int | None] = {}  # see ``conjunct``

    # -- fields -------------------------------------------------------------------------
    # ``words`` are the token texts of the document (``DocView.token_texts``); spaCy's
    # ``is_alpha`` and ``lower_`` are ``str.isalpha`` and ``str.lower`` of them.

    def _run_end(self, words: list[str], j: int, limit: int) -> int:
        k = j
        n = len(words)
        while k < n and k - j < limit:
            word = words[k]
            if not word.isalpha() or "minist" in word.lower() or word in self.head_words:
                break
            k += 1
        return k

    def field_run(self, words: list[str], j: int, limit: int) -> int:
        """The end of the run of field words from ``j`` (at most ``limit`` words)."""
        k = self._run_end(words, j, limit)
        cover = kb.field_cover(words[j:k], self.lang)
        end = j
        while end < k and cover[end - j]:
            end += 1
        return end

    def loose_run(self, words: list[str], j: int, limit: int) -> int:
        """Like ``field_run``, but unknown words may stand before a specific field word.

        "Mineral Resources", "Digital Sovereignty": the name runs to its last field word, as long
        as that word names a field of its own (not "Affairs", "Policy": "Political Affairs" is
        no ministry's field).
        """
        k = self._run_end(words, j, limit)
        run = words[j:k]
        cover = kb.field_cover(run, self.lang)
        end = j
        for idx, word in enumerate(run):
            if cover[idx] and word.lower() not in self.vague_fields and not kb.country_of_word(word, self.lang):
                end = j + idx + 1
        return max(end, self.field_run(words, j, limit))

    def conjunct(self, words: list[str], j: int, first_strong: bool = False, last: bool = False) -> int | None:
        """The end of one field ("Wirtschaft", "nukleare Sicherheit", "Foreign Affairs") at ``j``.

        ``last``: the field follows a conjunction, so it ends the list; an unknown German noun
        is accepted there when nothing capitalised follows it ("für Energie und Bodenschätze").
        A field is judged on the few words from ``j`` alone, so it is judged once per such
        window of words (names recur).
        """
        if j >= len(words):
            return None
        window = tuple(words[j : j + _FIELD_WINDOW])
        key = (window, first_strong, last)
        seen = self._conjuncts
        if key in seen:
            end = seen[key]
        else:
            if len(seen) >= MEMO_LIMIT:
                seen.clear()
            end = seen[key] = self._conjunct(list(window), 0, first_strong, last)
        return None if end is None else j + end

    def _conjunct(self, words: list[str], j: int, first_strong: bool, last: bool) -> int | None:
        """``conjunct`` judged afresh; it reads no word after ``words[j + 3]``."""
        n = len(words)
        if j >= n:
            return None
        word = words[j]
        if self.field_grammar == "capitalised_words":
            k = j
            while k < n and k - j < 4 and words[k][:1].isupper():
                k += 1
            end = self.loose_run(words, j, k - j)
            if end == j and first_strong and word[:1].isupper() and word.isalpha():
                end = j + 1
            return end if end > j else None
        # German: [adjective] noun, both field words ("nukleare Sicherheit", "Auswärtige Angelegenheiten")
        if (
            j + 1 < n
            and word.isalpha()
            and word.lower().endswith(self.adjective_endings)
            and words[j + 1][:1].isupper()
            and self.field_run(words, j, 2) == j + 2
        ):
            return j + 2
        if word[:1].isupper() and (self.field_run(words, j, 1) == j + 1 or (first_strong and word.isalpha())):
            return j + 1
        if (
            last
            and word.isalpha()
            and word[:1].isupper()
            and self._run_end(words, j, 1) == j + 1
            and not kb.country_of_word(word, self.lang)
            and (j + 1 >= n or not words[j + 1][:1].isupper())
        ):
            return j + 1
        return None

    def fields(self, words: list[str], j: int, strong: bool) -> int | None:
        """The end of a list of fields starting at ``j``, or None."""
        end = self.conjunct(words, j, strong)
        if end is None:
            return None
        n = len(words)
        conjunctions = self.conjunctions
        while end < n:
            k = end
            word = words[k]
            if word == ",":
                k += 1
                if k < n and words[k].lower() in conjunctions:  # Oxford comma
                    k += 1
            elif word.lower() in conjunctions:
                k += 1
            else:
                break
            if k < n and words[k].lower() in self.links:  # "des Innern, für Bau und Heimat"
                k += 1
                if k < n and words[k].lower() in self.link_articles:
                    k += 1
            last = words[end].lower() in conjunctions or words[k - 1].lower() in conjunctions
            nxt = self.conjunct(words, k, last=last)
            if nxt is None:
                break
            end = nxt
        return end


#: What a word can start: a known name, an abbreviation (bits of ``MinistriesComponent._starts_of``).
_STARTS_KNOWN, _STARTS_ABBREVIATION = 1, 2


def _pattern_bits(k: int) -> tuple[int, int, int]:
    """The bits for what a word can start in the ``k``-th pattern set: a productive name (a
    head), a fused compound, a two-word compound (its head)."""
    return 4 << (3 * k), 8 << (3 * k), 16 << (3 * k)


class MinistriesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
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
        # What each distinct word seen so far can start (a mask of _STARTS_KNOWN, _STARTS_ABBREVIATION and
        # _pattern_bits), judged once per word: most words of a document start nothing, and a
        # document then costs two passes in C over its words.
        self._starts_of = Memo(self._judge)
        self._marks_by_orth: dict[int, int] = {}  # the same by the ORTH hash of the word
        self._subnational = kb.subnational_forms(self.lang)
        # The portfolio the fields of a productive name give ("für Wirtschaft und Energie"), per pattern language.
        self._portfolios = {p.lang: Memo(functools.partial(kb.infer_portfolio, lang=p.lang), max_key_chars=200)
                            for p in self.patterns}
        # The countries of, and the entry chosen among, a tuple of known entries, by the id of the tuple
        # (the tuples come from ``_named`` and the abbreviation index; each value keeps its tuple alive).
        self._countries_of: dict[int, tuple[tuple[kb.MinistryEntry, ...], tuple[str, ...]]] = {}
        self._chosen: dict[tuple[int, str | None, int | None], tuple[tuple[kb.MinistryEntry, ...], Any]] = {}
        # word -> (prefix, stem, portfolio) of a fused compound of each pattern set (its own bounded memo:
        # ``_judge`` fills it, ``compounds`` reads it for the words judged fused)
        self._compounds = [Memo(functools.partial(kb.compound_portfolio, lang=p.lang, heads=p.compound_heads))
                           for p in self.patterns]
        self._names_seen: dict[tuple[str, ...], tuple[kb.MinistryEntry, ...]] = {}  # words -> entries
        self._cache: dict[str, list[kb.CountryMention]] = {}
        self._claimed: set[int] = set()
        self._text = ""
        self._words: list[str] = []
        self._starts: list[int] = []
        self._marks: list[int] = []
        self._orths: list[int] = []

    # -- where candidates can start -----------------------------------------------------

    def _mark(self, words: list[str], orths: list[int]) -> list[int]:
        """What each word can start (0: nothing): one look-up per word by its ``ORTH`` (a number:
        no string hashed), words not seen before judged first."""
        by_orth = self._marks_by_orth
        try:
            return list(map(by_orth.__getitem__, orths))
        except KeyError:
            if len(by_orth) >= MEMO_LIMIT:
                by_orth.clear()
            starts_of = self._starts_of
            for orth, word in zip(orths, words, strict=True):
                if orth not in by_orth:
                    by_orth[orth] = starts_of[word]
            return list(map(by_orth.__getitem__, orths))

    def _judge(self, word: str) -> int:
        """What a word not seen before can start: a known name, an abbreviation, a pattern's name."""
        mark = _STARTS_KNOWN if kb.name_key_word(word) in self.known_trie else 0
        if word in self.all_abbr:
            mark |= _STARTS_ABBREVIATION
        for k, (p, splits) in enumerate(zip(self.patterns, self._compounds, strict=True)):
            head, fused, separate = _pattern_bits(k)
            if word in p.heads:
                mark |= head
            if word in p.two_word_heads:
                mark |= separate
            if p.compound_heads and word[:1].isupper() and word.lower().endswith(p.compound_heads) \
                    and splits[word] is not None:
                mark |= fused
        return mark

    def _at(self, positions: list[int], bit: int) -> list[int]:
        """The positions (ascending) whose word can start what ``bit`` stands for."""
        marks = self._marks
        return [i for i in positions if marks[i] & bit]

    # -- candidates ---------------------------------------------------------------------

    def known_names(self, positions: list[int]) -> list[Candidate]:
        """Known names at ``positions``: the longest whose words are capitalised as the name's."""
        out = []
        texts = self._words
        n = len(texts)
        for i in positions:
            ends = []  # (end, names) of the known names whose keys start at i, shortest first
            node = self.known_trie
            j = i
            while j < n:
                node = node.get(kb.name_key_word(texts[j]))
                if node is None:
                    break
                j += 1
                if "" in node:
                    ends.append((j, node[""]))
            for end, _hits in reversed(ends):
                entries = self._named(tuple(texts[i:end]))
                if entries:
                    out.append(Candidate(i, end, end, self.lang, "known", entries=entries))
                    break
        return out

    def productive(self, doc: Doc, p: PatternSet, positions: list[int]) -> list[Candidate]:
        out = []
        words = self._words
        n = len(words)
        for i in positions:
            head = words[i]
            if i + 1 >= n or words[i + 1].lower() not in p.links:
                continue
            j = i + 2
            if j < n and words[j].lower() in p.link_articles:
                j += 1
            end = p.fields(words, j, head in p.strong_heads)
            if end is None:
                continue
            portfolio = self._portfolios[p.lang][self._span_text(i + 2, end)]
            cand = Candidate(i, end, end, p.lang, "productive", portfolio=portfolio,
                             default_country=p.head_countries.get(head))
            self._prefix(cand, p.name_prefixes)
            self._country_suffix(doc, cand, p)
            out.append(cand)
        return out

    def compounds(
        self, doc: Doc, p: PatternSet, splits: dict[str, tuple[str, str, str]], fused: list[int], separate: list[int]
    ) -> list[Candidate]:
        """Fused compounds at ``fused`` ("Außenministerium"), two-word ones ending at ``separate``."""
        out = []
        words = self._words
        for i in fused:
            prefix, _stem, portfolio = splits[words[i]]
            cand = Candidate(i, i + 1, i + 1, p.lang, "compound", portfolio=portfolio)
            self._elliptical(cand, p)
            if prefix:
                code = kb.country_of_prefix(prefix, p.lang)
                if code is None:
                    continue  # "EU-Außenministerium", "NRW-Innenministerium": not a national ministry
                if prefix.rstrip("-") in _country_prefix_words(p.lang):
                    cand.default_country = code
                else:
                    cand.country = code
            out.append(cand)
        for i in separate:  # "<field> Office" counts only as a known name (matched above)
            lowercase = words[i] in p.lowercase_heads
            for k in (3, 2, 1):
                if i - k < 0:
                    continue
                if not all(w[:1].isupper() != lowercase for w in words[i - k : i]):
                    continue
                portfolio = p.compound_stems.get(self._span_text(i - k, i).lower())
                if portfolio is None:
                    continue
                cand = Candidate(i - k, i + 1, i + 1, p.lang, "compound", portfolio=portfolio,
                                 needs_adjacent_country=lowercase)
                self._prefix(cand, p.compound_prefixes)
                self._country_suffix(doc, cand, p)
                out.append(cand)
                break
        return out

    def abbreviations(self, positions: list[int]) -> list[Candidate]:
        out = []
        words = self._words
        n = len(words)
        for i in positions:
            word = words[i]
            entries = self.all_abbr.get(word)
            if not entries:
                continue
            if word not in self.strong_abbr:
                bracketed = 0 < i < n - 1 and words[i - 1] == "(" and words[i + 1] == ")"
                listed = any(
                    0 <= i + 2 * d < n and words[i + d] in {",", "/", "und", "and", "&", "sowie"}
                    and words[i + 2 * d] in self.all_abbr
                    for d in (-1, 1)
                )
                # "das AA", "the MOD": an article before a capitalised abbreviation makes it a name
                determined = i > 0 and words[i - 1].lower() in self.patterns[0].abbreviation_articles
                if not (bracketed or listed or determined):
                    continue
            out.append(Candidate(i, i + 1, i + 1, self.lang, "abbreviation", entries=entries))
        return out

    # -- helpers ------------------------------------------------------------------------

    def _span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``start < end``)."""
        return self._text[self._starts[start] : self._end_char(end - 1)]

    def _end_char(self, i: int) -> int:
        """The character offset where token ``i`` ends."""
        return self._starts[i] + len(self._words[i])

    def _elliptical(self, cand: Candidate, p: PatternSet) -> None:
        """Extend a compound over elliptical first parts: "Wirtschafts- und Energieministerium"."""
        words = self._words
        k = cand.start
        while k >= 2 and words[k - 1].lower() in p.elliptical_links and words[k - 2].endswith("-"):
            stem = words[k - 2].lower().rstrip("-")
            portfolio = p.compound_stems.get(stem) or p.compound_stems.get(stem + "s")
            if portfolio is None or not words[k - 2][:1].isupper():
                break
            k -= 2
            cand.start = k
            cand.portfolio = portfolio if portfolio != "other" or cand.portfolio is None else cand.portfolio

    def _prefix(self, cand: Candidate, prefixes: dict[str, str]) -> None:
        if cand.start > 0 and self._words[cand.start - 1] in prefixes:
            cand.start -= 1
            cand.default_country = prefixes[self._words[cand.start]]

    def _country_suffix(self, doc: Doc, cand: Candidate, p: PatternSet) -> None:
        if not p.country_links:
            return
        # This language's mentions are needed anyway once there is a candidate (see ``__call__``);
        # another language's (its patterns found the candidate) only where a link word follows,
        # and country_after then finds them.
        mentions = self._mentions(p.lang) if p.lang == self.lang else self._cache.get(p.lang)
        after = kb.country_after(self._text, self._end_char(cand.end - 1), p.lang, mentions,
                                 p.country_links, p.country_link_articles)
        if after is None:
            return
        code, end_char = after
        span = doc.char_span(self._starts[cand.start], end_char)
        if span is None:
            return
        cand.country = code
        if p.include_country_suffix:
            cand.end = span.end

    def _mentions(self, lang: str) -> list[kb.CountryMention]:
        cache = self._cache
        if lang not in cache:
            cache[lang] = kb.country_mentions(self._text, lang, (self._starts, self._words), self._orths)
        return cache[lang]

    # -- attributes ---------------------------------------------------------------------

    def resolve(self, doc: Doc, cand: Candidate, year: int | None) -> dict[str, Any] | None:
        """The attributes of a candidate, or None where it is not a national ministry mention."""
        p = self.patterns[0]
        text = self._text
        words = self._words
        start_char = self._starts[cand.start]
        end_char = self._end_char(cand.end - 1)
        entries = cand.entries or self._entries_named(cand.start, cand.name_end)
        before = words[cand.start - 1] if cand.start > 0 else None
        if cand.kind != "abbreviation":
            after = words[cand.end] if cand.end < len(words) else None
            if before in self._subnational or after in self._subnational:
                return None  # "das bayerische Innenministerium", "Innenministerium Bayerns"
            if self._generic_before(cand.start) or self._not_national(cand):
                return None
        mentions = self._mentions(self.lang)
        country = cand.country
        if country is None:
            country = kb.country_before(text, start_char, self.lang, mentions)
        if country is None and p.country_link_articles and cand.kind != "abbreviation":
            found_after = kb.country_after(text, self._end_char(cand.name_end - 1), self.lang, mentions,
                                           p.country_links, p.country_link_articles)
            country = found_after[0] if found_after else None
        if cand.needs_adjacent_country and country is None:
            return None
        countries = self._entry_countries(entries) if entries else ()
        if country is None and len(countries) == 1:
            country = countries[0]
        if country is None:
            country = cand.default_country
        if country is None:
            pool = [m for m in mentions if not countries or m.code in countries]
            lo, hi = self._window(doc, cand.start, start_char, end_char)
            free = [m for m in pool if m.end not in self._claimed]
            country = kb.nearest_country(free, start_char, end_char, lo, hi)
            if country is None:
                own = () if cand.kind == "known" else p.own_names.get(cand.portfolio or "", p.own_names.get("*", ()))
                country = kb.main_country(pool, exclude=own, text=self._text if p.document_pairs else None)
            if country is None and countries:
                country = countries[0]
        if country is None and cand.kind in ("compound",):
            return None  # a bare "Außenministerium" of no particular country
        entry = self._choose_entry(entries, country, year)
        known = entry.ministry if entry else None
        portfolio = known.portfolio if known else cand.portfolio
        if portfolio is None and entries:  # "the Japanese Foreign Office": a known name, another country
            portfolio = entries[0].ministry.portfolio
        if known is None and country and portfolio and portfolio != "other":
            known = kb.find_ministry(country, portfolio, year)
        attrs: dict[str, Any] = {"country": country, "portfolio": portfolio}
        if known is not None:
            attrs["ministry_id"] = known.id
        return attrs

    def _entry_countries(self, entries: tuple[kb.MinistryEntry, ...]) -> tuple[str, ...]:
        """``kb.entry_countries(entries)``, remembered per tuple."""
        hit = self._countries_of.get(id(entries))
        if hit is not None and hit[0] is entries:
            return hit[1]
        if len(self._countries_of) >= MEMO_LIMIT:
            self._countries_of.clear()
        countries = kb.entry_countries(entries)
        self._countries_of[id(entries)] = (entries, countries)
        return countries

    def _choose_entry(self, entries: tuple[kb.MinistryEntry, ...], country: str | None,
                      year: int | None) -> kb.MinistryEntry | None:
        """The entry of ``country`` among ``entries`` (any, without a country) for ``year``,
        remembered per tuple, country and year."""
        key = (id(entries), country, year)
        hit = self._chosen.get(key)
        if hit is not None and hit[0] is entries:
            return hit[1]  # type: ignore[no-any-return]
        entry = kb.choose_entry([e for e in entries if e.ministry.country == country], country, year) \
            if country else kb.choose_entry(entries, None, year)
        if len(self._chosen) >= MEMO_LIMIT:
            self._chosen.clear()
        self._chosen[key] = (entries, entry)
        return entry

    def _entries_named(self, start: int, end: int) -> tuple[kb.MinistryEntry, ...]:
        return self._named(tuple(self._words[start:end]))

    def _named(self, words: tuple[str, ...]) -> tuple[kb.MinistryEntry, ...]:
        """The known entries these words name, with their capitals; memoised per word sequence
        (a document names its ministries again and again)."""
        entries = self._names_seen.get(words)
        if entries is None:
            if len(self._names_seen) >= MEMO_LIMIT:
                self._names_seen = {}
            hits = self.known.get(kb.name_key(words), [])
            capitals = _capitals(words)
            entries = self._names_seen[words] = tuple(e for name_capitals, e in hits if name_capitals == capitals)
        return entries

    def _not_national(self, cand: Candidate) -> bool:
        """Whether the words around the name show an international body or a university."""
        words = self._words
        n = len(words)
        for p in self.patterns:
            if cand.start > 0 and words[cand.start - 1] in p.not_national:
                return True
            k = cand.end
            while k < n and k - cand.end < 3 and words[k].lower() in p.not_national_skip:
                k += 1
            if k > cand.end and k < n and words[k] in p.not_national:
                return True
        return False

    def _generic_before(self, start: int) -> bool:
        p = self.patterns[0]
        words = self._words
        k = start - 1
        if k >= 0 and kb.country_of_word(words[k], self.lang):
            k -= 1
        return k >= 0 and words[k].lower() in p.generic

    def _window(self, doc: Doc, i: int, start_char: int, end_char: int) -> tuple[int, int]:
        """The clause around the candidate from token ``i``: its sentence, cut at clause breaks."""
        sent = doc[i].sent
        lo, hi = sent.start_char, sent.end_char
        text = self._text
        for mark in self.patterns[0].clause_breaks:
            cut = text.rfind(mark, lo, start_char)
            if cut >= 0:
                lo = max(lo, cut + 1)
            cut = text.find(mark, end_char, hi)
            if cut >= 0:
                hi = min(hi, cut)
        return lo, hi

    # -- the component ------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        self._cache = {}
        view = view_of(doc)
        self._text = view.text
        self._words = words = view.token_texts
        self._starts = view.token_starts
        # The few words where a candidate can start, and their positions: two passes in C.
        self._orths = doc.to_array(ORTH).tolist()
        self._marks = marks = self._mark(words, self._orths)
        positions = list(compress(range(len(words)), marks))
        if not positions:
            set_spans(doc, "MINISTRY", [])
            return doc

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
        self._claimed = set()
        if candidates:
            ends = {m.end for m in self._mentions(self.lang)}
            for cand in candidates:
                gap = kb.skip_back(self._text, self._starts[cand.start])
                if gap in ends:
                    self._claimed.add(gap)
        found = self._resolve_all(doc, candidates, year)
        # "Name (ABBR)": the abbreviation is a mention of its own, of the same ministry.
        bracketed: dict[int, dict[str, Any]] = {}
        n = len(words)
        for (_start, end), attrs in found.items():
            if end + 2 < n and words[end] == "(" and words[end + 2] == ")" and _ABBREVIATION.match(words[end + 1]):
                bracketed[end + 1] = self._abbreviation_attrs(words[end + 1], attrs, year)
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
                if b == i - 1 and named.get("country") == attrs.get("country") \
                        and named.get("portfolio") == attrs.get("portfolio") and attrs.get("ministry_id"):
                    named["ministry_id"] = attrs["ministry_id"]
        set_spans(doc, "MINISTRY", [(doc[a:b], attrs) for (a, b), attrs in found.items()])
        self._cache = {}
        return doc

    def _resolve_all(
        self, doc: Doc, candidates: list[Candidate], year: int | None
    ) -> dict[tuple[int, int], dict[str, Any]]:
        """The attributes of the first candidate of each token span that resolves. A span already
        resolved is not resolved again ("Ministry of Foreign Affairs" is known and productive):
        ``resolve`` reads the document and changes nothing."""
        found: dict[tuple[int, int], dict[str, Any]] = {}
        for cand in candidates:
            key = (cand.start, cand.end)
            if key in found:
                continue
            attrs = self.resolve(doc, cand, year)
            if attrs is not None:
                found[key] = attrs
        return found

    def _abbreviation_attrs(self, abbr: str, named: dict[str, Any], year: int | None) -> dict[str, Any]:
        """The attributes of an abbreviation bracketed after a name: those of the name."""
        attrs = dict(named)
        entries = [e for e in self.all_abbr.get(abbr, ()) if e.ministry.country == named.get("country")]
        entry = kb.choose_entry(entries, named.get("country"), year) if entries else None
        if entry is not None:
            attrs.update(country=entry.ministry.country, portfolio=entry.ministry.portfolio,
                         ministry_id=entry.ministry.id)
        return attrs


def _capitals(words: Sequence[str]) -> tuple[bool, ...]:
    """Which words are capitalised: a text's words name a known name only where it has its
    capitals ("Foreign Office", not "foreign office")."""
    return tuple(w[:1].isupper() for w in words)


@functools.cache
def _country_prefix_words(lang: str) -> frozenset[str]:
    if not has_file(lang, "ministries.toml"):
        return frozenset()
    data = load_toml(lang, "ministries.toml").get("country_prefixes", {})
    return frozenset(w.lower().rstrip("-") for words in data.values() for w in words)


@Language.factory("bilat_ministries")
def make_ministries(nlp: Language, name: str) -> MinistriesComponent:
    return MinistriesComponent(nlp, name)
