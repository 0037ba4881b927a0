"""The ``bilat_ministers`` component: MINISTER mentions.

All words come from data: ``models/<lang>/ministers.toml`` (titles, honorifics, the words
around names), ``countries.toml`` and ``portfolios.toml`` through ``bilatextract.knowledge``.
The steps, per document:

1. **Titles**: a title of the table ("Prime Minister", "Secretary of State"), a fused German
   compound ("Bundes|außen|minister|in", "US-Außenminister"), or a field written before a head
   ("Foreign Minister"); then an optional field phrase ("für Wirtschaft, Handel und Industrie",
   "for Foreign Affairs"), a ministry ("at the Federal Foreign Office"), a country ("of Japan"),
   and a second title joined by "und"/"and" ("Bundesaußenminister und Vizekanzler").
2. **Titled names**: a title before a name ("Außenminister Heiko Maas"; a plural title before a
   list: "Bundesministern Gabriel, Steinmeier") or after it behind a comma ("Mr. Taro Kono,
   Minister for Foreign Affairs"); counterparts ("seinem französischen Kollegen Jean-Yves Le
   Drian", "their Japanese counterparts, Foreign Minister Motegi and ...").
3. **Persons**: mentions with one family name are one person, whose country and portfolio
   come from the best cue among its mentions.
4. **Name-only mentions** of those persons ("Steinmeier betonte", "John Kerry"), and titles that
   count only before a known name ("Secretary Clinton").
5. **Country from the document** where no mention of a person names one: never the language of
   the text, but the side the text is written from (``[context]`` in the data), else the nearest
   or most named country that another minister of the same field does not already hold.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import knowledge as kb
from .._memo import MEMO_LIMIT, Memo
from ..resources import check_language, has_file, load_toml
from .base import ATTRS, doc_text, reference_year, set_spans, spans_of, view_of
from .minister_names import name_conventions

# A word: letters and digits, with inner hyphens and apostrophes ("Kramp-Karrenbauer", "O'Neill").
_WORD = re.compile(r"[^\W\d_]\w*(?:[-‐'’]\w+)*")
# The same words with the stretches between them, in one C-level pass: re.split keeps the captured
# words, so the parts alternate gap, word, gap, ... and their lengths add up to the offsets.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# A possessive ending, left out of the word ("Japan's" -> "Japan").
_POSSESSIVE_S = re.compile(r"['’]s")
_SPACES = re.compile(r"\s*")
_DIGIT_AFTER = re.compile(r"\s*\d")
_AFTER_ANY = float("inf")  # sorts after every end offset: bisect (pos, _AFTER_ANY) finds sentences starting at pos
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em", "al", "an", "ic")

# Ranks of country cues: a country word at the mention beats a fused prefix or a suffix of the
# title, which beats what a title implies by itself ("Kanzler" is German), which beats the context.
RANK_WORD, RANK_TITLE, RANK_DEFAULT = 3, 2, 1

# Kinds of words, as bits (Patterns.word_kind).
TITLE_START, COUNTERPART = 1, 2
# Classes of words as names (Patterns.name_class).
_NEVER, _INITIAL, _HONORIFIC, _NAME = 0, 1, 2, 3


@dataclass(slots=True)
class Title:
    """A title at words [start, end)."""

    start: int
    end: int
    portfolio: str | None = None
    country: str | None = None
    country_rank: int = 0
    not_country: frozenset[str] = frozenset()
    role: str | None = None
    plural: bool = False
    coref_only: bool = False
    marked_home: bool = False  # carries the prefix by which the text marks home ministers ("Bundes-")
    ministry_id: str | None = None
    link: bool = False
    link_country: str | None = None
    bare: bool = False  # "Minister", "Bundesminister": no field, no role

    def at(self, start: int, end: int) -> Title:
        """A copy at words [start, end) (``dataclasses.replace`` costs several times more)."""
        return Title(start, end, self.portfolio, self.country, self.country_rank, self.not_country, self.role,
                     self.plural, self.coref_only, self.marked_home, self.ministry_id, self.link, self.link_country,
                     self.bare)


@dataclass(slots=True)
class Mention:
    """A MINISTER candidate: characters [start, end) and what its words say."""

    start: int
    end: int
    family: str
    given: str | None
    key: str
    surface: str  # the family name as written
    words: tuple[str, ...] = ()  # the name's words, as written
    portfolio: str | None = None
    country: str | None = None
    country_rank: int = 0
    not_country: frozenset[str] = frozenset()
    ministry_id: str | None = None
    coref_only: bool = False
    marked_home: bool = False
    kind: str = "titled"  # titled, listed, counterpart, name
    colleague_of: Mention | None = None  # the minister whose counterpart this one is
    state_role: bool = False  # a state minister's title ("Staatsminister"), which takes no home prefix

    def by_name(self, start: int, end: int) -> Mention:
        """The same person named alone at [start, end): no title, so no portfolio, ministry or country cue."""
        return Mention(start, end, self.family, self.given, self.key, self.surface, self.words, None, self.country,
                       0, self.not_country, None, self.coref_only, self.marked_home, "name", None)


@dataclass(slots=True)
class Person:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    country_rank: int = 0
    portfolio: str | None = None
    ministry_id: str | None = None


def _honorific_alternation(forms: Sequence[str]) -> str:
    parts = [r"\s*".join(re.escape(p) for p in f.split()) for f in sorted(forms, key=len, reverse=True)]
    return "|".join(parts) if parts else "(?!)"


def name_key(family: str) -> str:
    """A family name compared ignoring case and accents ("MAAS" = "Maas")."""
    key = _NAME_KEYS.get(family)
    if key is None:
        key = _memo(_NAME_KEYS, family, _name_key(family))
    return key


_NAME_KEYS: dict[str, str] = {}


def _name_key(family: str) -> str:
    decomposed = unicodedata.normalize("NFKD", family.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _capitalise(word: str) -> str:
    """A word in capitals as a plain capitalised name ("KRAMP-KARRENBAUER" -> "Kramp-Karrenbauer")."""
    if len(word) > 1 and word.isupper():
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)
    return word


def _word_lists(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words of ``text`` (``_WORD``, without a possessive "'s") and their start and end offsets."""
    parts = _WORD_SPLIT.split(text)
    texts = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0 : 2 * len(texts) : 2]
    ends = offsets[1::2]
    if "'s" in text or "’s" in text:
        for m in _POSSESSIVE_S.finditer(text):
            k = bisect.bisect_left(ends, m.end())
            if k < len(ends) and ends[k] == m.end() and len(texts[k]) > 2:
                texts[k] = texts[k][:-2]
                ends[k] -= 2
    return texts, starts, ends


class _OffsetIndex:
    """The index of the word that starts (or ends) at a character offset, by bisection of the sorted
    offsets: a dict per document would cost a Python step per word."""

    __slots__ = ("offsets",)

    def __init__(self, offsets: list[int]) -> None:
        self.offsets = offsets

    def get(self, pos: int) -> int | None:
        k = bisect.bisect_left(self.offsets, pos)
        return k if k < len(self.offsets) and self.offsets[k] == pos else None

    def __contains__(self, pos: int) -> bool:
        return self.get(pos) is not None

    def __getitem__(self, pos: int) -> int:
        k = self.get(pos)
        if k is None:
            raise KeyError(pos)
        return k


