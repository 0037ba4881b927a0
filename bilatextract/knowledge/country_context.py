"""Countries in context: the country word right before or after a span, the nearest one in a
clause, the document's main country, and country prefixes fused to titles ("US-", "Bundes")."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from ..resources import cached, has_file, load_toml
from .countries import (
    CountryMention,
    country_forms,
    country_mentions,
)


def country_before(
    text: str, pos: int, lang: str, mentions: Sequence[CountryMention] | None = None,
    skip_words: Sequence[str] = (),
) -> str | None:
    """The country named right before ``pos``: "des japanischen |", "Japan's |", "the U.K. |".

    ``skip_words`` (articles) may stand between the country word and ``pos`` ("Japans
    das" is not skipped: articles precede the adjective in both languages, so they are only
    skipped when a caller knows the name starts later).
    """
    mentions = country_mentions(text, lang) if mentions is None else mentions
    by_end = _by_end(mentions)
    skips = {w.lower() for w in skip_words} if skip_words else ()
    end = skip_back(text, pos)
    for _ in range(3):
        if end in by_end:
            return by_end[end]
        if not skips:
            return None
        # Only a bounded stretch before ``end`` is searched: long texts stay linear.
        lo = max(0, end - 80)
        word = re.search(r"(\w+)$", text[lo:end])
        if not word or word.group(1).lower() not in skips:
            return None
        end = skip_back(text, lo + word.start())
    return None


_GAP = frozenset(" \t\n\r\u00a0\"“”„(")


def skip_back(text: str, pos: int) -> int:
    """``pos`` moved back over spaces, quotes and an opening bracket."""
    while pos > 0 and text[pos - 1] in _GAP:
        pos -= 1
    return pos


def country_after(
    text: str, pos: int, lang: str, mentions: Sequence[CountryMention] | None = None,
    links: Sequence[str] = (), link_articles: Sequence[str] = (),
) -> tuple[str, int] | None:
    """The country named right after ``pos`` ("| of Japan", "| Japans", "| der Ukraine").

    Returns the code and the end offset of the country phrase, or None. ``links`` are the
    words that may introduce it ("of"), ``link_articles`` the articles after them.
    """
    m = _link_regex(tuple(links), tuple(link_articles)).match(text, pos)
    if not m:
        return None
    mentions = country_mentions(text, lang) if mentions is None else mentions
    mention = _by_start(mentions).get(m.end())
    return (mention.code, mention.end) if mention else None


def country_link_pattern(links: Sequence[str], link_articles: Sequence[str]) -> re.Pattern[str]:
    """What ``country_after`` matches between a name and the country after it, compiled once
    (a component asks for it when it compiles its knowledge)."""
    return _link_regex(tuple(links), tuple(link_articles))


@functools.lru_cache(maxsize=64)
def _link_regex(links: tuple[str, ...], link_articles: tuple[str, ...]) -> re.Pattern[str]:
    """What stands between a name and the country after it: spaces, a link word, an article."""
    link = "|".join(re.escape(w) for w in links)
    article = "|".join(re.escape(w) for w in link_articles)
    pattern = r"\s+"
    if link:
        pattern += rf"(?:{link})\s+"
    if article:
        pattern += rf"(?:(?:{article})\s+)?"
    return re.compile(pattern)


# The indexes of the last mention list asked for (one document): (list, index), replaced as
# one object so that threads working on other documents never see one's list with another's index.
_LAST_BY_START: tuple[Sequence[CountryMention] | None, dict[int, CountryMention]] = (None, {})
_LAST_BY_END: tuple[Sequence[CountryMention] | None, dict[int, str]] = (None, {})


def _by_start(mentions: Sequence[CountryMention]) -> dict[int, CountryMention]:
    """Mentions by start offset."""
    global _LAST_BY_START
    last, index = _LAST_BY_START
    if last is not mentions or len(index) != len(mentions):
        index = {m.start: m for m in mentions}
        _LAST_BY_START = (mentions, index)
    return index


def _by_end(mentions: Sequence[CountryMention]) -> dict[int, str]:
    """The country codes of mentions by end offset."""
    global _LAST_BY_END
    last, index = _LAST_BY_END
    if last is not mentions or len(index) != len(mentions):
        index = {m.end: m.code for m in mentions}
        _LAST_BY_END = (mentions, index)
    return index


def nearest_country(
    mentions: Sequence[CountryMention], start: int, end: int, lo: int, hi: int
) -> str | None:
    """The country of the mention nearest to ``[start, end)`` within ``[lo, hi)``."""
    best: tuple[int, int, str] | None = None
    for m in mentions:
        if m.start < lo or m.end > hi or (m.start < end and start < m.end):
            continue
        distance = start - m.end if m.end <= start else m.start - end
        # On a tie the country before wins ("auf japanischer Seite hatten das Außenministerium").
        rank = (distance, 0 if m.end <= start else 1, m.code)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None


def main_country(
    mentions: Sequence[CountryMention], exclude: Sequence[str] = (), text: str | None = None
) -> str | None:
    """The country a text is mainly about, leaving out ``exclude``.

    With ``text``, the country written first in hyphenated pairs ("Japan-Australia",
    "Japan-UK"): a government's own releases put their country first. Otherwise, and on no
    pair, the country named most often (the first named, on a tie).
    """
    pool = [m for m in mentions if m.code not in exclude]
    if text is not None:
        starts = {m.start: m for m in mentions}
        firsts = Counter(
            m.code for m in pool
            if m.end < len(text) and text[m.end] in "-–" and m.end + 1 in starts
            and starts[m.end + 1].code != m.code
        )
        if firsts:
            top = max(firsts.values())
            for m in pool:
                if firsts.get(m.code) == top:
                    return m.code
    counts = Counter(m.code for m in pool)
    if not counts:
        return None
    top = max(counts.values())
    for m in pool:
        if counts.get(m.code) == top:
            return m.code
    return None


def infer_country(
    text: str, start: int, end: int, lang: str, *,
    mentions: Sequence[CountryMention] | None = None,
    window: tuple[int, int] | None = None,
    skip_words: Sequence[str] = (),
    use_document: bool = True,
) -> str | None:
    """The country a mention at ``text[start:end]`` belongs to, from the words around it.

    In order: a country word right before it ("japanischen", "Japan's"), right after it
    ("of Japan", "Japans"), the nearest country word within ``window`` (its sentence or
    clause), and the country the whole text names most often. Never the text's language.
    """
    mentions = country_mentions(text, lang) if mentions is None else mentions
    found = country_before(text, start, lang, mentions, skip_words)
    if found:
        return found
    links, articles = country_links(lang)
    after = country_after(text, end, lang, mentions, links, articles)
    if after:
        return after[0]
    if window is not None:
        found = nearest_country(mentions, start, end, *window)
        if found:
            return found
    return main_country(mentions) if use_document else None


@cached
def country_links(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words that link a name to the country after it ("of" [the] Japan; German: [der]
    Ukraine), from ``models/<lang>/ministries.toml`` [productive]."""
    if not has_file(lang, "ministries.toml"):
        return (), ()
    prod = load_toml(lang, "ministries.toml").get("productive", {})
    return tuple(prod.get("country_links", [])), tuple(prod.get("country_link_articles", []))


