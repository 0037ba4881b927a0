"""The instrument grammar: heads, the name around a head (pre-modifiers, coordinated
compounds, complements), generic references, and bracketed abbreviations after a name."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from ...knowledge.countries import country_of_word
from ..base import SPAN_KEY, doc_text, spans_of, view_of
from .words import _CLOSE_QUOTES, _OPEN_QUOTES, Found, Word, _acronym, _capitalised, _is_word


class Grammar:
    """Mixin of the component: the rules that find agreement names around a head word."""

    # ----- heads ----------------------------------------------------------------------------
    def _head_at(self, words: list[Word], i: int) -> tuple[int, str] | None:
        """(end index, kind) of a head starting at word i: kind is "plain" or "compound"."""
        w = words[i]
        for seq, kind in self.multiword_by_first.get(w.text, ()):
            if self._match_seq(words, i, seq):
                return i + len(seq), kind
        kind = self._head_kinds[w.text]
        return None if kind is None else (i + 1, kind)

    def _word_head_kind(self, text: str) -> str | None:
        """Whether the word ``text`` alone is a head, and of which kind: "plain" (needs a name
        around it), "compound" (a name by itself), "lower" (a lowercase head after a capitalised
        name), "signed" (a name where its sentence tells of a signing), or None."""
        if not _is_word(text):
            return None
        if text in self.plain_heads:
            return "plain"
        if text in self.lower_heads:
            return "lower"
        if not text[:1].isupper() and not text[:1].isdigit():
            return None
        if self._is_compound(text):
            return "compound"
        if self._is_compound(text, self.signed_endings):
            return "signed"
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

    def _is_compound(self, text: str, endings: tuple[str, ...] | None = None) -> bool:
        endings = self.compound_endings if endings is None else endings
        if not endings or "-" in text or text in self.compound_exclude:
            return False
        if not text[:1].isupper():
            return False
        low = text.lower()
        if not low.endswith(endings):  # (most words: then no generic prefix can stand before an ending either)
            return False
        for prefix in self.compound_generic_prefixes:  # "Nebenabkommen", "Folgeabkommen"
            if text.startswith(prefix) and low[len(prefix):] in endings:
                return False
        return any(low.endswith(e) and len(low) - len(e) >= self.compound_min_prefix for e in endings)

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
            if w.text in self.headline_words and self._in_headline(words, k - 1):
                break
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
                and (not _acronym(words[k - 2].text) or country_of_word(words[k - 2].text, self.lang))
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

    def _complement_end(
        self, words: list[Word], e: int, allow_relational: bool, dates: _DateStarts, parties_name: bool = False,
        no_parties: bool = False,
    ) -> int:
        """End of the name complement after a head ending at word ``e``, or ``e`` if there is none.
        ``parties_name``: the parties alone ("zwischen der Schweiz und China") may end the name."""
        if e >= len(words) or words[e].text not in self.starters:
            return e
        if words[e].text in self.relational and not allow_relational:
            return e
        if words[e].text in self.need_capital and not (e + 1 < len(words) and words[e + 1].text[:1].isupper()):
            return e
        # "zwischen Japan und der EU" alone describes the parties; a name needs another starter
        named = words[e].text not in self.relational or parties_name
        between = not named  # inside "between X and the Y" a coordinated article is part of the name
        last_content = e
        pos = e + 1
        seen_content = False
        limit = min(len(words), e + 1 + self.complement_max)
        while pos < limit:
            w = words[pos]
            if not w.is_word and self._continues_complement(words, pos, seen_content):
                pos += 1
                continue
            if w.text == "(" and seen_content:
                # "... Joint Research Centre (CPJRC) on Earth Sciences": an abbreviation inside the title
                bracket = self._bracket_abbrev_after(words, pos)
                after = bracket[1] + 1 if bracket else pos
                if bracket and after + 1 < len(words) and words[after].text in self.starters \
                        and words[after].text not in self.relational and _capitalised(words[after + 1].text):
                    pos = after
                    continue
            if not w.is_word or w.text in self.stop_words:
                break
            # a date ends a name, except a year right after a name word ("Agenda 2030")
            if dates.at(w.start) and not (w.text.isdigit() and seen_content and last_content == pos - 1):
                break
            low = w.text.lower()
            if seen_content and low in self.starters:
                if low in self.relational and no_parties:
                    break
                if low in self.relational:
                    between = True
                else:
                    named = True
            if low in self.function_words:
                if low in self.coordinators or low in self.conjunction_words:
                    if self._head_follows(words, pos + 1):
                        break
                    # "Agreement on Trade and the Japan-US Alliance": a new phrase, unless between parties
                    if not between and pos + 1 < len(words) and words[pos + 1].text in self.new_phrase_articles \
                            and (pos + 2 >= len(words) or "-" in words[pos + 2].text.strip("-")):
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

    def _continues_complement(self, words: list[Word], pos: int, seen_content: bool) -> bool:
        """Punctuation inside a complement: a comma after a truncated compound ("Rohstoff-,
        Industrie- und ..."), a comma in a list of capitalised words ("Micro, Small and Medium-sized
        Businesses"), a slash between capitalised words ("Official/Special Passports")."""
        w = words[pos].text
        if not seen_content or pos + 1 >= len(words) or not words[pos + 1].is_word:
            return False
        prev, nxt = words[pos - 1].text, words[pos + 1].text
        if w == "/":
            return _capitalised(prev) and _capitalised(nxt)
        if w != ",":
            return False
        if prev.endswith("-"):
            return nxt.endswith("-") or nxt[:1].isupper()
        if not (prev[:1].isupper() and nxt[:1].isupper()) or self.nouns_capitalised:
            return False
        for j in range(pos + 2, min(len(words) - 1, pos + 6)):  # "X, Y and Z": the list ends in a coordinator
            if words[j].text in self.coordinators:
                return words[j + 1].text[:1].isupper()
            if not (words[j].is_word and words[j].text[:1].isupper()) and words[j].text != ",":
                return False
        return False

    def _in_headline(self, words: list[Word], k: int) -> bool:
        """Is word k in a title-case line ("Japan and Chile Sign ... Agreement")? Running text
        has lowercase content words before it in its sentence."""
        j = k
        while j > 0 and not words[j].sentence_initial and k - j < 15:
            j -= 1
            w = words[j]
            if w.text in self.boundaries:
                break  # no rule looks past a boundary
            if w.is_word and w.text[:1].islower() and w.text not in self.function_words \
                    and w.text not in self.coordinators:
                return False
        return True

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
        """"indefinite", "quantifier", "definite" or None: the determiner introducing the phrase at word s."""
        for k in range(s - 1, max(-1, s - 7), -1):
            w = words[k]
            if not w.is_word:
                return None
            low = w.text.lower()
            if low in self.quantifiers or (w.text.isdigit() and not 1000 <= int(w.text) <= 2999):
                return "quantifier"
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


class _DateStarts:
    """What the rules ask of one document, read on first use (most documents need none): the
    start offsets of its DATE spans, and which sentences tell of a signing."""

    __slots__ = ("doc", "key", "starts", "sentences", "signed_sentences")

    def __init__(self, doc: Doc, key: str = SPAN_KEY) -> None:
        self.doc = doc
        self.key = key
        self.starts: list[int] | None = None
        self.sentences: list[int] | None = None  # sentence start offsets
        self.signed_sentences: dict[int, bool] = {}

    def signed(self, offset: int, regex: re.Pattern[str]) -> bool:
        """Does the sentence holding ``offset`` match ``regex`` (lowercased)?"""
        if self.sentences is None:
            view = view_of(self.doc)
            self.sentences = [view.token_starts[k] for k in view.sentence_starts] or [0]
        j = bisect.bisect_right(self.sentences, offset) - 1
        if j not in self.signed_sentences:
            end = self.sentences[j + 1] if j + 1 < len(self.sentences) else None
            self.signed_sentences[j] = bool(regex.search(doc_text(self.doc)[self.sentences[j] : end].lower()))
        return self.signed_sentences[j]

    def at(self, offset: int) -> bool:
        """Does a date start at ``offset``?"""
        if self.starts is None:
            self.starts = sorted(s.start_char for s in spans_of(self.doc, "DATE", key=self.key))
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


