"""The ``bilat_agreements`` component: AGREEMENT mentions, with abbreviations linked to names.

How a mention is found (the word lists live in ``models/<lang>/agreements.toml``, the
well-known agreements in ``models/common/agreements.toml``):

1. **Heads.** A head noun ("Abkommen", "Agreement", "Memorandum of Understanding"), a closed
   German compound ending in one ("Wirtschaftspartnerschaftsabkommen") or a hyphenated compound
   with a capitalised prefix ("Iran-Abkommen", "Hannover-Deklaration").
2. **Name around the head.** Backwards: a coordinated compound ("Freundschafts- und
   Handelsvertrag") and capitalised pre-modifiers ("Gemeinsame Erklärung", "Japan-France
   Reciprocal Access Agreement"). Forwards: a name complement opened by a starter ("über",
   "von", "on", "between") that runs over capitalised words, function words and (German)
   adjectives before a noun, up to punctuation, a date, a verb or a lowercase content word.
   A bare plain head ("das Abkommen", "the Agreement") is generic and not a mention; a compound
   is a name by itself; German indefinite determiners ("ein Abkommen über ...") make a mention
   generic unless a bracketed abbreviation defines it.
3. **Known names** of well-known agreements (German names also inflected).
4. **Abbreviations.** "Name (ABBR)" defines ABBR for the document; a name shortened in a
   coordination after a definition ("... (EPA) und eine Strategische Partnerschaft (SPA)") is a
   mention of its own; later whole-word ABBR mentions are found in one pass. A known abbreviation
   marked ambiguous (EPA is also the US Environmental Protection Agency) counts only where the
   document defines it, names its agreement, or its sentence holds an agreement cue word.

Each mention carries ``name`` (the full form where known) and ``abbreviation``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .._memo import Memo
from ..resources import check_language, load_toml
from .base import char_span, doc_text, set_spans, spans_of

#: Words: letters and digits, joined by inner hyphens, dashes, dots and apostrophes ("Iran-Abkommen",
#: "Japan–EU", "4.0", "2+2", "U.S.-Japan"; a possessive "'s" only before a capitalised word, as in
#: "People's Republic"), with a trailing hyphen for a
#: truncated compound ("Sach-") or a leading one for its second part ("-technologie").
#: (Runs of plain word characters are one repeat each: re is much slower at one alternation per
#: character.)
_WORD = (
    r"(?:(?<=\s)-(?=[^\W\d_]))?[^\W_][\w+]*"
    r"(?:(?:['’](?!s\b)(?=[^\W_])|['’](?=s\s+[A-ZÄÖÜ])|[-–.](?=[^\W_])|\.(?=[-–][^\W_]))[\w+]*)*"
    r"(?:-(?=[\s,])|(?<=[A-Z]\.[A-Z])\.)?"
)
_TOKEN_RE = re.compile(rf"{_WORD}|[^\w\s]")
#: A token and the text before it: whitespace, and the underscores that no token starts with.
_GAP_TOKEN_RE = re.compile(rf"([\s_]*)({_WORD}|[^\w\s])")
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9\-]{0,10}")
_SENTENCE_END = frozenset(".!?:;")
_OPEN_QUOTES = frozenset("\"“„«‚‘'»")
_CLOSE_QUOTES = frozenset("\"”“»’‘'«")


def _is_word(text: str) -> bool:
    """A word, not punctuation: it starts with a letter or digit (or a sign before one)."""
    return text[0].isalnum() or (len(text) > 1 and text[1].isalnum())


@dataclass(slots=True)
class Word:
    """A word or punctuation token (not frozen: a frozen dataclass costs 4x to create)."""

    text: str
    start: int
    end: int
    is_word: bool
    sentence_initial: bool


@dataclass(slots=True)
class Found:
    """A mention in word indices [start, end), with its attributes."""

    start: int
    end: int
    name: str | None = None
    abbreviation: str | None = None
    known: int | None = None  # index of the well-known agreement it names
    defines_by_bracket: bool = False


def tokenize(text: str) -> list[Word]:
    """Words and punctuation of ``text``, each knowing whether it starts a sentence or line."""
    out: list[Word] = []
    _tokenize_from(text, 0, len(text), out, None)
    return out


def _tokenize_from(text: str, pos: int, endpos: int, out: list[Word], after: Word | None) -> None:
    """Append the words of ``text[pos:endpos]`` to ``out``.

    ``pos`` must be where the tokens of the whole text would also start over: 0, after whitespace or
    at the end of a token; ``endpos`` the end of the text or of a punctuation token (no token looks
    ahead past one that ``_token_at`` confirms). ``after`` is the token before ``pos``; without it
    the first token counts as sentence-initial (right at 0; elsewhere the caller starts at a
    punctuation token, whose flag is never asked).
    """
    prev_ends_sentence = after is None or (not after.is_word and after.text in _SENTENCE_END)
    append = out.append
    kinds = _KINDS
    for gap, w in _GAP_TOKEN_RE.findall(text, pos, endpos):
        start = pos + len(gap)
        pos = start + len(w)
        is_word, ends_sentence = kinds[w]
        append(Word(w, start, pos, is_word, prev_ends_sentence or (gap != " " and "\n" in gap)))
        prev_ends_sentence = ends_sentence


def _kind(text: str) -> tuple[bool, bool]:
    """Whether a token is a word, and whether it ends a sentence (punctuation only)."""
    is_word = _is_word(text)
    return is_word, not is_word and text in _SENTENCE_END


#: ``_kind`` of each distinct token text.
_KINDS = Memo(_kind, max_key_chars=64)


def _boundaries(cfg: dict, *tables: dict[str, list[tuple[tuple[str, ...], int]]]) -> frozenset[str]:
    """Punctuation that ends every scan of the rules: sentence ends and the comma, unless a word
    list holds them. (A comma after a truncated compound, "Sach-, Dienst- und ...", continues a
    coordination backwards: such a comma does not start a stretch, see ``_boundary_before``.)

    Rules compare a word with list entries, or with the parts of multi-word entries (split at
    spaces, or into words for the known names and abbreviations).
    """
    listed: set[str] = set()
    for value in _strings(cfg):
        listed.add(value)
        listed.update(value.split())
    for table in tables:
        listed.update(word for cands in table.values() for seq, _ in cands for word in seq)
    return frozenset(p for p in _SENTENCE_END | {","} if p not in listed)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


#: Stands for the text between two words of a sequence in a trigger pattern: whitespace and the
#: underscores that no token starts with.
_GAP = "\x00"


def _trie_pattern(strings: Iterable[str]) -> str:
    """One alternation of ``strings`` with shared prefixes factored out: ``re`` tries the
    alternatives of a plain alternation one by one at every position."""
    trie: dict[str, dict] = {}
    for string in strings:
        node = trie
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        alternatives = [(r"[\s_]*" if ch == _GAP else re.escape(ch)) + pattern(node[ch]) for ch in sorted(node) if ch]
        if not alternatives:
            return ""
        optional = "" in node
        if len(alternatives) == 1 and not optional:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")" + ("?" if optional else "")

    return pattern(trie)


def _capitalised(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit()


def _acronym(w: str) -> bool:
    return bool(_ACRONYM_RE.fullmatch(w)) and sum(c.isupper() for c in w) >= 2


class AgreementsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.lang = check_language(nlp.lang)
        self.name = name
        cfg = load_toml(self.lang, "agreements.toml")
        self.nouns_capitalised = bool(cfg.get("nouns_capitalised", False))
        heads = cfg["heads"]
        self.plain_heads = frozenset(heads["plain"])
        self.need_premodifier = frozenset(heads.get("need_premodifier", ()))
        self.multiword_heads = [tuple(m.split()) for m in heads.get("multiword", ())]
        comp = cfg["compounds"]
        self.compound_endings = tuple(e.lower() for e in comp.get("endings", ()))
        self.compound_min_prefix = int(comp.get("min_prefix", 3))
        self.compound_exclude = frozenset(comp.get("exclude", ()))
        self.hyphen_heads = frozenset(comp.get("hyphen_heads", ()))
        self.hyphen_prefix_exclude = frozenset(comp.get("hyphen_prefix_exclude", ()))
        self.statement_heads = frozenset(comp.get("statement_heads", ()))
        c = cfg["complement"]
        self.starters = frozenset(c["starters"])
        self.relational = frozenset(c.get("relational", ()))
        self.need_capital = frozenset(c.get("need_capital", ()))
        self.place_prepositions = frozenset(c.get("place_prepositions", ()))
        self.function_words = frozenset(c["function_words"])
        self.new_phrase_articles = frozenset(c.get("coordinated_article_ends", ()))
        self.complement_adj_endings = tuple(c.get("adjective_endings", ()))
        self.stop_words = frozenset(c.get("stop_words", ()))
        self.complement_max = int(c.get("max_words", 22))
        p = cfg["premodifier"]
        self.premod_adj_endings = tuple(p.get("adjective_endings", ()))
        self.premod_exclude = frozenset(p.get("exclude", ()))
        self.nationalities = frozenset(p.get("nationalities", ()))
        self.coordinators = frozenset(p.get("coordinators", ()))
        self.premod_max = int(p.get("max_words", 4))
        d = cfg.get("determiners", {})
        self.indefinite = frozenset(d.get("indefinite", ()))
        self.definite = frozenset(d.get("definite", ()))
        co = cfg.get("coordination", {})
        self.conjunctions = [tuple(x.split()) for x in co.get("conjunctions", ())]
        self.coord_articles = frozenset(co.get("articles", ()))
        self.conjunction_words = frozenset(c[0] for c in self.conjunctions if len(c) == 1)
        self.plural_heads = frozenset(heads.get("plural", ()))
        self.other_name_words = frozenset(heads.get("part_of_other_name_before", ()))
        cues = cfg.get("abbreviations", {}).get("context_cues", ())
        # German compounds hide a cue inside a word ("Freihandelsabkommen"); English cues start a word
        # (so "signed" does not fire in "designed")
        cue_start = "" if cfg.get("abbreviations", {}).get("cues_inside_words", False) else r"(?<!\w)"
        self.cue_re = re.compile(cue_start + "(?:" + "|".join(re.escape(x) for x in cues) + ")") if cues else None
        cue_words = cfg.get("abbreviations", {}).get("context_words", ())
        self.cue_words_re = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(x) for x in cue_words) + r")(?!\w)") if cue_words else None
        )
        self.inflection = {k.lower(): tuple(v) for k, v in cfg.get("inflection", {}).items()}
        self._load_known()
        self.boundaries = _boundaries(cfg, self.known_names, self.known_abbrevs)
        self.trigger_re, self.ending_re = self._trigger_res()
        self.boundary_re = re.compile("[" + re.escape("".join(sorted(self.boundaries))) + "]")
        self.multiword_by_first: dict[str, list[tuple[str, ...]]] = {}
        for seq in self.multiword_heads:
            self.multiword_by_first.setdefault(seq[0], []).append(seq)
        #: word text -> "plain", "compound" or None: the one-word part of ``_head_at``
        self._head_kinds = Memo(self._word_head_kind)
        #: words of a mention (joined by spaces) -> index of the known agreement they name
        self._known_memo = Memo(self._find_known)

    def _trigger_res(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        """Patterns of which every mention holds a match (the text lowercased for the second):
        a head, a known name, the first word of a known abbreviation, a compound ending."""
        words = set(self.plain_heads) | set(self.hyphen_heads) | {seq[0] for seq in self.multiword_heads}
        words |= set(self.known_abbrevs)  # the first word alone counts, as in "(New)"
        words |= {_GAP.join(seq) for cands in self.known_names.values() for seq, _ in cands}
        endings = _trie_pattern(self.compound_endings) if self.compound_endings else None
        return re.compile(_trie_pattern(words)), None if endings is None else re.compile(endings)

    # ----- the well-known agreements -------------------------------------------------------
    def _load_known(self) -> None:
        data = load_toml("common", "agreements.toml").get("agreement", [])
        #: per known agreement: (canonical name in this language, first abbreviation, ambiguous)
        self.known: list[tuple[str | None, str | None, bool]] = []
        #: first word -> [(words of the name, index)], longest first
        self.known_names: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        #: lowercased name -> index, to recognise rule-found mentions
        self.known_by_text: dict[str, int] = {}
        #: first word of an abbreviation -> [(words, index)]
        self.known_abbrevs: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for i, entry in enumerate(data):
            names = entry.get("names", {})
            own = list(names.get(self.lang, ()))
            abbrevs = list(entry.get("abbreviations", ()))
            fallback = next((v[0] for v in names.values() if v), None)
            self.known.append((own[0] if own else fallback, abbrevs[0] if abbrevs else None,
                               bool(entry.get("ambiguous", False))))
            for name in own:
                for form in self._name_forms(name):
                    words = tuple(w.text for w in tokenize(form))
                    self.known_names.setdefault(words[0], []).append((words, i))
                    self.known_by_text.setdefault(" ".join(words).lower(), i)
            for other in names.values():
                for name in other:
                    self.known_by_text.setdefault(" ".join(w.text for w in tokenize(name)).lower(), i)
            for abbr in abbrevs:
                words = tuple(w.text for w in tokenize(abbr))
                self.known_abbrevs.setdefault(words[0], []).append((words, i))
        for table in (self.known_names, self.known_abbrevs):
            for cands in table.values():
                cands.sort(key=lambda c: -len(c[0]))

    def _name_forms(self, name: str) -> list[str]:
        """A name as written, capitalised at a sentence start, and with its inflected endings."""
        forms = [name, name[:1].upper() + name[1:]]
        low = name.lower()
        for ending, inflected in self.inflection.items():
            if low.endswith(ending):
                stem = name[: len(name) - len(ending)]
                tail = name[len(name) - len(ending) :]
                for form in inflected:
                    forms.append(stem + (form[:1].upper() + form[1:] if tail[:1].isupper() else form))
        return list(dict.fromkeys(forms))

    def _match_seq(self, words: list[Word], i: int, seq: tuple[str, ...]) -> bool:
        if i + len(seq) > len(words):
            return False
        return all(words[i + k].text == s for k, s in enumerate(seq))

    # ----- heads ----------------------------------------------------------------------------
    def _head_at(self, words: list[Word], i: int) -> tuple[int, str] | None:
        """(end index, kind) of a head starting at word i: kind is "plain" or "compound"."""
        w = words[i]
        for seq in self.multiword_by_first.get(w.text, ()):
            if self._match_seq(words, i, seq):
                return i + len(seq), "plain"
        kind = self._head_kinds[w.text]
        return None if kind is None else (i + 1, kind)

    def _word_head_kind(self, text: str) -> str | None:
        """"plain", "compound" or None: whether the word ``text`` alone is a head."""
        if not _is_word(text):
            return None
        if text in self.plain_heads:
            return "plain"
        if not text[:1].isupper() and not text[:1].isdigit():
            return None
        if self._is_compound(text):
            return "compound"
        parts = re.split(r"[-–]", text)
        if len(parts) >= 2 and parts[-1]:
            last, prefix = parts[-1], parts[0]
            if prefix in self.hyphen_prefix_exclude or not _capitalised(prefix):
                return None
            if last in self.hyphen_heads or self._is_compound(last):
                if last in self.statement_heads and any(ch.isdigit() for ch in prefix):
                    return None
                return "compound"
        return None

    def _is_compound(self, text: str) -> bool:
        if not self.compound_endings or "-" in text or text in self.compound_exclude:
            return False
        if not text[:1].isupper():
            return False
        low = text.lower()
        return any(
            low.endswith(e) and len(low) - len(e) >= self.compound_min_prefix for e in self.compound_endings
        )

    # ----- the name around a head -----------------------------------------------------------
    def _coordinated_start(self, words: list[Word], s: int) -> int:
        """Extend back over truncated coordinated compounds: "Freundschafts- und" Handelsvertrag."""
        while (
            s >= 2
            and words[s - 1].text in self.coordinators
            and words[s - 2].is_word
            and words[s - 2].text.endswith("-")
        ):
            s -= 2
            while s >= 2 and words[s - 1].text == "," and words[s - 2].text.endswith("-"):
                s -= 2
        return s

    def _is_premodifier(self, w: Word) -> bool:
        if not w.is_word or not w.text[:1].isupper() or w.text in self.premod_exclude:
            return False
        if w.text.endswith(("'s", "’s", "s'", "s’")):  # "Japan's", "Leaders'": an owner, not a name
            return False
        if w.text in self.plain_heads:
            return False
        if self.premod_adj_endings:
            parts = re.split(r"[-–]", w.text)
            if len(parts) > 1 and all(_capitalised(p) for p in parts):
                return True  # "EU-Japan Abkommen": the parties, written apart from the head
            return parts[-1].lower().endswith(self.premod_adj_endings)
        return True

    def _premodifier_start(self, words: list[Word], s: int) -> int:
        k = s
        count = 0
        while k > 0 and count < self.premod_max:
            w = words[k - 1]
            if self._is_premodifier(w):
                k -= 1
                count += 1
                if w.sentence_initial:
                    break
                continue
            # "Acquisition and Cross-Servicing Agreement": a coordinator between two capitalised
            # words of the chain (not after an abbreviation, which is a name of its own).
            if (
                w.text in self.coordinators
                and k < s
                and k >= 2
                and self._is_premodifier(words[k - 2])
                and not _acronym(words[k - 2].text)
                and not self.nouns_capitalised
            ):
                k -= 1
                continue
            break
        # a coordinator can only stand inside the chain
        while k < s and words[k].text in self.coordinators:
            k += 1
        # a leading nationality adjective is not part of the name
        while k < s and words[k].text in self.nationalities:
            k += 1
        return k

    def _complement_end(self, words: list[Word], e: int, allow_relational: bool, dates: _DateStarts) -> int:
        """End of the name complement after a head ending at word ``e``, or ``e`` if there is none."""
        if e >= len(words) or words[e].text not in self.starters:
            return e
        if words[e].text in self.relational and not allow_relational:
            return e
        if words[e].text in self.need_capital and not (e + 1 < len(words) and words[e + 1].text[:1].isupper()):
            return e
        # "zwischen Japan und der EU" alone describes the parties; a name needs another starter
        named = words[e].text not in self.relational
        between = not named  # inside "between X and the Y" a coordinated article is part of the name
        last_content = e
        pos = e + 1
        seen_content = False
        limit = min(len(words), e + 1 + self.complement_max)
        while pos < limit:
            w = words[pos]
            if not w.is_word or w.text in self.stop_words:
                break
            # a date ends a name, except a year right after a name word ("Agenda 2030")
            if dates.at(w.start) and not (w.text.isdigit() and seen_content and last_content == pos - 1):
                break
            low = w.text.lower()
            if seen_content and low in self.starters:
                if low in self.relational:
                    between = True
                else:
                    named = True
            if low in self.function_words:
                if low in self.coordinators or low in self.conjunction_words:
                    if self._head_follows(words, pos + 1):
                        break
                    # "Agreement on Trade and the Japan-US Alliance": a new phrase, unless between parties
                    if not between and pos + 1 < len(words) and words[pos + 1].text in self.new_phrase_articles:
                        break
                pos += 1
                continue
            if _capitalised(w.text):
                # a number belongs to a name only right after a name word ("Industrie 4.0"),
                # not after a preposition ("vom 17. Juni", "of 2019")
                if w.text[:1].isdigit() and (not seen_content or last_content != pos - 1):
                    break
                if w.sentence_initial:
                    break
                seen_content = True
                last_content = pos
                pos += 1
                continue
            if w.text.endswith("-"):  # "Sach- und Dienstleistungen"
                pos += 1
                continue
            if w.text.startswith("-") and seen_content:  # "Ausrüstung und -technologie"
                last_content = pos
                pos += 1
                continue
            if self._complement_adjective(words, pos):
                pos += 1
                continue
            break
        if not seen_content or not named:
            return e
        # "... in Osaka": a trailing place preposition with a single word is where, not what
        if last_content - 2 > e and words[last_content - 1].text in self.place_prepositions:
            return last_content - 1
        return last_content + 1

    def _complement_adjective(self, words: list[Word], pos: int) -> bool:
        """A lowercase adjective inside a German complement: an adjective ending, then a noun."""
        if not self.complement_adj_endings:
            return False
        w = words[pos].text
        if not w.islower() or not w.endswith(self.complement_adj_endings):
            return False
        nxt = words[pos + 1] if pos + 1 < len(words) else None
        if nxt is None or not nxt.is_word:
            return False
        return (
            nxt.text[:1].isupper()
            or nxt.text.endswith("-")
            or (nxt.text.islower() and nxt.text.endswith(self.complement_adj_endings)
                and pos + 2 < len(words) and words[pos + 2].text[:1].isupper())
        )

    def _head_follows(self, words: list[Word], k: int) -> bool:
        """Does another agreement name begin at word k (after a coordinator)?"""
        for j in range(k, min(len(words), k + 5)):
            w = words[j]
            if not w.is_word:
                return False
            if self._head_at(words, j):
                return True
            if not (w.text[:1].isupper() or w.text in self.coord_articles or w.text.lower() in self.function_words):
                return False
        return False

    def _determiner(self, words: list[Word], s: int) -> str | None:
        """"indefinite", "definite" or None: the determiner introducing the phrase at word s."""
        for k in range(s - 1, max(-1, s - 7), -1):
            w = words[k]
            if not w.is_word:
                return None
            low = w.text.lower()
            if low in self.indefinite:
                return "indefinite"
            if low in self.definite:
                return "definite"
            if w.text[:1].isupper() and not w.sentence_initial:
                return None
        return None

    def _bracket_abbrev_after(self, words: list[Word], e: int) -> tuple[int, int] | None:
        """(start, end) word indices of an abbreviation in brackets right after word e: "(EPA)", "(„EPA“)"."""
        if e + 2 >= len(words) or words[e].text != "(":
            return None
        k = e + 1
        if words[k].text in _OPEN_QUOTES:
            k += 1
        j = k
        while j < len(words) and j < k + 3 and words[j].is_word:
            j += 1
        close = j + 1 if j < len(words) and words[j].text in _CLOSE_QUOTES and k > e + 1 else j
        if j == k or close >= len(words) or words[close].text != ")":
            return None
        abbr = " ".join(w.text for w in words[k:j])
        if not all(_acronym(w.text) or w.text.isupper() for w in words[k:j]):
            return None
        if j - k > 1 and abbr.split()[0] not in self.known_abbrevs:
            return None
        if _acronym(words[k].text) or words[k].text in self.known_abbrevs:
            return k, j
        return None

    # ----- per document ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        words, chosen = self._found(doc)
        out = []
        for f in chosen:
            span = char_span(doc, words[f.start].start, words[f.end - 1].end)
            if span is None:
                # spaCy keeps some words with their full stop ("JCPoA."): the token is the best span
                span = char_span(doc, words[f.start].start, words[f.end - 1].end, alignment_mode="expand")
                if span is None or span.end_char - words[f.end - 1].end > 1:
                    continue
            out.append((span, {"name": f.name, "abbreviation": f.abbreviation}))
        set_spans(doc, "AGREEMENT", out)
        return doc

    def _found(self, doc: Doc) -> tuple[list[Word], list[Found]]:
        """The mentions of the document, and the words their indices refer to."""
        text = doc_text(doc)
        spans = self._trigger_spans(text)
        if not spans:
            return [], []
        dates = _DateStarts(doc)
        words, stretches = self._stretches(text, spans)
        chosen, defined = self._mentions(doc, words, _overlapping(words, spans), dates)
        elsewhere = _outside(stretches, _occurrences(text, defined))
        if elsewhere:  # abbreviations defined here and used in sentences without any other cue
            spans = sorted(spans + elsewhere)
            words, _ = self._stretches(text, spans)
            chosen, _ = self._mentions(doc, words, _overlapping(words, spans), dates)
        return words, chosen

    def _mentions(
        self, doc: Doc, words: list[Word], triggers: list[int], dates: _DateStarts
    ) -> tuple[list[Found], set[str]]:
        """The mentions among ``words``, and the abbreviations the text defines. Heads and known
        names start only at the indices ``triggers`` (the words that overlap a trigger match)."""
        found = self._rule_mentions(words, triggers, dates)
        found += self._known_mentions(words, triggers)
        return self._abbreviations(doc, words, _resolve(found))

    # ----- where to look --------------------------------------------------------------------
    def _trigger_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the trigger patterns match, in order."""
        spans = [m.span() for m in self.trigger_re.finditer(text)]
        if self.ending_re is not None:
            low = text.lower()
            # lowercasing keeps offsets unless a character lowercases to two ("İ")
            ending_re = self.ending_re if len(low) == len(text) else re.compile(self.ending_re.pattern, re.I)
            found = [m.span() for m in ending_re.finditer(low if len(low) == len(text) else text)]
            if found:
                spans = sorted(spans + found)
        return spans

    def _stretches(self, text: str, spans: list[tuple[int, int]]) -> tuple[list[Word], list[tuple[int, int]]]:
        """The words of the stretches of ``text`` around ``spans`` (sorted), and the stretches.

        A stretch runs from the last boundary token before a span to the first one after it, or
        to an end of the text. No rule looks past a boundary, so the rules find in the stretches
        what they would find in the whole text: the words of a mention, and everything that
        decides about it, lie in the stretch of its trigger.
        """
        words: list[Word] = []
        stretches: list[tuple[int, int]] = []
        taken = 0  # text before this offset is tokenised or known to hold nothing
        for a, b in spans:
            if b <= taken:
                continue
            start = taken
            if a >= taken:
                start = self._boundary_before(text, a, taken)
            end = self._boundary_after(text, b, start)
            if stretches and start == taken == stretches[-1][1]:
                start = stretches.pop()[0]  # continues the previous stretch
                _tokenize_from(text, taken, end, words, words[-1])
            else:
                _tokenize_from(text, start, end, words, None)
            taken = end
            stretches.append((start, taken))
        return words, stretches

    def _boundary_after(self, text: str, b: int, lo: int) -> int:
        """The end of the first boundary token at or after ``b``, or of the text (``lo``: where
        tokens start over, before ``b``)."""
        m = self.boundary_re.search(text, b)
        while m is not None:
            c = m.start()
            token = _token_at(text, c, lo)
            if token == (c, c + 1):
                return c + 1
            # not a token of its own ("U.S.", "4.0"): go on after the word that holds it
            m = self.boundary_re.search(text, max(c + 1, token[1] if token else 0))
        return len(text)

    def _boundary_before(self, text: str, a: int, lo: int) -> int:
        """Offset of the last boundary token in [lo, a), or ``lo`` if none is found nearby."""
        for _ in range(8):
            c = max(text.rfind(ch, lo, a) for ch in self.boundaries)
            if c < 0:
                break
            token = _token_at(text, c, lo)
            if token == (c, c + 1) and not (text[c] == "," and _after_hyphen(text, c, lo)):
                return c
            a = min(c, token[0]) if token else c
        return lo

    def _rule_mentions(self, words: list[Word], triggers: list[int], dates: _DateStarts) -> list[Found]:
        out: list[Found] = []
        for i in triggers:
            head = self._head_at(words, i)
            if head is None:
                continue
            he, kind = head
            head_text = " ".join(w.text for w in words[i:he])
            if kind == "plain" and he < len(words) and words[he].text in self.other_name_words:
                continue  # "Tokyo International Convention Center", "North Atlantic Treaty Organization"
            s = self._coordinated_start(words, i) if kind == "compound" else i
            ps = self._premodifier_start(words, s)
            if kind == "compound" and ps < s and self._coordinated_start(words, ps) < ps:
                # "Wirtschaftspartnerschafts- und Strategisches Partnerschaftsabkommen"
                s = self._coordinated_start(words, ps)
                ps = self._premodifier_start(words, s)
            has_premod = ps < s
            bare = kind == "plain" and not has_premod
            ce = self._complement_end(words, he, allow_relational=bare, dates=dates)
            has_complement = ce > he
            if kind == "plain":
                if head_text in self.need_premodifier:
                    if not has_premod:
                        continue
                elif not (has_premod or has_complement):
                    continue
                # a sentence-initial capitalised word is weak evidence of a name
                if has_premod and not has_complement and words[ps].sentence_initial and ps == s - 1 \
                        and self.nouns_capitalised:
                    continue
            if has_premod and self.nouns_capitalised and words[ps].sentence_initial and not has_complement \
                    and kind == "compound":
                ps = s
            if self.indefinite:
                determiner = self._determiner(words, ps)
                # a capitalised German adjective ("eine Gemeinsame Absichtserklärung") marks a name
                named_by_premod = has_premod and self.nouns_capitalised and not words[ps].sentence_initial
                generic = (determiner == "indefinite" and not named_by_premod) or (
                    determiner is None and kind == "plain" and not has_premod and head_text in self.plural_heads
                )
                if generic and self._bracket_abbrev_after(words, ce) is None:
                    continue
            out.append(Found(ps, ce))
        return out

    def _known_mentions(self, words: list[Word], triggers: list[int]) -> list[Found]:
        out: list[Found] = []
        for i in triggers:
            for seq, idx in self.known_names.get(words[i].text, ()):
                if self._match_seq(words, i, seq):
                    out.append(Found(i, i + len(seq), known=idx))
                    break
        return out

    def _link_known(self, words: list[Word], f: Found) -> None:
        if f.known is None:
            f.known = self._known_of(" ".join(w.text for w in words[f.start : f.end]))
        if f.known is not None:
            canonical, abbr, _ = self.known[f.known]
            f.name = f.name or canonical
            f.abbreviation = f.abbreviation or abbr
        f.name = f.name or _surface(words, f.start, f.end)

    def _known_of(self, text: str) -> int | None:
        """The known agreement that the words ``text`` (joined by spaces) name, if any."""
        return self._known_memo[text]

    def _find_known(self, text: str) -> int | None:
        known = self.known_by_text.get(text.lower())
        if known is None:
            known = self._known_inflected(text)
        first, _, rest = text.partition(" ")
        if known is None and rest and re.search(r"[-–]", first):
            # "Japan-Australia Reciprocal Access Agreement": the parties prefix a known name
            known = self.known_by_text.get(rest.lower())
        return known

    def _known_inflected(self, text: str) -> int | None:
        """The known agreement a German name refers to in an inflected form ("Übereinkommens von Paris")."""
        if not self.inflection:
            return None
        base = []
        for word in text.lower().split():
            for ending, forms in self.inflection.items():
                form = next((f for f in forms if word.endswith(f)), None)
                if form is not None:
                    word = word[: len(word) - len(form)] + ending
                    break
            base.append(word)
        return self.known_by_text.get(" ".join(base))

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
                add(Found(a, b, name=f.name, abbreviation=abbr))
                after = b + (2 if words[b].text in _CLOSE_QUOTES else 1)
                self._coordinated_shortening(words, after, f, add, defined)
            else:
                self._bracket_alias(words, f, chosen, starts)
            before = self._abbrev_before_bracket(words, f)
            if before is not None:
                abbr = words[before].text
                f.abbreviation = f.abbreviation or abbr
                defined.setdefault(abbr, f)
                add(Found(before, before + 1, name=f.name, abbreviation=abbr))
        known_in_doc = {f.known for f in chosen + extra if f.known is not None}
        # "Environmental Protection Agency (EPA)": the document defines the letters as something else
        mention_ends = {f.end for f in chosen + extra}
        # the only words the rest looks at
        listed = [i for i, w in enumerate(words) if w.text in defined or w.text in self.known_abbrevs]
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
                add(Found(i, i + 1, name=full.name, abbreviation=w.text))
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
        add(short)
        defined.setdefault(abbr, short)
        add(Found(a, b, name=short.name, abbreviation=abbr))

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

    def _known_abbrev_index(self, abbr: str) -> int | None:
        for seq, idx in self.known_abbrevs.get(abbr.split()[0], ()):
            if " ".join(seq) == abbr:
                return idx
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


