"""Names in a document: name words, particles, honorifics, name-only later mentions."""

from __future__ import annotations

import bisect

from . import holders
from .model import (
    _DIGIT_AFTER,
    _HONORIFIC,
    _INITIAL,
    _NAME_NEIGHBOUR,
    _NEVER,
    _SPACES,
    DocumentParts,
    Mention,
    Person,
    Spans,
    _is_caps,
    name_hits,
    name_key,
)


class NamesMixin(DocumentParts):
    """A part of ``_Document``.

    Names in a document: name words, particles, honorifics, name-only later mentions.
    """


    def is_name_word(self, j: int) -> bool:
        if j >= self.n:
            return False
        # What the word string says (Patterns.name_class), then what its place says.
        kind = self.p.name_class[self.texts[j]]
        if kind == _NEVER:
            return False
        end = self.ends[j]
        if kind == _INITIAL:  # an initial: "S. Jaishankar"
            return self.text[end : end + 1] == "."
        if kind == _HONORIFIC and self.text[end : end + 1] == ".":
            return False
        pos = self.starts[j]
        k = bisect.bisect_right(self.country_starts, pos) - 1
        if k >= 0 and pos < self.country_ends[k]:
            return False  # inside a country mention (``in_country``)
        return not self.is_title(j)

    def name_forward(self, j: int, first_checked: bool = False) -> list[int]:
        """Word indices of a name starting at word j (after honorifics), up to five words (judged once per
        word and document; the callers only read the list). ``first_checked``: word j is known to be a
        name word (``is_name_word``)."""
        out = self.names_at.get(j)
        if out is None:
            out = self.names_at[j] = self._name_forward(j, first_checked)
        return out

    def _name_forward(self, j: int, first_checked: bool) -> list[int]:
        out: list[int] = []
        k = j
        n, text, texts, starts, ends = self.n, self.text, self.texts, self.starts, self.ends
        if first_checked and j < n:
            out.append(j)
            k += 1
        while k < n and len(out) < 5:
            if out:
                g = text[ends[k - 1] : starts[k]]  # gap(k): 0 < k < n here
                if g != " " and (g != ". " or len(texts[k - 1]) != 1):
                    break
                # A family name in capitals ends a name ("Heiko MAAS"), or starts one and is
                # followed by the given name ("MOTEGI Toshimitsu", "LEE Hsien Loong").
                if len(out) > 1 and (_is_caps(texts[out[-1]]) or (_is_caps(texts[out[0]]) and len(out) > 2)):
                    break
            if self.is_name_word(k):
                out.append(k)
            elif out and self.particle_at(k):
                out.append(k)
            else:
                break
            k += 1
        if not out:
            return out
        particles = self.p.particles
        while out and texts[out[-1]] in particles:
            out.pop()
        if not out or max(map(len, map(texts.__getitem__, out))) == 1:  # initials only (no word is empty)
            return []
        return out

    def particle_at(self, k: int) -> bool:
        """A particle inside a name ("Le Drian", "von der Leyen"); a particle that is also a preposition
        of the language needs a second one ("Scholz von Herzen" is no name)."""
        p, texts = self.p, self.texts
        if texts[k] not in p.particles or self.gap(k + 1) != " ":
            return False
        if texts[k] in p.preposition_particles:
            if k > 0 and texts[k - 1] in p.particles:  # "von der Leyen"
                return self.is_name_word(k + 1)
            if k + 1 < self.n and self.is_name_word(k + 1) and holders.known_family(f"{texts[k]} {texts[k + 1]}"):
                return True  # "Karl-Theodor zu Guttenberg": a known family name with the particle
            return k + 2 < self.n and texts[k + 1] in p.particles and self.gap(k + 2) == " " \
                and self.is_name_word(k + 2)
        if texts[k] in p.particles and k + 1 < self.n and texts[k + 1] in p.particles:
            return True
        return self.is_name_word(k + 1)

    def name_backward(self, e: int) -> list[int]:
        """Word indices of a name ending at word e, up to five words."""
        out: list[int] = []
        k = e
        while k > 0 and self.texts[k] in self.p.after_names and self.gap(k) == " ":
            k -= 1  # "John Healey MP, Secretary of State for Defence"
        particles = self.p.particles
        # Up to five words besides particles ("Sheikh Mohammed bin Abdulrahman bin Jassim Al-Thani").
        while k >= 0 and sum(self.texts[x] not in particles for x in out) < 5:
            if out:
                g = self.gap(k + 1)
                if g not in (" ", ". ") or (g == ". " and len(self.texts[k]) != 1):
                    break
            if out and self.p.name_class[self.texts[k]] == _HONORIFIC:
                break  # "Frau Wu Yi, Ministerin ...": the honorific is no part of the name
            if self.is_name_word(k):
                out.insert(0, k)
            elif out and self.texts[k] in particles and self.gap(k + 1) == " " and self.particle_at(k):
                out.insert(0, k)
            else:
                break
            k -= 1
        while out and self.texts[out[0]] in self.p.particles:
            out.pop(0)
        if not out or all(len(self.texts[x]) == 1 for x in out):
            return []
        return out

    def honorifics_forward(self, j: int) -> int:
        """The first word after the honorifics that start at word j."""
        while j < self.n:
            m = self.p.honorifics.match(self.text, self.starts[j])
            if not m:
                break
            nxt = _SPACES.match(self.text, m.end()).end()
            if nxt not in self.by_start:
                break
            j = self.by_start[nxt]
        return j

    def title_honorifics_backward(self, start: int) -> int:
        """The start of the honorifics of a title that end right before character ``start`` ("Hon")."""
        m = self.p.title_honorific_end.search(self.text, max(0, start - 40), start)
        if not m or m.start() == start or (m.start() > 0 and self.text[m.start() - 1].isalnum()):
            return start
        return m.start()

    def honorifics_backward(self, start: int) -> int:
        """The start of the honorifics that end right before character ``start``."""
        while True:
            m = self.p.honorific_end.search(self.text, max(0, start - 40), start)
            if not m or m.start() == start or (m.start() > 0 and self.text[m.start() - 1].isalnum()):
                return start
            start = m.start()

    def name_only(self, persons: dict[str, Person], taken: list[Mention]) -> list[Mention]:
        """Later mentions by name alone ("Steinmeier betonte", "John Kerry")."""
        spans = Spans((m.start, m.end) for m in taken)
        out = []
        bases = {key: key.split("|")[0] for key in persons}
        for person in persons.values():
            titled = [m for m in person.mentions if not m.coref_only]
            if not titled:
                continue
            forms = {m.surface for m in titled} | {m.family for m in titled}
            forms |= self.genitives(forms)  # "Steinmeiers Besuch"
            forms |= {m.given for m in titled if m.given and self.p.name_conventions.names_alone(m.given)}
            forms |= {f.upper() for f in forms if len(f) > 2}  # "KISHIDA Fumio" after "Fumio Kishida"
            givens = {m.given for m in titled if m.given}
            base = bases[person.key]
            namesakes = [q for q in persons.values() if q is not person and bases[q.key] == base]
            for a, b in name_hits(self.text, forms):
                start = a
                if spans.overlaps(a, b):
                    continue
                if namesakes and not self.namesake_is(person, namesakes, a):
                    continue
                for given in givens:
                    if _is_caps(self.text[start:b]) and self.text[b : b + len(given) + 1] == " " + given \
                            and not _NAME_NEIGHBOUR.match(self.text, b + len(given) + 1):
                        b += len(given) + 1  # "KISHIDA Fumio"
                        break
                given_start = next((a - len(g) - 1 for g in givens
                                    if a - len(g) - 1 >= 0 and self.text[a - len(g) - 1 : a] == g + " "), None)
                # A name written in full ("Noura Al Kaabi Participates in ...", a headline) needs no
                # small-letter word after it.
                full = given_start is not None or " " in self.text[a:b]
                if not self.name_context_ok(a, b, persons, full) or self.another_given_name(a, b, givens):
                    continue
                if given_start is not None:
                    a = given_start
                k = self.by_start.get(start)
                if k is None:
                    continue
                a = self.honorifics_backward(a)  # "Mr Hammond said"
                m = titled[0].by_name(a, b)
                out.append(m)
                spans.add(a, b)
                person.mentions.append(m)
        return out

    def another_given_name(self, a: int, b: int, givens: set[str]) -> bool:
        """Whether the family name at [a, b) is written first with another given name after it ("Li Ruihuan"
        after "Premierminister Li Peng"): another person of that family."""
        k = self.by_end.get(b)
        if k is None or k + 1 >= self.n or self.gap(k + 1) != " ":
            return False
        nxt = self.texts[k + 1]
        return nxt not in givens and not any(g.split()[0] == nxt for g in givens) \
            and self.p.name_conventions.family_first([self.text[a:b], nxt])

    def genitives(self, forms: set[str]) -> set[str]:
        """The genitive forms of the names ``forms`` in the language's endings ("Steinmeiers", "Maas'")."""
        plain, sibilant = self.p.genitive_endings, self.p.genitive_endings_after_sibilant
        sibilants = ("s", "ß", "x", "z")
        return {f + e for f in forms if f and f[-1] not in sibilants for e in plain} \
            | {f + e for f in forms if f and f[-1] in sibilants for e in sibilant}

    def name_context_ok(self, a: int, b: int, persons: dict[str, Person], full: bool = False) -> bool:
        """Not "the Hague Convention", not "die Fischer": no article before a name alone, and (in English)
        no other capitalised word after it, unless the name is written in full (``full``)."""
        k = self.by_start.get(a)
        if k is None:
            return False
        if k > 0 and self.texts[k - 1] in self.p.not_after and self.gap(k) == " ":
            return False
        if _DIGIT_AFTER.match(self.text[b : b + 3]):
            return False  # "May 2019"
        last = self.by_end.get(b)
        if last is not None and last > k:
            k = last  # the word after the whole name
        if self.p.stop_before_capitalised and not full and k + 1 < self.n and self.gap(k + 1) == " ":
            nxt = self.texts[k + 1]
            if nxt[:1].isupper() and name_key(nxt) not in persons and not self.is_title(k + 1):
                return False
        return True

    def namesake_is(self, person: Person, namesakes: list[Person], a: int) -> bool:
        """Whether a family name alone at ``a`` that two persons share is this person's: the given name
        written before it says so, else the one of them named last before it (first named, before all)."""
        def titled(q: Person) -> list[Mention]:
            return [m for m in q.mentions if not m.coref_only and m.kind != "name"]
        for q in [person, *namesakes]:
            for m in titled(q):
                if m.given and self.text[max(0, a - len(m.given) - 1) : a] == m.given + " ":
                    return q is person
        def last_before(q: Person) -> int:
            return max((m.start for m in titled(q) if m.start < a), default=-1)
        def first(q: Person) -> int:
            return min((m.start for m in titled(q)), default=len(self.text))
        everyone = [person, *namesakes]
        if all(last_before(q) < 0 for q in everyone):
            return min(everyone, key=first) is person
        return max(everyone, key=last_before) is person
