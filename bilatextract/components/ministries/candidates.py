"""Where MINISTRY candidates start and the candidates found there: known names, productive
names, compounds, abbreviations (a mix-in of ``MinistriesComponent``)."""

from __future__ import annotations

import bisect
import operator
from itertools import compress, repeat
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ... import knowledge as kb
from ..triggers import WordTriggers
from .patterns import Candidate, PatternSet, _country_prefix_words

#: What a word can start: a known name, an abbreviation (bits of the marks of ``CandidateFinder._word_marks``).
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
    triggers: WordTriggers
    fused_heads: tuple[str, ...]  # the fused heads of every pattern set, in small letters

    # -- where candidates can start -----------------------------------------------------

    def _compile_triggers(self, vocab: Vocab) -> tuple[WordTriggers, tuple[str, ...]]:
        """The words a candidate can start at, as one-token patterns (``ORTH``: heads and
        abbreviations; ``LOWER``: the first words of known names in every inflected form their
        key allows), and the fused heads ("…ministerium") looked for in the text."""
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
        heads = tuple(sorted({h for p in self.patterns for h in p.compound_heads}, key=len, reverse=True))
        return triggers, heads

    def _compile_marks(self) -> None:
        """What each trigger string can start, judged once when compiling (``_judge`` without the
        fused compounds, which ``_fused_positions`` finds): by word for the ``ORTH`` patterns, by
        spaCy's ``LOWER`` value for the ``LOWER`` patterns; and the strings the fused heads
        contain, looked for in the text in small letters."""
        strings = self.triggers.vocab.strings
        in_trie = self.known_trie.__contains__
        self._lower_marks = {strings.add(form): _STARTS_KNOWN
                             for form in self.triggers.patterns["LOWER"] if in_trie(kb.name_key_word(form))}
        self._orth_marks = {word: mark for word in self.triggers.patterns["ORTH"] if (mark := self._judge_plain(word))}
        shortest: list[str] = []
        for head in sorted(self.fused_heads, key=len):
            if not any(s in head for s in shortest):
                shortest.append(head)
        self._fused_stems = tuple(shortest)
        # The first words of known names are triggers; the words after them are read by key.
        self._word_keys = kb.name_key_forms(_trie_keys(self.known_trie))
        self._hash_keys = {strings.add(form): key for form, key in self._word_keys.items()}
        self._key_table = kb.name_key_table()

    def _word_marks(self, doc: Doc, text: str, starts: list[int], words: list[str]
                    ) -> tuple[dict[int, int], list[int]]:
        """What each word can start, for the words that can start something (a superset of the
        words ``_judge`` marks is found in C; each is judged by its compiled marks), and the
        ``LOWER`` value of every token."""
        loose, lowers = self.triggers.loose_positions(doc)
        if len(lowers) != len(words):  # no patterns: no value read
            lowers = [0] * len(words)
        found = list(map(operator.or_, map(self._orth_marks.get, map(words.__getitem__, loose), repeat(0)),
                         map(self._lower_marks.get, map(lowers.__getitem__, loose), repeat(0))))
        marks = dict(compress(zip(loose, found, strict=True), found))
        for i in self._fused_positions(text, starts, words):
            mark = self._judge_fused(words[i])
            if mark:
                marks[i] = marks.get(i, 0) | mark
        return marks, lowers

    def _fused_positions(self, text: str, starts: list[int], words: list[str]) -> set[int]:
        """The tokens that hold one of the fused heads' strings in small letters (a superset of
        the tokens ending in a fused head)."""
        found: set[int] = set()
        if not self._fused_stems:
            return found
        low = text.lower()
        if len(low) != len(text):  # a character whose small letter is two ("İ"): word by word
            return {i for i, w in enumerate(words) if any(s in w.lower() for s in self._fused_stems)}
        for stem in self._fused_stems:
            q = low.find(stem)
            while q >= 0:
                found.add(bisect.bisect_right(starts, q) - 1)
                q = low.find(stem, q + 1)
        return found

    def _judge(self, word: str) -> int:
        """What a word can start: a known name, an abbreviation, a pattern's name."""
        return self._judge_plain(word) | self._judge_fused(word)

    def _judge_plain(self, word: str) -> int:
        """``_judge`` but for fused compounds."""
        mark = _STARTS_KNOWN if kb.name_key_word(word) in self.known_trie else 0
        if word in self.all_abbr or word in self.generic_abbr:
            mark |= _STARTS_ABBREVIATION
        for k, p in enumerate(self.patterns):
            head, _fused, separate = _pattern_bits(k)
            if word in p.heads or word in p.lowercase_prod_heads:
                mark |= head
            if word in p.two_word_heads:
                mark |= separate
        return mark

    def _judge_fused(self, word: str) -> int:
        """The fused-compound bits of ``_judge``: the word ends in a pattern set's fused head and
        splits into a known field ("Außenministerium")."""
        mark = 0
        if not word[:1].isupper():
            return mark
        for k, (p, splits) in enumerate(zip(self.patterns, self._compounds, strict=True)):
            if p.compound_heads and word.lower().endswith(p.compound_heads) and splits[word] is not None:
                mark |= _pattern_bits(k)[1]
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
        lowers = self._lowers  # spaCy's LOWER per token; 0 where the word was recased
        n = len(texts)
        hash_keys, word_keys, table = self._hash_keys, self._word_keys, self._key_table
        for i in positions:
            ends = []  # (end, names) of the known names whose keys start at i, shortest first
            node = self.known_trie
            j = i
            while j < n:
                # kb.name_key_word(texts[j]) where it is a key of the trie: by the word's LOWER value;
                # a word with none is no key where it is alphabetic (its form is itself in small letters)
                key = hash_keys.get(lowers[j])
                if key is None:
                    word = texts[j]
                    if lowers[j] and word.isalpha():
                        break
                    low = word.lower()
                    key = word_keys.get(low)
                    if key is None:
                        key = word_keys.get(low.translate(table))
                node = node.get(key)  # type: ignore[arg-type]
                if node is None:
                    break
                j += 1
                if "" in node:
                    ends.append((j, node[""]))
            for end, hits in reversed(ends):
                entries = self._named_from(tuple(texts[i:end]), hits)
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
        """The country mentions of the text in ``lang``. Found by the scanners over the whole text:
        on text read once that costs a third of judging where each token can start a form (the
        per-word memos of ``country_mentions(..., tokens)`` pay only on words seen before); the
        ministers component then reads the same list."""
        cache = self._cache
        if lang not in cache:
            cache[lang] = kb.country_mentions(self._text, lang)
        return cache[lang]


def _trie_keys(trie: dict[str, Any]) -> set[str]:
    """The word keys of every level of a trie of keys (its "" entries hold values)."""
    keys: set[str] = set()
    stack = [trie]
    while stack:
        node = stack.pop()
        for key, child in node.items():
            if key:
                keys.add(key)
                stack.append(child)
    return keys


def _past_space(words: list[str], j: int) -> int:
    """The first position from ``j`` that is not a whitespace token (a line break, a double space)."""
    n = len(words)
    while j < n and words[j].isspace():
        j += 1
    return j
