"""The ``bilat_agreements`` component: where to look, and the mentions it writes."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..._memo import Memo
from ...resources import check_language
from ..base import SPAN_KEY, char_span, set_spans, view_of
from ..persist import Persisted, deferred, reads_its_models
from .abbreviations import Abbreviations
from .grammar import Grammar, _DateStarts, _resolve
from .identity import Identity
from .known import Known
from .lexicon import Lexicon, _boundaries
from .mentions import Mentions
from .tokens import build_words, word_at
from .triggers import Triggers
from .words import Found, Word, _after_hyphen, _occurrences, _outside, _overlapping

#: The tokens of a document: their texts and start offsets.
Tokens = tuple[list[str], list[int]]


class AgreementsComponent(Persisted, Triggers, Mentions, Grammar, Abbreviations, Identity, Known, Lexicon):
    def __init__(self, nlp: Language, name: str, spans_key: str = SPAN_KEY) -> None:
        Lexicon.__init__(self, check_language(nlp.lang))
        self.name = name
        self.spans_key = spans_key
        cfg = self.cfg
        self._load_parties()
        self.boundaries = _boundaries(cfg, self.known_names, self.known_abbrevs)
        self.boundary_re = re.compile("[" + re.escape("".join(sorted(self.boundaries))) + "]")
        self.boundary_chars = tuple(sorted(self.boundaries))
        #: first word -> [(words of a multi-word head, its kind)]
        self.multiword_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for seqs, kind in ((self.multiword_heads, "plain"), (self.bare_heads, "bare"),
                           (self.signed_heads, "signed_words")):
            for seq in seqs:
                self.multiword_by_first.setdefault(seq[0], []).append((seq, kind))
        self._compile_triggers(nlp.tokenizer, [*self.multiword_by_first, *self.known_abbrevs],
                               [seq for cands in self.known_names.values() for seq, _ in cands])
        #: word text -> "plain", "compound" or None: the one-word part of ``_head_at``
        self._head_kinds = Memo(self._word_head_kind)
        #: words of a mention (joined by spaces) -> index of the known agreement they name
        self._known_memo = Memo(self._find_known)

    # ----- the well-known agreements -------------------------------------------------------

    @reads_its_models
    def __call__(self, doc: Doc) -> Doc:
        words, chosen = self._found(doc)
        self._identify(words, chosen)
        out = []
        for f in chosen:
            span = char_span(doc, words[f.start].start, words[f.end - 1].end)
            if span is None:
                # spaCy keeps some words with their full stop ("JCPoA."): the token is the best span
                span = char_span(doc, words[f.start].start, words[f.end - 1].end, alignment_mode="expand")
                if span is None or span.end_char - words[f.end - 1].end > 1:
                    continue
            out.append((span, {"name": f.name, "abbreviation": f.abbreviation, "id": f.id,
                               "canonical": f.canonical, "parties": f.parties}))
        set_spans(doc, "AGREEMENT", out, key=self.spans_key)
        return doc

    def _found(self, doc: Doc) -> tuple[list[Word], list[Found]]:
        """The mentions of the document, and the words their indices refer to."""
        view = view_of(doc)
        text = view.text
        tokens = (view.token_texts, view.token_starts)
        spans = self._trigger_spans(doc)
        if not spans:
            return [], []
        dates = _DateStarts(doc, self.spans_key)
        words, stretches = self._stretches(text, tokens, spans)
        chosen, defined = self._mentions(doc, words, _overlapping(words, spans), dates)
        elsewhere = _outside(stretches, _occurrences(text, defined))
        if elsewhere:  # abbreviations defined here and used in sentences without any other cue
            spans = sorted(spans + elsewhere)
            words, _ = self._stretches(text, tokens, spans)
            chosen, _ = self._mentions(doc, words, _overlapping(words, spans), dates)
        return words, chosen

    def _mentions(
        self, doc: Doc, words: list[Word], triggers: list[int], dates: _DateStarts
    ) -> tuple[list[Found], set[str]]:
        """The mentions among ``words``, and the abbreviations the text defines. Heads and known
        names start only at the indices ``triggers`` (the words that overlap a trigger match)."""
        found = self._rule_mentions(doc, words, triggers, dates)
        found += self._known_mentions(words, triggers)
        return self._abbreviations(doc, words, _resolve(found))

    # ----- where to look --------------------------------------------------------------------
    def _stretches(
        self, text: str, tokens: Tokens, spans: list[tuple[int, int]]
    ) -> tuple[list[Word], list[tuple[int, int]]]:
        """The words of the stretches of ``text`` (whose spaCy tokens are ``tokens``) around
        ``spans`` (sorted), and the stretches.

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
                start = self._boundary_before(text, tokens, a, taken)
            end = self._boundary_after(text, tokens, b, start)
            if stretches and start == taken == stretches[-1][1]:
                start = stretches.pop()[0]  # continues the previous stretch
                build_words(text, *tokens, taken, end, words, words[-1])
            else:
                build_words(text, *tokens, start, end, words, None)
            taken = end
            stretches.append((start, taken))
        return words, stretches

    def _boundary_after(self, text: str, tokens: Tokens, b: int, lo: int) -> int:
        """The end of the first boundary token at or after ``b``, or of the text (``lo``: where
        tokens start over, before ``b``)."""
        m = self.boundary_re.search(text, b)
        while m is not None:
            c = m.start()
            token = word_at(text, *tokens, c, lo)
            if token == (c, c + 1) and not (text[c] == "," and self._name_comma(text, c, lo)):
                return c + 1
            # not a token of its own ("U.S.", "4.0"): go on after the word that holds it
            m = self.boundary_re.search(text, max(c + 1, token[1] if token else 0))
        return len(text)

    def _boundary_before(self, text: str, tokens: Tokens, a: int, lo: int) -> int:
        """Offset of the last boundary token in [lo, a), or ``lo`` if none is found nearby."""
        chars = self.boundary_chars
        for _ in range(8):
            c = -1
            w = a
            while c < 0 and w > lo:  # the last boundary character, looked for a stretch at a time
                a, w = w, max(lo, w - 512)
                c = max([text.rfind(ch, w, a) for ch in chars])
            if c < 0:
                break
            token = word_at(text, *tokens, c, lo)
            if token == (c, c + 1) and not (text[c] == "," and self._name_comma(text, c, lo)):
                return c
            a = min(c, token[0]) if token else c
        return lo

    def _name_comma(self, text: str, c: int, lo: int) -> bool:
        """May the comma at ``c`` stand inside a name? After a truncated compound ("Sach-,
        Dienst- und ..."); where only names are capitalised, between capitalised words."""
        if _after_hyphen(text, c, lo):
            return True
        if self.nouns_capitalised or not text.startswith(" ", c + 1) or not text[c + 2 : c + 3].isupper():
            return False
        k = c
        while k > lo and not text[k - 1].isspace():
            k -= 1
        return k < c and text[k].isupper()



@Language.factory("bilat_agreements", default_config={"spans_key": SPAN_KEY, "data_path": None})
def make_agreements(nlp: Language, name: str, spans_key: str = SPAN_KEY,
                    data_path: str | None = None) -> AgreementsComponent:
    """The AGREEMENT component; it writes its spans (and reads DATE spans) in ``doc.spans[spans_key]``.
    ``data_path``: a models folder to compile from instead of the installed one."""
    return deferred(AgreementsComponent, nlp, name, spans_key, data_path)
