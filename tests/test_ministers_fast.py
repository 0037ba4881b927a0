"""The fast paths of the ministers component's document work give what the plain versions they replace give.

``_PlainDocument`` keeps the plain code of each replaced step; every test runs real pipelines on real texts
(the dev corpus, the composed corpus, the seed texts and a few tricky ones) and compares.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from texts import ITEMS

from bilatextract import knowledge as kb
from bilatextract import pipeline, routing
from bilatextract.components import ministers as M
from bilatextract.components.base import view_of
from bilatextract.extractor import _spacy_safe

TRICKY = [
    "",
    "Minister",
    "Außenminister Heiko Maas traf Japan's Foreign Minister Taro Kono in Tokio. Maas sagte, Kono lächelte.",
    "Mr. Taro Kono, Minister for Foreign Affairs of Japan, and Ms. Baerbock (Germany).\n\n  Heiko MAAS  ",
    "Bundesaußenministerin Annalena Baerbock sprach mit ihrem französischen Amtskollegen Jean-Yves Le Drian "
    "und ihren Amtskollegen Catherine Colonna und Gérald Darmanin. S. Jaishankar, Minister of External "
    "Affairs of the Republic of India, met Dr. S. Jaishankar's counterpart.",
    "Die Bundesminister Gabriel, Steinmeier und Schmidt trafen den Premierminister der Republik Korea "
    "Han Duck-soo. Der ehemalige japanische Premierminister Abe Shinzo. Wirtschafts- und Finanzminister Yi.",
    "Secretary of State of the United States Antony Blinken and Secretary Clinton. KISHIDA Fumio, Prime "
    "Minister of Japan, and Foreign Minister Motegi and Defence Minister Kishi met their Japanese counterparts.",
]


def _texts() -> Iterator[tuple[str, str]]:
    """(language, text) of every text at hand that is routed to German or English."""
    texts = [it["text"] for it in ITEMS] + TRICKY
    composed = Path(__file__).parent / "data" / "composed.jsonl"
    texts += [json.loads(line)["text"] for line in composed.read_text(encoding="utf-8").splitlines() if line.strip()]
    for parent in Path(__file__).resolve().parents:
        dev = parent / "shared" / "corpus" / "dev.jsonl"
        if dev.is_file():
            texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
            break
    for text in texts:
        for seg in routing.route(text).segments:
            yield seg.lang, _spacy_safe(text[seg.start : seg.end])
    for lang in ("de", "en"):
        for text in TRICKY:
            yield lang, text


def _docs() -> Iterator[tuple[Any, M.MinistersComponent]]:
    """Each text run through its pipeline up to the ministers component, and that component."""
    for lang, text in _texts():
        nlp = pipeline.get(lang)
        doc = nlp.make_doc(text)
        view_of(doc, text)
        for name, component in nlp.pipeline:
            if name == "bilat_ministers":
                yield doc, component
                break
            doc = component(doc)


class _PlainDocument(M._Document):
    """The replaced steps, as they were written first."""

    def plain_in_country(self) -> set[int]:
        starts = self.starts
        return {starts[k] for c in self.countries
                for k in range(bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end))}

    def is_name_word(self, j: int) -> bool:
        if j >= self.n:
            return False
        t, end = self.texts[j], self.ends[j]
        if not t[:1].isupper() or t in self.p.not_names:
            return False
        if len(t) == 1:
            return self.text[end : end + 1] == "."
        if t in self.p.honorific_words and self.text[end : end + 1] == ".":
            return False
        if self.starts[j] in self.plain_in_country() or self.p.country_of_word(t) or t in self.p.subnational:
            return False
        if t in self.p.counterparts:
            return False
        return self.title_core(j) is None

    def name_forward(self, j: int) -> list[int]:
        out: list[int] = []
        k = j
        while k < self.n and len(out) < 5:
            if out:
                g = self.gap(k)
                if g not in (" ", ". ") or (g == ". " and len(self.texts[k - 1]) != 1):
                    break
                if len(out) > 1:
                    caps_last = M._is_caps(self.texts[out[-1]])
                    if caps_last or M._is_caps(self.texts[out[0]]):
                        break
            if self.is_name_word(k):
                out.append(k)
            elif out and self.particle_at(k):
                out.append(k)
            else:
                break
            k += 1
        while out and self.texts[out[-1]] in self.p.particles:
            out.pop()
        if not out or all(len(self.texts[x]) == 1 for x in out):
            return []
        return out

    def plain_split_name(self, idx: list[int]) -> tuple[str, str | None, str]:
        toks = [self.texts[x] for x in idx]
        caps = [len(t) > 1 and t.isupper() for t in toks]
        if caps[0] and len(toks) > 1 and not any(caps[1:]):
            family, given = toks[0], " ".join(toks[1:])
        elif any(caps[1:]):
            first = caps.index(True, 1)
            family, given = " ".join(toks[first:]), " ".join(toks[:first]) or None
        else:
            last = len(toks) - 1
            while last > 0 and toks[last - 1].lower() in self.p.particles:
                last -= 1
            family, given = " ".join(toks[last:]), " ".join(toks[:last]) or None
        return " ".join(M._capitalise(w) for w in family.split()), given, family

    def make(self, start: int, end: int, idx: list[int], title: M.Title | None, kind: str) -> M.Mention:
        family, given, surface = self.plain_split_name(idx)
        m = M.Mention(start, end, family, given, M.name_key(family), surface, kind=kind,
                      words=tuple(self.texts[x] for x in idx))
        if title is not None:
            m.portfolio, m.country, m.country_rank = title.portfolio, title.country, title.country_rank
            m.not_country, m.ministry_id, m.coref_only = title.not_country, title.ministry_id, title.coref_only
            m.marked_home = title.marked_home
            m.state_role = title.role == "state"
        return m

    def blocked(self, title: M.Title) -> bool:
        k = title.start - 1
        if k < 0:
            return False
        prev = self.texts[k]
        if self.gap(title.start).strip():
            return False
        if prev in self.p.former or prev in self.p.deputy or prev in self.p.subnational:
            return True
        return bool(self.p.country_of_word(prev) and k > 0 and self.texts[k - 1] in self.p.former)

    def sides(self, cands: list[M.Mention]) -> None:
        if not self.p.side_nouns:
            return
        for c in self.countries:
            k = self.by_start.get(c.end + 1)
            if k is None or self.texts[k] not in self.p.side_nouns or self.text[c.end] != " ":
                continue
            lo, hi = self.sentence(c.start)
            for m in cands:
                if c.end < m.start < hi and m.country_rank < M.RANK_WORD:
                    m.country, m.country_rank = c.code, M.RANK_WORD

    def infer_country(self, person: M.Person, persons: dict[str, M.Person], marked: bool) -> str | None:
        excluded: set[str] = set()
        for m in person.mentions:
            excluded |= m.not_country
            if m.colleague_of is not None:
                other = persons.get(m.colleague_of.key)
                if other is not None and other.country:
                    excluded.add(other.country)
        if not self.is_state_minister(person):
            for other in persons.values():
                if other is not person and other.country and other.portfolio and other.portfolio == person.portfolio \
                        and not self.is_state_minister(other):
                    excluded.add(other.country)
        if marked and self.takes_home_mark(person, persons):
            excluded |= set(self.p.marked_home.values())
        for home in self.p.home_countries:
            if home in excluded:
                continue
            words = sum(1 for c in self.countries if c.code == home)
            if words >= self.p.home_min_mentions or home in self.ministry_countries:
                return home
        pool = [c for c in self.countries if c.code not in excluded and not self.is_place(c)]
        first = min(person.mentions, key=lambda m: m.start)
        lo, hi = self.sentence(first.start)
        code = kb.nearest_country(pool, first.start, first.end, lo, hi)
        if code:
            return code
        return kb.main_country(self.countries, exclude=tuple(excluded))


DOCS = list(_docs())


def _outputs(doc_class: type[M._Document], doc: Any, component: M.MinistersComponent) -> list[tuple]:
    return [(o.start, o.end, sorted(o.attrs.items())) for o in doc_class(component, doc).mentions()]


def test_mentions_as_plain() -> None:
    found = 0
    for doc, component in DOCS:
        fast = _outputs(M._Document, doc, component)
        assert fast == _outputs(_PlainDocument, doc, component), doc.text[:80]
        found += len(fast)
    assert found > 100


def test_word_steps_as_plain() -> None:
    """Name words, country words and name splits, at every word of every text."""
    for doc, component in DOCS:
        fast, plain = M._Document(component, doc), _PlainDocument(component, doc)
        in_country = plain.plain_in_country()
        for j in range(fast.n + 1):
            assert fast.spaced(j, j)  # title_core skips the check for one-word titles
            title = M.Title(j, j + 1)
            if j < fast.n:
                assert fast.blocked(title) == plain.blocked(title), (doc.text[:80], j)
            assert fast.is_name_word(j) == plain.is_name_word(j), (doc.text[:80], j)
            if j < fast.n:
                assert fast.in_country(fast.starts[j]) == (fast.starts[j] in in_country), (doc.text[:80], j)
                for width in range(1, 6):
                    idx = list(range(j, min(fast.n, j + width)))
                    m = fast.make(0, 1, idx, None, "name")
                    family, given, surface = plain.plain_split_name(idx)
                    assert (m.family, m.given, m.surface, m.key) == (family, given, surface, M.name_key(family))


def test_country_after_reject_is_sound() -> None:
    """Where ``country_may_follow`` says no, ``knowledge.country_after`` finds no country either."""
    asked = 0
    for doc, component in DOCS:
        d, p = M._Document(component, doc), component.p
        searches = [(p.country_links, p.country_link_articles, p.country_link_words),
                    (p.country_links, p.state_link_articles, p.country_link_words),
                    (p.counterpart_links, p.counterpart_articles, p.counterpart_link_words)]
        for pos in d.ends:
            for links, articles, at_most in searches:
                found = kb.country_after(d.text, pos, d.lang, d.countries, links, articles)
                if not d.country_may_follow(pos, at_most):
                    assert found is None, (doc.text[:80], pos)
                assert d.country_after(pos, links, articles, at_most) == found
                asked += 1
    assert asked > 1000


@pytest.mark.parametrize("lang", ["de", "en"])
def test_country_caches(lang: str) -> None:
    for doc, component in DOCS:
        if component.lang != lang:
            continue
        d = M._Document(component, doc)
        assert d.not_places == [c for c in d.countries if not d.is_place(c)]
        assert dict(d.country_counts) == {code: sum(1 for c in d.countries if c.code == code)
                                          for code in {c.code for c in d.countries}}
