"""Where MINISTRY candidates start and the candidates found there: known names, productive
names, compounds, abbreviations (a mix-in of ``MinistriesComponent``)."""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ... import knowledge as kb
from ..triggers import WordTriggers
from .patterns import Candidate, PatternSet, _country_prefix_words

#: What a word can start: a known name, an abbreviation (bits of ``MinistriesComponent._starts_of``).
_STARTS_KNOWN, _STARTS_ABBREVIATION = 1, 2


def _pattern_bits(k: int) -> tuple[int, int, int]:
    """The bits for what a word can start in the ``k``-th pattern set: a productive name (a
    head), a fused compound, a two-word compound (its head)."""
    return 4 << (3 * k), 8 << (3 * k), 16 << (3 * k)


class CandidateFinder:
    """The candidate-finding half of ``MinistriesComponent``."""

    lang: str
    patterns: list[PatternSet]
    known_trie: dict[str, Any]
    all_abbr: dict[str, tuple[kb.MinistryEntry, ...]]
    strong_abbr: dict[str, tuple[kb.MinistryEntry, ...]]
    generic_abbr: dict[str, str]

    # -- where candidates can start -----------------------------------------------------

    def _compile_triggers(self, vocab: Vocab) -> tuple[WordTriggers, re.Pattern[str] | None]:
        """The words a candidate can start at, as one-token patterns (``ORTH``: heads and
        abbreviations; ``LOWER``: the first words of known names in every inflected form their
        key allows), and one pattern of the fused heads ("…ministeriums") found in the text."""
        triggers = WordTriggers(vocab)
        endings, replace = kb.name_key_rules()
        undo = [(dst, src) for src, dst in replace.items()]
        forms: set[str] = set()
        for key in self.known_trie:
            for form in (key, *(key + e for e in endings)):
                forms.add(form)
                forms.update(form.replace(dst, src) for dst, src in undo if dst in form)
        triggers.add("LOWER", forms)
        triggers.add("ORTH", [*self.all_abbr, *self.generic_abbr])
        for p in self.patterns:
            triggers.add("ORTH", [*p.heads, *p.lowercase_prod_heads, *p.two_word_heads])
        heads = sorted({h for p in self.patterns for h in p.compound_heads}, key=len, reverse=True)
        fused = re.compile("(?i:" + "|".join(map(re.escape, heads)) + ")") if heads else None
        return triggers, fused

    def trigger_positions(self, doc: Doc, text: str, starts: list[int], words: list[str]) -> list[int]:
        """The tokens where a candidate may start: a superset of the words ``_judge`` marks."""
        found = self.triggers.positions(doc)
        if self.fused_heads is not None:
            extra = []
            for m in self.fused_heads.finditer(text):
                end = m.end()
                i = bisect.bisect_right(starts, end - 1) - 1
                if i >= 0 and starts[i] + len(words[i]) == end:
                    extra.append(i)
            if extra:
                found = sorted(set(found).union(extra))
        return found

    def _mark(self, words: list[str], positions: list[int]) -> list[int]:
        """What each word can start (0: nothing), judged at ``positions`` only (the words where
        something may start; every other word starts nothing)."""
        marks = [0] * len(words)
        starts_of = self._starts_of
        for i in positions:
            marks[i] = starts_of[words[i]]
        return marks

    def _judge(self, word: str) -> int:
        """What a word not seen before can start: a known name, an abbreviation, a pattern's name."""
        mark = _STARTS_KNOWN if kb.name_key_word(word) in self.known_trie else 0
        if word in self.all_abbr or word in self.generic_abbr:
            mark |= _STARTS_ABBREVIATION
        for k, (p, splits) in enumerate(zip(self.patterns, self._compounds, strict=True)):
            head, fused, separate = _pattern_bits(k)
            if word in p.heads or word in p.lowercase_prod_heads:
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
            link = _past_space(words, i + 1)  # "Ministry of  Foreign Affairs" in a page menu
            if link >= n or words[link].lower() not in p.links:
                continue
            j = _past_space(words, link + 1)
            if j < n and words[j].lower() in p.link_articles:
                j = _past_space(words, j + 1)
            lowercase = head in p.lowercase_prod_heads
            if lowercase:  # "ministry of external affairs": lowercase words of known fields only
                end = p.field_run(words, j, 4)
                if end == j or any(not w.islower() for w in words[j:end]):
                    continue
            else:
                end = p.fields(words, j, head in p.strong_heads)
            if end is None:
                continue
            portfolio = self._portfolios[p.lang][self._span_text(link + 1, end)]
            if (head in p.weak_heads or lowercase) and portfolio in (None, "other"):
                continue  # "Department of Information": no portfolio, a known name or nothing
            cand = Candidate(i, end, end, p.lang, "productive", portfolio=portfolio,
                             default_country=p.head_countries.get(head), needs_country=lowercase)
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
            low = words[i].lower()
            cand.default_country = next((code for h, code in p.compound_head_countries.items() if low.endswith(h)),
                                        None)
            self._elliptical(cand, p)
            self._prefix(cand, p.compound_prefixes)
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
                # "the finance ministry": the context may name its country
                definite = lowercase and i - k > 0 and words[i - k - 1].lower() in p.definite_articles
                cand = Candidate(i - k, i + 1, i + 1, p.lang, "compound", portfolio=portfolio,
                                 needs_adjacent_country=lowercase and not definite, needs_country=definite)
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
                generic = self.generic_abbr.get(word)  # "MFA": a ministry of the country the context names
                if generic is not None:
                    out.append(Candidate(i, i + 1, i + 1, self.lang, "abbreviation", portfolio=generic,
                                         needs_country=True))
                continue
            if word not in self.strong_abbr:
                bracketed = 0 < i < n - 1 and words[i - 1] == "(" and words[i + 1] == ")"
                listed = any(
                    0 <= i + 2 * d < n and words[i + d].lower() in self.patterns[0].abbreviation_separators
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
        k = cand.start - 1
        while k > 0 and self._words[k].isspace():  # a line break inside the name
            k -= 1
        if k >= 0 and self._words[k] in prefixes:
            cand.start = k
            cand.default_country = prefixes[self._words[k]]

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


def _past_space(words: list[str], j: int) -> int:
    """The first position from ``j`` that is not a whitespace token (a line break, a double space)."""
    n = len(words)
    while j < n and words[j].isspace():
        j += 1
    return j