def _token_at(text: str, c: int, lo: int) -> tuple[int, int] | None:
    """(start, end) of the token that holds the character at ``c`` (a non-space), or None where
    a long run of text without spaces before ``c`` is not examined.

    Tokens restart the same after whitespace and at ``lo`` (the end of a token or 0), so the token
    at ``c`` is found by tokenising from the last of them.
    """
    floor = max(lo, c - 64)
    p = max(text.rfind(" ", floor, c), text.rfind("\n", floor, c), lo - 1) + 1
    if c - p > 64:
        return None
    m = _TOKEN_RE.search(text, p)
    while m is not None and m.end() <= c:
        m = _TOKEN_RE.search(text, m.end())
    return None if m is None else m.span()


def _after_hyphen(text: str, c: int, lo: int) -> bool:
    """Does the token before offset ``c`` end in a hyphen? (Before ``lo``, the end of a stretch or
    the start of the text, there is no such token.)"""
    k = c - 1
    while k >= lo and (text[k].isspace() or text[k] == "_"):  # what no token starts with
        k -= 1
    return k >= lo and text[k] == "-"


def _occurrences(text: str, strings: set[str]) -> list[tuple[int, int]]:
    """Where ``strings`` occur in ``text`` (also inside words: a superset of their tokens)."""
    if not strings:
        return []
    pattern = "|".join(re.escape(s) for s in sorted(strings, key=lambda s: (-len(s), s)))
    return [m.span() for m in re.finditer(pattern, text)]


