"""Where a mention can be: the tokens and the token endings that every mention holds.

Compiled once per pipeline from the word lists: the texts of the tokens that can start a head,
a known name or a known abbreviation (one-token patterns on spaCy's ``ORTH``, labelled by what
they can start: :class:`~bilatextract.components.triggers.WordTriggers`), and one pattern of
the endings that make a closed or hyphenated compound a head ("...abkommen", "-Erklärung"),
searched in the lowercased text. Lowercase heads ("the Prespa
agreement") count only after a capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from ..base import view_of
from ..triggers import WordTriggers
from .words import _trie_pattern

_TRIGGER, _NAME, _LOWER = 1, 2, 4


class Triggers:
    """Mixin of the component: the trigger look-ups, and where they match in a document."""

    plain_heads: frozenset[str]
    hyphen_heads: frozenset[str]
    lower_heads: frozenset[str]
    lower_head_modifiers: frozenset[str]
    compound_endings: tuple[str, ...]
    signed_endings: tuple[str, ...]

    def _compile_triggers(
        self, tokenizer: Callable[[str], Doc], words: Iterable[str], names: Iterable[tuple[str, ...]]
    ) -> None:
        """``words``: the words a mention can start with (heads, first words of multi-word heads and
        of known abbreviations); ``names``: the known names, as words."""
        special = getattr(tokenizer, "rules", None) or {}

        def first_token(string: str) -> str:
            """spaCy's first token of ``string``."""
            if string.isalpha() and string not in special:
                return string  # no prefix, suffix or infix rule cuts letters alone
            doc = tokenizer(string)
            return doc[0].text if len(doc) else string

        def with_full_stop(tokens: set[str]) -> set[str]:
            """The tokens, also with the full stop that spaCy keeps on a word it does not know as
            a sentence end ("JCPoA.")."""
            return tokens | {t + "." for t in tokens if t[-1:].isalnum()}

        #: texts of the tokens a mention can start at, or hold as its head
        self.trigger_tokens = frozenset(with_full_stop(
            {first_token(w) for w in set(words) | self.plain_heads | self.hyphen_heads}))
        #: the known names (as words) by spaCy's first token of them, the longest first: a name is
        #: a trigger where all its words are there
        self.names_by_token: dict[str, list[tuple[str, ...]]] = {}
        firsts: dict[str, str] = {}
        for name in names:
            token = firsts.get(name[0])
            if token is None:
                token = firsts[name[0]] = first_token(name[0])
            self.names_by_token.setdefault(token, []).append(name)
        for group in self.names_by_token.values():
            group.sort(key=lambda name: -len("".join(name)))
        #: the first words of the names of each token: where the text goes on with none of them
        #: (one ``str.startswith``), no name is there
        self.name_firsts = {token: tuple(dict.fromkeys(name[0] for name in group))
                            for token, group in self.names_by_token.items()}
        self.name_tokens = frozenset(self.names_by_token)
        endings = self.compound_endings + self.signed_endings
        endings += tuple(dash + head.lower() for head in sorted(self.hyphen_heads) for dash in "-–")
        #: endings of compound heads, in lowercased text
        self.ending_re = re.compile(_trie_pattern(endings)) if endings else None
        #: the tokens by what they can be: a head or first word (1), a known name's first token (2),
        #: a lowercase head (4)
        self.word_triggers = WordTriggers(tokenizer.vocab)
        for bit, tokens in ((_TRIGGER, self.trigger_tokens), (_NAME, self.name_tokens), (_LOWER, self.lower_heads)):
            self.word_triggers.add("ORTH", tokens, bit)

    def _trigger_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """Where the triggers are in ``doc``, in order (character offsets)."""
        view = view_of(doc)
        text, texts, starts = view.text, view.token_texts, view.token_starts
        spans = []
        lower = []
        for i, kind in self.word_triggers.labelled(doc, texts):
            if kind & _TRIGGER:
                spans.append((starts[i], starts[i] + len(texts[i])))
            if kind & _NAME and text.startswith(self.name_firsts[texts[i]], starts[i]):
                end = _name_end(text, starts[i], self.names_by_token[texts[i]])
                if end is not None:
                    spans.append((starts[i], end))
            if kind & _LOWER:
                lower.append(i)
        if self.ending_re is not None:
            low = text.lower()
            # lowercasing keeps offsets unless a character lowercases to two ("İ")
            ending_re = self.ending_re if len(low) == len(text) else re.compile(self.ending_re.pattern, re.I)
            spans += [m.span() for m in ending_re.finditer(low if len(low) == len(text) else text)]
        if lower:
            spans += self._lower_trigger_spans(text, texts, starts, lower)
        spans.sort()
        return spans

    def _lower_trigger_spans(
        self, text: str, texts: list[str], starts: list[int], heads: list[int]
    ) -> list[tuple[int, int]]:
        """Lowercase heads (the tokens ``heads``) after a capitalised word, over lowercase modifiers
        ("Dayton peace accords"), from that word to the head."""
        out = []
        n = len(text)
        for i in heads:
            p = starts[i]
            end = p + len(texts[i])
            if (p > 0 and _word_char(text[p - 1])) or (end < n and _word_char(text[end])):
                continue  # inside a word
            for _ in range(3):
                e = p
                while e > 0 and text[e - 1].isspace():
                    e -= 1
                p = e
                while p > 0 and not text[p - 1].isspace():
                    p -= 1
                word = text[p:e]
                if word not in self.lower_head_modifiers:
                    if word[:1].isupper():
                        out.append((p, end))
                    break
        return out


def _name_end(text: str, pos: int, names: list[tuple[str, ...]]) -> int | None:
    """The end of the first (longest) of ``names`` written at ``pos``: its words, with whitespace
    or underscores between them."""
    n = len(text)
    for name in names:
        p = pos
        for k, word in enumerate(name):
            if k:
                while p < n and (text[p].isspace() or text[p] == "_"):
                    p += 1
            if not text.startswith(word, p):
                break
            p += len(word)
        else:
            return p
    return None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
