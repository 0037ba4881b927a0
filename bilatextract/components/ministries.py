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

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import knowledge as kb
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

    # -- fields -------------------------------------------------------------------------

    def _run_end(self, doc: Doc, j: int, limit: int) -> int:
        k = j
        while k < len(doc) and k - j < limit and doc[k].is_alpha and "minist" not in doc[k].lower_ \
                and doc[k].text not in self.head_words:
            k += 1
        return k

    def field_run(self, doc: Doc, j: int, limit: int) -> int:
        """The end of the run of field words from ``j`` (at most ``limit`` words)."""
        k = self._run_end(doc, j, limit)
        cover = kb.field_cover([t.text for t in doc[j:k]], self.lang)
        end = j
        while end < k and cover[end - j]:
            end += 1
        return end

    def loose_run(self, doc: Doc, j: int, limit: int) -> int:
        """Like ``field_run``, but unknown words may stand before a specific field word.

        "Mineral Resources", "Digital Sovereignty": the name runs to its last field word, as long
        as that word names a field of its own (not "Affairs", "Policy": "Political Affairs" is
        no ministry's field).
        """
        k = self._run_end(doc, j, limit)
        words = [t.text for t in doc[j:k]]
        cover = kb.field_cover(words, self.lang)
        end = j
        for idx in range(len(words)):
            if cover[idx] and words[idx].lower() not in self.vague_fields \
                    and not kb.country_of_word(words[idx], self.lang):
                end = j + idx + 1
        return max(end, self.field_run(doc, j, limit))

    def conjunct(self, doc: Doc, j: int, first_strong: bool = False, last: bool = False) -> int | None:
        """The end of one field ("Wirtschaft", "nukleare Sicherheit", "Foreign Affairs") at ``j``.

        ``last``: the field follows a conjunction, so it ends the list; an unknown German noun
        is accepted there when nothing capitalised follows it ("für Energie und Bodenschätze").
        """
        n = len(doc)
        if j >= n:
            return None
        tok = doc[j]
        if self.field_grammar == "capitalised_words":
            k = j
            while k < n and k - j < 4 and doc[k].text[:1].isupper():
                k += 1
            end = self.loose_run(doc, j, k - j)
            if end == j and first_strong and tok.text[:1].isupper() and tok.is_alpha:
                end = j + 1
            return end if end > j else None
        # German: [adjective] noun, both field words ("nukleare Sicherheit", "Auswärtige Angelegenheiten")
        if (
            j + 1 < n
            and tok.is_alpha
            and tok.lower_.endswith(self.adjective_endings)
            and doc[j + 1].text[:1].isupper()
            and self.field_run(doc, j, 2) == j + 2
        ):
            return j + 2
        if tok.text[:1].isupper() and (self.field_run(doc, j, 1) == j + 1 or (first_strong and tok.is_alpha)):
            return j + 1
        if (
            last
            and tok.is_alpha
            and tok.text[:1].isupper()
            and self._run_end(doc, j, 1) == j + 1
            and not kb.country_of_word(tok.text, self.lang)
            and (j + 1 >= n or not doc[j + 1].text[:1].isupper())
        ):
            return j + 1
        return None

    def fields(self, doc: Doc, j: int, strong: bool) -> int | None:
        """The end of a list of fields starting at ``j``, or None."""
        end = self.conjunct(doc, j, strong)
        if end is None:
            return None
        n = len(doc)
        while end < n:
            k = end
            tok = doc[k]
            if tok.text == ",":
                k += 1
                if k < n and doc[k].lower_ in self.conjunctions:  # Oxford comma
                    k += 1
            elif tok.lower_ in self.conjunctions:
                k += 1
            else:
                break
            if k < n and doc[k].lower_ in self.links:  # "des Innern, für Bau und Heimat"
                k += 1
                if k < n and doc[k].lower_ in self.link_articles:
                    k += 1
            nxt = self.conjunct(doc, k, last=doc[end].lower_ in self.conjunctions or doc[k - 1].lower_ in
                                self.conjunctions)
            if nxt is None:
                break
            end = nxt
        return end


class MinistriesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        self.patterns = [PatternSet(self.lang)]
        self.patterns += [PatternSet(lang) for lang in self.patterns[0].also if has_file(lang, "ministries.toml")]
        # Known names, tokenised as this pipeline tokenises, keyed by their inflection-free key.
        self.known: dict[tuple[str, ...], list[tuple[tuple[str, ...], kb.MinistryEntry]]] = {}
        for entry in kb.ministries():
            for names in entry.names.values():
                for name_text in names:
                    words = tuple(t.text for t in nlp.make_doc(name_text))
                    self.known.setdefault(kb.name_key(words), []).append((words, entry))
        # first word key -> the lengths of the names starting with it, longest first
        first: dict[str, set[int]] = {}
        for key in self.known:
            first.setdefault(key[0], set()).add(len(key))
        self.known_first = {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}
        self.strong_abbr = kb.abbreviation_index(weak=False)
        self._cache: dict[str, list[kb.CountryMention]] = {}
        self._claimed: set[int] = set()
        self._text = ""
        self._words: list[str] = []
        self.all_abbr = kb.abbreviation_index(weak=True)

    # -- candidates ---------------------------------------------------------------------

    def known_names(self, doc: Doc, keys: list[str]) -> list[Candidate]:
        out = []
        n = len(doc)
        i = 0
        texts = self._words
        while i < n:
            for length in self.known_first.get(keys[i], ()):
                if i + length > n:
                    continue
                hits = self.known.get(tuple(keys[i : i + length]))
                if not hits:
                    continue
                entries = tuple(e for words, e in hits if _same_case(words, texts[i : i + length]))
                if entries:
                    out.append(Candidate(i, i + length, i + length, self.lang, "known", entries=entries))
                    break
            i += 1
        return out

    def productive(self, doc: Doc, p: PatternSet) -> list[Candidate]:
        out = []
        n = len(doc)
        for i in (i for i, w in enumerate(self._words) if w in p.heads):
            tok = doc[i]
            if i + 1 >= n or doc[i + 1].lower_ not in p.links:
                continue
            j = i + 2
            if j < n and doc[j].lower_ in p.link_articles:
                j += 1
            end = p.fields(doc, j, tok.text in p.strong_heads)
            if end is None:
                continue
            portfolio = kb.infer_portfolio(doc[i + 2 : end].text, p.lang)
            cand = Candidate(i, end, end, p.lang, "productive", portfolio=portfolio,
                             default_country=p.head_countries.get(tok.text))
            self._prefix(doc, cand, p.name_prefixes)
            self._country_suffix(doc, cand, p)
            out.append(cand)
        return out

    def compounds(self, doc: Doc, p: PatternSet) -> list[Candidate]:
        out = []
        if p.compound_heads:
            for i, word in enumerate(self._words):
                if not word.lower().endswith(p.compound_heads) or not word[:1].isupper():
                    continue
                tok = doc[i]
                split = kb.compound_portfolio(tok.text, p.lang, p.compound_heads)
                if split is None:
                    continue
                prefix, _stem, portfolio = split
                cand = Candidate(i, i + 1, i + 1, p.lang, "compound", portfolio=portfolio)
                self._elliptical(doc, cand, p)
                if prefix:
                    code = kb.country_of_prefix(prefix, p.lang)
                    if code is None:
                        continue  # "EU-Außenministerium", "NRW-Innenministerium": not a national ministry
                    if prefix.rstrip("-") in _country_prefix_words(p.lang):
                        cand.default_country = code
                    else:
                        cand.country = code
                out.append(cand)
        for i, word in enumerate(self._words):
            lowercase = word in p.lowercase_heads
            if word not in p.separate_heads and not lowercase:
                continue  # "<field> Office" counts only as a known name (matched above)
            for k in (3, 2, 1):
                if i - k < 0:
                    continue
                words = doc[i - k : i]
                if not all(t.text[:1].isupper() != lowercase for t in words):
                    continue
                portfolio = p.compound_stems.get(words.text.lower())
                if portfolio is None:
                    continue
                cand = Candidate(i - k, i + 1, i + 1, p.lang, "compound", portfolio=portfolio,
                                 needs_adjacent_country=lowercase)
                self._prefix(doc, cand, p.compound_prefixes)
                self._country_suffix(doc, cand, p)
                out.append(cand)
                break
        return out

    def abbreviations(self, doc: Doc) -> list[Candidate]:
        out = []
        n = len(doc)
        for i, word in enumerate(self._words):
            entries = self.all_abbr.get(word)
            if not entries:
                continue
            tok = doc[i]
            if tok.text not in self.strong_abbr:
                bracketed = 0 < i < n - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"
                listed = any(
                    0 <= i + 2 * d < n and doc[i + d].text in {",", "/", "und", "and", "&", "sowie"}
                    and doc[i + 2 * d].text in self.all_abbr
                    for d in (-1, 1)
                )
                # "das AA", "the MOD": an article before a capitalised abbreviation makes it a name
                determined = i > 0 and doc[i - 1].lower_ in self.patterns[0].abbreviation_articles
                if not (bracketed or listed or determined):
                    continue
            out.append(Candidate(i, i + 1, i + 1, self.lang, "abbreviation", entries=entries))
        return out

    # -- helpers ------------------------------------------------------------------------

    @staticmethod
    def _elliptical(doc: Doc, cand: Candidate, p: PatternSet) -> None:
        """Extend a compound over elliptical first parts: "Wirtschafts- und Energieministerium"."""
        k = cand.start
        while k >= 2 and doc[k - 1].lower_ in p.conjunctions | {","} and doc[k - 2].text.endswith("-"):
            stem = doc[k - 2].lower_.rstrip("-")
            portfolio = p.compound_stems.get(stem) or p.compound_stems.get(stem + "s")
            if portfolio is None or not doc[k - 2].text[:1].isupper():
                break
            k -= 2
            cand.start = k
            cand.portfolio = portfolio if portfolio != "other" or cand.portfolio is None else cand.portfolio

    @staticmethod
    def _prefix(doc: Doc, cand: Candidate, prefixes: dict[str, str]) -> None:
        if cand.start > 0 and doc[cand.start - 1].text in prefixes:
            cand.start -= 1
            cand.default_country = prefixes[doc[cand.start].text]

    def _country_suffix(self, doc: Doc, cand: Candidate, p: PatternSet) -> None:
        if not p.country_links:
            return
        mentions = self._mentions(doc, p.lang)
        after = kb.country_after(self._text, doc[cand.end - 1].idx + len(doc[cand.end - 1].text), p.lang, mentions,
                                 p.country_links, p.country_link_articles)
        if after is None:
            return
        code, end_char = after
        span = doc.char_span(doc[cand.start].idx, end_char)
        if span is None:
            return
        cand.country = code
        if p.include_country_suffix:
            cand.end = span.end

    def _mentions(self, doc: Doc, lang: str) -> list[kb.CountryMention]:
        cache = self._cache
        if lang not in cache:
            cache[lang] = kb.country_mentions(self._text, lang)
        return cache[lang]

    # -- attributes ---------------------------------------------------------------------

    def resolve(self, doc: Doc, cand: Candidate, year: int | None) -> dict[str, Any] | None:
        """The attributes of a candidate, or None where it is not a national ministry mention."""
        p = self.patterns[0]
        text = self._text
        span = doc[cand.start : cand.end]
        name = doc[cand.start : cand.name_end]
        entries = cand.entries or self._entries_named(doc, cand.start, cand.name_end)
        before_tok = doc[cand.start - 1] if cand.start > 0 else None
        if cand.kind != "abbreviation":
            after_tok = doc[cand.end] if cand.end < len(doc) else None
            if any(t is not None and kb.is_subnational(t.text, self.lang) for t in (before_tok, after_tok)):
                return None  # "das bayerische Innenministerium", "Innenministerium Bayerns"
            if self._generic_before(doc, cand.start) or self._not_national(doc, cand):
                return None
        mentions = self._mentions(doc, self.lang)
        country = cand.country
        if country is None:
            country = kb.country_before(text, span.start_char, self.lang, mentions)
        if country is None and p.country_link_articles and cand.kind != "abbreviation":
            after = kb.country_after(text, name.end_char, self.lang, mentions, p.country_links,
                                     p.country_link_articles)
            country = after[0] if after else None
        if cand.needs_adjacent_country and country is None:
            return None
        countries = kb.entry_countries(entries)
        if country is None and len(countries) == 1:
            country = countries[0]
        if country is None:
            country = cand.default_country
        if country is None:
            pool = [m for m in mentions if not countries or m.code in countries]
            lo, hi = self._window(doc, span)
            free = [m for m in pool if m.end not in self._claimed]
            country = kb.nearest_country(free, span.start_char, span.end_char, lo, hi)
            if country is None:
                own = () if cand.kind == "known" else p.own_names.get(cand.portfolio or "", p.own_names.get("*", ()))
                country = kb.main_country(pool, exclude=own, text=self._text if p.document_pairs else None)
            if country is None and countries:
                country = countries[0]
        if country is None and cand.kind in ("compound",):
            return None  # a bare "Außenministerium" of no particular country
        entry = kb.choose_entry([e for e in entries if e.ministry.country == country], country, year) \
            if country else kb.choose_entry(entries, None, year)
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

    def _entries_named(self, doc: Doc, start: int, end: int) -> tuple[kb.MinistryEntry, ...]:
        words = [t.text for t in doc[start:end]]
        hits = self.known.get(kb.name_key(words), [])
        return tuple(e for w, e in hits if _same_case(w, words))

    def _not_national(self, doc: Doc, cand: Candidate) -> bool:
        """Whether the words around the name show an international body or a university."""
        for p in self.patterns:
            if cand.start > 0 and doc[cand.start - 1].text in p.not_national:
                return True
            k = cand.end
            while k < len(doc) and k - cand.end < 3 and doc[k].lower_ in p.not_national_skip:
                k += 1
            if k > cand.end and k < len(doc) and doc[k].text in p.not_national:
                return True
        return False

    def _generic_before(self, doc: Doc, start: int) -> bool:
        p = self.patterns[0]
        k = start - 1
        if k >= 0 and kb.country_of_word(doc[k].text, self.lang):
            k -= 1
        return k >= 0 and doc[k].lower_ in p.generic

    def _window(self, doc: Doc, span: Span) -> tuple[int, int]:
        """The clause around a span: its sentence, cut at clause breaks."""
        sent = doc[span.start].sent
        lo, hi = sent.start_char, sent.end_char
        text = self._text
        for mark in self.patterns[0].clause_breaks:
            cut = text.rfind(mark, lo, span.start_char)
            if cut >= 0:
                lo = max(lo, cut + 1)
            cut = text.find(mark, span.end_char, hi)
            if cut >= 0:
                hi = min(hi, cut)
        return lo, hi

    # -- the component ------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        self._cache = {}
        view = view_of(doc)
        self._text = view.text
        self._words = view.token_texts
        keys = [kb.name_key_word(w) for w in self._words]
        candidates = self.known_names(doc, keys)
        for p in self.patterns:
            if p.country_links:
                for cand in candidates:
                    if cand.kind == "known" and cand.country is None:
                        self._country_suffix(doc, cand, p)
        for p in self.patterns:
            candidates += self.productive(doc, p)
            candidates += self.compounds(doc, p)
        year = reference_year(doc)
        # Country words right before a candidate belong to it: they are no clue for its neighbours
        # ("the Ministry of Defence and the Japanese Ministry of Defense").
        mentions = self._mentions(doc, self.lang)
        ends = {m.end for m in mentions}
        self._claimed = set()
        for cand in candidates:
            gap = kb.skip_back(self._text, doc[cand.start].idx)
            if gap in ends:
                self._claimed.add(gap)
        found: dict[tuple[int, int], dict[str, Any]] = {}
        for cand in candidates:
            attrs = self.resolve(doc, cand, year)
            if attrs is not None and (cand.start, cand.end) not in found:
                found[(cand.start, cand.end)] = attrs
        # "Name (ABBR)": the abbreviation is a mention of its own, of the same ministry.
        bracketed: dict[int, dict[str, Any]] = {}
        for (_start, end), attrs in found.items():
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    and _ABBREVIATION.match(doc[end + 1].text):
                bracketed[end + 1] = self._abbreviation_attrs(doc[end + 1].text, attrs, year)
        for cand in self.abbreviations(doc):
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

    def _abbreviation_attrs(self, abbr: str, named: dict[str, Any], year: int | None) -> dict[str, Any]:
        """The attributes of an abbreviation bracketed after a name: those of the name."""
        attrs = dict(named)
        entries = [e for e in self.all_abbr.get(abbr, ()) if e.ministry.country == named.get("country")]
        entry = kb.choose_entry(entries, named.get("country"), year) if entries else None
        if entry is not None:
            attrs.update(country=entry.ministry.country, portfolio=entry.ministry.portfolio,
                         ministry_id=entry.ministry.id)
        return attrs


def _same_case(name_words: tuple[str, ...] | list[str], words: list[str]) -> bool:
    """Whether text words are capitalised where the name's words are ("Foreign Office", not "foreign office")."""
    return all(a[:1].isupper() == b[:1].isupper() for a, b in zip(name_words, words, strict=False))


def _country_prefix_words(lang: str) -> frozenset[str]:
    if not has_file(lang, "ministries.toml"):
        return frozenset()
    data = load_toml(lang, "ministries.toml").get("country_prefixes", {})
    return frozenset(w.lower().rstrip("-") for words in data.values() for w in words)


@Language.factory("bilat_ministries")
def make_ministries(nlp: Language, name: str) -> MinistriesComponent:
    return MinistriesComponent(nlp, name)
