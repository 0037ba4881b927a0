"""Where in a text a date pattern can start, from the words the grammar builds it of.

Every date pattern begins with a word of its ``dates.toml`` lists (a month, a weekday, a
modifier, a context word such as "im") or with a digit. The grammar declares, beside each
pattern, what its first word can be (:class:`Starts`, made with :func:`first_words` from the
very lists the pattern's alternations are made of; a numeric pattern, how many digits its first
number has: :func:`digits`). Where the first word is a common one ("in", "the", "im", "ein"),
the pattern also declares what the next word can begin with (``first_words(..., then=...)``,
from the list of the pattern's next part), and a numeric pattern the character it needs right
after its first number (``digits(..., after=...)``). :class:`StartIndex` finds all those words
in a text with one regex pass, in C (the next-word and next-character bounds as look-aheads
of that pass), and gives each pattern the positions where it may start;
the grammar tries the pattern only there, left to right, as ``finditer`` would. A pattern can
only match where its first word is, so this gives what running every pattern over the whole
text gives (``Grammar.find(text, prefilter=False)``; the tests pin the two together).

A look-behind at the head of a pattern stops ``re`` from skipping ahead by first character,
so each of the grammar's ~45 passes over a whole text costs about as much as reading it
character by character: the one scan replaces them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ANY", "DIGIT", "StartIndex", "Starts", "alternation", "digits", "first_words"]

_FIRST_WORD = re.compile(r"\w+")
_SECOND_WORD = re.compile(r"\s+(\w+)")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Starts:
    r"""What the first word of a pattern's match can be.

    ``words``: the match starts a word and that word is one of these, whole (a non-word
    character or the text's end follows it). ``prefixes``: the match starts a word that begins
    with one of these ("KW42", "Freitagabend"). ``digit``: the match starts a word that begins
    with a decimal digit; ``digit_runs``: how many decimal digits (``\d``) that word can begin
    with, all of them (None: any number). ``inside``: the match may also begin with one of these
    anywhere, even inside a word (a pattern part without a look-behind). ``anywhere``: no bound
    is known; the pattern is run over the whole text.
    """

    words: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    digit: bool = False
    inside: frozenset[str] = frozenset()
    anywhere: bool = False
    digit_runs: frozenset[int] | None = None
    #: For some of ``words``: what the next word can begin with (a :class:`Starts`), where the
    #: match goes on from that first word with whitespace (``\s+``) and then that next word. A
    #: word of ``words`` without an entry may be followed by anything.
    follow: tuple[tuple[str, Starts], ...] = ()
    #: Where the match begins with a digit: the characters one of which must come right after
    #: its first run of digits ("\\s": any whitespace), or None: anything.
    after: frozenset[str] | None = None

    def __or__(self, other: Starts) -> Starts:
        if self.digit and other.digit:  # either bound, or none where one side has none
            runs = None if self.digit_runs is None or other.digit_runs is None else self.digit_runs | other.digit_runs
        else:
            runs = self.digit_runs if self.digit else other.digit_runs if other.digit else None
        if self.digit and other.digit:
            after = None if self.after is None or other.after is None else self.after | other.after
        else:
            after = self.after if self.digit else other.after if other.digit else None
        # A word keeps a bound on its next word only where every side that has the word bounds it.
        mine, theirs = dict(self.follow), dict(other.follow)
        follow: dict[str, Starts] = {}
        for word in self.words | other.words:
            a = mine.get(word) if word in self.words else None
            b = theirs.get(word) if word in other.words else None
            if word in self.words and a is None or word in other.words and b is None:
                continue
            follow[word] = a | b if a is not None and b is not None else a or b  # type: ignore[assignment]
        return Starts(self.words | other.words, self.prefixes | other.prefixes, self.digit or other.digit,
                      self.inside | other.inside, self.anywhere or other.anywhere, runs, tuple(sorted(follow.items())),
                      after)

    def next_word(self, word: str) -> Starts | None:
        """What may follow the first word ``word`` (after whitespace), or None: anything."""
        for w, then in self.follow:
            if w == word:
                return then
        return None


#: A match that begins with a decimal digit.
DIGIT = Starts(digit=True)
#: A match that may begin anywhere (as ``then`` of :func:`first_words`: only a phrase's own
#: second word bounds what follows its first word).
ANY = Starts(anywhere=True)


def digits(*lengths: int, after: str | None = None) -> Starts:
    r"""A match that begins with a run of exactly one of ``lengths`` decimal digits: the pattern
    lets no further digit follow the run it begins with ("\d{4}-", "[0-3]?\d(?!\d)").
    ``after``: the characters one of which the pattern requires right after that run ("./";
    a space stands for any whitespace, ``\s``)."""
    if after is None:
        return Starts(digit=True, digit_runs=frozenset(lengths))
    return Starts(digit=True, digit_runs=frozenset(lengths),
                  after=frozenset(_SPACE if ch == " " else ch for ch in after))


_SPACE = r"\s"


def first_words(phrases: Iterable[str], glued: bool = False, inside: bool = False,
                then: Starts | None = None) -> Starts:
    """The :class:`Starts` of a pattern whose match begins with one of ``phrases``.

    A phrase's first word is its leading run of word characters: whole where the phrase goes on
    with a non-word character ("des Jahres", "mid-", "Nr."). A phrase that is one word is whole
    too, unless ``glued``: then the pattern lets word characters follow it ("KW" in "KW42").
    A first word that begins with a digit ("1.", "3rd") makes the match one that begins with a
    digit: a run of as many digits as the phrase begins with, and the phrase's next character
    after it (``after``; none if the phrase is only digits). ``inside``: the phrases may begin a
    match anywhere, even inside a word. A phrase that begins with no word character cannot be
    bounded.

    ``then``: the pattern goes on after the phrases with whitespace and a match that begins as
    ``then`` says: a phrase that is one word may then only be followed by whitespace and such a
    word, a phrase of several words by whitespace and its own second word (a phrase that goes on
    from its first word otherwise, as "mid-", bounds nothing). ``ANY`` bounds only the phrases of
    several words.
    """
    words: set[str] = set()
    prefixes: set[str] = set()
    digit = anywhere = False
    found: set[str] = set()
    follow: dict[str, Starts | None] = {}
    runs: set[int] = set()
    after: set[str] | None = set()
    for phrase in phrases:
        m = _FIRST_WORD.match(phrase)
        if then is not None and m is not None and not inside and not m.group()[0].isdecimal() and not (
                glued and m.end() == len(phrase)):
            rest = phrase[m.end():]
            second = _SECOND_WORD.match(rest)
            if not rest:
                nxt = None if then.anywhere else then
            elif second is not None:
                nxt = Starts(prefixes=frozenset({second.group(1)}))
            else:
                nxt = None
            w = m.group()
            if w in follow:
                old = follow[w]
                follow[w] = None if old is None or nxt is None else old | nxt
            else:
                follow[w] = nxt

        if m is None:
            anywhere = True
        elif inside:
            found.add(phrase)
        elif m.group()[0].isdecimal():
            # The phrase's own digits are the run ("1." of "1. Quartal": one digit, then ".").
            digit = True
            run = _DIGITS.match(phrase).end()  # type: ignore[union-attr]
            runs.add(run)
            if after is not None and run < len(phrase):
                after.add(_SPACE if phrase[run].isspace() else phrase[run])
            else:
                after = None
        elif glued and m.end() == len(phrase):
            prefixes.add(m.group())
        else:
            words.add(m.group())
    bounded = tuple(sorted((w, nxt) for w, nxt in follow.items() if nxt is not None and w in words))
    return Starts(frozenset(words), frozenset(prefixes), digit, frozenset(found), anywhere,
                  frozenset(runs) if digit else None, bounded,
                  frozenset(after) if digit and after is not None else None)


class StartIndex:
    """The possible start positions of each of a list of patterns in a text, from one scan."""

    def __init__(self, starts: Sequence[Starts]) -> None:
        self._n = len(starts)
        #: Patterns run over the whole text.
        self.unbounded = tuple(i for i, s in enumerate(starts) if s.anywhere)
        exact = {w: {i for i, s in enumerate(starts) if w in s.words} for s in starts for w in s.words}
        prefixes = {p: {i for i, s in enumerate(starts) if p in s.prefixes} for s in starts for p in s.prefixes}
        inside = {w for s in starts for w in s.inside}
        # Runs of digits: any length for the patterns that bound none, the bounded lengths each.
        # What may follow a run of digits: each character some pattern requires there is told
        # apart by the scan (a look-ahead group each, in C); -1: none of them.
        atoms = sorted({a for s in starts if s.digit and s.after for a in s.after})

        def digit_ids(n: int | None, atom: str | None) -> frozenset[int]:
            return frozenset(i for i, s in enumerate(starts) if s.digit
                             and (s.digit_runs is None or n in s.digit_runs)
                             and (s.after is None or atom in s.after))

        lengths = {n for s in starts if s.digit and s.digit_runs for n in s.digit_runs}
        # A scanned key (a whole word, or the longest prefix a word begins with) -> the patterns
        # that may start there: a whole word may also be a prefix's word ("Freitag" of
        # "Freitag(abend)"), so each key takes the patterns of every prefix it begins with.
        ids_of: dict[str, frozenset[int]] = {}
        for key in set(exact) | set(prefixes):
            ids = set(exact.get(key, ()))
            for p, p_ids in prefixes.items():
                if key.startswith(p):
                    ids |= p_ids
            ids_of[key] = frozenset(ids)
        # Keys that lead to the same patterns share a list of positions (a class).
        classes: dict[frozenset[int], int] = {}
        self._class_of = {key: classes.setdefault(ids, len(classes)) for key, ids in ids_of.items()}
        #: By the scan's last group (1: no atom after the digits; 2...: the atoms in order): the
        #: class of a run of any other length, and the classes by length.
        self._digit_classes: list[tuple[int, dict[int, int]]] = [(0, {})]  # (group 0: never)
        for atom in [None, *atoms]:
            self._digit_classes.append((classes.setdefault(digit_ids(None, atom), len(classes)),
                                        {n: classes.setdefault(digit_ids(n, atom), len(classes)) for n in lengths}))
        self._n_classes = len(classes)
        #: For each pattern, the classes whose positions it may start at.
        self._classes_of: list[tuple[int, ...]] = [
            tuple(c for ids, c in classes.items() if i in ids) for i in range(self._n)]
        #: Per pattern, in order: its classes (None: run over the whole text), and whether it may
        #: also start at the words found inside other words (those are few: one list for all).
        #: Patterns with the same classes share one list of positions per text (a group).
        groups: dict[tuple[int, ...], int] = {}
        self._plan: list[tuple[int, int | None, bool]] = [
            (i, None if i in self.unbounded else groups.setdefault(cs, len(groups)), bool(starts[i].inside))
            for i, cs in enumerate(self._classes_of)]
        self._groups: list[tuple[int, ...]] = list(groups)
        # A whole word whose every pattern bounds the next word is only reported where whitespace
        # and a word that can go on with one of them follow: the scan skips the rest in C.
        follows: dict[str, str] = {}
        for key in exact:
            nexts = [starts[i].next_word(key) if key in starts[i].words else None for i in ids_of[key]]
            if all(n is not None and not n.anywhere and not n.inside for n in nexts):
                union = Starts()
                for n in nexts:
                    union = union | n  # type: ignore[operator]
                follows[key] = _next_word_regex(union)
        heads = [_first_word_regex(exact, prefixes, follows)] if exact or prefixes else []
        heads.append(r"\d+")  # a run of digits (``first_words`` makes no first word of one)
        after = "|".join(f"(?=({a if a == _SPACE else re.escape(a)}))" for a in atoms)
        # A word start follows a non-word character (the text gets a space in front): "\W" at
        # the head lets ``re`` skip to the candidates by character class; one class check of the
        # next character then drops most of them before the trie is tried.
        initials = re.escape("".join(sorted({w[0] for w in set(exact) | set(prefixes)})))
        self._scan = re.compile(rf"\W(?=[{initials}\d])({'|'.join(heads)})" + (f"(?:{after})?" if atoms else ""))
        # Searched again one character after each match, to find them all, even overlapping ones
        # (a look-ahead pattern would let ``re`` skip to a possible first character no faster than
        # to every next character).
        self._inside = re.compile(alternation(inside)) if inside else None

    def active(self, text: str) -> list[tuple[int, list[int] | None]]:
        """The patterns that may match in ``text``, in order, with the ascending positions
        where they may start (None: anywhere)."""
        found: list[list[int]] = [[] for _ in range(self._n_classes)]
        class_of, digit_classes = self._class_of.get, self._digit_classes
        for m in self._scan.finditer(" " + text):
            key = m.group(1)
            c = class_of(key)
            if c is None:
                default, by_length = digit_classes[m.lastindex]  # type: ignore[index]
                c = by_length.get(len(key), default)
            found[c].append(m.start())
        inside: list[int] = []
        if self._inside is not None:
            search = self._inside.search
            m = search(text)
            while m is not None:
                p = m.start()
                inside.append(p)
                m = search(text, p + 1)
        # The positions of each group: its classes' lists, joined without repeats where several hold some.
        merged: list[list[int]] = []
        for classes in self._groups:
            lists = [found[c] for c in classes if found[c]]
            if len(lists) == 1:
                merged.append(lists[0])
            elif lists:
                positions = [p for positions in lists for p in positions]
                positions.sort()
                merged.append(positions)
            else:
                merged.append(lists)  # empty
        out: list[tuple[int, list[int] | None]] = []
        for i, group, also_inside in self._plan:
            if group is None:
                out.append((i, None))
            elif also_inside and inside:  # a word found inside another word may also start one
                out.append((i, sorted(set(inside).union(merged[group]))))
            elif merged[group]:
                out.append((i, merged[group]))
        return out

    def starts(self, text: str) -> list[list[int] | None]:
        """For each pattern, the ascending positions where it may start (None: anywhere)."""
        found = dict(self.active(text))
        return [found.get(i, []) for i in range(self._n)]


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the literal words, preferring the longest; a space matches any whitespace.

    The words are folded into a trie ("Jahr(?:es|s)?"), so the regex engine tests one
    character per branch instead of every word in turn: the grammar runs dozens of these
    over every document.
    """
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _next_word_regex(then: Starts) -> str:
    """A look-ahead for whitespace and a word that begins as ``then`` says (its words taken as
    prefixes: a superset is safe)."""
    heads = [alternation(then.words | then.prefixes)] if then.words or then.prefixes else []
    if then.digit:
        heads.append(r"\d")
    return rf"(?=\s+(?:{'|'.join(heads) or '(?!)'}))"


def _first_word_regex(whole: Iterable[str], prefixes: Iterable[str], follows: dict[str, str] | None = None) -> str:
    """One trie of the first words that are whole (no word character may follow them) and of
    those that are prefixes, preferring the longest: a word's key is the word where it is one
    of ``whole`` or ``prefixes``, else the longest of ``prefixes`` it begins with, as trying the
    whole words first and then the prefixes gives; each word is read once. ``follows``: for
    some whole words, a look-ahead that must hold after them (instead of no word character)."""
    follows = follows or {}
    trie: dict[str, Any] = {}
    for word, end in [(w, follows.get(w, r"(?!\w)")) for w in whole] + [(p, "") for p in prefixes]:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = "" if node.get("") == "" else end  # a prefix ends a key whatever follows

    def regex(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:  # after the longer keys
            branches.append(node[""])
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
