"""Country cue lexicons (``models/<lang>/countries.toml``) and the helpers that read a country off a text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from .._memo import MEMO_LIMIT, Memo
from ..resources import cached, has_file, load_toml
from ..sources import active

# ----------------------------------------------------------------------------- countries


def _country_data(lang: str) -> dict:
    if not has_file(lang, "countries.toml"):
        return {}
    return load_toml(lang, "countries.toml")


def _expand(forms: Sequence[str], endings: Sequence[str]) -> list[str]:
    out = []
    for form in forms:
        if form.endswith("*"):
            out.extend(form[:-1] + e for e in endings)
        else:
            out.append(form)
    return out


@cached
def country_surface_forms(lang: str) -> dict[str, str]:
    """Surface forms naming a country in ``lang``, as written in the data, -> ISO code."""
    data = _country_data(lang)
    endings = data.get("inflection", {}).get("adjective_endings", [""])
    return {form: code for code, forms in data.get("countries", {}).items() for form in _expand(forms, endings)}


@cached
def country_forms(lang: str) -> dict[str, str]:
    """Lowercased surface forms naming a country in ``lang`` -> ISO code (inflections expanded)."""
    return {form.lower(): code for form, code in country_surface_forms(lang).items()}


@cached
def subnational_forms(lang: str) -> frozenset[str]:
    """Surface forms naming a part of a country ("bayerischen", "Bavarian")."""
    data = _country_data(lang)
    endings = data.get("inflection", {}).get("adjective_endings", [""])
    forms = _expand(data.get("subnational", {}).get("forms", []), endings)
    return frozenset(f for form in forms for f in (form, form[:1].upper() + form[1:]))


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A word or phrase of a text that names or qualifies a country."""

    start: int
    end: int
    code: str
    text: str


_WORD_START = re.compile(r"\w")


@cached
def _country_trie(lang: str) -> dict[str, dict]:
    """The surface forms of ``lang`` and their capitalised variants as a character trie; ""
    marks the end of a form."""
    trie: dict[str, dict] = {}
    for form in country_surface_forms(lang):
        for variant in (form, form[:1].upper() + form[1:]):
            if not _WORD_START.match(variant):
                continue  # a form matches where a word starts: it must start with a word character
            node = trie
            for ch in variant:
                node = node.setdefault(ch, {})
            node[""] = {}
    return trie


