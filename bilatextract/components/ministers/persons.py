"""Candidate mentions in a document: titled names, lists, counterparts, known office-holders by name."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import compress

from . import holders
from .model import (
    _AFTER_ANY,
    _NAME,
    COUNTERPART,
    RANK_DEFAULT,
    RANK_WORD,
    TITLE_START,
    DocumentParts,
    Mention,
    Spans,
    Title,
    _is_caps,
    _Output,
    name_key,
)


def _may_be_name(word: str) -> bool:
    return word[:1].isupper() or "-" in word


#: What closes an apposition: punctuation after a title, or the end of the text.
_CLOSES = re.compile(r"\s*(?:[,.;:()]|$)")


class PersonsMixin(DocumentParts):
    """A part of ``_Document``.

    Candidate mentions in a document: titled names, lists, counterparts, known office-holders by name.
    """


    def mentions(self) -> list[_Output]:
        titled: list[Mention] = []
        titles: dict[int, Title] = {}
        title_mentions: dict[int, Mention] = {}
        free = 0  # the first word not inside a title found
        for i in self.indices_of(TITLE_START):
            if i < free:
                continue
            title = self.title_at(i)
            if title is not None:
                titles[i] = title
                free = max(i + 1, title.end)
        title_ends = {t.end for t in titles.values()}
        seconds: list[Title] = []  # titles that may follow a titled name ("..., Vorsteher des EVD")
        for title in titles.values():
            if self.blocked(title):
                continue
            pre = self.preposed(title)
            if pre is not None and self.gap(title.end) == ", ":
                # "Frau Wu Yi, Ministerin für Handel, Vizepremier Zhu Rongji": a title between two
                # commas after a name is that name's apposition, not the next name's title.
                post = self.postposed(title, title_ends)
                if post is not None:
                    titled.append(post)
                    continue
            if pre is not None:
                titled.append(pre)
                title_mentions[title.start] = pre
                if title.plural:
                    titled.extend(self.listed(pre, title))
                continue
            post = self.postposed(title, title_ends)
            if post is not None:
                titled.append(post)
            else:
                seconds.append(title)
        if seconds:
            by_end = {m.end: m for m in titled if m.kind == "titled"}
            for title in seconds:
                self.second_title(title, by_end)
        self.coordinated(titled)
        titled.extend(self.counterparts(title_mentions, titled))
        return self.resolve(titled)

    def coordinated(self, titled: list[Mention]) -> None:
        """A country word before the first of two titled names joined by a conjunction qualifies both
        ("der nigerianische Außenminister Onyeama und Informationsminister Mohammed"), unless the
        second names its own."""
        ordered = sorted(titled, key=lambda m: m.start)
        for first, second in zip(ordered, ordered[1:], strict=False):
            if first.country_rank < RANK_WORD or second.country_rank or second.kind != "titled":
                continue
            between = self.text[first.end : second.start].split(None, 1)  # one word, or more
            if len(between) == 1 and between[0] in self.p.conjunctions:
                second.country, second.country_rank = first.country, RANK_DEFAULT

    def blocked(self, title: Title) -> bool:
        """A former minister, a deputy, or a subnational head of government."""
        k = title.start - 1
        if k < 0:
            return False
        prev = self.texts[k]
        if self.text[self.ends[k] : self.starts[title.start]].strip():  # gap(title.start): 0 < start < n
            return False
        if prev in self.p.former or prev in self.p.deputy or prev in self.p.subnational:
            return True
        # "der ehemalige japanische Premierminister"
        if self.p.country_of_word(prev) and k > 0 and self.texts[k - 1] in self.p.former:
            return True
        return False

    def country_before(self, title: Title) -> tuple[str, int] | None:
        """A country word right before the title ("Japans neuer", "der indische", "Japan's") and its start."""
        return self.country_word_before(self.starts[title.start], self.p.between)

    def country_word_before(self, pos: int, skip: Sequence[str] = ()) -> tuple[str, int] | None:
        """The country word that ends right before ``pos`` on the same line, over ``skip`` words."""
        for _ in range(3):
            j = pos
            while j > 0 and self.text[j - 1] in " \t\"“”„(":
                j -= 1
            mention = self.country_by_end.get(j)
            if mention is not None:
                return mention.code, mention.start
            k = self.by_end.get(j)
            if k is None or self.texts[k] not in skip:
                return None
            pos = self.starts[k]
        return None

    def make(self, start: int, end: int, idx: list[int], title: Title | None, kind: str) -> Mention:
        words = tuple(map(self.texts.__getitem__, idx))
        family, given, surface, key = self.p.split_name[words]
        if title is None:
            return Mention(start, end, family, given, key, surface, words, kind=kind)
        return Mention(start, end, family, given, key, surface, words, title.portfolio, title.country,
                       title.country_rank, title.not_country, title.ministry_id, title.coref_only, title.marked_home,
                       kind, None, title.role == "state",
                       deputy_head=title.role == "vice" and title.portfolio == "head_of_government")

    def preposed(self, title: Title) -> Mention | None:
        j = title.end
        if j >= self.n:
            return None
        g = self.text[self.ends[j - 1] : self.starts[j]]  # gap(j): a title ends after its first word
        if g != " " and g != ", ":
            return None
        k = self.honorifics_forward(j)
        idx = self.name_forward(k)
        if not idx or (g == ", " and len(idx) < 2 and k == j):
            return None
        start = self.starts[title.start]
        m = self.make(self.title_honorifics_backward(start), self.ends[idx[-1]], idx, title, "titled")
        before = self.country_before(title)
        if before is not None:
            if before[0] in title.not_country:
                return None  # "India's Foreign Secretary": that country's title names no minister
            m.country, m.country_rank = before[0], RANK_WORD
        elif self.no_minister_here(title):
            return None
        return m

    def no_minister_here(self, title: Title) -> bool:
        """A title of one country's minister ("Foreign Secretary": the UK's) that the country a report is
        filed from uses for an office below minister ("NEW DELHI: ... Foreign Secretary Vikram Misri")."""
        return bool(title.country and title.not_country) and self.dateline_country() in title.not_country

    def postposed(self, title: Title, title_ends: set[int]) -> Mention | None:
        if title.bare or title.coref_only or title.plural:
            return None
        start = self.starts[title.start]
        code = None
        before = self.country_before(title)
        if before is not None:
            code, start = before
        k = self.by_start.get(start)
        if k is None:
            return None
        if k > 0 and self.texts[k - 1] in self.p.apposition_articles and self.gap(k).strip() == "":
            k -= 1
        if self.gap(k).rstrip() != ",":
            return None
        idx = self.name_backward(k - 1)
        if not idx or (idx[0] in title_ends and self.gap(idx[0]) == " "):
            return None
        if code is None and self.no_minister_here(title):
            return None
        name_start = self.starts[idx[0]]
        first = self.honorifics_backward(name_start)
        if first == name_start and len(idx) < 2:
            return None
        m = self.make(first, self.ends[title.end - 1], idx, title, "titled")
        if code is not None:
            m.country, m.country_rank = code, RANK_WORD
        return m

    def second_title(self, title: Title, by_end: dict[int, Mention]) -> None:
        """A title after a titled name and a comma is part of that mention ("Bundespräsident Jean-Pascal
        Delamuraz, Vorsteher des Eidgenössischen Volkswirtschaftsdepartementes"): the mention ends after it,
        and what the first title leaves open (a portfolio, a ministry) the second one says."""
        k = title.start
        if title.bare or title.coref_only or title.plural or self.gap(k) != ", ":
            return
        if not _CLOSES.match(self.text, self.ends[title.end - 1]):
            return  # an apposition closes; "Außenminister Maas, Innenminister und ..." is a list of titles
        m = by_end.pop(self.ends[k - 1], None)
        if m is None:
            return
        m.end = self.ends[title.end - 1]
        by_end[m.end] = m
        m.coref_only = False
        if m.portfolio is None:
            m.portfolio, m.ministry_id = title.portfolio, title.ministry_id
        if title.country is not None and title.country_rank > m.country_rank:
            m.country, m.country_rank = title.country, title.country_rank

    def list_step(self, j: int) -> int | None:
        """The word that goes on a list after word ``j`` (after ", " or " und "), or None."""
        g = self.gap(j + 1)
        if g == " " and self.texts[j + 1] in self.p.conjunctions and self.gap(j + 2) == " ":
            return j + 2
        return j + 1 if g == ", " else None

    def listed(self, head: Mention, title: Title) -> list[Mention]:
        """The names after a plural title's first name ("Bundesministern Gabriel, Steinmeier, Schmidt")."""
        out = []
        j = self.by_end.get(head.end)
        while j is not None and j + 2 < self.n:
            k = self.list_step(j)
            if k is None:
                break
            if self.is_title(k):
                break
            idx = self.name_forward(k)
            if not idx:
                break
            m = self.make(self.starts[idx[0]], self.ends[idx[-1]], idx, title, "listed")
            m.country, m.country_rank = head.country, head.country_rank
            out.append(m)
            j = idx[-1]
        return out

    def counterparts(self, title_mentions: dict[int, Mention], titled: list[Mention]) -> list[Mention]:
        """Names after "seinem französischen Kollegen", "his UK counterpart"; country cues for titled ones."""
        out = []
        titled_sorted = sorted(title_mentions.values(), key=lambda m: m.start)
        for i in self.indices_of(COUNTERPART):
            w_start, w_end = self.starts[i], self.ends[i]
            before = self.country_word_before(w_start)
            code = before[0] if before else None
            j = i + 1
            if code is None:
                after = self.country_after(w_end, self.p.counterpart_links, self.p.counterpart_articles,
                                           self.p.counterpart_link_words)
                if after is not None and after[1] in self.by_end:
                    code, j = after[0], self.by_end[after[1]] + 1
            if j >= self.n or self.gap(j) not in (" ", ", "):
                continue
            sent = self.sentence(w_start)
            # Whose counterpart: the titled minister before it in its sentence, else the last one before.
            governing = next((m for m in reversed(titled_sorted) if sent[0] <= m.start < w_start), None) \
                or next((m for m in reversed(titled_sorted) if m.start < w_start), None)
            if j in title_mentions:
                # "their Japanese counterparts, Foreign Minister Motegi and Defence Minister Kishi"
                chain = [title_mentions[j]]
                while True:
                    e = self.by_end.get(chain[-1].end)
                    if e is None or e + 2 >= self.n or self.texts[e + 1] not in self.p.conjunctions:
                        break
                    nxt = title_mentions.get(e + 2)
                    if nxt is None:
                        break
                    chain.append(nxt)
                for m in chain:
                    if code is not None and m.country_rank < RANK_WORD:
                        m.country, m.country_rank = code, RANK_WORD
                continue
            k = self.honorifics_forward(j)
            idx = self.name_forward(k)
            if not idx:
                continue
            group = [self.make(self.starts[j] if j < k else self.starts[idx[0]], self.ends[idx[-1]], idx, None,
                               "counterpart")]
            # "ihre Amtskollegen Catherine Colonna und Gérald Darmanin": a list of counterparts.
            e = idx[-1]
            while e + 2 < self.n:
                k = self.list_step(e)
                if k is None:
                    break
                nxt = self.name_forward(self.honorifics_forward(k))
                if len(nxt) < 2:
                    break
                group.append(self.make(self.starts[nxt[0]], self.ends[nxt[-1]], nxt, None, "counterpart"))
                e = nxt[-1]
            # As many ministers named before in the sentence as counterparts: each one's, in order
            # ("die Bundesministerinnen Baerbock und Faeser trafen ihre Amtskollegen Colonna und Darmanin").
            before = sorted((m for m in titled if sent[0] <= m.start < w_start), key=lambda m: m.start)
            paired = before if len(group) > 1 and len(before) == len(group) else [governing] * len(group)
            for m, colleague in zip(group, paired, strict=True):
                if code is not None:
                    m.country, m.country_rank = code, RANK_WORD
                m.colleague_of = colleague
                out.append(m)
        return out

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around character ``pos`` (the whole text where ``pos`` is between sentences)."""
        sentences = self.sentences
        k = bisect.bisect_right(sentences, (pos, _AFTER_ANY)) - 1
        if k >= 0 and pos < sentences[k][1]:
            return sentences[k]
        return 0, len(self.text)

    def known_by_name(self, cands: list[Mention], years: frozenset[int]) -> list[Mention]:
        """Known office-holders named by given and family name without a title ("Johann Schneider-Ammann
        hat das Abkommen unterzeichnet"): in office in the latest year the document names."""
        if not holders.available():
            return []
        latest = frozenset((max(years),)) if years else years
        taken = Spans((m.start, m.end) for m in cands)
        out: list[Mention] = []
        texts, starts, ends, n = self.texts, self.starts, self.ends, self.n
        name_class = self.p.name_class
        # Only where a known family name stands among the next few words (one look-up per word string).
        near = [False] * n
        # A known family name: a word of ASCII letters and digits whose small letters are a key of
        # one (one set look-up per word), or another word (letters beyond ASCII, a hyphen) looked up.
        # Only name words count (``name_class`` _NAME): capitalised, or a hyphenated particle and name
        # ("al-Saud"), so never a word in small letters only: those are left out first, in C.
        keys = holders.family_keys()
        known = compress(self.may, map(keys.__contains__, self.may_lowers))
        # Words whose key is not their small letters: beyond ASCII, or more than letters (only the
        # words that are no token of their own hold more than letters).
        others = set(self.may_beyond_ascii)
        others.update(k for k in self.read if not texts[k].isalnum())
        # The words that are known family names (``holders.known_family``: a word of a name is not all in
        # small letters, so none is left out here).
        family = set(known).difference(others)
        for k in sorted(family):
            if name_class[texts[k]] == _NAME:
                near[max(0, k - 3) : k + 1] = [True] * (k + 1 - max(0, k - 3))
        others_list = sorted(others)
        for k in compress(others_list, holders.known_families(list(map(texts.__getitem__, others_list)))):
            family.add(k)
            w = texts[k]
            if _may_be_name(w) and name_class[w] == _NAME:
                near[max(0, k - 3) : k + 1] = [True] * (k + 1 - max(0, k - 3))
        nxt = 0  # the first word not yet passed
        country_starts, country_ends = self.country_starts, self.country_ends
        for j in compress(range(n - 1), near):  # the words near a known family name, in order
            if j < nxt or name_class[texts[j]] != _NAME:
                continue
            # ``is_name_word(j)`` of a _NAME word: not inside a country mention, no title there.
            c = bisect.bisect_right(country_starts, starts[j]) - 1
            if (c >= 0 and starts[j] < country_ends[c]) or self.is_title(j):
                continue
            idx = self.name_forward(j, first_checked=True)
            if not idx or len(idx) > 4 or min(map(len, map(texts.__getitem__, idx))) < 2:
                continue
            a, b = starts[idx[0]], ends[idx[-1]]
            holder = None
            if taken.overlaps(a, b):
                pass
            elif len(idx) == 1:
                # (``find_sole`` finds nobody for a word that is no known family name.)
                if j in family and len(texts[j]) > 3 and not _is_caps(texts[j]) \
                        and (j == 0 or self.gap(j).strip() == ""):
                    holder = holders.find_sole(texts[j], latest)
            elif idx[-1] in family or idx[0] in family:
                holder = holders.find_full_name([texts[k] for k in idx], latest)
            if holder is None:
                nxt = idx[-1] + 1
                continue
            m = self.make(self.honorifics_backward(a), b, idx, None, "titled")
            if name_key(texts[idx[-1]]) != name_key(holder.family) == name_key(texts[idx[0]]):
                m.family, m.surface, m.given = texts[idx[0]], texts[idx[0]], " ".join(texts[k] for k in idx[1:])
                m.key = name_key(m.family)
            m.holder = holder
            out.append(m)
            taken.add(a, b)
            nxt = idx[-1] + 1
        return out