@cached
def country_of_prefix(prefix: str, lang: str) -> str | None:
    """The country a fused prefix names: "bundes" -> DE (ministries.toml), "us-" -> US."""
    p = prefix.lower().rstrip("-")
    if not p:
        return None
    if has_file(lang, "ministries.toml"):
        for code, forms in load_toml(lang, "ministries.toml").get("country_prefixes", {}).items():
            if p in {f.lower().rstrip("-") for f in forms}:
                return code
    # "us-bundes" is not a thing; the last hyphenated part before the field names the country
    last = p.split("-")[-1] if "-" in p else p
    return country_forms(lang).get(last)


@cached
def shared_prefixes(lang: str) -> dict[str, tuple[str, ...]]:
    """Prefixes of ministry names and minister titles that several governments use ("Bundes-",
    "Federal"), lowercase, with those governments, the default first (ministries.toml [shared_prefixes]):
    weak evidence."""
    if not has_file(lang, "ministries.toml"):
        return {}
    data = load_toml(lang, "ministries.toml").get("shared_prefixes", {})
    return {p.lower(): tuple(codes) for p, codes in data.items()}


def shared_prefix_countries(word: str, lang: str,
                            prefixes: dict[str, tuple[str, ...]] | None = None) -> tuple[str, ...]:
    """The governments that share the prefix ``word`` starts with, the default first ("Bundeskanzleramt"
    -> DE, AT, CH); () for none. ``prefixes``: ``shared_prefixes(lang)``, where the caller has it."""
    low = word.lower()
    for prefix, codes in (shared_prefixes(lang) if prefixes is None else prefixes).items():
        if low.startswith(prefix):
            return codes
    return ()
