"""Literal strings that every match of a regular expression contains.

For ``\\B(?:ings?|ly)\\b`` every match contains ``"ing"`` or ``"ly"``; for ``[ap]\\.m\\.`` it
contains ``".m."``. So the number of (non-overlapping) matches in a text is at most the number
of occurrences of those strings, which ``str.count`` finds far faster than the pattern itself
can be scanned for. :func:`required_strings` reads the parsed pattern; it answers None wherever
it cannot tell (a pattern that can match without any literal, flags, back-references ...), and
callers then run the pattern.
"""

from __future__ import annotations

from typing import Any

try:  # Python 3.11+: the parser moved; sre_parse is its deprecated alias.
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: A character class of at most this many characters is kept as a set of one-character strings.
_MAX_CLASS_CHARS = 16
#: Zero-width items: they require nothing, and are skipped in a sequence.
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def required_strings(regex: str) -> frozenset[str] | None:
    """Strings such that every match of ``regex`` (compiled without flags) contains at least one
    of them, none containing a line break; or None where that cannot be read from the pattern."""
    try:
        parsed = _sre_parse.parse(regex)
    except Exception:
        return None
    if parsed.state.flags & ~(_c.SRE_FLAG_UNICODE):
        return None
    found = _sequence(list(parsed))
    if not found or any(not s or "\n" in s for s in found):
        return None
    return found


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective requirement of a sequence: any one of its items' requirements holds
    for the whole. Runs of literal characters count as one string."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op == _c.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        if op in _ZERO_WIDTH:
            continue
        found = _item(op, av)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    if not candidates:
        return None
    # Longer strings are rarer; among equals, fewer strings.
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op == _c.IN:
        return _class(av)
    if op == _c.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        return None if add_flags or del_flags else _sequence(list(pattern))
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op == _c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _sequence(list(alternative))
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _high, pattern = av
        return _sequence(list(pattern)) if low >= 1 else None
    return None


def _class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op == _c.LITERAL:
            chars.add(chr(av))
        elif op == _c.RANGE and av[1] - av[0] < _MAX_CLASS_CHARS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # negation, categories (\d, \w), big ranges
        if len(chars) > _MAX_CLASS_CHARS:
            return None
    return frozenset(chars) if chars else None
