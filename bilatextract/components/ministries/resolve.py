"""The attributes of MINISTRY candidates: country, portfolio, knowledge-base id (a mix-in of
``MinistriesComponent``)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ... import knowledge as kb
from ..._memo import MEMO_LIMIT
from .patterns import Candidate, _capitals


class Resolver:
    """The resolving half of ``MinistriesComponent``."""

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
        # A name no country word marks, whose first word is a prefix several governments use
        # ("Bundeskanzleramt", "Federal Ministry of Finance"): its known or default country is weak.
        self._last_shared = kb.shared_prefix_countries(words[cand.start], self.lang, p.shared_prefixes) \
            if country is None and cand.kind != "abbreviation" else ()
        if country is None and len(countries) == 1:
            country = countries[0]
            if self._last_shared and country == self._last_shared[0] and not self._generic_after_prefix(words, cand):
                # A distinctive name the knowledge base gives to the prefix's own government alone
                # ("Federal Foreign Office") is that government's, whatever else the text names; a
                # generic one ("Federal Ministry of Finance", "Bundesministerium für …") stays weak.
                self._last_shared = ()
            # A known name with a shared prefix that only a government other than the prefix's default
            # uses: the government that writes the prefix in this document ("Bundesministerium für
            # europäische und internationale Angelegenheiten" beside "Bundeskanzleramt").
            if self._last_shared and country != self._last_shared[0]:
                self._own_evidence.add(country)
        if country is None:
            country = cand.default_country
        if country is None:
            # A name several countries use, in a text that names none of them ("the Foreign
            # Office" of a Pakistani text): the context's country, as for a generic name.
            # A lowercase or generic short form ("the finance ministry", "MFA") speaks for the
            # government the document is about, not for the country named next to it.
            generic = len(countries) > 1 and not any(m.code in countries for m in mentions)
            country = self._context_country(doc, cand, start_char, end_char, () if generic else countries,
                                            document=generic or cand.needs_country)
            if country is None and countries and not generic:
                country = countries[0]
        if country is None and (cand.kind == "compound" or cand.needs_country):
            return None  # a bare "Außenministerium", "MFA" of no particular country
        if self._last_shared and country in self._last_shared:
            self._weak.setdefault((cand.start, cand.end), (cand, self._last_shared))
        return self._attributes(cand, entries, country, year)

    def _context_country(self, doc: Doc, cand: Candidate, start_char: int, end_char: int,
                         countries: tuple[str, ...], document: bool = False) -> str | None:
        """The country of the candidate's clause, else (or with ``document``, at once) the
        document's; among ``countries``, if any."""
        p = self.patterns[0]
        pool = [m for m in self._mentions(self.lang) if not countries or m.code in countries]
        country = None
        if not document:
            lo, hi = self._window(doc, cand.start, start_char, end_char)
            free = [m for m in pool if m.end not in self._claimed]
            country = kb.nearest_country(free, start_char, end_char, lo, hi)
        if country is None:
            own = () if cand.kind == "known" and countries else \
                p.own_names.get(cand.portfolio or "", p.own_names.get("*", ()))
            country = kb.main_country(pool, exclude=own, text=self._text if p.document_pairs else None)
        return country

    def _attributes(self, cand: Candidate, entries: tuple[kb.MinistryEntry, ...], country: str | None,
                    year: int | None) -> dict[str, Any]:
        """Country, portfolio and knowledge-base id of a candidate whose country is decided."""
        entry = self._choose_entry(entries, country, year)
        known = entry.ministry if entry else None
        portfolio = known.portfolio if known else cand.portfolio
        if portfolio is None and entries:  # "the Japanese Foreign Office": a known name, another country
            portfolio = entries[0].ministry.portfolio
        if known is None and country and portfolio and portfolio != "other":
            known = kb.find_ministry(country, portfolio, year)
        attrs: dict[str, Any] = {"country": country, "portfolio": portfolio}
        if known is not None:
            attrs["ministry"] = known.id
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
        return self._named(tuple(w for w in self._words[start:end] if not w.isspace()))

    def _named(self, words: tuple[str, ...]) -> tuple[kb.MinistryEntry, ...]:
        """The known entries these words name, with their capitals; memoised per word sequence
        (a document names its ministries again and again)."""
        entries = self._names_seen.get(words)
        if entries is None:
            entries = self._named_from(words, self.known.get(kb.name_key(words), []))
        return entries

    def _named_from(self, words: tuple[str, ...], hits: list[tuple[tuple[bool, ...], kb.MinistryEntry]]
                    ) -> tuple[kb.MinistryEntry, ...]:
        """``_named(words)``, given the known names of their key (``hits``)."""
        entries = self._names_seen.get(words)
        if entries is None:
            if len(self._names_seen) >= MEMO_LIMIT:
                self._names_seen.clear()
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
        """Whether a determiner stands before the name, or before the country word before it ("dieses
        japanische Ministerium"). The country word is looked for only where a determiner could count."""
        generic = self.patterns[0].generic
        words = self._words
        k = start - 1
        if k < 0:
            return False
        if words[k].lower() not in generic and (k == 0 or words[k - 1].lower() not in generic):
            return False
        if kb.country_of_word(words[k], self.lang):
            k -= 1
        return k >= 0 and words[k].lower() in generic

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

    def _generic_after_prefix(self, words: Any, cand: Any) -> bool:
        """Whether the name goes on from its shared prefix with a ministry head word ("Federal Ministry
        of …", "Bundesministerium für …"), as any government's ministry of that field would."""
        stems = self.patterns[0].head_stems
        first = words[cand.start].lower()
        rest = [first[len(p):] for p in self.patterns[0].shared_prefixes if first.startswith(p)]
        following = [words[cand.start + 1].lower()] if cand.start + 1 < cand.end else []
        return any(w.startswith(stems) for w in [*(r.lstrip("-") for r in rest if r), *following])

    def _settle_shared(self, found: dict[tuple[int, int], dict[str, Any]], year: int | None) -> None:
        """Names resolved on a shared prefix alone (``resolve`` notes them in ``_weak``) take the
        document's own government among those sharing the prefix (``_own_government``)."""
        for key, (cand, sharing) in self._weak.items():
            attrs = found.get(key)
            if attrs is None or attrs.get("country") not in sharing:
                continue
            code = self._own_government(sharing, attrs["country"])
            if code != attrs["country"]:
                entries = cand.entries or self._entries_named(cand.start, cand.name_end)
                found[key] = self._attributes(cand, entries, code, year)

    def _own_government(self, sharing: tuple[str, ...], default: str) -> str:
        """The government, among those that share a name's prefix, that the document is written from:
        the one its other names with the prefix belong to, else the one it names most (leaving out
        country words of other ministries) where it does not name ``default`` at all; else ``default``."""
        own = self._own_evidence.intersection(sharing)
        if len(own) == 1:
            return next(iter(own))
        if own:
            return default
        pool = [m for m in self._mentions(self.lang) if m.code in sharing and m.end not in self._claimed]
        if not pool or any(m.code == default for m in pool):
            return default
        return kb.main_country(pool) or default

    def _abbreviation_attrs(self, abbr: str, named: dict[str, Any], year: int | None) -> dict[str, Any]:
        """The attributes of an abbreviation bracketed after a name: those of the name."""
        attrs = dict(named)
        entries = [e for e in self.all_abbr.get(abbr, ()) if e.ministry.country == named.get("country")]
        entry = kb.choose_entry(entries, named.get("country"), year) if entries else None
        if entry is not None:
            attrs.update(country=entry.ministry.country, portfolio=entry.ministry.portfolio,
                         ministry=entry.ministry.id)
        return attrs

