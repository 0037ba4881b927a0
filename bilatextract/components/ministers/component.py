"""The ``bilat_ministers`` component and the work on one document."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable
from itertools import compress
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import knowledge as kb
from ...resources import check_language
from ..base import SPAN_KEY, reference_year, set_spans, view_of, written_mentions
from ..persist import Persisted, deferred, reads_its_models
from . import holders
from .countries import CountriesMixin
from .model import (
    RANK_TITLE,
    Mention,
    Person,
    _is_caps,
    _OffsetIndex,
    _Output,
    name_key,
    person_key,
    split_namesakes,
)
from .names_doc import NamesMixin
from .patterns import Patterns
from .persons import PersonsMixin
from .titles import TitlesMixin
from .words import WordReader

#: A run of two words in capitals: a line in capitals may name countries in capitals. (The word start
#: is checked after two capitals, not at every character: a pattern starting with ``\b`` is tried everywhere.)
_CAPS_RUN = re.compile(r"[A-ZÄÖÜ]{2}(?<!\w..)[A-ZÄÖÜ]*\s+[A-ZÄÖÜ]{2,}\b")


class MinistersComponent(Persisted):
    """MINISTER mentions into ``doc.spans[spans_key]`` (reading the MINISTRY spans already there)."""

    def __init__(self, nlp: Language, name: str, spans_key: str = SPAN_KEY) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        self.spans_key = spans_key
        self.p = Patterns(self.lang)
        self.words = WordReader(self.p.possessive_endings)

    # ================================================================ the document

    @reads_its_models
    def __call__(self, doc: Doc) -> Doc:
        found = []
        tokens = _TokenOffsets(doc)
        for m in _Document(self, doc).mentions():
            span = tokens.span(m.start, m.end) or tokens.span(m.start, m.end, expand=True)
            if span is None:
                continue
            found.append((span, m.attrs))
        set_spans(doc, "MINISTER", found, key=self.spans_key)
        return doc


def by_given_name(cands: list[Mention]) -> None:
    """A title before a single name that is the first given name of a person the document names in full
    ("Foreign Minister Maris" after "Maris Sangiampongsa", "Außenminister Faisal" after "Faisal bin Farhan
    al-Saud") names that person, where no one of that family name is named."""
    named_in_full = {m.key for m in cands if len(m.words) > 1}
    full: dict[str, Mention] = {}
    for m in cands:
        if m.given and len(m.words) > 1:
            full.setdefault(name_key(m.given.split()[0]), m)
    for m in cands:
        other = full.get(m.key) if len(m.words) == 1 and not m.given and m.key not in named_in_full else None
        if other is not None:
            m.family, m.surface, m.given, m.key = other.family, other.surface, other.given, other.key


class _TokenOffsets:
    """``Doc.char_span`` (strict or "expand") by bisection of the shared token offsets: spaCy's builds a
    Token for each offset it compares."""

    def __init__(self, doc: Doc) -> None:
        view = view_of(doc)
        self.doc = doc
        self.starts, self.texts, self.length = view.token_starts, view.token_texts, len(view.text)

    def token_at(self, pos: int) -> int:
        """The token whose characters or trailing space hold ``pos``, or -1 (spaCy's ``token_by_char``)."""
        if pos < 0 or pos >= self.length or not self.starts:
            return -1
        return bisect.bisect_right(self.starts, pos) - 1

    def span(self, start: int, end: int, expand: bool = False) -> Span | None:
        first = self.token_at(start)
        if first < 0 or (not expand and start != self.starts[first]):
            return None
        last = self.token_at(end - 1)
        if last < 0 or (not expand and end != self.starts[last] + len(self.texts[last])):
            return None
        if expand and start == self.starts[first] + len(self.texts[first]):
            first += 1  # the trailing space of a token is not part of it
        return Span(self.doc, first, last + 1)


class _Document(TitlesMixin, NamesMixin, PersonsMixin, CountriesMixin):
    """The work on one document: words, titles, mentions, persons."""

    def __init__(self, component: MinistersComponent, doc: Doc) -> None:
        self.p = component.p
        self.lang = component.lang
        self.doc = doc
        view = view_of(doc)
        self.text = view.text
        # The words, read off spaCy's tokens, as parallel lists (text, start, end): no object per word.
        self.texts, self.starts, self.ends, self.read = component.words.words(self.text, view.token_texts,
                                                                               view.token_starts)
        self.n = len(self.texts)
        self.by_start = _OffsetIndex(self.starts)
        self.by_end = _OffsetIndex(self.ends)
        self.countries = kb.country_mentions(self.text, self.lang)
        if _CAPS_RUN.search(self.text):
            self.countries = self.with_capitals(self.countries)
        self.country_by_end = {c.end: c for c in self.countries}
        # The mentions are in order and never overlap: their starts and ends are both sorted.
        self.country_starts = [c.start for c in self.countries]
        self.country_ends = [c.end for c in self.countries]
        self._lowers: list[str] | None = None
        # The words not all in small letters (a name word, and in some languages a title, is one of them),
        # their small letters, and those of them beyond ASCII: read here, while the words are at hand.
        texts = self.texts
        self.may = list(compress(range(self.n), map(operator.not_, map(str.islower, texts))))
        may_texts = list(map(texts.__getitem__, self.may))
        self.may_lowers = list(map(str.lower, may_texts))
        self.may_beyond_ascii = list(compress(self.may, map(operator.not_, map(str.isascii, may_texts))))
        self.kinds = self.word_kinds()
        self.titled: dict[int, bool] = {}  # whether a title starts at a word (``title_core``), once judged
        self.names_at: dict[int, list[int]] = {}  # the name starting at a word (``name_forward``), once judged
        self.ministries: dict[int, tuple[int, dict[str, Any]]] = {}
        # As ``spans_of`` and each span's attributes give them, without a Python span or Underscore per span.
        written = sorted((m for m in written_mentions(doc, component.spans_key) if m[0] == "MINISTRY"),
                         key=lambda m: m[1])
        for _label, start, end, attrs in written:
            self.ministries[start] = (end, attrs)
        self.ministry_countries = [attrs.get("country") for _, attrs in self.ministries.values()]
        self._sentences: list[tuple[int, int]] | None = None
        self._not_places: list[kb.CountryMention] | None = None
        self._country_counts: dict[str, int] | None = None
        self._dateline: str | None = None  # "" once looked for and none found
    def with_capitals(self, found: list[kb.CountryMention]) -> list[kb.CountryMention]:
        """The country mentions with the country names written in capitals ("OF INDONESIA")."""
        starts = {c.start for c in found}
        extra = []
        texts, word_starts, ends = self.texts, self.starts, self.ends
        for i, (word, start, end) in enumerate(zip(texts, word_starts, ends, strict=True)):
            if start in starts or not _is_caps(word):
                continue
            if i + 1 < self.n and _is_caps(texts[i + 1]) and self.gap(i + 1) == " ":  # "NEW DELHI", "SRI LANKA"
                code = self.p.country_of_word(f"{word.capitalize()} {texts[i + 1].capitalize()}")
                if code:
                    extra.append(kb.CountryMention(start, ends[i + 1], code, self.text[start : ends[i + 1]]))
                    starts.add(word_starts[i + 1])
                    continue
            if len(word) > 3:
                code = self.p.country_of_word(word.capitalize())
                if code:
                    extra.append(kb.CountryMention(start, end, code, word))
        return sorted(found + extra, key=lambda c: c.start) if extra else found

    def in_country(self, pos: int) -> bool:
        """Whether character ``pos`` lies inside a country mention: the last one starting at or before it
        (they never overlap) ends after it."""
        k = bisect.bisect_right(self.country_starts, pos) - 1
        return k >= 0 and pos < self.country_ends[k]
    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence; read only for counterparts and inferred countries."""
        if self._sentences is None:
            doc = self.doc
            if doc.has_annotation("SENT_START"):
                # ``doc.sents`` without a Span per sentence: each ends where its last token ends.
                view, n = view_of(doc), len(doc)
                starts, texts = view.token_starts, view.token_texts
                firsts = view.sentence_starts
                lasts = [k - 1 for k in firsts[1:]] + [n - 1] if n else []
                self._sentences = [(starts[a], starts[b] + len(texts[b])) for a, b in zip(firsts, lasts, strict=True)]
            else:
                self._sentences = [(0, len(self.text))]
        return self._sentences
    def gap(self, j: int) -> str:
        """The characters between word j-1 and word j."""
        if j <= 0 or j >= self.n:
            return ""
        return self.text[self.ends[j - 1] : self.starts[j]]
    @property
    def lowers(self) -> list[str]:
        """The words in small letters."""
        if self._lowers is None:
            self._lowers = list(map(str.lower, self.texts))
        return self._lowers

    def word_kinds(self) -> dict[int, int]:
        """``Patterns.word_kind`` of the words where it is not 0, by word index: judged only at the
        words the patterns' one-word forms match (in a language whose titles and counterpart words are
        capitalised, looked up only among the words not all in small letters) and at the words that
        hold the head of a fused title."""
        p, n = self.p, self.n
        if p.capitalised_kinds:
            found = set(compress(self.may, map(p.trigger_lower.__contains__, self.may_lowers)))
        else:
            # A word all in small letters is its own small letters: only the others are lowered.
            found = set(compress(range(n), map(p.trigger_lower.__contains__, self.texts)))
            found.update(compress(self.may, map(p.trigger_lower.__contains__, self.may_lowers)))
        if p.fused_heads is not None:
            lowered = self.text.lower()
            starts, ends = self.starts, self.ends
            if len(lowered) == len(self.text):  # else a letter took two in small letters ("İ"): word by word
                hits = [m.start() for m in p.fused_heads.finditer(lowered)]
                for pos in hits:
                    k = bisect.bisect_right(starts, pos) - 1
                    if k >= 0 and pos < ends[k]:
                        found.add(k)
            else:
                lowers = self.lowers
                found.update(k for k in range(n) if p.fused_heads.search(lowers[k]))
        word_kinds, texts = p.word_kinds, self.texts
        kinds = {k: word_kinds[texts[k]] for k in sorted(found)}
        return {k: kind for k, kind in kinds.items() if kind}

    def indices_of(self, kind: int) -> Iterable[int]:
        """The indices of the words of a kind (``Patterns.word_kind``), in order."""
        return [k for k, bits in self.kinds.items() if bits & kind]
    def spaced(self, a: int, b: int) -> bool:
        """Whether ``gap(k) == " "`` for every k in [a, b)."""
        text, starts, ends = self.text, self.starts, self.ends
        for k in range(a, b):
            if k <= 0 or k >= self.n or starts[k] - ends[k - 1] != 1 or text[ends[k - 1]] != " ":
                return False
        return True

    def resolve(self, cands: list[Mention]) -> list[_Output]:
        # Names of countries that write the family name first ("Wang Yi", "Cho Tae-yul"), where the
        # mention itself names the country and no word in capitals marks the family name; a hyphenated
        # first word is a given name written first ("Min-jun Park").
        year = reference_year(self.doc)
        years = holders.document_years(self.text, year)
        for m in cands:
            words = m.words
            if len(words) > 1 and "-" not in words[0] \
                    and ((m.country in self.p.family_first and m.country_rank >= RANK_TITLE)
                         or self.p.name_conventions.family_first(words)) \
                    and not any(_is_caps(w) for w in words) and not any(w.lower() in self.p.particles for w in words):
                m.family, m.surface, m.given = words[0], words[0], " ".join(words[1:])
                m.key = name_key(m.family)
            elif len(words) > 1 and not any(_is_caps(w) for w in words) and m.given and " " not in m.family \
                    and holders.known_family(words[0]):
                # "Motegi Toshimitsu": a known office-holder of that family and given name, written family name first
                holder = holders.find_full_name(words, years)
                if holder is not None and name_key(holder.family) == name_key(words[0]):
                    m.family, m.surface, m.given = words[0], words[0], " ".join(words[1:])
                    m.key = name_key(m.family)
        cands.extend(self.known_by_name(cands, years))
        by_given_name(cands)
        split_namesakes(cands)
        persons: dict[str, Person] = {}
        for m in sorted(cands, key=lambda m: m.start):
            if not m.coref_only:
                persons.setdefault(m.key, Person(m.key)).mentions.append(m)
        kept = [m for m in cands if not m.coref_only or m.key in persons]
        for m in kept:
            if m.coref_only:
                persons[m.key].mentions.append(m)
        kept.extend(self.name_only(persons, kept))
        self.sides(cands)
        order = sorted(persons.values(), key=lambda p: min(m.start for m in p.mentions))
        for person in order:
            for m in sorted(person.mentions, key=lambda m: m.start):
                if m.country and m.country_rank > person.country_rank:
                    person.country, person.country_rank = m.country, m.country_rank
                    person.country_source = "document"
                if m.portfolio and (person.portfolio in (None, "other")):
                    person.portfolio = m.portfolio
                if m.ministry_id and not person.ministry_id:
                    person.ministry_id = m.ministry_id
        for person in order:
            if person.portfolio is None:
                colleague = next((m.colleague_of for m in person.mentions if m.colleague_of), None)
                if colleague is not None and colleague.key in persons:
                    person.portfolio = persons[colleague.key].portfolio or colleague.portfolio
            if person.portfolio is None and any(m.state_role for m in person.mentions):
                person.portfolio = self.p.state_portfolio
        # The text marks its home ministers by a prefix when it writes one on a minister with a field
        # ("Bundesaußenminister", "Bundesminister für Wirtschaft"); "Bundeskanzler" is the only form
        # of that title and "Bundesminister" alone is what German texts call their own, too.
        marked = any(m.marked_home and m.portfolio and m.portfolio != "head_of_government" for m in cands)
        for person in order:
            self.identify(person, years)
        self.settle_shared(order)
        for person in order:
            if person.country_rank == 0:
                person.country = self.infer_country(person, persons, marked)
                person.country_source = "context" if person.country else None
        out = []
        for m in sorted(kept, key=lambda m: m.start):
            person = persons[m.key]
            if m.country_rank >= RANK_TITLE:
                country, source = m.country, "mention"
            else:
                country = person.country
                source = "mention" if m.country_rank and m.country == country else person.country_source
            portfolio = m.portfolio if m.portfolio and m.portfolio != "other" else (person.portfolio or m.portfolio)
            ministry_id = m.ministry_id
            if ministry_id is None and person.ministry_id and portfolio == person.portfolio:
                ministry_id = person.ministry_id
            if ministry_id is None and country and portfolio:
                known = kb.find_ministry(country, portfolio, year)
                ministry_id = known.id if known else None
            attrs = {"family_name": m.family, "given_name": m.given, "country": country, "portfolio": portfolio,
                     "ministry": ministry_id, "country_source": source,
                     "person": person.id or person_key(country, m.family)}
            out.append(_Output(m.start, m.end, attrs))
        return out


@Language.factory("bilat_ministers", default_config={"spans_key": SPAN_KEY, "data_path": None})
def make_ministers(nlp: Language, name: str, spans_key: str, data_path: str | None = None) -> MinistersComponent:
    """MINISTER spans with their attributes, written into ``doc.spans[spans_key]``. ``data_path``: a
    models folder to compile from instead of the installed one."""
    return deferred(MinistersComponent, nlp, name, spans_key, data_path)
