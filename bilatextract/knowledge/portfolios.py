"""Portfolio cue lexicons (``models/<lang>/portfolios.toml``) and fused country prefixes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resources import cached, has_file, load_toml

# ----------------------------------------------------------------------------- portfolios


@cached
def _portfolio_data(lang: str) -> dict:
    if not has_file(lang, "portfolios.toml"):
        return {}
    return load_toml(lang, "portfolios.toml")


@cached
def portfolio_stems(lang: str) -> dict[str, str]:
    """Lowercased stems of portfolio words in ``lang`` -> portfolio value (``other`` included)."""
    data = _portfolio_data(lang).get("portfolios", {})
    return {stem.lower(): p for p, stems in data.items() for stem in stems}


@cached
def compound_stems(lang: str) -> dict[str, str]:
    """First parts of ministry/minister compounds ("außen", "verteidigungs") -> portfolio."""
    data = _portfolio_data(lang).get("compounds", {})
    return {stem.lower(): p for p, stems in data.items() for stem in stems}


@cached
def _stems_by_words(lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The stems split into words, longest first."""
    stems = [(tuple(stem.split()), p) for stem, p in portfolio_stems(lang).items()]
    return tuple(sorted(stems, key=lambda s: (-len(s[0]), -len(" ".join(s[0])))))


_PHRASE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@cached
def _stem_index(lang: str) -> tuple[dict[str, tuple[tuple[tuple[str, ...], str], ...]], dict[str, str], int]:
    """The stems of ``_stems_by_words`` arranged for look-ups at one word.

    Multi-word stems by their first word (which must equal the text's word), in their order;
    one-word stems (which must begin the text's word) as a dict, and their longest length.
    Multi-word stems come first in ``_stems_by_words``, and of the one-word stems that begin
    a word the longest comes first: there is only one of each length.
    """
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    single: dict[str, str] = {}
    for stem, portfolio in _stems_by_words(lang):
        if len(stem) > 1:
            multi.setdefault(stem[0], []).append((stem, portfolio))
        else:
            single.setdefault(stem[0], portfolio)
    return {k: tuple(v) for k, v in multi.items()}, single, max(map(len, single), default=0)


def _stem_at(low: Sequence[str], i: int, lang: str,
             index: tuple[dict[str, tuple[tuple[tuple[str, ...], str], ...]], dict[str, str], int]
             ) -> tuple[int, str] | None:
    """The first stem (of ``_stems_by_words``) that matches the lowercased words at ``i``:
    its number of words and its portfolio. ``index``: ``_stem_index(lang)``."""
    multi, _single, longest = index
    word = low[i]
    for stem, portfolio in multi.get(word, ()):
        n = len(stem)
        if i + n <= len(low) and all(low[i + k] == stem[k] for k in range(1, n - 1)) \
                and low[i + n - 1].startswith(stem[n - 1]):
            return n, portfolio
    found = _single_stem(word, lang) if longest else None
    return (1, found) if found is not None else None


@cached(maxsize=1 << 15)
def _single_stem(word: str, lang: str) -> str | None:
    """The portfolio of the longest one-word stem that begins ``word`` (lowercased), or None."""
    _multi, single, longest = _stem_index(lang)
    for length in range(min(len(word), longest), 0, -1):
        found = single.get(word[:length])
        if found is not None:
            return found
    return None


def compile_portfolios(lang: str) -> None:
    """Build the look-up indexes of ``lang``'s portfolio stems, compound stems and fused prefixes
    now (a component does when it compiles its knowledge), not on the first text that needs them."""
    _stem_index(lang)
    _compound_stems_longest_first(lang)
    _fused_prefixes(lang)


def portfolio_matches(phrase: str, lang: str) -> list[tuple[int, str]]:
    """The portfolio stems found in ``phrase``: (word index, portfolio), in order."""
    words = [w.lower() for w in _PHRASE_WORD.findall(phrase)]
    out = []
    i = 0
    index = _stem_index(lang)
    while i < len(words):
        found = _stem_at(words, i, lang, index)
        if found is not None:
            out.append((i, found[1]))
            i += found[0] - 1
        i += 1
    return out


def field_cover(words: Sequence[str], lang: str) -> list[bool]:
    """Which of ``words`` belong to a field stem ("Senior Citizens": both; "Senior Vice": neither).

    A multi-word stem covers its words only where all of them stand in order, so a word that
    begins a field elsewhere ("Senior", "State") does not make a name run on into a title.
    """
    low = [w.lower() for w in words]
    covered = [False] * len(low)
    index = _stem_index(lang)
    for i in range(len(low)):
        found = _stem_at(low, i, lang, index)
        if found is not None:
            for k in range(found[0]):
                covered[i + k] = True
    return covered


def infer_portfolio(phrase: str, lang: str) -> str | None:
    """The portfolio a phrase of fields names: the first field that has one.

    "für Wirtschaft, Handel und Industrie" -> economy; "of Internal Affairs and
    Communications" -> interior; "für Bau und Heimat" -> other; "des Auswärtigen" -> foreign;
    None when no word of the phrase names a field.
    """
    found = portfolio_matches(phrase, lang)
    for _, portfolio in found:
        if portfolio != "other":
            return portfolio
    return "other" if found else None


def has_field(phrase: str, lang: str) -> bool:
    """Whether ``phrase`` contains a word naming a ministry's field."""
    return bool(portfolio_matches(phrase, lang))


def compound_portfolio(word: str, lang: str, heads: Sequence[str]) -> tuple[str, str, str] | None:
    """Split a compound ending in one of ``heads`` into (prefix, field stem, portfolio).

    "Bundesinnenministeriums" with heads ("ministerium", "ministeriums") ->
    ("bundes", "innen", "interior"); "US-Außenministerium" -> ("us-", "außen", "foreign").
    The prefix is what stands before the field (a country or "bundes"); None when the word
    has no known field stem.
    """
    low = word.lower()
    for head in sorted(heads, key=len, reverse=True):
        head = head.lower()
        if low.endswith(head) and len(low) > len(head):
            body = low[: -len(head)]
            break
    else:
        return None
    body = body.rstrip("-")
    stems = compound_stems(lang)
    longest_first = _compound_stems_longest_first(lang)
    for cut in range(len(body) + 1):
        rest = body[cut:]
        if cut and body[cut - 1] != "-" and not _prefix_ok(body[:cut], lang):
            continue
        for stem in longest_first:
            if rest == stem or (rest.startswith(stem) and rest[len(stem):] in ("", "s", "-")):
                return body[:cut], stem, stems[stem]
    return None


@cached
def _compound_stems_longest_first(lang: str) -> tuple[str, ...]:
    return tuple(sorted(compound_stems(lang), key=len, reverse=True))


@cached
def _fused_prefixes(lang: str) -> frozenset[str]:
    """Prefixes that may be fused to a field without a hyphen ("bundes" in "bundesinnen")."""
    if not has_file(lang, "ministries.toml"):
        return frozenset()
    data = load_toml(lang, "ministries.toml").get("country_prefixes", {})
    return frozenset(p.lower().rstrip("-") for forms in data.values() for p in forms)


def _prefix_ok(prefix: str, lang: str) -> bool:
    return prefix.rstrip("-") in _fused_prefixes(lang)
