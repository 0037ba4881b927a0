"""Titles in a document: table titles, fused compounds, field phrases, a country after the title."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ... import knowledge as kb
from .model import (
    RANK_DEFAULT,
    RANK_TITLE,
    RANK_WORD,
    TITLE_START,
    DocumentParts,
    Title,
    _combine,
)


class TitlesMixin(DocumentParts):
    """A part of ``_Document``.

    Titles in a document: table titles, fused compounds, field phrases, a country after the title.
    """


    def table_title_at(self, i: int) -> bool:
        """Whether a title of the table starts at word i ("Federal Councillor", before "Federal" as a prefix)."""
        p, texts = self.p, self.texts
        for n in p.title_lengths.get(texts[i].lower(), ()):
            if n <= self.n - i and self.spaced(i + 1, i + n) and tuple(map(str.lower, texts[i : i + n])) in p.titles:
                return True
        return False

    def title_core(self, i: int) -> Title | None:
        p, texts, count = self.p, self.texts, self.n
        # Most words can start no title: one look-up per word string says so, made once per document.
        if i >= count or not self.kinds.get(i, 0) & TITLE_START:
            return None
        start = i
        prefix_country = None
        if texts[i] in p.name_prefixes and i + 1 < count and self.gap(i + 1) == " " \
                and not self.table_title_at(i):
            prefix_country = p.name_prefixes[texts[i]]
            i += 1
        best: Title | None = None
        low = texts[i].lower()
        for n in p.title_lengths.get(low, ()):
            if n > count - i:
                continue
            if n > 1 and not self.spaced(i + 1, i + n):
                continue
            key = tuple(map(str.lower, texts[i : i + n]))
            spec = p.titles.get(key)
            if spec is None or (spec.get("exact") and texts[i] != texts[i].upper()):
                continue
            best = p.spec_title(spec, start, i + n)
            best.bare = key in (("minister",), ("ministers",))
            break
        if p.separate_heads:
            for n in p.stem_lengths.get(low, ()):
                if n > count - i - 1:
                    continue
                if not self.spaced(i + 1, i + n + 1):
                    continue
                stem = " ".join(map(str.lower, texts[i : i + n]))
                head = texts[i + n].lower()
                if stem in p.compound_stems and head in p.separate_heads:
                    if best is None or i + n + 1 > best.end:
                        best = p.spec_title(p.separate_heads[head], start, i + n + 1)
                        best.portfolio = p.compound_stems[stem]
                    break
        if best is None and start == i and low in p.truncated_stems and i + 2 < count \
                and self.gap(i + 1) == "- " and texts[i + 1] in p.conjunctions and self.gap(i + 2) == " ":
            # "Wirtschafts- und Finanzminister": the first field names the portfolio.
            second = p.fused_title(texts[i + 2], i + 2)
            if second is not None and second.portfolio and not second.plural:
                best = second.at(start, i + 3)
                best.portfolio = p.truncated_stems[low]
        if best is None and start == i:
            best = p.fused_title(texts[i], i)
            if best is not None and not best.plural and i > 0 and texts[i - 1] in p.plural_articles \
                    and self.gap(i) == " " and low.endswith(p.head_words):
                best.plural = True
        self.titled[start] = best is not None
        if best is None:
            return None
        if prefix_country is not None:
            best.country, best.country_rank = prefix_country, RANK_TITLE
        return best

    def is_title(self, i: int) -> bool:
        """``title_core(i) is not None``, judged once per word."""
        if not self.kinds.get(i, 0) & TITLE_START:
            return False
        known = self.titled.get(i)
        return self.title_core(i) is not None if known is None else known

    def title_at(self, i: int) -> Title | None:
        """The title at word i, extended by fields, ministry, country and a joined second title."""
        core = self.title_core(i)
        if core is None:
            return None
        title = self.extend(core)
        j = title.end
        if (j + 1 < self.n and self.texts[j] in self.p.title_conjunctions
                and self.gap(j) == " " and self.gap(j + 1) == " " and not title.coref_only):
            second = self.title_core(j + 1)
            if second is not None and not second.coref_only:
                title = _combine(title, self.extend(second))
                if core.role == "joined":
                    title.role = second.role
        # A title that names a minister only joined to a ministerial one ("State Councilor and Foreign Minister").
        return None if title.role == "joined" else title

    def extend(self, title: Title) -> Title:
        p, texts, starts, ends, n = self.p, self.texts, self.starts, self.ends, self.n
        j = title.end
        # A ministry: "Minister of State at the Federal Foreign Office", "Staatsministerin im Auswärtigen Amt".
        for link in p.ministry_links if self.ministries else ():
            k = j + len(link)
            if k < n and starts[k] in self.ministries and tuple(map(str.lower, texts[j:k])) == link \
                    and self.spaced(j, k + 1):
                end_char, attrs = self.ministries[starts[k]]
                if end_char in self.by_end:
                    title.end = self.by_end[end_char] + 1
                    title.portfolio = attrs.get("portfolio") or title.portfolio
                    if attrs.get("country"):
                        title.country, title.country_rank = attrs["country"], RANK_TITLE
                    title.ministry_id = attrs.get("ministry")
                    title.bare = False
                    title.coref_only = False  # "Vorsteher des Eidgenössischen Departements für ..."
                    return title
        # A field phrase: "für Wirtschaft, Handel und Industrie", "for Foreign Affairs".
        while title.link and j < n and (texts[j] in p.links or texts[j].lower() in p.links) \
                and self.gap(j) in (" ", ", "):
            # "Secretary of State of the United States": a country after the link, not a field.
            if self.country_after(ends[j - 1], p.country_links, p.country_link_articles, p.country_link_words):
                break
            k = j + 1
            if k < n and texts[k] in p.field_articles and self.gap(k) == " ":
                k += 1
            if k >= n or self.gap(k) != " ":
                break
            end = self.fields(k)
            if end is None:
                break
            phrase = self.text[starts[k] : ends[end - 1]]
            portfolio = p.infer_portfolio(phrase)
            if portfolio in (None, "other"):
                for w in texts[k:end]:
                    if w.lower() in p.overrides:
                        portfolio = p.overrides[w.lower()]
                        break
            if title.portfolio is None or title.bare or title.link_country:
                title.portfolio = portfolio or title.portfolio
            if title.link_country:
                title.country, title.country_rank = title.link_country, RANK_DEFAULT
                title.portfolio = portfolio or "other"  # "Secretary of State for Northern Ireland"
            title.bare = False
            title.coref_only = False  # "Secretary of Foreign Affairs": a field makes the title
            title.end = j = end
            # "des Innern, für Bau und Heimat": another link after a comma continues the phrase.
            if not (j < n and self.gap(j) == ", " and texts[j] in p.links):
                break
        # A country after the title: "of Japan", "of the Italian Republic", "der Ukraine".
        end_char = ends[title.end - 1]
        after = None
        # Both searches allow the same number of words before the country (see Patterns).
        if self.country_may_follow(end_char, p.country_link_words):
            after = kb.country_after(self.text, end_char, self.lang, self.countries, p.country_links,
                                     p.country_link_articles)
            if after is None and p.state_link_articles:
                after = kb.country_after(self.text, end_char, self.lang, self.countries, p.country_links,
                                         p.state_link_articles)
        if after is not None and after[1] in self.by_end:
            code, c_end = after
            k = self.by_end[c_end] + 1
            if k < n and texts[k] in p.suffix_nouns and self.gap(k) == " ":
                k += 1
            title.end = k
            title.country, title.country_rank = code, RANK_WORD
        return title

    def country_after(self, pos: int, links: Sequence[str], articles: Sequence[str], at_most: int
                      ) -> tuple[str, int] | None:
        """``knowledge.country_after``, not asked where no country mention can start right after ``pos``.

        What may stand between is spaces, a link and an article (``at_most`` words together): a stretch
        up to the next country mention with more words cannot be (nor can a longer one, up to a later
        mention).
        """
        if not self.country_may_follow(pos, at_most):
            return None
        return kb.country_after(self.text, pos, self.lang, self.countries, links, articles)

    def country_may_follow(self, pos: int, at_most: int) -> bool:
        """Whether at most ``at_most`` words stand between ``pos`` and the next country mention."""
        starts = self.country_starts
        k = bisect.bisect_right(starts, pos)
        return k < len(starts) and len(self.text[pos : min(starts[k], pos + 200)].split(None, at_most)) <= at_most

    def fields(self, k: int) -> int | None:
        """The end (word index) of a field phrase starting at word k, or None."""
        p, texts, n = self.p, self.texts, self.n
        last_good = None
        pos = k
        while pos < n:
            good = None
            r = pos
            while r < n and r - pos < 5 and (r == pos or self.gap(r) == " "):
                w = texts[r]
                if w in p.conjunctions or w in p.links:
                    break
                if w[:1].isupper():
                    if p.is_field_word(w):
                        good = r + 1
                    elif w in p.not_names or self.is_title(r):
                        break
                elif p.is_field_word(w):
                    good = r + 1  # "minister of foreign affairs": a title in small letters
                elif w.endswith(p.adjective_endings) and r + 2 < n and texts[r + 1] in p.conjunctions:
                    good = r + 1  # "für europäische und internationale Angelegenheiten"
                elif not (w.endswith(p.adjective_endings) and r + 1 < n and texts[r + 1][:1].isupper()):
                    break
                r += 1
            if good is None:
                break
            last_good = good
            if good >= n:
                break
            g, nxt = self.gap(good), texts[good]
            if g == " " and nxt in p.conjunctions and self.gap(good + 1) == " ":
                pos = good + 1
            elif g == ", " and nxt in p.conjunctions and self.gap(good + 1) == " ":
                pos = good + 1
            elif g == ", " and nxt not in p.links:
                pos = good
            else:
                break
            if pos < n and texts[pos] in p.field_articles and self.gap(pos + 1) == " ":
                pos += 1
        return last_good
