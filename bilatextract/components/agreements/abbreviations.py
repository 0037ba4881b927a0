"""Abbreviations: defined in brackets after a name, shortened in a coordination, aliases in
brackets, and later mentions of defined or known abbreviations."""

from __future__ import annotations

import bisect
from itertools import compress
from operator import attrgetter

from spacy.tokens import Doc

from .words import _CLOSE_QUOTES, _OPEN_QUOTES, Found, Word, _acronym

_text = attrgetter("text")


class Abbreviations:
    """Mixin of the component: abbreviations linked to their names."""

    def _abbreviations(self, doc: Doc, words: list[Word], chosen: list[Found]) -> tuple[list[Found], set[str]]:
        for f in chosen:
            self._link_known(words, f)
        covered = [False] * len(words)
        for f in chosen:
            for k in range(f.start, f.end):
                covered[k] = True
        defined: dict[str, Found] = {}
        extra: list[Found] = []

        def add(new: Found) -> None:
            if any(covered[k] for k in range(new.start, new.end)):
                return
            for k in range(new.start, new.end):
                covered[k] = True
            extra.append(new)

        starts = [g.start for g in chosen]
        for f in list(chosen):
            bracket = self._bracket_abbrev_after(words, f.end)
            if bracket is not None:
                a, b = bracket
                abbr = " ".join(w.text for w in words[a:b])
                f.abbreviation = abbr
                defined.setdefault(abbr, f)
                add(Found(a, b, name=f.name, abbreviation=abbr, known=f.known))
                after = b + (2 if words[b].text in _CLOSE_QUOTES else 1)
                self._coordinated_shortening(words, after, f, add, defined)
            else:
                self._bracket_alias(words, f, chosen, starts)
            before = self._abbrev_before_bracket(words, f)
            if before is not None:
                abbr = words[before].text
                f.abbreviation = f.abbreviation or abbr
                defined.setdefault(abbr, f)
                add(Found(before, before + 1, name=f.name, abbreviation=abbr, known=f.known))
        known_in_doc = {f.known for f in chosen + extra if f.known is not None}
        # "Environmental Protection Agency (EPA)": the document defines the letters as something else
        mention_ends = {f.end for f in chosen + extra}
        # the only words the rest looks at
        wanted = self.known_abbrevs.keys() | defined.keys() if defined else self.known_abbrevs
        listed = list(compress(range(len(words)), map(wanted.__contains__, map(_text, words))))
        defined_otherwise = {
            words[i].text
            for i in listed
            if 1 <= i <= len(words) - 2 and words[i - 1].text == "(" and words[i + 1].text == ")"
            and i - 1 not in mention_ends and words[i].text in self.known_abbrevs and words[i].text not in defined
        }
        resume = 0  # after a known abbreviation of several words
        for i in listed:
            w = words[i]
            if i < resume or covered[i] or not w.is_word:
                continue
            if w.text in defined:
                full = defined[w.text]
                add(Found(i, i + 1, name=full.name, abbreviation=w.text, known=full.known))
                continue
            hit = None
            for seq, idx in self.known_abbrevs.get(w.text, ()):
                if self._match_seq(words, i, seq) and not any(covered[i + k] for k in range(len(seq))):
                    hit = (seq, idx)
                    break
            if hit is not None:
                seq, idx = hit
                canonical, _, ambiguous = self.known[idx]
                if seq[0] in defined_otherwise:
                    pass
                elif not ambiguous or idx in known_in_doc or self._cue_near(doc, words[i]):
                    add(Found(i, i + len(seq), name=canonical, abbreviation=" ".join(seq), known=idx))
                resume = i + len(seq)
        return sorted(chosen + extra, key=lambda f: f.start), set(defined)

    def _coordinated_shortening(self, words: list[Word], k: int, full: Found, add, defined) -> None:
        """"X (EPA) und eine Strategische Partnerschaft (SPA)": the shortened second name and its abbreviation."""
        for conj in self.conjunctions:
            if self._match_seq(words, k, conj):
                k += len(conj)
                break
        else:
            return
        if k < len(words) and words[k].text in self.coord_articles:
            k += 1
        start = k
        while k < len(words) and k - start < 5 and words[k].is_word and words[k].text[:1].isupper() \
                and not _acronym(words[k].text):
            k += 1
        if k == start:
            return
        bracket = self._bracket_abbrev_after(words, k)
        if bracket is None:
            return
        a, b = bracket
        abbr = " ".join(w.text for w in words[a:b])
        short = Found(start, k, abbreviation=abbr)
        self._link_known(words, short)
        if short.known is None:
            idx = self._known_abbrev_index(abbr)
            if idx is not None and self.known[idx][0]:
                short.name = self.known[idx][0]
                short.known = idx
        add(short)
        defined.setdefault(abbr, short)
        add(Found(a, b, name=short.name, abbreviation=abbr, known=short.known))

    def _abbrev_before_bracket(self, words: list[Word], f: Found) -> int | None:
        """"CEPA (Comprehensive Economic Partnership Agreement)": the word index of CEPA."""
        k = f.start - 1
        if k >= 0 and words[k].text in _OPEN_QUOTES:
            k -= 1
        e = f.end
        if e < len(words) and words[e].text in _CLOSE_QUOTES:
            e += 1
        if k >= 1 and words[k].text == "(" and e < len(words) and words[e].text == ")" \
                and _acronym(words[k - 1].text):
            return k - 1
        return None


    def _bracket_alias(self, words: list[Word], f: Found, chosen: list[Found], starts: list[int]) -> None:
        """"Gemeinsame Erklärung ... („Hannover-Deklaration“)": the alias names the full form."""
        k = f.end
        if k >= len(words) or words[k].text != "(":
            return
        k += 1
        if k < len(words) and words[k].text in _OPEN_QUOTES:
            k += 1
        j = bisect.bisect_left(starts, k)
        if j < len(chosen) and chosen[j].start == k:
            alias = chosen[j]
            alias.name = f.name
            if f.abbreviation and not alias.abbreviation:
                alias.abbreviation = f.abbreviation

    def _cue_near(self, doc: Doc, w: Word) -> bool:
        if self.cue_re is None and self.cue_words_re is None:
            return False
        span = doc.char_span(w.start, w.end, alignment_mode="expand")
        if span is None:
            return False
        sentence = span.sent.text
        if self.cue_words_re is not None and self.cue_words_re.search(sentence):
            return True
        return self.cue_re is not None and bool(self.cue_re.search(sentence.lower()))


