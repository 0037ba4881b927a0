"""The well-known agreements of ``models/common/agreements.toml``: names, inflected forms,
abbreviations, and which known agreement a mention names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...resources import load_toml
from .tokens import words_of_tokens
from .words import Found, Word, _surface


@dataclass(frozen=True, slots=True)
class KnownAgreement:
    """One entry of the treaty knowledge base."""

    id: str
    canonical: dict[str, str]  # language -> canonical name
    parties: tuple[str, ...]
    year: int | None


class Known:
    """Mixin of the component: the knowledge base of agreements, for one language."""

    lang: str
    inflection: dict[str, tuple[str, ...]]

    def _load_known(self) -> None:
        def split(name: str) -> tuple[str, ...]:
            """The words of a name, as the rules read them in a text. (Words do not depend on
            where spaCy cuts their characters: the pieces of its tokens join again. So the name
            is read as one token here, without tokenising it.)"""
            if name.isalpha():
                return (name,)
            return tuple(w.text for w in words_of_tokens(name, [name], [0]))

        #: adjective endings, the longest first
        self._adj_endings_longest_first = tuple(sorted(self.premod_adj_endings, key=len, reverse=True))
        data = load_toml("common", "agreements.toml").get("agreement", [])
        #: per known agreement: (canonical name in this language, first abbreviation, ambiguous)
        self.known: list[tuple[str | None, str | None, bool]] = []
        #: per known agreement: its id, canonical names, parties and year
        self.known_entries: list[KnownAgreement] = []
        #: first word -> [(words of the name, index)], longest first
        self.known_names: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        #: lowercased name -> index, to recognise rule-found mentions
        self.known_by_text: dict[str, int] = {}
        #: ``_loose_key`` of a name in this language -> index ("des Nordamerikanischen Freihandelsabkommens")
        self.known_by_loose: dict[str, int] = {}
        #: first word of an abbreviation -> [(words, index)]
        self.known_abbrevs: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for i, entry in enumerate(data):
            names = entry.get("names", {})
            own = list(names.get(self.lang, ()))
            abbrevs = list(entry.get("abbreviations", ()))
            fallback = next((v[0] for v in names.values() if v), None)
            self.known_entries.append(KnownAgreement(
                str(entry.get("id") or f"known-{i}"), {lang: v[0] for lang, v in names.items() if v},
                tuple(entry.get("parties", ())), entry.get("year"),
            ))
            self.known.append((own[0] if own else fallback, abbrevs[0] if abbrevs else None,
                               bool(entry.get("ambiguous", False))))
            for name in own:
                for form in self._name_forms(name):
                    words = split(form)
                    self.known_names.setdefault(words[0], []).append((words, i))
                    self.known_by_text.setdefault(" ".join(words).lower(), i)
            for other in names.values():
                for name in other:
                    self.known_by_text.setdefault(" ".join(split(name)).lower(), i)
            for name in own:
                self.known_by_loose.setdefault(self._loose_key(" ".join(split(name))), i)
            for abbr in abbrevs:
                words = split(abbr)
                self.known_abbrevs.setdefault(words[0], []).append((words, i))
        for table in (self.known_names, self.known_abbrevs):
            for cands in table.values():
                cands.sort(key=lambda c: -len(c[0]))

    def _name_forms(self, name: str) -> list[str]:
        """A name as written, capitalised at a sentence start, and with its inflected endings."""
        out: list[str] = []
        for variant in self._adjective_forms(name):
            out += self._noun_forms(variant)
        return list(dict.fromkeys(out))

    def _adjective_forms(self, name: str) -> list[str]:
        """German names with their adjectives before the head in every ending, all alike
        ("Umfassendes und fortschrittliches Abkommen" -> "Umfassenden und fortschrittlichen Abkommen")."""
        endings = sorted(self.premod_adj_endings, key=len, reverse=True)
        if not endings:
            return [name]
        words = name.split(" ")
        head = next((k for k, w in enumerate(words) if w in self.plain_heads or self._is_compound(w)), len(words) - 1)
        stems = {}
        for k in range(head):
            w = words[k]
            end = next((e for e in endings if w.endswith(e) and len(w) > len(e) + 3), None)
            if end is not None and w.lower() not in self.function_words:
                stems[k] = w[: len(w) - len(end)]
        if not stems:
            return [name]
        return [name] + [" ".join(stems[k] + e if k in stems else w for k, w in enumerate(words)) for e in endings]

    def _noun_forms(self, name: str) -> list[str]:
        forms = [name, name[:1].upper() + name[1:]]
        low = name.lower()
        for ending, inflected in self.inflection.items():
            if low.endswith(ending):
                stem = name[: len(name) - len(ending)]
                tail = name[len(name) - len(ending) :]
                for form in inflected:
                    forms.append(stem + (form[:1].upper() + form[1:] if tail[:1].isupper() else form))
        return list(dict.fromkeys(forms))

    def _match_seq(self, words: list[Word], i: int, seq: tuple[str, ...]) -> bool:
        if i + len(seq) > len(words):
            return False
        return all(words[i + k].text == s for k, s in enumerate(seq))

    def _known_mentions(self, words: list[Word], triggers: list[int]) -> list[Found]:
        out: list[Found] = []
        for i in triggers:
            for seq, idx in self.known_names.get(words[i].text, ()):
                if self._match_seq(words, i, seq):
                    if i + len(seq) < len(words) and words[i + len(seq)].text in self.other_name_words:
                        break  # "North Atlantic Treaty Organization"
                    out.append(Found(i, i + len(seq), known=idx))
                    break
        return out

    def _link_known(self, words: list[Word], f: Found) -> None:
        if f.known is None:
            f.known = self._known_of(" ".join(w.text for w in words[f.start : f.end]))
        if f.known is not None:
            canonical, abbr, _ = self.known[f.known]
            f.name = f.name or canonical
            f.abbreviation = f.abbreviation or abbr
        f.name = f.name or _surface(words, f.start, f.end)

    def _known_of(self, text: str) -> int | None:
        """The known agreement that the words ``text`` (joined by spaces) name, if any."""
        return self._known_memo[text]

    def _find_known(self, text: str) -> int | None:
        known = self.known_by_text.get(text.lower())
        if known is None:
            known = self._known_inflected(text)
        first, _, rest = text.partition(" ")
        if known is None and rest and re.search(r"[-–]", first):
            # "Japan-Australia Reciprocal Access Agreement": the parties prefix a known name
            known = self.known_by_text.get(rest.lower())
        return known

    def _known_inflected(self, text: str) -> int | None:
        """The known agreement a German name refers to in an inflected form ("Übereinkommens von Paris")."""
        if not self.inflection:
            return None
        uninflected = self.inflected_forms.apply
        base = [uninflected(word) for word in text.lower().split()]
        return self.known_by_text.get(" ".join(base)) or self.known_by_loose.get(self._loose_key(text))

    def _loose_key(self, text: str) -> str:
        """A name with its words uninflected: nouns by the inflection rules, adjectives without
        their endings ("Umfassenden Wirtschafts- und Handelsabkommens" ~ "Umfassendes ... abkommen")."""
        words = text.lower().split()
        out = []
        replace = self.loose_forms.replace
        adjective_endings = self._adj_endings_longest_first
        for k, word in enumerate(words):
            noun = replace(word)
            if noun is not None:
                word = noun
            elif k < len(words) - 1 and word.endswith(adjective_endings):
                end = next((e for e in adjective_endings if word.endswith(e) and len(word) > len(e) + 3), "")
                word = word[: len(word) - len(end)]
            out.append(word)
        return " ".join(out)

    def _known_abbrev_index(self, abbr: str) -> int | None:
        for seq, idx in self.known_abbrevs.get(abbr.split()[0], ()):
            if " ".join(seq) == abbr:
                return idx
        return None

