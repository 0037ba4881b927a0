"""The words of a document for the ministers component, read off spaCy's tokens.

A word is a run of letters and digits that starts with a letter, with inner hyphens and
apostrophes ("Kramp-Karrenbauer", "O'Neill"), without a possessive ending ("Japan's" ->
"Japan"; the endings are data: ``[words] possessive_endings`` of ``ministers.toml``). spaCy's
tokens are those words nearly everywhere: a token of letters only is a word. Where they differ,
a stretch of tokens written together (no space between them: a "chunk" of spaCy's tokenizer)
is read again by the word pattern, so the words do not depend on where a language's tokenizer
splits hyphens, apostrophes and dots:

- a token that holds a letter and something else ("US-Außenminister" in German, "Dr.", "U.S.",
  "G7", the English possessive token "'s");
- a hyphen or apostrophe token, or a token with digits, written against another token
  ("Kramp", "-", "Karrenbauer" in English);
- two tokens of letters written together (spaCy's exceptions: "can", "not").

Which tokens are letters only, and which are written against the next one, is found by C-level
passes over the token texts and offsets (``DocView``); Python looks only at the other tokens
(punctuation and numbers, judged once per string) and at the few chunks read again.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from itertools import compress, repeat

from ..._memo import MEMO_LIMIT

#: Characters that join two runs of letters and digits into one word ("-" in "Kramp-Karrenbauer").
JOINERS = "-‐'’"
#: A word: letters and digits after a letter, with inner joiners ("Kramp-Karrenbauer", "O'Neill").
WORD = re.compile(rf"[^\W\d_]\w*(?:[{JOINERS}]\w+)*")
_LETTER = re.compile(r"[^\W\d]")  # a letter or an underscore: the token is no plain punctuation or number
_WORDISH = re.compile(rf"[\w{re.escape(JOINERS)}]")


#: What a token that is not letters only can do to the words around it (``_token_kind``).
_INERT, _HAS_LETTER, _MAY_JOIN = 0, 1, 2


def _token_kind(token: str) -> int:
    if _LETTER.search(token):
        return _HAS_LETTER  # "US-Außenminister", "Dr.", "'s", "G7"
    return _MAY_JOIN if _WORDISH.search(token) else _INERT  # "-", "19"; ",", "("


class WordReader:
    """Builds the word lists of documents; holds no per-document state."""

    def __init__(self, possessive_endings: Sequence[str]) -> None:
        self.possessives = tuple(possessive_endings)
        # What a token string that is not letters only can do (punctuation and numbers repeat).
        self._kinds: dict[str, int] = {}

    def words(self, text: str, token_texts: list[str], token_starts: list[int]
              ) -> tuple[list[str], list[int], list[int], list[int]]:
        """The words of a document of ``text`` with these tokens, their start and end offsets, and the
        indices of the words read by the word pattern (the only words that may hold more than letters)."""
        n = len(token_texts)
        if not n:
            return [], [], [], []
        alpha = list(map(str.isalpha, token_texts))
        ends = list(map(operator.add, token_starts, map(len, token_texts)))
        # Whether a token is written against the next one (no space between them).
        glued = list(map(operator.eq, ends, token_starts[1:]))
        glued.append(False)
        others = list(compress(range(n), map(operator.not_, alpha)))
        kinds = list(map(self._kinds.get, map(token_texts.__getitem__, others)))
        if None in kinds:
            known = self._kinds
            if len(known) >= MEMO_LIMIT:
                known.clear()
            for j in compress(range(len(kinds)), map(operator.is_, kinds, repeat(None))):
                kinds[j] = known[token_texts[others[j]]] = _token_kind(token_texts[others[j]])
        irregular: list[int] = []
        wordish = _WORDISH.match
        for k, kind in compress(zip(others, kinds, strict=True), kinds):
            if kind == _HAS_LETTER:
                irregular.append(k)
            elif (glued[k] and wordish(text, ends[k])) or (k and glued[k - 1] and wordish(text, ends[k - 1] - 1)):
                irregular.append(k)  # "Kramp" "-" "Karrenbauer"
        # Two tokens of letters written together (spaCy's exceptions: "can" "not").
        irregular.extend(compress(range(n - 1), map(operator.and_, map(operator.and_, alpha, glued), alpha[1:])))
        if not irregular:
            return (list(compress(token_texts, alpha)), list(compress(token_starts, alpha)),
                    list(compress(ends, alpha)), [])
        # The chunks around the irregular tokens are read by the word pattern; their tokens are not words.
        texts: list[str] = []
        starts: list[int] = []
        word_ends: list[int] = []
        read: list[int] = []
        possessives = self.possessives
        done = 0  # the tokens before this one are read
        for k in sorted(irregular):
            if k < done:
                continue
            a = k
            while a > 0 and glued[a - 1]:
                a -= 1
            b = k
            while glued[b]:
                b += 1
            if done < a:
                keep = alpha[done:a]
                texts += compress(token_texts[done:a], keep)
                starts += compress(token_starts[done:a], keep)
                word_ends += compress(ends[done:a], keep)
            done = b + 1
            for m in WORD.finditer(text, token_starts[a], ends[b]):
                w = m.group(0)
                if possessives and w.endswith(possessives):
                    ending = next(e for e in possessives if w.endswith(e))
                    if len(w) > len(ending):
                        w = w[: len(w) - len(ending)]
                read.append(len(texts))
                texts.append(w)
                starts.append(m.start())
                word_ends.append(m.start() + len(w))
        keep = alpha[done:]
        texts += compress(token_texts[done:], keep)
        starts += compress(token_starts[done:], keep)
        word_ends += compress(ends[done:], keep)
        return texts, starts, word_ends, read
