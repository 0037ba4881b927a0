"""Which phrases around a head are names: the decisions between a name and a generic reference
(determiners, plurals, bare heads), heads that need a signing, lowercase heads after a name."""

from __future__ import annotations

from spacy.tokens import Doc

from .grammar import _DateStarts
from .words import Found, Word, _acronym


class Mentions:
    """Mixin of the component: the rule-found mentions of a stretch of words."""

    def _rule_mentions(self, doc: Doc, words: list[Word], triggers: list[int], dates: _DateStarts) -> list[Found]:
        out: list[Found] = []
        for i in triggers:
            head = self._head_at(words, i)
            if head is None:
                continue
            he, kind = head
            found = self._lower_head_mention(words, i, he, dates) if kind == "lower" else \
                self._head_mention(doc, words, i, he, kind, dates)
            if found is not None:
                out.append(found)
        return out

    def _lower_head_mention(self, words: list[Word], i: int, he: int, dates: _DateStarts) -> Found | None:
        """"the Prespa agreement", "Dayton peace accords", "ACSA agreement": a lowercase head after a
        capitalised name (and lowercase modifiers of the kind of instrument)."""
        s = i
        while s > 0 and words[s - 1].text in self.lower_head_modifiers and s > i - 3:
            s -= 1
        ps = self._premodifier_start(words, s)
        while ps < s and words[ps].text in self.coordinators:
            ps += 1
        if ps == s or words[ps].sentence_initial:
            return None  # a capitalised word at a sentence start is no evidence of a name
        if ps + 1 < s and _acronym(words[ps].text) and not _acronym(words[ps + 1].text):
            ps += 1  # "the EU Lisbon agreement": the organisation is no part of the name
        if he < len(words) and words[he].text in self.other_name_words:
            return None
        if any(w.text in self.stop_words or w.text in self.other_name_words for w in words[ps:s]):
            return None  # "the Monday agreement", "the Council agreement"
        return Found(ps, he)  # a short name: what follows describes it ("Dayton peace accords for Bosnia")

    def _head_mention(
        self, doc: Doc, words: list[Word], i: int, he: int, kind: str, dates: _DateStarts
    ) -> Found | None:
        head_text = " ".join(w.text for w in words[i:he])
        if kind in ("plain", "bare", "signed_words") and he < len(words) and words[he].text in self.other_name_words:
            return None  # "Tokyo International Convention Center", "North Atlantic Treaty Organization"
        compound = kind in ("compound", "signed")
        s = self._coordinated_start(words, i) if compound else i
        ps = self._premodifier_start(words, s)
        if compound and ps < s and self._coordinated_start(words, ps) < ps:
            # "Wirtschaftspartnerschafts- und Strategisches Partnerschaftsabkommen"
            s = self._coordinated_start(words, ps)
            ps = self._premodifier_start(words, s)
        if compound and ps == s and s > 0 and words[s - 1].text in self.lower_premodifiers:
            ps = s - 1  # "des vertieften Partnerschafts- und Kooperationsabkommens"
        has_premod = ps < s
        bare = kind in ("plain", "bare", "signed_words") and not has_premod
        ce = self._complement_end(words, he, allow_relational=bare, dates=dates)
        if ce == he and has_premod and not compound and he + 1 < len(words) and words[he].text in self.year_starters \
                and _year(words[he + 1].text):
            ce = he + 2  # "Interim Accord of 1995"
        if ce == he:
            ce = self._complement_after_bracket(words, he, dates)
        if ce == he and compound and he < len(words) and self._party_pair(words[he].text):
            ce = he + 1  # "Assoziierungsabkommens EU-Ukraine"
        has_complement = ce > he
        if kind in ("signed", "signed_words") and not self._signed(dates, words[i]):
            return None
        if kind == "plain":
            if head_text in self.need_premodifier:
                if not has_premod:
                    return None
            elif not (has_premod or has_complement):
                return None
            # a sentence-initial capitalised word is weak evidence of a name
            if has_premod and not has_complement and words[ps].sentence_initial and ps == s - 1 \
                    and self.nouns_capitalised:
                return None
        if has_premod and self.nouns_capitalised and words[ps].sentence_initial and not has_complement \
                and compound:
            ps = s
            has_premod = False
        if not (self.indefinite or self.quantifiers):
            return Found(ps, ce)
        determiner = self._determiner(words, ps)
        parties_end = ce
        if compound and not has_complement and not has_premod and self._known_of(head_text) is None:
            # "des Freihandelsabkommens zwischen der Schweiz und China": the parties name an
            # agreement that has no name of its own (not "Wirtschaftspartnerschaftsabkommen zwischen ...")
            parties_end = self._complement_end(words, he, allow_relational=True, dates=dates, parties_name=True)
            if determiner == "definite":
                ce = parties_end
        # a capitalised German adjective ("eine Gemeinsame Absichtserklärung") marks a name
        named_by_premod = has_premod and self.nouns_capitalised and not words[ps].sentence_initial
        if named_by_premod or self._bracket_abbrev_after(words, ce) is not None:
            return Found(ps, ce)
        if determiner == "quantifier":
            return None
        if determiner == "indefinite":
            # "unterzeichnet ein Abkommen über Soziale Sicherheit": a signed instrument is specific
            if not ((has_complement or parties_end > he) and self._signed(dates, words[i])):
                return None
        elif determiner is None and not has_premod and (
            (kind == "plain" and head_text in self.plural_heads)
            or (compound and head_text.lower().endswith(self.plural_endings))
        ):
            return None  # "Vereinbarungen über ...", "Delegierte für Handelsverträge"
        return Found(ps, ce)

    def _complement_after_bracket(self, words: list[Word], he: int, dates: _DateStarts) -> int:
        """"Memorandum of Understanding (MoU) on Economic Cooperation": a complement after the
        abbreviation in brackets belongs to the title (and the abbreviation with it)."""
        bracket = self._bracket_abbrev_after(words, he)
        if bracket is None or bracket[1] >= len(words) or words[bracket[1]].text != ")":
            return he
        ce = self._complement_end(words, bracket[1] + 1, allow_relational=False, dates=dates, no_parties=True)
        return ce if ce > bracket[1] + 1 else he

    def _signed(self, facts: _DateStarts, w: Word) -> bool:
        """Does the sentence of word ``w`` tell of a signing, initialling or conclusion?"""
        return self.signing_re is not None and facts.signed(w.start, self.signing_re)


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit()
