"""What a compiled date pattern can begin with, read off its parse tree (for :mod:`.anchors`).

:func:`anchors_of` gives every way a match can begin (the word characters it starts with, and
whether a word start is required), :func:`paths_of` also the next word where it is bounded,
:func:`local_head` a whitespace-free regex for a pattern's beginning; :func:`alternation`
folds a word list into a trie regex. Each only ever widens what a pattern can match, so a
start they rule out is one where the pattern cannot match.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

_WORD_CHAR = re.compile(r"\w")
#: A pattern starts with a decimal digit (``\d``, ``[0-3]``): any word that starts with one.
DIGIT = "\\d"

class Anchor(NamedTuple):
    """A possible beginning of a match: the word characters it starts with.

    ``exact``: the match's first word is ``prefix`` itself (a non-word character or the end of
    the word follows), else it only starts with it. ``word_start``: the pattern's look-behind
    puts the match at a word start; if not, the prefix is looked for anywhere.
    """

    prefix: str
    exact: bool
    word_start: bool


class _Unknown(Exception):
    """The start of a pattern cannot be bounded: run it over the whole text."""


#: Stands for "anything may follow" after one repetition of a repeated group.
_STOP = (None, None)


def anchors_of(pattern: str | Any) -> frozenset[Anchor] | None:
    """Every way a match of ``pattern`` can begin, or None where that cannot be bounded."""
    try:
        return frozenset(_expand(list(_parsed(pattern).data), "", False))
    except _Unknown:
        return None


def _parsed(pattern: str | Any) -> Any:
    """The parse tree of a pattern (``pattern`` may already be one)."""
    return sre_parse.parse(pattern) if isinstance(pattern, str) else pattern


def _is_word(ch: str) -> bool:
    return _WORD_CHAR.match(ch) is not None


def _class_items_word_free(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a character class (``IN``) can match no word character."""
    for op, av in items:
        if op is sre.LITERAL and not _is_word(chr(av)):
            continue
        if op is sre.CATEGORY and av in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
            continue
        return False
    return True


