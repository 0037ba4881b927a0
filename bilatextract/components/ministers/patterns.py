"""The minister patterns of one language, compiled once from ``models/<lang>/ministers.toml``."""

from __future__ import annotations

import re
from typing import Any

from ... import knowledge as kb
from ..._memo import Memo
from ...knowledge.countries import country_words
from ...resources import has_file, load_toml
from .model import (
    _HONORIFIC,
    _INITIAL,
    _NAME,
    _NEVER,
    COUNTERPART,
    RANK_DEFAULT,
    RANK_TITLE,
    TITLE_START,
    Title,
    _capitalise,
    _honorific_alternation,
    _is_caps,
    _lengths_by_first,
    _memo,
    _most_words,
    name_key,
)
from .names import name_conventions


class Patterns:
    """The minister patterns of one language, compiled once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load_toml(lang, "ministers.toml")
        # Endings left out of a word as possessives ("Japan's" -> "Japan"): ``words.WordReader``.
        self.possessive_endings = tuple(data.get("words", {}).get("possessive_endings", []))
        self.titles = {tuple(k.split()): v for k, v in data.get("titles", {}).items()}
        self.max_title = max((len(k) for k in self.titles), default=1)
        # Title lengths to try at a word, by the word: most words start no title (linear scan).
        self.title_lengths = _lengths_by_first(self.titles)
        self.heads = {k.lower(): v for k, v in data.get("heads", {}).items()}
        self.heads_longest = sorted(self.heads, key=len, reverse=True)
        self.head_words = tuple(self.heads)
        infl = data.get("heads_inflection", {})
        self.endings = sorted(infl.get("endings", [""]), key=len, reverse=True)
        # Every head with every ending: a word ending in none of them is no fused title (one C call).
        self.fused_suffixes = tuple({h + e for h in self.heads for e in self.endings})
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
        self.not_field_parts = tuple(fields.get("not_field_parts", []))
        country = data.get("country", {})
        # As written and in capitals ("FOREIGN MINISTER OF INDONESIA ALI ALATAS").
        self.country_links = tuple(dict.fromkeys(w for x in country.get("links", []) for w in (x, x.upper())))
        self.country_link_articles = tuple(dict.fromkeys(
            w for x in country.get("link_articles", []) for w in (x, x.upper())))
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
        # Endings of adjectives inside a field phrase ("für europäische und internationale Angelegenheiten").
        self.adjective_endings = tuple(e for e in language.get("adjective_endings", []) if e)
        # Elided articles fused before a word ("l'Europe"): left out when a word is looked up.
        self.elision = tuple(language.get("elision", []))
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
        self.stop_before_capitalised = bool(data.get("coreference", {}).get("not_before_capitalised", False))
        self.genitive_endings = tuple(data.get("coreference", {}).get("genitive_endings", []))
        self.genitive_endings_after_sibilant = tuple(data.get("coreference", {}).get("genitive_endings_after_sibilant",
                                                                                      []))
        ctx = data.get("context", {})
        self.home_countries = tuple(ctx.get("home_countries", []))
        self.home_min_mentions = int(ctx.get("home_min_mentions", 2))
        self.place_prepositions = frozenset(ctx.get("place_prepositions", []))
        self.marked_home = {p.lower(): code for code, ps in ctx.get("marked_home", {}).items() for p in ps}
        self.shared_marks = kb.shared_prefixes(lang)
        # Fields written before a separate head that name a minister's title but no ministry ("Foreign
        # Affairs Minister", "investment minister"): ministers.toml [separate] stems.
        self.compound_stems = dict(kb.compound_stems(lang))
        for portfolio, stems in sep.get("stems", {}).items():
            for stem in stems:
                self.compound_stems.setdefault(stem.lower(), portfolio)
        self.subnational = kb.subnational_forms(lang)  # what kb.is_subnational looks a word up in
        # The first part of a compound cut before its head, where the language writes that ("Wirtschafts-").
        self.truncated_stems = {} if self.separate_heads or not self.heads else dict(self.compound_stems)
        self.max_stem_words = max((len(s.split()) for s in self.compound_stems), default=1)
        self.stem_lengths = _lengths_by_first(tuple(s.split()) for s in self.compound_stems)
        stems = kb.portfolio_stems(lang)
        extra = [w.lower() for w in fields.get("extra_words", [])]
        self.field_stem_set = frozenset({w for s in stems for w in s.split()} | set(extra))
        # Where a title or a counterpart can start (``word_kind`` not 0), as one-word patterns on the word
        # in small letters: first words of titles, field stems, country prefixes of titles, counterpart
        # words (``word_kind`` then judges each as written); and the heads of fused titles ("…minister…"),
        # matched in the text in small letters.
        self.trigger_lower = frozenset(self.title_lengths) | frozenset(self.truncated_stems) \
            | (frozenset(self.stem_lengths) if self.separate_heads else frozenset()) \
            | frozenset(w.lower() for w in (*self.name_prefixes, *self.counterparts))
        # Whether a word all in small letters is of no kind (``word_kind`` 0): titles start capitalised
        # and no counterpart word is all in small letters.
        self.capitalised_kinds = self.titles_capitalised and not any(w.islower() for w in self.counterparts)
        # A head holding another ("staatsminister", "minister") needs no pattern of its own.
        inner = sorted(h for h in self.heads if not any(o != h and o in h for o in self.heads))
        self.fused_heads = re.compile("|".join(map(re.escape, inner))) if inner else None
        # What a word string (or phrase) says does not depend on the document: memoised, since the
        # vocabulary of press releases repeats (see _memo).
        self.word_kinds = Memo(self._word_kind)  # ``word_kind`` of each word string judged so far
        self._fused: dict[str, Title | None] = {}
        self._field_words: dict[str, bool] = {}
        # Every word that names a country on its own (``knowledge.country_of_word`` looks words up there).
        self.country_words = country_words(lang)
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
        if all(caps) or (caps[0] and len(toks) > 1 and not any(c in "AEIOUY" for c in toks[0])):
            # a whole line in capitals ("JAIME GAMA"); initials in capitals ("GNM Pandor")
            caps = [False] * len(toks)
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
        if given:  # "Sheikh Abdullah bin Zayed": an honorific is no given name
            words = given.split()
            while len(words) > 1 and words[0] in self.honorific_words:
                words.pop(0)
            given = " ".join(words)
        return name, given, family, name_key(name)

    def word_kind(self, word: str) -> int:
        """TITLE_START where a title may start at the word (a superset of where ``title_core`` finds
        one), plus COUNTERPART for a counterpart word ("Kollegen")."""
        return self.word_kinds[word]

    def _word_kind(self, word: str) -> int:
        kind = TITLE_START if self._can_start_title(word) else 0
        return kind | COUNTERPART if word in self.counterparts else kind

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
        """``knowledge.country_of_word``."""
        return self.country_words.get(word.strip())

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
        for prefix in self.elision:
            if low.startswith(prefix):
                low = low[len(prefix):]
                break
        if any(part in low for part in self.not_field_parts):
            return False
        # A stem that starts the word and leaves at most four letters: one of its last five beginnings.
        stems = self.field_stem_set
        return any(low[:k] in stems for k in range(max(0, len(low) - 4), len(low) + 1))

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
        if not low.endswith(self.fused_suffixes):
            return None
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
            if prefix in self.shared_marks:
                title.country_rank = RANK_DEFAULT
        for mark, code in self.marked_home.items():
            if rest.startswith(mark):
                rest = rest[len(mark):]
                title.country, title.country_rank, title.marked_home = code, RANK_TITLE, True
                if mark in self.shared_marks:
                    title.country_rank = RANK_DEFAULT  # a mark several governments use: weak evidence
                break
        if not rest:
            title.bare = title.portfolio is None and title.role is None
            return title
        if not spec.get("fields"):
            return None
        # The longest stem that is the rest, or the rest but a final "s" or "-" (looked up, not scanned).
        stem = rest if rest in self.compound_stems else rest[:-1] if rest[-1] in "s-" else None
        if stem in self.compound_stems:
            title.portfolio = self.compound_stems[stem]
            return title
        # A field the data does not list ("Ressourcen|ministerin", "Tourismus|minister"): a minister all
        # the same, of the field its words name if any, else of another field.
        if len(rest) >= self.min_unknown_stem and rest.isalpha() and not prefix:
            title.portfolio = self.infer_portfolio(rest) or "other"
            return title
        return None
