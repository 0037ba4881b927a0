"""Where a component's candidates can start: one-token patterns on token attributes.

A component compiles the words its candidates can start with (heads, abbreviations, first
words of known names in their inflected forms) into hash sets of spaCy's ``ORTH`` and
``LOWER`` attributes; a document is then matched by reading those attributes of all its
tokens as arrays, with no Python object per token and no per-word judgement in Python.

This is what a ``PhraseMatcher`` of one-token phrases does; it is built in milliseconds
where a ``PhraseMatcher`` builds a ``Doc`` per pattern (tens of thousands of inflected
forms: a third of a second of cold start), and matching is the same C-level set look-up.
The patterns serialise as plain strings (``to_dict``/``from_dict``).

A pattern may carry labels (bits): ``labelled(doc)`` gives each matching token with the labels
of all the patterns it matches, for a component whose trigger words are of several kinds.

``loose_positions(doc)`` reads one attribute only (``LOWER``) against the ``LOWER`` patterns
and the lower-case forms of the ``ORTH`` patterns: a superset of ``positions(doc)`` for a
component that judges the few words found itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: The token attributes a pattern can be on.
ATTRS = {"ORTH": ORTH, "LOWER": LOWER}


class WordTriggers:
    """Strings per token attribute; ``positions(doc)`` gives the tokens that match one."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.patterns: dict[str, set[str]] = {name: set() for name in ATTRS}
        #: the labels of each pattern, where they are not just 1
        self.labels: dict[str, dict[str, int]] = {name: {} for name in ATTRS}
        self._hashes: dict[str, dict[int, int]] = {name: {} for name in ATTRS}
        self._orth_table: dict[str, int] | None = None  # ORTH patterns -> labels, made on first use
        # LOWER values of every token that may match: the LOWER patterns, the ORTH patterns in small letters.
        self._loose: set[int] = set()

    def add(self, attr: str, strings: Iterable[str], label: int = 1) -> None:
        """Match tokens whose ``attr`` (``ORTH`` or ``LOWER``) is one of ``strings``, with the
        label bits ``label`` (added to those the strings already have)."""
        if attr not in ATTRS:
            raise ValueError(f"unknown token attribute {attr!r}; one of {sorted(ATTRS)}")
        if not isinstance(label, int) or label < 1:
            raise ValueError(f"a label is a positive int of bits, not {label!r}")
        strings = set(strings)
        self._orth_table = None
        new = strings - self.patterns[attr]
        self.patterns[attr] |= new
        add = self.vocab.strings.add
        hashes, labels = self._hashes[attr], self.labels[attr]
        for s in strings:
            key = add(s)
            bits = hashes[key] = hashes.get(key, 0) | label
            if bits != 1:
                labels[s] = bits
        self._loose.update(add(s if attr == "LOWER" else s.lower()) for s in new)

    def positions(self, doc: Doc) -> list[int]:
        """The indices of the tokens of ``doc`` that match a pattern, ascending."""
        return [i for i, _labels in self.labelled(doc)]

    def labelled(self, doc: Doc, texts: list[str] | None = None) -> list[tuple[int, int]]:
        """The tokens of ``doc`` that match a pattern, ascending: (index, the labels of every
        pattern it matches). ``texts``, where the caller has them, are the token texts: with
        ``ORTH`` patterns only they are matched as they are (a token's ``ORTH`` is its text)."""
        n = len(doc)
        used = [name for name in ATTRS if self._hashes[name]]
        if not n or not used:
            return []
        if texts is not None and used == ["ORTH"]:
            table = self._orth_texts()
            return [(i, table[texts[i]]) for i in compress(range(n), map(table.__contains__, texts))]
        array = doc.to_array([ATTRS[name] for name in used])
        # spaCy gives a flat array for a list of one attribute, a column per attribute otherwise.
        columns = [array.tolist()] if array.ndim == 1 else array.T.tolist()
        found: dict[int, int] = {}
        for name, values in zip(used, columns, strict=True):
            hashes = self._hashes[name]
            for i in compress(range(n), map(hashes.__contains__, values)):
                found[i] = found.get(i, 0) | hashes[values[i]]
        return sorted(found.items())

    def loose_positions(self, doc: Doc) -> tuple[list[int], list[int]]:
        """The indices (ascending) of the tokens whose ``LOWER`` is that of a pattern, a superset of
        ``positions(doc)`` read off one attribute, and the ``LOWER`` value of every token."""
        if not len(doc) or not self._loose:
            return [], []
        lowers = doc.to_array(LOWER).tolist()
        return list(compress(range(len(lowers)), map(self._loose.__contains__, lowers))), lowers

    def _orth_texts(self) -> dict[str, int]:
        """The ``ORTH`` patterns as strings -> label bits (made again after an ``add``)."""
        if self._orth_table is None:
            labels = self.labels["ORTH"]
            self._orth_table = {s: labels.get(s, 1) for s in self.patterns["ORTH"]}
        return self._orth_table

    def to_dict(self) -> dict[str, Any]:
        """The patterns: a sorted list per attribute; patterns with other labels than 1 also under
        ``"labels"`` (attribute -> string -> label bits)."""
        out: dict[str, Any] = {name: sorted(strings) for name, strings in self.patterns.items() if strings}
        labels = {name: dict(sorted(table.items())) for name, table in self.labels.items() if table}
        if labels:
            out["labels"] = labels
        return out

    def from_dict(self, data: dict[str, Any]) -> WordTriggers:
        labels = data.get("labels", {})
        for name, strings in data.items():
            if name != "labels":
                table = labels.get(name, {})
                self.add(name, [s for s in strings if s not in table])
                for s, bits in table.items():
                    self.add(name, [s], bits)
        return self