def _memo(cache: dict[str, Any], key: str, value: Any) -> Any:
    """Store ``value`` under ``key`` (emptying ``cache`` first when full) and return it."""
    if len(cache) >= MEMO_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def _most_words(phrases: Sequence[str]) -> int:
    """The most words (split at spaces) of any of ``phrases``."""
    return max((len(x.split()) for x in phrases), default=0)


def _lengths_by_first(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[int]]:
    """The word counts of ``phrases`` by their first word, longest first."""
    out: dict[str, set[int]] = {}
    for words in phrases:
        if words:
            out.setdefault(words[0], set()).add(len(words))
    return {first: sorted(lengths, reverse=True) for first, lengths in out.items()}


class Patterns:
    """The minister patterns of one language, compiled once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load_toml(lang, "ministers.toml")
        self.titles = {tuple(k.split()): v for k, v in data.get("titles", {}).items()}
        self.max_title = max((len(k) for k in self.titles), default=1)
        # Title lengths to try at a word, by the word: most words start no title (linear scan).
        self.title_lengths = _lengths_by_first(self.titles)
        self.heads = {k.lower(): v for k, v in data.get("heads", {}).items()}
        self.heads_longest = sorted(self.heads, key=len, reverse=True)
        self.head_words = tuple(self.heads)
        infl = data.get("heads_inflection", {})
        self.endings = sorted(infl.get("endings", [""]), key=len, reverse=True)
        self.plural_endings = frozenset(infl.get("plural_endings", []))
        self.plural_articles = frozenset(infl.get("plural_articles", []))
        self.blocking_prefixes = tuple(p.lower() for p in data.get("heads_blocking", {}).get("prefixes", []))
        self.min_unknown_stem = int(data.get("heads_blocking", {}).get("min_unknown_stem", 1000))
        sep = data.get("separate", {})
        self.separate_heads = {k.lower(): v for k, v in sep.get("heads", {}).items()}
        self.name_prefixes = {w: code for code, ws in sep.get("name_prefixes", {}).items() for w in ws}
        fields = data.get("fields", {})
        self.links = frozenset(fields.get("links", []))
        self.field_articles = frozenset(fields.get("articles", []))
        self.conjunctions = frozenset(fields.get("conjunctions", []))
        self.ministry_links = tuple(tuple(x.split()) for x in fields.get("ministry_links", []))
        self.overrides = {w.lower(): p for p, ws in fields.get("overrides", {}).items() for w in ws}
        country = data.get("country", {})
        self.country_links = tuple(country.get("links", []))
        self.country_link_articles = tuple(country.get("link_articles", []))
        state_nouns = country.get("state_nouns", [])
        # "der Republik" ("of the Republic of"): tried where the short articles find no country.
        self.state_link_articles = tuple(f"{a} {n}" for a in self.country_link_articles or ("",) for n in state_nouns
                                         ) if state_nouns else ()
        self.state_link_articles = tuple(a.strip() for a in self.state_link_articles)
        self.country_link_words = _most_words(self.country_links) + _most_words(
            self.country_link_articles + self.state_link_articles)
        self.suffix_nouns = frozenset(country.get("suffix_nouns", []))
        self.between = tuple(country.get("between", []))
        before = data.get("before", {})
        self.former = frozenset(before.get("former", []))
        self.deputy = frozenset(before.get("deputy", []))
        self.title_conjunctions = frozenset(before.get("title_conjunctions", []))
        self.state_portfolio = data.get("state_ministers", {}).get("portfolio")
        sides = data.get("sides", {})
        self.side_nouns = frozenset(sides.get("nouns", []))
        self.side_words = tuple(sides.get("between", []))
        self.side_noun_firsts = frozenset(w[:1] for w in self.side_nouns if w)
        names = data.get("names", {})
        alternation = _honorific_alternation(names.get("honorifics", []))
        self.honorifics = re.compile(rf"(?:{alternation})(?=\s)")
        self.honorific_end = re.compile(rf"(?:{alternation})\s*$")
        self.honorific_words = frozenset(w.rstrip(".") for h in names.get("honorifics", []) for w in h.split())
        language = load_toml(lang, "language.toml") if has_file(lang, "language.toml") else {}
        self.particles = frozenset(language.get("name_particles", names.get("particles", [])))
        self.titles_capitalised = bool(language.get("titles_capitalised", True))
        title_honorifics = _honorific_alternation(names.get("title_honorifics", []))
        self.title_honorific_end = re.compile(rf"(?:{title_honorifics})\s*$")
        common = load_toml("common", "names.toml") if has_file("common", "names.toml") else {}
        self.after_names = frozenset(common.get("after_names", {}).get("words", []))
        self.hyphen_particles = frozenset(common.get("hyphenated_particles", {}).get("words", []))
        self.preposition_particles = frozenset(names.get("preposition_particles", []))
        self.family_first = frozenset(names.get("family_first_countries", []))
        self.name_conventions = name_conventions()
        self.not_names = frozenset(names.get("not_names", []))
        self.apposition_articles = frozenset(data.get("apposition", {}).get("articles", []))
        cp = data.get("counterpart", {})
        self.counterparts = frozenset(cp.get("words", []))
        self.counterpart_links = tuple(cp.get("country_links", []))
        self.counterpart_articles = tuple(cp.get("country_link_articles", []))
        self.counterpart_link_words = _most_words(self.counterpart_links) + _most_words(self.counterpart_articles)
        self.not_after = frozenset(data.get("coreference", {}).get("not_after", []))
        ctx = data.get("context", {})
        self.home_countries = tuple(ctx.get("home_countries", []))
        self.home_min_mentions = int(ctx.get("home_min_mentions", 2))
        self.place_prepositions = frozenset(ctx.get("place_prepositions", []))
        self.marked_home = {p.lower(): code for code, ps in ctx.get("marked_home", {}).items() for p in ps}
        self.compound_stems = kb.compound_stems(lang)
        self.subnational = kb.subnational_forms(lang)  # what kb.is_subnational looks a word up in
        self.stems_longest = sorted(self.compound_stems, key=len, reverse=True)
        # The first part of a compound cut before its head, where the language writes that ("Wirtschafts-").
        self.truncated_stems = {} if self.separate_heads or not self.heads else dict(self.compound_stems)
        self.max_stem_words = max((len(s.split()) for s in self.compound_stems), default=1)
        self.stem_lengths = _lengths_by_first(tuple(s.split()) for s in self.compound_stems)
        stems = kb.portfolio_stems(lang)
        extra = [w.lower() for w in fields.get("extra_words", [])]
        self.field_stems = tuple(sorted({w for s in stems for w in s.split()} | set(extra), key=len, reverse=True))
        # What a word string (or phrase) says does not depend on the document: memoised, since the
        # vocabulary of press releases repeats (see _memo).
        self._word_kinds: dict[str, int] = {}
        self._fused: dict[str, Title | None] = {}
        self._field_words: dict[str, bool] = {}
        self._country_words: dict[str, str | None] = {}
        self._portfolios: dict[str, str | None] = {}
        # By the id of a spec of this language's data, which lives as long as this object.
        self._spec_titles: dict[int, Title] = {}
        # By the words of a name (a few words, repeated like words are).
        self.split_name = Memo(self._split_name)
        self.name_class = Memo(self._name_class)

    def _name_class(self, t: str) -> int:
        """What ``_Document.is_name_word`` can tell from the word string alone: never a name word, an
        initial, an honorific word (no name word before a full stop), or a name word where no country
        mention or title stands."""
        if not t[:1].isupper():
            # "al-Saud", "el-Sisi": a particle fused by a hyphen before a capitalised name
            head, _, rest = t.partition("-")
            return _NAME if rest[:1].isupper() and head in self.hyphen_particles else _NEVER
        if t in self.not_names or t in self.after_names:
            return _NEVER
        if _is_caps(t) and (t.capitalize() in self.not_names or self.country_of_word(t.capitalize())):
            return _NEVER  # "OF", "INDONESIA" in a line in capitals
        if len(t) == 1:
            return _INITIAL
        if self.country_of_word(t) or t in self.subnational or t in self.counterparts:
            return _NEVER
        return _HONORIFIC if t in self.honorific_words else _NAME

    def _split_name(self, toks: tuple[str, ...]) -> tuple[str, str | None, str, str]:
        """(family name, given name, family as written, name key) of a name's words."""
        caps = [len(t) > 1 and t.isupper() for t in toks]
        if caps[0] and len(toks) > 1 and not any(caps[1:]):
            family, given = toks[0], " ".join(toks[1:])  # "MOTEGI Toshimitsu"
        elif any(caps[1:]):
            first = caps.index(True, 1)  # "Heiko MAAS", "Annegret KRAMP-KARRENBAUER"
            family, given = " ".join(toks[first:]), " ".join(toks[:first]) or None
        else:
            last = len(toks) - 1
            while last > 0 and toks[last - 1].lower() in self.particles:
                last -= 1  # "Jean-Yves Le Drian", "Ursula von der Leyen"
            family, given = " ".join(toks[last:]), " ".join(toks[:last]) or None
        name = " ".join(_capitalise(w) for w in family.split())
        return name, given, family, name_key(name)

    def word_kinds(self, words: list[str]) -> list[int]:
        """``word_kind`` of each word: one look-up per word, C-level where the word was seen before."""
        kinds = list(map(self._word_kinds.get, words))
        if None in kinds:  # words not seen before
            for k in [k for k, kind in enumerate(kinds) if kind is None]:
                kinds[k] = self.word_kind(words[k])
        return kinds

    def word_kind(self, word: str) -> int:
        """TITLE_START where a title may start at the word (a superset of where ``title_core`` finds
        one), plus COUNTERPART for a counterpart word ("Kollegen")."""
        kind = self._word_kinds.get(word)
        if kind is None:
            kind = TITLE_START if self._can_start_title(word) else 0
            if word in self.counterparts:
                kind |= COUNTERPART
            _memo(self._word_kinds, word, kind)
        return kind

    def may_start_title(self, word: str) -> bool:
        return bool(self.word_kind(word) & TITLE_START)

    def _can_start_title(self, word: str) -> bool:
        """Whether a title can start at this word: a country prefix of titles ("Federal"), the first word
        of a title of the table or of a "<field> <head>" compound, or a fused title."""
        if self.titles_capitalised and not word[:1].isupper():
            return False
        low = word.lower()
        return (word in self.name_prefixes or low in self.title_lengths
                or (bool(self.separate_heads) and low in self.stem_lengths) or low in self.truncated_stems
                or self.fused_title(word, 0) is not None)

    def country_of_word(self, word: str) -> str | None:
        """``knowledge.country_of_word``, memoised per word."""
        words = self._country_words
        if word in words:
            return words[word]
        return _memo(words, word, kb.country_of_word(word, self.lang))

    def infer_portfolio(self, phrase: str) -> str | None:
        """``knowledge.infer_portfolio``, memoised per phrase."""
        phrases = self._portfolios
        if phrase in phrases:
            return phrases[phrase]
        return _memo(phrases, phrase, kb.infer_portfolio(phrase, self.lang))

    def is_field_word(self, word: str) -> bool:
        flag = self._field_words.get(word)
        if flag is None:
            flag = _memo(self._field_words, word, self._is_field_word(word))
        return flag

    def _is_field_word(self, word: str) -> bool:
        """A word naming a field: a portfolio stem with a short ending at most ("Angelegenheiten")."""
        low = word.lower()
        if "minist" in low:
            return False
        return any(low.startswith(s) and len(low) - len(s) <= 4 for s in self.field_stems)

    def spec_title(self, spec: dict[str, Any], start: int, end: int) -> Title:
        """The title a spec of the data describes, at words [start, end)."""
        template = self._spec_titles.get(id(spec))
        if template is None:
            template = self._spec_titles[id(spec)] = self._spec_title(spec)
        return template.at(start, end)

    def _spec_title(self, spec: dict[str, Any], start: int = 0, end: int = 0) -> Title:
        title = Title(start, end, portfolio=spec.get("portfolio"), role=spec.get("role"),
                      not_country=frozenset(spec.get("not_country", [])), plural=bool(spec.get("plural")),
                      coref_only=bool(spec.get("coref_only")), link=bool(spec.get("link")),
                      link_country=spec.get("link_country"))
        if spec.get("country"):
            title.country, title.country_rank = spec["country"], RANK_DEFAULT
        return title

    def fused_title(self, word: str, i: int) -> Title | None:
        """A one-word title: [COUNTRY-][bundes][FIELD]HEAD[ENDING] ("Bundesaußenministerin") at word i."""
        fused = self._fused
        if word in fused:
            template = fused[word]
        else:
            template = _memo(fused, word, self._fused_title(word))
        # A fresh Title: the caller extends it in place.
        return None if template is None else template.at(i, i + 1)

    def _fused_title(self, word: str, i: int = 0) -> Title | None:
        if not self.heads or not word[:1].isupper():
            return None
        low = word.lower()
        for ending in self.endings:
            if not low.endswith(ending):
                continue
            base = low[: len(low) - len(ending)]
            for head in self.heads_longest:
                if base.endswith(head):
                    title = self._fused_body(base[: len(base) - len(head)], self.heads[head], i)
                    if title is not None:
                        title.plural = ending in self.plural_endings
                        return title
        return None

    def _fused_body(self, body: str, spec: dict[str, Any], i: int) -> Title | None:
        title = self.spec_title(spec, i, i + 1)
        prefix, rest = body.rsplit("-", 1) if "-" in body else ("", body)
        if any(prefix.startswith(b) or (not prefix and rest.startswith(b)) for b in self.blocking_prefixes):
            return None
        if prefix:
            code = kb.country_of_prefix(prefix, self.lang) or kb.country_forms(self.lang).get(prefix)
            if code is None:
                return None
            title.country, title.country_rank = code, RANK_TITLE
            title.marked_home = prefix in self.marked_home
        for mark, code in self.marked_home.items():
            if rest.startswith(mark):
                rest = rest[len(mark):]
                title.country, title.country_rank, title.marked_home = code, RANK_TITLE, True
                break
        if not rest:
            title.bare = title.portfolio is None and title.role is None
            return title
        if not spec.get("fields"):
            return None
        for stem in self.stems_longest:
            if rest == stem or (rest.startswith(stem) and rest[len(stem):] in ("s", "-")):
                title.portfolio = self.compound_stems[stem]
                return title
        # A field the data does not list ("Ressourcen|ministerin", "Tourismus|minister"): a minister all
        # the same, of the field its words name if any, else of another field.
        if len(rest) >= self.min_unknown_stem and rest.isalpha() and not prefix:
            title.portfolio = self.infer_portfolio(rest) or "other"
            return title
        return None


class MinistersComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        self.p = Patterns(self.lang)

    # ================================================================ the document

    def __call__(self, doc: Doc) -> Doc:
        found = []
        tokens = _TokenOffsets(doc)
        for m in _Document(self, doc).mentions():
            span = tokens.span(m.start, m.end) or tokens.span(m.start, m.end, expand=True)
            if span is None:
                continue
            found.append((span, m.attrs))
        set_spans(doc, "MINISTER", found)
        return doc


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


@dataclass(slots=True)
class _Output:
    start: int
    end: int
    attrs: dict[str, Any]


class _Document:
    """The work on one document: words, titles, mentions, persons."""

    def __init__(self, component: MinistersComponent, doc: Doc) -> None:
        self.p = component.p
        self.lang = component.lang
        self.doc = doc
        self.text = doc_text(doc)
        # The words as parallel lists (text, start, end): no object per word.
        self.texts, self.starts, self.ends = _word_lists(self.text)
        self.n = len(self.texts)
        self.by_start = _OffsetIndex(self.starts)
        self.by_end = _OffsetIndex(self.ends)
        self.countries = kb.country_mentions(self.text, self.lang)
        self.country_by_end = {c.end: c for c in self.countries}
        # The mentions are in order and never overlap: their starts and ends are both sorted.
        self.country_starts = [c.start for c in self.countries]
        self.country_ends = [c.end for c in self.countries]
        self._kinds: list[int] | None = None
        self.ministries: dict[int, tuple[int, dict[str, Any]]] = {}
        for span in spans_of(doc, "MINISTRY"):
            attrs = span._.get(ATTRS) or {}
            self.ministries[span.start_char] = (span.end_char, attrs)
        self.ministry_countries = [attrs.get("country") for _, attrs in self.ministries.values()]
        self._sentences: list[tuple[int, int]] | None = None
        self._not_places: list[kb.CountryMention] | None = None
        self._country_counts: dict[str, int] | None = None

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
            self._sentences = [(s.start_char, s.end_char) for s in doc.sents] \
                if doc.has_annotation("SENT_START") else [(0, len(self.text))]
        return self._sentences

    def gap(self, j: int) -> str:
        """The characters between word j-1 and word j."""
        if j <= 0 or j >= self.n:
            return ""
        return self.text[self.ends[j - 1] : self.starts[j]]

    def indices_of(self, kind: int) -> Iterable[int]:
        """The indices of the words of a kind (``Patterns.word_kind``), in order."""
        if self._kinds is None:
            self._kinds = self.p.word_kinds(self.texts)
        return compress(range(self.n), map(operator.and_, self._kinds, repeat(kind)))

    def spaced(self, a: int, b: int) -> bool:
        """Whether ``gap(k) == " "`` for every k in [a, b)."""
        text, starts, ends = self.text, self.starts, self.ends
        for k in range(a, b):
            if k <= 0 or k >= self.n or starts[k] - ends[k - 1] != 1 or text[ends[k - 1]] != " ":
                return False
        return True

    # ---------------------------------------------------------------- titles

    def title_core(self, i: int) -> Title | None:
        p, texts, count = self.p, self.texts, self.n
        # Most words can start no title: one look-up per word string says so, made once per document.
        kinds = self._kinds
        if kinds is None:
            kinds = self._kinds = p.word_kinds(texts)
        if i >= count or not kinds[i] & TITLE_START:
            return None
        start = i
        prefix_country = None
        if texts[i] in p.name_prefixes and i + 1 < count and self.gap(i + 1) == " ":
            prefix_country = p.name_prefixes[texts[i]]
            i += 1
        best: Title | None = None
        low = texts[i].lower()
        for n in p.title_lengths.get(low, ()):
            if n > count - i:
                continue
            if n > 1 and not self.spaced(i + 1, i + n):
                continue
            key = tuple(map(str.lower, texts[i : i + n]))
            spec = p.titles.get(key)
            if spec is None or (spec.get("exact") and texts[i] != texts[i].upper()):
                continue
            best = p.spec_title(spec, start, i + n)
            best.bare = key in (("minister",), ("ministers",))
            break
        if p.separate_heads:
            for n in p.stem_lengths.get(low, ()):
                if n > count - i - 1:
                    continue
                if not self.spaced(i + 1, i + n + 1):
                    continue
                stem = " ".join(map(str.lower, texts[i : i + n]))
                head = texts[i + n].lower()
                if stem in p.compound_stems and head in p.separate_heads:
                    if best is None or i + n + 1 > best.end:
                        best = p.spec_title(p.separate_heads[head], start, i + n + 1)
                        best.portfolio = p.compound_stems[stem]
                    break
        if best is None and start == i and low in p.truncated_stems and i + 2 < count \
                and self.gap(i + 1) == "- " and texts[i + 1] in p.conjunctions and self.gap(i + 2) == " ":
            # "Wirtschafts- und Finanzminister": the first field names the portfolio.
            second = p.fused_title(texts[i + 2], i + 2)
            if second is not None and second.portfolio and not second.plural:
                best = second.at(start, i + 3)
                best.portfolio = p.truncated_stems[low]
        if best is None and start == i:
            best = p.fused_title(texts[i], i)
            if best is not None and not best.plural and i > 0 and texts[i - 1] in p.plural_articles \
                    and self.gap(i) == " " and low.endswith(p.head_words):
                best.plural = True
        if best is None:
            return None
        if prefix_country is not None:
            best.country, best.country_rank = prefix_country, RANK_TITLE
        return best

    def title_at(self, i: int) -> Title | None:
        """The title at word i, extended by fields, ministry, country and a joined second title."""
        core = self.title_core(i)
        if core is None:
            return None
        title = self.extend(core)
        j = title.end
        if (j + 1 < self.n and self.texts[j] in self.p.title_conjunctions
                and self.gap(j) == " " and self.gap(j + 1) == " " and not title.coref_only):
            second = self.title_core(j + 1)
            if second is not None and not second.coref_only:
                title = _combine(title, self.extend(second))
        return title

    def extend(self, title: Title) -> Title:
        p, texts, starts, ends, n = self.p, self.texts, self.starts, self.ends, self.n
        j = title.end
        # A ministry: "Minister of State at the Federal Foreign Office", "Staatsministerin im Auswärtigen Amt".
        for link in p.ministry_links if self.ministries else ():
            k = j + len(link)
            if k < n and starts[k] in self.ministries and tuple(map(str.lower, texts[j:k])) == link \
                    and self.spaced(j, k + 1):
                end_char, attrs = self.ministries[starts[k]]
                if end_char in self.by_end:
                    title.end = self.by_end[end_char] + 1
                    title.portfolio = attrs.get("portfolio") or title.portfolio
                    if attrs.get("country"):
                        title.country, title.country_rank = attrs["country"], RANK_TITLE
                    title.ministry_id = attrs.get("ministry_id")
                    title.bare = False
                    return title
        # A field phrase: "für Wirtschaft, Handel und Industrie", "for Foreign Affairs".
        while title.link and j < n and texts[j] in p.links and self.gap(j) in (" ", ", "):
            # "Secretary of State of the United States": a country after the link, not a field.
            if self.country_after(ends[j - 1], p.country_links, p.country_link_articles, p.country_link_words):
                break
            k = j + 1
            if k < n and texts[k] in p.field_articles and self.gap(k) == " ":
                k += 1
            if k >= n or self.gap(k) != " ":
                break
            end = self.fields(k)
            if end is None:
                break
            phrase = self.text[starts[k] : ends[end - 1]]
            portfolio = p.infer_portfolio(phrase)
            if portfolio in (None, "other"):
                for w in texts[k:end]:
                    if w.lower() in p.overrides:
                        portfolio = p.overrides[w.lower()]
                        break
            if title.portfolio is None or title.bare or title.link_country:
                title.portfolio = portfolio or title.portfolio
            if title.link_country:
                title.country, title.country_rank = title.link_country, RANK_DEFAULT
            title.bare = False
            title.coref_only = False  # "Secretary of Foreign Affairs": a field makes the title
            title.end = j = end
            # "des Innern, für Bau und Heimat": another link after a comma continues the phrase.
            if not (j < n and self.gap(j) == ", " and texts[j] in p.links):
                break
        # A country after the title: "of Japan", "of the Italian Republic", "der Ukraine".
        end_char = ends[title.end - 1]
        after = None
        # Both searches allow the same number of words before the country (see Patterns).
        if self.country_may_follow(end_char, p.country_link_words):
            after = kb.country_after(self.text, end_char, self.lang, self.countries, p.country_links,
                                     p.country_link_articles)
            if after is None and p.state_link_articles:
                after = kb.country_after(self.text, end_char, self.lang, self.countries, p.country_links,
                                         p.state_link_articles)
        if after is not None and after[1] in self.by_end:
            code, c_end = after
            k = self.by_end[c_end] + 1
            if k < n and texts[k] in p.suffix_nouns and self.gap(k) == " ":
                k += 1
            title.end = k
            title.country, title.country_rank = code, RANK_WORD
        return title

    def country_after(self, pos: int, links: Sequence[str], articles: Sequence[str], at_most: int
                      ) -> tuple[str, int] | None:
        """``knowledge.country_after``, not asked where no country mention can start right after ``pos``.

        What may stand between is spaces, a link and an article (``at_most`` words together): a stretch
        up to the next country mention with more words cannot be (nor can a longer one, up to a later
        mention).
        """
        if not self.country_may_follow(pos, at_most):
            return None
        return kb.country_after(self.text, pos, self.lang, self.countries, links, articles)

    def country_may_follow(self, pos: int, at_most: int) -> bool:
        """Whether at most ``at_most`` words stand between ``pos`` and the next country mention."""
        starts = self.country_starts
        k = bisect.bisect_right(starts, pos)
        return k < len(starts) and len(self.text[pos : min(starts[k], pos + 200)].split(None, at_most)) <= at_most

    def fields(self, k: int) -> int | None:
        """The end (word index) of a field phrase starting at word k, or None."""
        p, texts, n = self.p, self.texts, self.n
        last_good = None
        pos = k
        while pos < n:
            good = None
            r = pos
            while r < n and r - pos < 5 and (r == pos or self.gap(r) == " "):
                w = texts[r]
                if w in p.conjunctions or w in p.links:
                    break
                if w[:1].isupper():
                    if p.is_field_word(w):
                        good = r + 1
                    elif w in p.not_names or self.title_core(r) is not None:
                        break
                elif not (p.is_field_word(w) or (w.endswith(_ADJECTIVE_ENDINGS) and r + 1 < n
                                                  and texts[r + 1][:1].isupper())):
                    break
                r += 1
            if good is None:
                break
            last_good = good
            if good >= n:
                break
            g, nxt = self.gap(good), texts[good]
            if g == " " and nxt in p.conjunctions and self.gap(good + 1) == " ":
                pos = good + 1
            elif g == ", " and nxt in p.conjunctions and self.gap(good + 1) == " ":
                pos = good + 1
            elif g == ", " and nxt not in p.links:
                pos = good
            else:
                break
            if pos < n and texts[pos] in p.field_articles and self.gap(pos + 1) == " ":
                pos += 1
        return last_good

    # ---------------------------------------------------------------- names

    def is_name_word(self, j: int) -> bool:
        if j >= self.n:
            return False
        # What the word string says (Patterns.name_class), then what its place says.
        kind = self.p.name_class[self.texts[j]]
        if kind == _NEVER:
            return False
        end = self.ends[j]
        if kind == _INITIAL:  # an initial: "S. Jaishankar"
            return self.text[end : end + 1] == "."
        if kind == _HONORIFIC and self.text[end : end + 1] == ".":
            return False
        if self.in_country(self.starts[j]):
            return False
        return self.title_core(j) is None

    def name_forward(self, j: int) -> list[int]:
        """Word indices of a name starting at word j (after honorifics), up to five words."""
        out: list[int] = []
        k = j
        n, text, texts, starts, ends = self.n, self.text, self.texts, self.starts, self.ends
        while k < n and len(out) < 5:
            if out:
                g = text[ends[k - 1] : starts[k]]  # gap(k): 0 < k < n here
                if g != " " and (g != ". " or len(texts[k - 1]) != 1):
                    break
                # A family name in capitals ends a name ("Heiko MAAS"), or starts one and is
                # followed by the given name ("MOTEGI Toshimitsu").
                if len(out) > 1 and (_is_caps(texts[out[-1]]) or _is_caps(texts[out[0]])):
                    break
            if self.is_name_word(k):
                out.append(k)
            elif out and self.particle_at(k):
                out.append(k)
            else:
                break
            k += 1
        if not out:
            return out
        particles = self.p.particles
        while out and texts[out[-1]] in particles:
            out.pop()
        if not out or all(len(texts[x]) == 1 for x in out):
            return []
        return out

    def particle_at(self, k: int) -> bool:
        """A particle inside a name ("Le Drian", "von der Leyen"); a particle that is also a preposition
        of the language needs a second one ("Scholz von Herzen" is no name)."""
        p, texts = self.p, self.texts
        if texts[k] not in p.particles or self.gap(k + 1) != " ":
            return False
        if texts[k] in p.preposition_particles:
            if k > 0 and texts[k - 1] in p.particles:  # "von der Leyen"
                return self.is_name_word(k + 1)
            return k + 2 < self.n and texts[k + 1] in p.particles and self.gap(k + 2) == " " \
                and self.is_name_word(k + 2)
        if texts[k] in p.particles and k + 1 < self.n and texts[k + 1] in p.particles:
            return True
        return self.is_name_word(k + 1)

    def name_backward(self, e: int) -> list[int]:
        """Word indices of a name ending at word e, up to five words."""
        out: list[int] = []
        k = e
        while k > 0 and self.texts[k] in self.p.after_names and self.gap(k) == " ":
            k -= 1  # "John Healey MP, Secretary of State for Defence"
        while k >= 0 and len(out) < 5:
            if out:
                g = self.gap(k + 1)
                if g not in (" ", ". ") or (g == ". " and len(self.texts[k]) != 1):
                    break
            if self.is_name_word(k):
                out.insert(0, k)
            elif out and self.texts[k] in self.p.particles and self.gap(k + 1) == " ":
                out.insert(0, k)
            else:
                break
            k -= 1
        while out and self.texts[out[0]] in self.p.particles:
            out.pop(0)
        if not out or all(len(self.texts[x]) == 1 for x in out):
            return []
        return out

    def honorifics_forward(self, j: int) -> int:
        """The first word after the honorifics that start at word j."""
        while j < self.n:
            m = self.p.honorifics.match(self.text, self.starts[j])
            if not m:
                break
            nxt = _SPACES.match(self.text, m.end()).end()
            if nxt not in self.by_start:
                break
            j = self.by_start[nxt]
        return j

    def title_honorifics_backward(self, start: int) -> int:
        """The start of the honorifics of a title that end right before character ``start`` ("Hon")."""
        m = self.p.title_honorific_end.search(self.text, max(0, start - 40), start)
        if not m or m.start() == start or (m.start() > 0 and self.text[m.start() - 1].isalnum()):
            return start
        return m.start()

    def honorifics_backward(self, start: int) -> int:
        """The start of the honorifics that end right before character ``start``."""
        while True:
            m = self.p.honorific_end.search(self.text, max(0, start - 40), start)
            if not m or m.start() == start or (m.start() > 0 and self.text[m.start() - 1].isalnum()):
                return start
            start = m.start()

    # ---------------------------------------------------------------- candidates

    def mentions(self) -> list[_Output]:
        titled: list[Mention] = []
        titles: dict[int, Title] = {}
        title_mentions: dict[int, Mention] = {}
        free = 0  # the first word not inside a title found
        for i in self.indices_of(TITLE_START):
            if i < free:
                continue
            title = self.title_at(i)
            if title is not None:
                titles[i] = title
                free = max(i + 1, title.end)
        title_ends = {t.end for t in titles.values()}
        for title in titles.values():
            if self.blocked(title):
                continue
            pre = self.preposed(title)
            if pre is not None:
                titled.append(pre)
                title_mentions[title.start] = pre
                if title.plural:
                    titled.extend(self.listed(pre, title))
                continue
            post = self.postposed(title, title_ends)
            if post is not None:
                titled.append(post)
        titled.extend(self.counterparts(title_mentions, titled))
        return self.resolve(titled)

    def blocked(self, title: Title) -> bool:
        """A former minister, a deputy, or a subnational head of government."""
        k = title.start - 1
        if k < 0:
            return False
        prev = self.texts[k]
        if self.text[self.ends[k] : self.starts[title.start]].strip():  # gap(title.start): 0 < start < n
            return False
        if prev in self.p.former or prev in self.p.deputy or prev in self.p.subnational:
            return True
        # "der ehemalige japanische Premierminister"
        if self.p.country_of_word(prev) and k > 0 and self.texts[k - 1] in self.p.former:
            return True
        return False

    def country_before(self, title: Title) -> tuple[str, int] | None:
        """A country word right before the title ("Japans neuer", "der indische", "Japan's") and its start."""
        return self.country_word_before(self.starts[title.start], self.p.between)

    def country_word_before(self, pos: int, skip: Sequence[str] = ()) -> tuple[str, int] | None:
        """The country word that ends right before ``pos`` on the same line, over ``skip`` words."""
        for _ in range(3):
            j = pos
            while j > 0 and self.text[j - 1] in " \t\"“”„(":
                j -= 1
            mention = self.country_by_end.get(j)
            if mention is not None:
                return mention.code, mention.start
            k = self.by_end.get(j)
            if k is None or self.texts[k] not in skip:
                return None
            pos = self.starts[k]
        return None

    def make(self, start: int, end: int, idx: list[int], title: Title | None, kind: str) -> Mention:
        words = tuple(map(self.texts.__getitem__, idx))
        family, given, surface, key = self.p.split_name[words]
        if title is None:
            return Mention(start, end, family, given, key, surface, words, kind=kind)
        return Mention(start, end, family, given, key, surface, words, title.portfolio, title.country,
                       title.country_rank, title.not_country, title.ministry_id, title.coref_only, title.marked_home,
                       kind, None, title.role == "state")

    def preposed(self, title: Title) -> Mention | None:
        j = title.end
        if j >= self.n:
            return None
        g = self.text[self.ends[j - 1] : self.starts[j]]  # gap(j): a title ends after its first word
        if g != " " and g != ", ":
            return None
        k = self.honorifics_forward(j)
        idx = self.name_forward(k)
        if not idx or (g == ", " and len(idx) < 2 and k == j):
            return None
        start = self.starts[title.start]
        m = self.make(self.title_honorifics_backward(start), self.ends[idx[-1]], idx, title, "titled")
        before = self.country_before(title)
        if before is not None:
            m.country, m.country_rank = before[0], RANK_WORD
        return m

    def postposed(self, title: Title, title_ends: set[int]) -> Mention | None:
        if title.bare or title.coref_only or title.plural:
            return None
        start = self.starts[title.start]
        code = None
        before = self.country_before(title)
        if before is not None:
            code, start = before
        k = self.by_start.get(start)
        if k is None:
            return None
        if k > 0 and self.texts[k - 1] in self.p.apposition_articles and self.gap(k).strip() == "":
            k -= 1
        if self.gap(k).rstrip() != ",":
            return None
        idx = self.name_backward(k - 1)
        if not idx or idx[0] in title_ends:
            return None
        name_start = self.starts[idx[0]]
        first = self.honorifics_backward(name_start)
        if first == name_start and len(idx) < 2:
            return None
        m = self.make(first, self.ends[title.end - 1], idx, title, "titled")
        if code is not None:
            m.country, m.country_rank = code, RANK_WORD
        return m

    def list_step(self, j: int) -> int | None:
        """The word that goes on a list after word ``j`` (after ", " or " und "), or None."""
        g = self.gap(j + 1)
        if g == " " and self.texts[j + 1] in self.p.conjunctions and self.gap(j + 2) == " ":
            return j + 2
        return j + 1 if g == ", " else None

    def listed(self, head: Mention, title: Title) -> list[Mention]:
        """The names after a plural title's first name ("Bundesministern Gabriel, Steinmeier, Schmidt")."""
        out = []
        j = self.by_end.get(head.end)
        while j is not None and j + 2 < self.n:
            k = self.list_step(j)
            if k is None:
                break
            if self.title_core(k) is not None:
                break
            idx = self.name_forward(k)
            if not idx:
                break
            m = self.make(self.starts[idx[0]], self.ends[idx[-1]], idx, title, "listed")
            m.country, m.country_rank = head.country, head.country_rank
            out.append(m)
            j = idx[-1]
        return out

    def counterparts(self, title_mentions: dict[int, Mention], titled: list[Mention]) -> list[Mention]:
        """Names after "seinem französischen Kollegen", "his UK counterpart"; country cues for titled ones."""
        out = []
        titled_sorted = sorted(title_mentions.values(), key=lambda m: m.start)
        for i in self.indices_of(COUNTERPART):
            w_start, w_end = self.starts[i], self.ends[i]
            before = self.country_word_before(w_start)
            code = before[0] if before else None
            j = i + 1
            if code is None:
                after = self.country_after(w_end, self.p.counterpart_links, self.p.counterpart_articles,
                                           self.p.counterpart_link_words)
                if after is not None and after[1] in self.by_end:
                    code, j = after[0], self.by_end[after[1]] + 1
            if j >= self.n or self.gap(j) not in (" ", ", "):
                continue
            sent = self.sentence(w_start)
            # Whose counterpart: the titled minister before it in its sentence, else the last one before.
            governing = next((m for m in reversed(titled_sorted) if sent[0] <= m.start < w_start), None) \
                or next((m for m in reversed(titled_sorted) if m.start < w_start), None)
            if j in title_mentions:
                # "their Japanese counterparts, Foreign Minister Motegi and Defence Minister Kishi"
                chain = [title_mentions[j]]
                while True:
                    e = self.by_end.get(chain[-1].end)
                    if e is None or e + 2 >= self.n or self.texts[e + 1] not in self.p.conjunctions:
                        break
                    nxt = title_mentions.get(e + 2)
                    if nxt is None:
                        break
                    chain.append(nxt)
                for m in chain:
                    if code is not None and m.country_rank < RANK_WORD:
                        m.country, m.country_rank = code, RANK_WORD
                continue
            k = self.honorifics_forward(j)
            idx = self.name_forward(k)
            if not idx:
                continue
            group = [self.make(self.starts[j] if j < k else self.starts[idx[0]], self.ends[idx[-1]], idx, None,
                               "counterpart")]
            # "ihre Amtskollegen Catherine Colonna und Gérald Darmanin": a list of counterparts.
            e = idx[-1]
            while e + 2 < self.n:
                k = self.list_step(e)
                if k is None:
                    break
                nxt = self.name_forward(self.honorifics_forward(k))
                if len(nxt) < 2:
                    break
                group.append(self.make(self.starts[nxt[0]], self.ends[nxt[-1]], nxt, None, "counterpart"))
                e = nxt[-1]
            # As many ministers named before in the sentence as counterparts: each one's, in order
            # ("die Bundesministerinnen Baerbock und Faeser trafen ihre Amtskollegen Colonna und Darmanin").
            before = sorted((m for m in titled if sent[0] <= m.start < w_start), key=lambda m: m.start)
            paired = before if len(group) > 1 and len(before) == len(group) else [governing] * len(group)
            for m, colleague in zip(group, paired, strict=True):
                if code is not None:
                    m.country, m.country_rank = code, RANK_WORD
                m.colleague_of = colleague
                out.append(m)
        return out

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around character ``pos`` (the whole text where ``pos`` is between sentences)."""
        sentences = self.sentences
        k = bisect.bisect_right(sentences, (pos, _AFTER_ANY)) - 1
        if k >= 0 and pos < sentences[k][1]:
            return sentences[k]
        return 0, len(self.text)

    # ---------------------------------------------------------------- persons and resolution

    def resolve(self, cands: list[Mention]) -> list[_Output]:
        # Names of countries that write the family name first ("Wang Yi", "Cho Tae-yul"), where the
        # mention itself names the country and no word in capitals marks the family name; a hyphenated
        # first word is a given name written first ("Min-jun Park").
        for m in cands:
            words = m.words
            if len(words) > 1 and "-" not in words[0] \
                    and ((m.country in self.p.family_first and m.country_rank >= RANK_TITLE)
                         or self.p.name_conventions.family_first(words)) \
                    and not any(_is_caps(w) for w in words) and not any(w.lower() in self.p.particles for w in words):
                m.family, m.surface, m.given = words[0], words[0], " ".join(words[1:])
                m.key = name_key(m.family)
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
            if person.country_rank == 0:
                person.country = self.infer_country(person, persons, marked)
        year = reference_year(self.doc)
        out = []
        for m in sorted(kept, key=lambda m: m.start):
            person = persons[m.key]
            country = m.country if m.country_rank >= RANK_TITLE else person.country
            portfolio = m.portfolio if m.portfolio and m.portfolio != "other" else (person.portfolio or m.portfolio)
            ministry_id = m.ministry_id
            if ministry_id is None and person.ministry_id and portfolio == person.portfolio:
                ministry_id = person.ministry_id
            if ministry_id is None and country and portfolio:
                known = kb.find_ministry(country, portfolio, year)
                ministry_id = known.id if known else None
            attrs = {"family_name": m.family, "given_name": m.given, "country": country, "portfolio": portfolio,
                     "ministry_id": ministry_id}
            out.append(_Output(m.start, m.end, attrs))
        return out

    def namesake_is(self, person: Person, namesakes: list[Person], a: int) -> bool:
        """Whether a family name alone at ``a`` that two persons share is this person's: the given name
        written before it says so, else the one of them named last before it (first named, before all)."""
        def titled(q: Person) -> list[Mention]:
            return [m for m in q.mentions if not m.coref_only and m.kind != "name"]
        for q in [person, *namesakes]:
            for m in titled(q):
                if m.given and self.text[max(0, a - len(m.given) - 1) : a] == m.given + " ":
                    return q is person
        def last_before(q: Person) -> int:
            return max((m.start for m in titled(q) if m.start < a), default=-1)
        def first(q: Person) -> int:
            return min((m.start for m in titled(q)), default=len(self.text))
        everyone = [person, *namesakes]
        if all(last_before(q) < 0 for q in everyone):
            return min(everyone, key=first) is person
        return max(everyone, key=last_before) is person

    def sides(self, cands: list[Mention]) -> None:
        """Country cues from a side named before the mentions of its sentence ("On the Indian side, External
        Affairs Minister ... and Mr. ..., Minister of ...", "Auf japanischer Seite nahmen ... teil")."""
        side_nouns, text = self.p.side_nouns, self.text
        if not side_nouns or not cands:
            return
        firsts = self.p.side_noun_firsts
        for c in self.countries:
            # A side noun starts right after one space: its first letter says most cannot be one.
            if text[c.end + 1 : c.end + 2] not in firsts or text[c.end] != " ":
                continue
            k = self.by_start.get(c.end + 1)
            if k is None or self.texts[k] not in side_nouns:
                continue
            lo, hi = self.sentence(c.start)
            for m in cands:
                if c.end < m.start < hi and m.country_rank < RANK_WORD:
                    m.country, m.country_rank = c.code, RANK_WORD

    def name_only(self, persons: dict[str, Person], taken: list[Mention]) -> list[Mention]:
        """Later mentions by name alone ("Steinmeier betonte", "John Kerry")."""
        spans = [(m.start, m.end) for m in taken]
        out = []
        bases = {key: key.split("|")[0] for key in persons}
        for person in persons.values():
            titled = [m for m in person.mentions if not m.coref_only]
            if not titled:
                continue
            forms = {m.surface for m in titled} | {m.family for m in titled}
            forms |= {f.upper() for f in forms if len(f) > 2}  # "KISHIDA Fumio" after "Fumio Kishida"
            givens = {m.given for m in titled if m.given}
            base = bases[person.key]
            namesakes = [q for q in persons.values() if q is not person and bases[q.key] == base]
            for hit in _name_hits(self.text, _name_pattern(forms)):
                a, b = hit.start(), hit.end()
                if any(a < e and s < b for s, e in spans):
                    continue
                if namesakes and not self.namesake_is(person, namesakes, a):
                    continue
                for given in givens:
                    if _is_caps(hit.group()) and self.text[b : b + len(given) + 1] == " " + given \
                            and not _NAME_NEIGHBOUR.match(self.text, b + len(given) + 1):
                        b += len(given) + 1  # "KISHIDA Fumio"
                        break
                if not self.name_context_ok(a, b, persons):
                    continue
                for given in givens:
                    g_start = a - len(given) - 1
                    if g_start >= 0 and self.text[g_start:a] == given + " ":
                        a = g_start
                        break
                k = self.by_start.get(hit.start())
                if k is None:
                    continue
                a = self.honorifics_backward(a)  # "Mr Hammond said"
                m = titled[0].by_name(a, b)
                out.append(m)
                spans.append((a, b))
                person.mentions.append(m)
        return out

    def name_context_ok(self, a: int, b: int, persons: dict[str, Person]) -> bool:
        """Not "the Hague Convention", not "die Fischer": no article before a name alone, and (in English)
        no other capitalised word after it."""
        k = self.by_start.get(a)
        if k is None:
            return False
        if k > 0 and self.texts[k - 1] in self.p.not_after and self.gap(k) == " ":
            return False
        if _DIGIT_AFTER.match(self.text[b : b + 3]):
            return False  # "May 2019"
        last = self.by_end.get(b)
        if last is not None and last > k:
            k = last  # the word after the whole name
        if self.lang == "en" and k + 1 < self.n and self.gap(k + 1) == " ":
            nxt = self.texts[k + 1]
            if nxt[:1].isupper() and name_key(nxt) not in persons and self.title_core(k + 1) is None:
                return False
        return True

    def is_place(self, c: kb.CountryMention) -> bool:
        """Whether a country mention follows a preposition of place or direction ("nach Seoul", "in Paris")."""
        k = self.by_start.get(c.start)
        return k is not None and k > 0 and self.texts[k - 1] in self.p.place_prepositions and self.gap(k) == " "

    @property
    def not_places(self) -> list[kb.CountryMention]:
        """The country mentions that are no place (``is_place``), in order; read only to infer a country."""
        if self._not_places is None:
            self._not_places = [c for c in self.countries if not self.is_place(c)]
        return self._not_places

    @property
    def country_counts(self) -> dict[str, int]:
        """How often each country is named; read only to infer a country."""
        if self._country_counts is None:
            self._country_counts = Counter(c.code for c in self.countries)
        return self._country_counts

    @staticmethod
    def is_state_minister(person: Person) -> bool:
        """Whether every titled mention of the person names a state minister."""
        titled = [m for m in person.mentions if m.kind != "name"]
        return bool(titled) and all(m.state_role for m in titled)

    def takes_home_mark(self, person: Person, persons: dict[str, Person]) -> bool:
        """Whether the text would have marked this person by the home prefix were it a home minister: not a
        state minister ("Staatsminister" takes no "Bundes-"), and not the partner of another country's minister
        of the same field ("Außenminister Maas" beside "Außenminister der Republik Polen" in a text that marks
        only the other home ministers: "Bundesinnenminister Seehofer")."""
        if self.is_state_minister(person):
            return False
        homes = set(self.p.marked_home.values())
        return not any(other is not person and other.portfolio and other.portfolio == person.portfolio
                       and other.country and other.country not in homes and other.country_rank >= RANK_TITLE
                       for other in persons.values())

    def infer_country(self, person: Person, persons: dict[str, Person], marked: bool) -> str | None:
        excluded: set[str] = set()
        for m in person.mentions:
            excluded |= m.not_country
            if m.colleague_of is not None:
                other = persons.get(m.colleague_of.key)
                if other is not None and other.country:
                    excluded.add(other.country)
        # One head of a field per country; a state minister sits beside the minister of the field.
        if not self.is_state_minister(person):
            for other in persons.values():
                if other is not person and other.country and other.portfolio and other.portfolio == person.portfolio \
                        and not self.is_state_minister(other):
                    excluded.add(other.country)
        if marked and self.takes_home_mark(person, persons):
            excluded |= set(self.p.marked_home.values())
        for home in self.p.home_countries:
            if home in excluded:
                continue
            if self.country_counts.get(home, 0) >= self.p.home_min_mentions or home in self.ministry_countries:
                return home
        # A place the sentence goes to or happens in ("reist nach Seoul", "meeting ... in Washington") says
        # nothing about whose minister someone is.
        pool = [c for c in self.not_places if c.code not in excluded]
        first = min(person.mentions, key=lambda m: m.start)
        lo, hi = self.sentence(first.start)
        code = kb.nearest_country(pool, first.start, first.end, lo, hi)
        if code:
            return code
        return kb.main_country(self.countries, exclude=tuple(excluded))


_NAME_PATTERNS: dict[frozenset[str], re.Pattern[str]] = {}
# What may not stand right before or after a name alone: a letter, digit or hyphen.
_NAME_NEIGHBOUR = re.compile(r"[\w\-‐]")


def _name_pattern(forms: set[str]) -> re.Pattern[str]:
    """The forms of one name, longest first, not followed by a word character or hyphen.

    The condition on the character before is checked by ``_name_hits``: a pattern that starts with a
    look-behind cannot skip ahead to its first letter and costs a step per character of the text.
    """
    key = frozenset(forms)
    pattern = _NAME_PATTERNS.get(key)
    if pattern is None:
        longest_first = sorted(forms, key=lambda f: (-len(f), f))
        pattern = re.compile("(?:" + "|".join(re.escape(f) for f in longest_first) + r")(?![\w\-‐])")
        _memo(_NAME_PATTERNS, key, pattern)  # type: ignore[arg-type]
    return pattern


def _name_hits(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches ``finditer`` would give for ``pattern`` behind "(?<![\\w\\-‐])"."""
    pos = 0
    while (hit := pattern.search(text, pos)) is not None:
        a = hit.start()
        if a > 0 and _NAME_NEIGHBOUR.match(text, a - 1):
            pos = a + 1  # no match of the look-behind form starts before a + 1
            continue
        yield hit
        pos = hit.end()


def split_namesakes(cands: list[Mention]) -> None:
    """Two persons of one family name ("Kenji Sato", "Ichiro Sato") keep two keys; a mention without a
    given name belongs to the one named last before it. Given names where one starts the other ("S.",
    "Subrahmanyam") are one person's."""
    groups: dict[str, list[Mention]] = {}
    for m in cands:
        groups.setdefault(m.key, []).append(m)
    for key, ms in groups.items():
        givens = {name_key(m.given).replace(".", "") for m in ms if m.given and not m.coref_only}
        if len(givens) < 2 or any(g != h and g.startswith(h) for g in givens for h in givens):
            continue
        ms.sort(key=lambda m: m.start)
        named = [m for m in ms if m.given and not m.coref_only]
        last = f"{key}|{name_key(named[0].given or '')}"
        for m in ms:
            if m.given and not m.coref_only:
                last = f"{key}|{name_key(m.given)}"
            m.key = last


def _combine(a: Title, b: Title) -> Title:
    """Two titles of one person ("Bundesaußenminister und Vizekanzler")."""
    out = a.at(a.start, b.end)
    if out.portfolio is None or (out.role and not b.role and b.portfolio):
        out.portfolio = b.portfolio or out.portfolio
    if b.country_rank > out.country_rank:
        out.country, out.country_rank = b.country, b.country_rank
    out.not_country = a.not_country | b.not_country
    out.marked_home = a.marked_home or b.marked_home
    out.ministry_id = a.ministry_id or b.ministry_id
    out.bare = a.bare and b.bare
    return out


@Language.factory("bilat_ministers")
def make_ministers(nlp: Language, name: str) -> MinistersComponent:
    return MinistersComponent(nlp, name)