def _overlapping(words: list[Word], spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the words (in text order) that overlap one of the (sorted) spans."""
    starts = [w.start for w in words]
    out: list[int] = []
    for a, b in spans:
        j = bisect.bisect_right(starts, a) - 1
        if j < 0 or words[j].end <= a:
            j += 1
        if out and j <= out[-1]:
            j = out[-1] + 1
        while j < len(words) and words[j].start < b:
            out.append(j)
            j += 1
    return out


def _outside(stretches: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside one of the (sorted, disjoint) stretches."""
    starts = [a for a, _ in stretches]
    out = []
    for a, b in spans:
        j = bisect.bisect_right(starts, a) - 1
        if j < 0 or b > stretches[j][1]:
            out.append((a, b))
    return out


def _surface(words: list[Word], a: int, b: int) -> str:
    """The words a..b as written, with single spaces where the text had whitespace."""
    parts = [words[a].text]
    for k in range(a + 1, b):
        parts.append((" " if words[k].start > words[k - 1].end else "") + words[k].text)
    return "".join(parts)


class _DateStarts:
    """The start offsets of the document's DATE spans, read on first use (most documents need none)."""

    __slots__ = ("doc", "starts")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] | None = None

    def at(self, offset: int) -> bool:
        """Does a date start at ``offset``?"""
        if self.starts is None:
            self.starts = sorted(s.start_char for s in spans_of(self.doc, "DATE"))
        j = bisect.bisect_left(self.starts, offset)
        return j < len(self.starts) and self.starts[j] == offset


def _resolve(found: list[Found]) -> list[Found]:
    """Non-overlapping mentions, longest first then leftmost; known names win ties."""
    ranked = sorted(found, key=lambda f: (-(f.end - f.start), f.known is None, f.start))
    taken = [False] * (max((f.end for f in found), default=0) + 1)
    out = []
    for f in ranked:
        if any(taken[k] for k in range(f.start, f.end)):
            continue
        for k in range(f.start, f.end):
            taken[k] = True
        out.append(f)
    return sorted(out, key=lambda f: f.start)


@Language.factory("bilat_agreements")
def make_agreements(nlp: Language, name: str) -> AgreementsComponent:
    return AgreementsComponent(nlp, name)


__all__ = ["AgreementsComponent", "make_agreements", "tokenize"]