def _trie_regex(node: dict[str, dict], after_first: str = "") -> str:
    """A regex matching the strings of a trie, the longest first.

    A flat alternation of hundreds of forms is tried form by form at every word; a trie
    follows one path ("Japan|Japans|Japanisch" -> "Japan(?:s|isch)?"). Where several forms
    match, backtracking tries the longer ones first, as the flat alternation sorted longest
    first did. ``after_first`` is put after the first character of each branch.
    """
    branches = [re.escape(ch) + after_first + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")


def _genitive(lang: str) -> str:
    suffixes = _country_data(lang).get("inflection", {}).get("genitive_suffixes", [])
    return f"(?:{'|'.join(re.escape(s) for s in suffixes)})?" if suffixes else ""


#: After the first character of a match: no word character before it.
_NO_WORD_BEFORE_FIRST = r"(?<!\w.)"


@cached
def _country_scanners(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    r"""The regexes that match the surface forms of ``lang`` at an offset, in two groups.

    A form matches where a word starts and ends; a hyphen may follow ("US-Außenministerium"),
    and a genitive suffix of ``[inflection]`` ("Japan's").

    Forms starting with a capital: each branch starts with its letter, so the regex engine
    skips at once to the capitals of a text, and checks only there that no word character
    stands before (``(?<!\w.)`` after the first letter). The other forms ("japanisch"): no
    word character before. Group 1 is the form.
    """
    trie = _country_trie(lang)
    if not trie:
        return None, None
    genitive = _genitive(lang)
    capitalised = {ch: node for ch, node in trie.items() if ch.isupper()}
    others = {ch: node for ch, node in trie.items() if ch and not ch.isupper()}
    upper = re.compile(rf"({_trie_regex(capitalised, _NO_WORD_BEFORE_FIRST)}){genitive}(?![\w])") \
        if capitalised else None
    if not others:
        return upper, None
    return upper, re.compile(rf"(?<!\w)({_trie_regex(others)}){genitive}(?![\w])")


@cached
def _lower_search_scanner(lang: str) -> re.Pattern[str] | None:
    r"""The lowercase forms for searching a whole text: a non-word character, then the form.
    Compiled only when a text is scanned without its tokens (a pattern that starts with a
    look-behind cannot skip ahead to its first character)."""
    others = {ch: node for ch, node in _country_trie(lang).items() if ch and not ch.isupper()}
    if not others:
        return None
    return re.compile(rf"\W({_trie_regex(others)}){_genitive(lang)}(?![\w])")


def _country_matches(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of each surface form in ``text``, in order and not overlapping: at
    each position the longest form, as one regex of all forms would find them, from the
    matches of the two scanners."""
    upper, lower_at_start = _country_scanners(lang)
    lower = _lower_search_scanner(lang) if lower_at_start is not None else None
    if lower is None or lower_at_start is None:
        if upper is not None:
            for m in upper.finditer(text):
                yield m.start(), m.end(), m.group(1)
        return
    # The next match of each scanner at or after ``pos`` (the end of the last match taken):
    # a form never starts right at ``pos`` > 0, where no word character stands.
    pos = 0
    first = lower_at_start.match(text)
    nxt_lower = (0, first.end(), first.group(1)) if first else _after(lower, text, 0)
    nxt_upper = _after(upper, text, 0) if upper is not None else None
    while True:
        if nxt_lower is not None and nxt_lower[0] < pos:
            nxt_lower = _after(lower, text, pos)
        if nxt_upper is not None and nxt_upper[0] < pos:
            nxt_upper = _after(upper, text, pos)  # type: ignore[arg-type]
        if nxt_lower is None and nxt_upper is None:
            return
        if nxt_upper is None or (nxt_lower is not None and nxt_lower[0] < nxt_upper[0]):
            found = nxt_lower
        else:
            found = nxt_upper
        yield found  # type: ignore[misc]
        pos = found[1]  # type: ignore[index]


def _after(regex: re.Pattern[str], text: str, pos: int) -> tuple[int, int, str] | None:
    m = regex.search(text, pos)
    return (m.start(1), m.end(), m.group(1)) if m else None


def _lookup_code(lang: str, form: str) -> str | None:
    code = _variant_codes(lang).get(form)
    return code if code is not None else _code_of_form(lang, form)


def _code_of_form(lang: str, form: str) -> str | None:
    forms = country_surface_forms(lang)
    return forms.get(form) or forms.get(form[:1].lower() + form[1:]) or country_forms(lang).get(form.lower())


@cached
def _variant_codes(lang: str) -> dict[str, str | None]:
    """``_code_of_form`` of every form the scanners match (a form or its capitalised variant)."""
    return {variant: _code_of_form(lang, variant)
            for form in country_surface_forms(lang) for variant in (form, form[:1].upper() + form[1:])}


def country_mentions(
    text: str, lang: str, tokens: tuple[Sequence[int], Sequence[str]] | None = None,
    keys: Sequence[int] | None = None,
) -> list[CountryMention]:
    """Every country name, genitive or adjective in ``text``, in order.

    ``tokens``: the start offsets and the texts of the words of ``text`` as spaCy cut them
    (``DocView.token_starts``, ``token_texts``), where the caller has them. The scanners are then
    tried only where a word can begin a form (judged once per distinct word), not across the
    whole text; the mentions are the same. ``keys``, with ``tokens``: a number per token that
    stands for its text (spaCy's ``ORTH`` hash), to judge the words by without hashing strings.
    """
    # The ministries and ministers components both ask for the same document in a row.
    key = (text, lang, active())
    found = _RECENT_MENTIONS.get(key)
    if found is None:
        found = _country_mentions_at(text, lang, tokens, keys) if tokens is not None else _country_mentions(text, lang)
        if len(_RECENT_MENTIONS) >= 4:
            _RECENT_MENTIONS.clear()
        _RECENT_MENTIONS[key] = found
    return list(found)


#: The mentions of the last few texts asked for, by (text, lang, source).
_RECENT_MENTIONS: dict[tuple[str, str, object], tuple[CountryMention, ...]] = {}


def _country_mentions(text: str, lang: str) -> tuple[CountryMention, ...]:
    out = []
    codes = _variant_codes(lang)  # ``_lookup_code``, its table read once per text
    for start, end, form in _country_matches(text, lang):
        code = codes.get(form)
        if code is None:
            code = _code_of_form(lang, form)
        if code:
            out.append(CountryMention(start, end, code, text[start:end]))
    return tuple(out)


#: Where a word starts inside a spaCy token ("deutsch-|japanische", "(|Japan").
_WORD_START_IN_TOKEN = re.compile(r"(?<!\w)\w")


def _form_starts(lang: str, token: str) -> tuple[int, ...]:
    """The offsets in ``token`` where a country form of ``lang`` may start: a word starts
    there, and the characters from there to the end of the token follow the trie of the forms
    to the end of a form or to the end of the token (the form may go on in the next token)."""
    return _form_starts_in(_country_trie(lang), token)


def _form_starts_in(trie: dict[str, Any], token: str) -> tuple[int, ...]:
    """``_form_starts`` with the trie of the forms given."""
    if token.isalpha():  # one word: it starts at 0 only
        node: dict[str, Any] | None = trie
        for ch in token:
            node = node.get(ch)  # type: ignore[union-attr]
            if node is None:
                return ()
            if "" in node:
                break
        return (0,)
    out = []
    for m in _WORD_START_IN_TOKEN.finditer(token):
        p = m.start()
        node = trie
        for ch in token[p:]:
            node = node.get(ch)  # type: ignore[union-attr]
            if node is None or "" in node:
                break
        if node is not None:
            out.append(p)
    return tuple(out)


@cached
def _form_starts_memo(lang: str) -> Memo:
    # Made under the active source: the trie is that source's.
    return Memo(functools.partial(_form_starts_in, _country_trie(lang)), max_key_chars=100)


@cached
def _form_starts_by_key(lang: str) -> dict[int, tuple[int, ...]]:
    """``_form_starts`` by the key that stands for a token's text (its ``ORTH``)."""
    return {}


def _form_starts_of(lang: str, words: Sequence[str], keys: Sequence[int] | None) -> list[tuple[int, ...]]:
    """``_form_starts`` of each word, looked up by ``keys`` where given."""
    memo = _form_starts_memo(lang)
    if keys is None:
        return list(map(memo.__getitem__, words))
    by_key = _form_starts_by_key(lang)
    try:
        return list(map(by_key.__getitem__, keys))
    except KeyError:
        if len(by_key) >= MEMO_LIMIT:
            by_key.clear()
        for key, word in zip(keys, words, strict=True):
            if key not in by_key:
                by_key[key] = memo[word]
        return list(map(by_key.__getitem__, keys))


def _country_mentions_at(
    text: str, lang: str, tokens: tuple[Sequence[int], Sequence[str]], keys: Sequence[int] | None = None
) -> tuple[CountryMention, ...]:
    """``_country_mentions`` from the tokens of ``text``: each scanner is matched only at the
    offsets where a form may start (``_form_starts``), left to right, a match taken where it
    starts at or after the end of the last one. ``_country_matches`` searches each scanner
    from that end, so it finds the same matches: every offset where one can start is tried."""
    upper, lower = _country_scanners(lang)
    if upper is None and lower is None:
        return ()
    starts, words = tokens
    offsets = _form_starts_of(lang, words, keys)
    capitals = _capitalised_firsts(lang)
    codes = _variant_codes(lang)
    out = []
    pos = 0
    for i in compress(range(len(offsets)), offsets):
        base = starts[i]
        for p in offsets[i]:
            q = base + p
            if q < pos:
                continue
            if text[q] in capitals:
                m = upper.match(text, q) if upper is not None else None
            elif lower is None:
                continue
            elif q == 0 or q - 1 >= pos:  # the character before the form is not in the last match
                m = lower.match(text, q)
            else:
                continue
            if m is None:
                continue
            form = m.group(1)
            end = m.end()
            pos = end
            code = codes.get(form)
            if code is None:
                code = _code_of_form(lang, form)
            if code:
                out.append(CountryMention(q, end, code, text[q:end]))
    return tuple(out)


@cached
def _capitalised_firsts(lang: str) -> frozenset[str]:
    """The first characters of the forms the capitalised scanner matches."""
    return frozenset(ch for ch in _country_trie(lang) if ch.isupper())


@cached
def _whole_word_forms(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The forms the scanners match (each form of the trie) and the genitive suffixes, shortest first:
    what ``country_of_word`` looks a whole word up in."""
    forms = frozenset(variant for form in country_surface_forms(lang)
                      for variant in (form, form[:1].upper() + form[1:]) if _WORD_START.match(variant))
    suffixes = _country_data(lang).get("inflection", {}).get("genitive_suffixes", [])
    return forms, tuple(sorted((s for s in suffixes if s), key=len))


def country_of_word(word: str, lang: str) -> str | None:
    """The country a single word or phrase names ("japanischen", "Japan's", "U.K.") or None."""
    return country_words(lang).get(word.strip())


@cached
def country_words(lang: str) -> dict[str, str]:
    """Every word or phrase that names a country on its own (``country_of_word``), with the country:
    what a scanner matches as a whole word, a form or a form and a genitive suffix; where both could,
    the longest form (the trie tries longer forms first)."""
    forms, suffixes = _whole_word_forms(lang)
    codes = {form: _lookup_code(lang, form) for form in forms}
    for suffix in suffixes:  # shortest first: the longest form
        for form in forms:
            codes.setdefault(form + suffix, codes[form])
    return {word: code for word, code in codes.items() if code}


def is_subnational(word: str, lang: str) -> bool:
    """Whether ``word`` names a part of a country ("bayerische", "Bavarian")."""
    return word in subnational_forms(lang)
