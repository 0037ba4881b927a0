"""The ministry patterns of one language (``models/<lang>/ministries.toml``), compiled once,
and the candidate mentions they find."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ... import knowledge as kb
from ..._memo import MEMO_LIMIT
from ...resources import cached, has_file, load_toml


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
    # "the finance ministry", "MFA", "ministry of external affairs": a name only where the
    # context gives it a country
    needs_country: bool = False


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
        # Heads whose fields must name a portfolio ("Department of Information" is none).
        self.weak_heads = {h + e for h in prod.get("weak_heads", []) for e in endings}
        # Lowercase heads of lowercase names ("ministry of external affairs"): known fields only.
        self.lowercase_prod_heads = set(prod.get("lowercase_heads", []))
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
        # Articles before a lowercase compound that let the context give its country ("the finance ministry").
        self.definite_articles = {w.lower() for w in comp.get("definite_articles", [])}
        # Fused heads that name the country unless a word says otherwise (Swiss "Volkswirtschaftsdepartement").
        self.compound_head_countries = {h.lower(): code for code, hs in comp.get("head_countries", {}).items()
                                        for h in hs}
        self.two_word_heads = self.separate_heads | self.lowercase_heads
        # Head words end a list of fields: "Department of Defense, the Home Office" is two names.
        # Stems of head words: a field never runs over a word containing one ("Ministerium", "ministry").
        self.head_stems = tuple(s.lower() for s in prod.get("head_stems", []))
        self.head_words = self.heads | self.separate_heads | self.known_only_heads | self.lowercase_prod_heads
        self.vague_fields = {w.lower() for w in prod.get("vague_fields", [])}
        # How one field is written: "capitalised_words" (English "Foreign Affairs") or
        # "adjective_noun" (German "nukleare Sicherheit", one compound noun per field).
        self.field_grammar = prod.get("field_grammar", "capitalised_words")
        # Lowercase field words after a capitalised field belong to it (French "Affaires étrangères").
        self.lowercase_field_tails = bool(prod.get("lowercase_field_tails", False))
        self.adjective_endings = tuple(prod.get("adjective_endings", []))
        generic = data.get("generic", {})
        self.generic = {w.lower() for w in generic.get("determiners", [])}
        self.articles = {w.lower() for w in generic.get("articles", [])}
        self.abbreviation_articles = {w.lower() for w in generic.get("abbreviation_articles", [])}
        # What stands between the abbreviations of a list ("BMF, BMI und AA").
        self.abbreviation_separators = {w.lower() for w in generic.get("abbreviation_separators", [])}
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
        # Prefixes several governments' names share ("Bundes-", "Federal") -> those governments.
        self.shared_prefixes = kb.shared_prefixes(lang)
        # The indexes the first names of a text read, built now rather than on that text.
        kb.compile_portfolios(lang)
        kb.country_link_pattern(self.country_links, self.country_link_articles)
        _country_prefix_words(lang)

    # -- fields -------------------------------------------------------------------------
    # ``words`` are the token texts of the document (``DocView.token_texts``); spaCy's
    # ``is_alpha`` and ``lower_`` are ``str.isalpha`` and ``str.lower`` of them.

    def _run_end(self, words: list[str], j: int, limit: int) -> int:
        k = j
        n = len(words)
        while k < n and k - j < limit:
            word = words[k]
            if not word.isalpha() or word in self.head_words or any(s in word.lower() for s in self.head_stems):
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
            while self.lowercase_field_tails and j < end < n and end - j < 4 and words[end].islower() \
                    and self.field_run(words, end, 1) == end + 1:
                end += 1
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
            if k < n and kb.country_of_word(words[k], self.lang):
                break  # "Ministry of Labour and of the Brazilian Foreign Ministry": another name
            last = words[end].lower() in conjunctions or words[k - 1].lower() in conjunctions
            nxt = self.conjunct(words, k, last=last)
            if nxt is None:
                break
            end = nxt
        return end



def _capitals(words: Sequence[str]) -> tuple[bool, ...]:
    """Which words are capitalised: a text's words name a known name only where it has its
    capitals ("Foreign Office", not "foreign office")."""
    return tuple(w[:1].isupper() for w in words)


@cached
def _country_prefix_words(lang: str) -> frozenset[str]:
    if not has_file(lang, "ministries.toml"):
        return frozenset()
    data = load_toml(lang, "ministries.toml").get("country_prefixes", {})
    return frozenset(w.lower().rstrip("-") for words in data.values() for w in words)