def _class_items_digits(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a character class matches decimal digits only."""
    for op, av in items:
        if op is sre.LITERAL and chr(av).isdecimal():
            continue
        if op is sre.RANGE and all(chr(c).isdecimal() for c in range(av[0], av[1] + 1)):
            continue
        if op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            continue
        return False
    return True


def _forbids_word(sub: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a negative assertion with this body fails on every word character."""
    if len(sub) != 1:
        return False
    op, av = sub[0]
    if op is sre.IN:
        return any(o is sre.CATEGORY and a is sre.CATEGORY_WORD for o, a in av) and not any(
            o is sre.NEGATE for o, _ in av)
    if op is sre.BRANCH:
        return any(_forbids_word(list(alt.data)) for alt in av[1])
    return False


def _stop(prefix: str, word_start: bool, exact: bool, rest: list[tuple[Any, Any]] | None = None) -> set[Anchor]:
    if rest and _impossible(rest):
        return set()  # what must follow can never match ("(?!)": an empty word list)
    if not prefix:
        raise _Unknown
    return {Anchor(prefix, exact, word_start)}


def _impossible(seq: list[tuple[Any, Any]]) -> bool:
    """Whether a pattern sequence can never match: it requires an empty negative look-ahead."""
    for op, av in seq:
        if op is sre.ASSERT_NOT and not av[1].data:
            return True
        if op is sre.SUBPATTERN and _impossible(list(av[3].data)):
            return True
        if op is sre.BRANCH and all(_impossible(list(alt.data)) for alt in av[1]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and _impossible(list(av[2].data)):
            return True
    return False


def _expand(seq: list[tuple[Any, Any]], prefix: str, word_start: bool) -> set[Anchor]:
    """The anchors of the pattern ``seq``, which follows ``prefix`` in the match."""
    if not seq:
        return _stop(prefix, word_start, False)
    (op, av), rest = seq[0], seq[1:]
    if op is None:  # _STOP
        return _stop(prefix, word_start, False)
    if op is sre.LITERAL:
        if _is_word(chr(av)):
            return _expand(rest, prefix + chr(av), word_start)
        return _stop(prefix, word_start, True, rest)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown
        return _expand(list(sub.data) + rest, prefix, word_start)
    if op is sre.BRANCH:
        found: set[Anchor] = set()
        for alt in av[1]:
            found |= _expand(list(alt.data) + rest, prefix, word_start)
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        found = set()
        if high == 0:
            return _expand(rest, prefix, word_start)
        if low == 0:
            found |= _expand(rest, prefix, word_start)
        # One repetition, then what follows; after more than one anything may follow.
        found |= _expand(list(sub.data) + (rest if high == 1 else [_STOP]), prefix, word_start)
        return found
    if op is sre.IN:
        if av and all(o is sre.LITERAL and _is_word(chr(c)) for o, c in av):
            # A set of letters ("eine[mr]"): one branch per letter, as for an alternation.
            found = set()
            for _, c in av:
                found |= _expand(rest, prefix + chr(c), word_start)
            return found
        if prefix:
            return _stop(prefix, word_start, _class_items_word_free(av), rest)
        if _class_items_digits(av) and word_start:
            return set() if _impossible(rest) else {Anchor(DIGIT, False, True)}
        raise _Unknown
    if op is sre.ASSERT_NOT:
        direction, sub = av
        body = list(sub.data)
        if not body:
            return set()  # (?!) never matches: an empty word list
        if direction < 0:
            if not prefix and _forbids_word(body):
                word_start = True
        elif prefix and _forbids_word(body):
            return _stop(prefix, word_start, True, rest)
        return _expand(rest, prefix, word_start)
    if op in (sre.ASSERT, sre.AT):
        return _expand(rest, prefix, word_start)  # zero-width: skipping it only widens the anchors
    return _stop(prefix, word_start, False)


#: What may follow a word that starts a match: the prefixes the next word starts with (DIGIT:
#: a decimal digit), or None for anything.
Follow = frozenset[str] | None


class Path(NamedTuple):
    """A way a match can begin: its first word or the word characters it starts with.

    ``ends``: the word is ``prefix`` itself and the pattern then reads non-word characters up
    to the next word, which must start with one of ``follow`` (None: anything).
    """

    prefix: str
    ends: bool
    follow: Follow


def paths_of(pattern: str | Any) -> set[Path] | None:
    """Every way a match of ``pattern`` can begin, with the next word where it is bounded;
    None where the beginning cannot be bounded. Widens like :func:`anchors_of`."""
    try:
        return _paths(list(_parsed(pattern).data), "")
    except _Unknown:
        return None


def _word_free(op: Any, av: Any) -> bool:
    """Whether one parsed element matches non-word characters only (or nothing)."""
    if op is sre.LITERAL:
        return not _is_word(chr(av))
    if op is sre.IN:
        return _class_items_word_free(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return all(_word_free(o, a) for o, a in av[2].data)
    return op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT)


def _ends_word(op: Any, av: Any) -> bool:
    """Whether one parsed element puts a non-word character (or the text's end) right here."""
    if op in (sre.LITERAL, sre.IN):
        return _word_free(op, av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        body = list(av[2].data)  # one non-word character or more
        return av[0] >= 1 and len(body) == 1 and body[0][0] in (sre.LITERAL, sre.IN) and _word_free(*body[0])
    if op is sre.ASSERT_NOT:
        return av[0] > 0 and _forbids_word(list(av[1].data))
    return False


def _follow(rest: list[tuple[Any, Any]]) -> Follow:
    """The possible beginnings of the next word when ``rest`` follows a word's end.

    Non-word characters are skipped; the rest must then begin with word characters (an
    anchor), so it begins at the first word character after the word.
    """
    k = 0
    while k < len(rest) and rest[k][0] is not None and _word_free(*rest[k]):
        k += 1
    try:
        return frozenset(a.prefix for a in _expand(rest[k:], "", True))
    except _Unknown:
        return None


def _paths(seq: list[tuple[Any, Any]], prefix: str) -> set[Path]:
    """The paths of the pattern ``seq``, which follows ``prefix`` in the match (as :func:`_expand`)."""
    if not seq or seq[0][0] is None:
        return _path(prefix, False, None)
    (op, av), rest = seq[0], seq[1:]
    if prefix and _ends_word(op, av):
        if _impossible(rest):
            return set()
        return {Path(prefix, True, _follow(rest))}
    if op is sre.LITERAL:
        if _is_word(chr(av)):
            return _paths(rest, prefix + chr(av))
        return _path(prefix, False, None)
    if op is sre.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unknown
        return _paths(list(av[3].data) + rest, prefix)
    if op is sre.BRANCH:
        return set().union(*(_paths(list(alt.data) + rest, prefix) for alt in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        if high == 0:
            return _paths(rest, prefix)
        found = _paths(rest, prefix) if low == 0 else set()
        return found | _paths(list(sub.data) + (rest if high == 1 else [_STOP]), prefix)
    if op is sre.IN:
        if av and all(o is sre.LITERAL and _is_word(chr(c)) for o, c in av):
            return set().union(*(_paths(rest, prefix + chr(c)) for _, c in av))
        if not prefix and _class_items_digits(av):
            return {Path(DIGIT, False, None)}
        return _path(prefix, False, None)
    if op is sre.ASSERT_NOT and not av[1].data:
        return set()  # (?!) never matches: an empty word list
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return _paths(rest, prefix)
    return _path(prefix, False, None)


def _path(prefix: str, ends: bool, follow: Follow) -> set[Path]:
    if not prefix:
        raise _Unknown
    return {Path(prefix, ends, follow)}


def local_head(pattern: str | Any) -> re.Pattern[str] | None:
    """A regex for the beginning of ``pattern`` that can match no whitespace, or None.

    A match of ``pattern`` that starts in a space-free piece of text matches this head there
    too, within the piece: the head is the pattern up to its first part that may match a
    space, without its look-arounds (dropping them only widens it). So a piece where the head
    does not match at an offset cannot start the pattern there.
    """
    body = _unparse_head(list(_parsed(pattern).data))
    return re.compile(body) if body else None


def _unparse_head(seq: list[tuple[Any, Any]]) -> str:
    out = []
    for op, av in seq:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue
        whole = _unparse_spaceless(op, av)
        if whole is not None:
            out.append(whole)
            continue
        if op is sre.SUBPATTERN and not (av[1] or av[2]):
            out.append(_unparse_head(list(av[3].data)))  # cut inside the group
        break
    return "".join(out)


def _unparse_spaceless(op: Any, av: Any) -> str | None:
    """The regex of one parsed element, or None where it may match whitespace (or is unknown)."""
    if op is sre.LITERAL:
        return None if chr(av).isspace() else re.escape(chr(av))
    if op is sre.IN:
        items = []
        for o, a in av:
            if o is sre.LITERAL and not chr(a).isspace():
                items.append(re.escape(chr(a)))
            elif o is sre.RANGE and not any(chr(c).isspace() for c in range(a[0], a[1] + 1)):
                items.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is sre.CATEGORY and a in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD):
                items.append(r"\d" if a is sre.CATEGORY_DIGIT else r"\w")
            else:
                return None
        return "[" + "".join(items) + "]"
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return ""
    if op is sre.SUBPATTERN:
        if av[1] or av[2]:
            return None
        inner = _unparse_all(list(av[3].data))
        return None if inner is None else f"(?:{inner})"
    if op is sre.BRANCH:
        alts = [_unparse_all(list(alt.data)) for alt in av[1]]
        return None if any(a is None for a in alts) else "(?:" + "|".join(alts) + ")"  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        inner = _unparse_all(list(sub.data))
        if inner is None:
            return None
        return f"(?:{inner}){{{low},{'' if high == sre.MAXREPEAT else high}}}"
    return None


def _unparse_all(seq: list[tuple[Any, Any]]) -> str | None:
    parts = [_unparse_spaceless(op, av) for op, av in seq]
    return None if any(p is None for p in parts) else "".join(parts)  # type: ignore[arg-type]


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


def _trie_regex(node: dict[str, Any]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body if len(branches) == 1 else body
