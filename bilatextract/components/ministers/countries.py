"""Who a person is and which government they belong to: the mention, the office-holder, the document."""

from __future__ import annotations

import re
from collections import Counter

from ... import knowledge as kb
from . import holders
from .model import (
    RANK_DEFAULT,
    RANK_TITLE,
    RANK_WORD,
    DocumentParts,
    Mention,
    Person,
)

#: How far into a text a dateline may stand.
DATELINE_CHARS = 400
#: What follows the place of a dateline: perhaps a date after a comma and an agency in brackets, then a
#: colon or a dash ("NEW DELHI: ...", "WASHINGTON (Reuters) - ...", "Berlin, 14. Oktober (dpa) - ...").
_DATELINE_END = re.compile(r"(?:,[^\n:]{0,40}?)?(?:\s*\([^)\n]{1,40}\))?\s*[:\u2013\u2014-]\s")


class CountriesMixin(DocumentParts):
    """A part of ``_Document``.

    Who a person is and which government they belong to: the mention, the office-holder, the document.
    """

    _dateline: str | None

    def dateline_country(self) -> str | None:
        """The country of the place a report is filed from: a country or capital that starts one of the
        text's first lines and is followed by a colon or a dash ("NEW DELHI: India and Japan ...")."""
        if self._dateline is None:
            self._dateline = ""
            for c in self.countries:
                if c.start > DATELINE_CHARS:
                    break
                line_start = self.text.rfind("\n", 0, c.start) + 1
                if not self.text[line_start : c.start].strip() and _DATELINE_END.match(self.text, c.end):
                    self._dateline = c.code
                    break
        return self._dateline or None


    def identify(self, person: Person, years: frozenset[int]) -> None:
        """The office-holder a person is, where the knowledge base knows one of that name in office in the
        document's years: their id, and the country and portfolio of that office where the mentions say none."""
        titled = [m for m in person.mentions if m.kind != "name"] or person.mentions
        given = next((m.given for m in titled if m.given), None)
        country = person.country if person.country_rank >= RANK_TITLE else None
        portfolio = person.portfolio if person.portfolio not in (None, "other") else None
        holder = next((m.holder for m in titled if m.holder is not None), None) \
            or holders.find(titled[0].family, given, country, portfolio, years)
        if holder is None and portfolio is not None and not any(m.portfolio for m in titled):
            holder = holders.find(titled[0].family, given, country, None, years)
        if holder is None:
            return
        person.id = holder.id
        if person.country_rank < RANK_DEFAULT or self.shared_only(person):
            person.country, person.country_rank, person.country_source = holder.country, RANK_DEFAULT, "officeholder"
        if person.portfolio is None and holder.portfolio != "other":
            person.portfolio = holder.portfolio

    def shared_only(self, person: Person) -> bool:
        """Whether the person's country rests on nothing but a mark several governments use ("Bundes-")."""
        return person.country_rank == RANK_DEFAULT and person.country_source != "officeholder" and any(
            m.marked_home and m.country_rank == RANK_DEFAULT and m.country == person.country for m in person.mentions)

    def settle_shared(self, persons: list[Person]) -> None:
        """Persons whose country rests on a shared mark alone take the government of the document's
        office-holders that carry the mark, where those are all of one government ("Bundesminister
        Totschnig", an Austrian, beside "Bundesministerin Gewessler"); else the mark's default stays."""
        if not self.p.shared_marks:
            return
        weak = [q for q in persons if self.shared_only(q)]
        if not weak:
            return
        sharing = frozenset().union(*self.p.shared_marks.values())
        known = {q.country for q in persons if q.country_source == "officeholder" and q.country in sharing
                 and any(m.marked_home for m in q.mentions)}
        if len(known) == 1:
            code = known.pop()
            for q in weak:
                q.country, q.country_source = code, "document"

    def sides(self, cands: list[Mention]) -> None:
        """Country cues from a side named before the mentions of its sentence ("On the Indian side, External
        Affairs Minister ... and Mr. ..., Minister of ...", "Auf japanischer Seite nahmen ... teil")."""
        side_nouns, text = self.p.side_nouns, self.text
        if not side_nouns or not cands:
            return
        firsts = self.p.side_noun_firsts
        for c in self.countries:
            # A side noun starts right after one space: its first letter says most cannot be one.
            if text[c.end + 1 : c.end + 2] not in firsts or text[c.end] != " ":
                continue
            k = self.by_start.get(c.end + 1)
            if k is None or self.texts[k] not in side_nouns:
                continue
            lo, hi = self.sentence(c.start)
            for m in cands:
                if c.end < m.start < hi and m.country_rank < RANK_WORD:
                    m.country, m.country_rank = c.code, RANK_WORD

    def is_place(self, c: kb.CountryMention) -> bool:
        """Whether a country mention follows a preposition of place or direction ("nach Seoul", "in Paris")."""
        k = self.by_start.get(c.start)
        return k is not None and k > 0 and self.texts[k - 1] in self.p.place_prepositions and self.gap(k) == " "

    @property
    def not_places(self) -> list[kb.CountryMention]:
        """The country mentions that are no place (``is_place``), in order; read only to infer a country."""
        if self._not_places is None:
            self._not_places = [c for c in self.countries if not self.is_place(c)]
        return self._not_places

    @property
    def country_counts(self) -> dict[str, int]:
        """How often each country is named; read only to infer a country."""
        if self._country_counts is None:
            self._country_counts = Counter(c.code for c in self.countries)
        return self._country_counts

    @staticmethod
    def is_state_minister(person: Person) -> bool:
        """Whether every titled mention of the person names a state minister."""
        return _every_title(person, "state_role")

    @staticmethod
    def beside_a_head(person: Person) -> bool:
        """A state minister (beside the minister of the field) or a deputy head of government (beside
        the head): another of the same field and country is no contradiction."""
        return _every_title(person, "state_role") or _every_title(person, "deputy_head")

    def takes_home_mark(self, person: Person, persons: dict[str, Person]) -> bool:
        """Whether the text would have marked this person by the home prefix were it a home minister: not a
        state minister ("Staatsminister" takes no "Bundes-"), and not the partner of another country's minister
        of the same field ("Außenminister Maas" beside "Außenminister der Republik Polen" in a text that marks
        only the other home ministers: "Bundesinnenminister Seehofer")."""
        if self.is_state_minister(person):
            return False
        homes = set(self.p.marked_home.values())
        return not any(other is not person and other.portfolio and other.portfolio == person.portfolio
                       and other.country and other.country not in homes and other.country_rank >= RANK_TITLE
                       for other in persons.values())

    def infer_country(self, person: Person, persons: dict[str, Person], marked: bool) -> str | None:
        excluded: set[str] = set()
        for m in person.mentions:
            excluded |= m.not_country
            if m.colleague_of is not None:
                other = persons.get(m.colleague_of.key)
                if other is not None and other.country:
                    excluded.add(other.country)
        # One head of a field per country; a state minister sits beside the minister of the field, a deputy
        # head of government beside the head ("Premierminister Li Peng" and "Vizepremier Zhu Rongji").
        if not self.beside_a_head(person):
            for other in persons.values():
                if other is not person and other.country and other.portfolio and other.portfolio == person.portfolio \
                        and not self.beside_a_head(other):
                    excluded.add(other.country)
        if marked and self.takes_home_mark(person, persons):
            excluded |= set(self.p.marked_home.values())
        for home in self.p.home_countries:
            if home in excluded:
                continue
            if self.country_counts.get(home, 0) >= self.p.home_min_mentions or home in self.ministry_countries:
                return home
        # A place the sentence goes to or happens in ("reist nach Seoul", "meeting ... in Washington") says
        # nothing about whose minister someone is.
        # Nor a country word inside another minister's mention ("Karl Berg, Außenminister der Republik Österreich").
        others = [(m.start, m.end) for q in persons.values() if q is not person for m in q.mentions]
        free = [c for c in self.not_places if not any(s <= c.start and c.end <= e for s, e in others)]
        pool = [c for c in free if c.code not in excluded]
        first = min(person.mentions, key=lambda m: m.start)
        lo, hi = self.sentence(first.start)
        code = kb.nearest_country(pool, first.start, first.end, lo, hi)
        if code:
            return code
        # The country the text names most, leaving out destinations and meeting places.
        return kb.main_country(free, exclude=tuple(excluded))


def _every_title(person: Person, flag: str) -> bool:
    """Whether the person has titled mentions and every one of them has ``flag`` set."""
    titled = [m for m in person.mentions if m.kind != "name"]
    return bool(titled) and all(getattr(m, flag) for m in titled)
