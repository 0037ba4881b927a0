"""Identity and parties of the mentions: the knowledge-base id (else a stable key of the
normalised name), canonical names, and the parties the knowledge base or the text states
("EU-Japan ...", "zwischen Deutschland und Japan", "between X and Y")."""

from __future__ import annotations

import re
import unicodedata

from ..._memo import Memo
from ...knowledge.countries import country_of_word
from .words import Found, Word

_SPLIT = re.compile(r"[-–]")


class Identity:
    """Mixin of the component: ids, canonical names and parties of the found mentions."""

    def _load_parties(self) -> None:
        cfg = self.cfg.get("parties", {})
        self.party_articles = frozenset(cfg.get("articles", ()))
        #: organisation name as written -> code
        self.organisations = {form: code for code, forms in cfg.get("organisations", {}).items() for form in forms}
        #: name -> its stable key
        self._name_keys = Memo(self._name_key)

    def _identify(self, words: list[Word], found: list[Found]) -> None:
        """Set ``id``, ``canonical`` and ``parties`` on every mention; mentions of one name share them."""
        by_name: dict[str, list[str]] = {}
        for f in found:
            f.parties = self._stated_parties(words, f)
            if f.parties and f.name:
                by_name.setdefault(f.name, f.parties)
        for f in found:
            if not f.parties and f.name in by_name:
                f.parties = by_name[f.name]  # "EPA" defined after "EU-Japan Economic Partnership Agreement"
            if f.known is None and f.abbreviation:
                # "Abkommen über die gegenseitige Bereitstellung ... (ACSA)": the known abbreviation
                idx = self._known_abbrev_index(f.abbreviation)
                if idx is not None and not self.known[idx][2]:
                    f.known = idx
            entry = self.known_entries[f.known] if f.known is not None else None
            if entry is not None and entry.parties and f.parties and not set(f.parties) <= set(entry.parties):
                entry = None  # "Japan-UK Economic Partnership Agreement": another agreement of that name
            if entry is not None:
                f.canonical = dict(entry.canonical)
                f.id = entry.id if entry.parties or not f.parties else f"{entry.id}:{'-'.join(sorted(f.parties))}"
                f.parties = f.parties or list(entry.parties)
            else:
                f.id = "name:" + self._name_keys[f.name or ""]
            f.parties = f.parties or None

    def _name_key(self, name: str) -> str:
        """A stable key of a name: lowercase, uninflected, without articles, ASCII-folded."""
        out = []
        uninflected = self.inflected_forms.apply
        for word in name.lower().split():
            if word in self.party_articles or word in self.definite or word in self.indefinite:
                continue
            out.append(uninflected(word))
        key = unicodedata.normalize("NFKD", "-".join(out)).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", key).strip("-")

    # ----- parties stated in the text -------------------------------------------------------
    def _stated_parties(self, words: list[Word], f: Found) -> list[str]:
        """Parties named in the mention or right after it: "between/zwischen X and Y", a
        hyphenated pair ("EU-Japan ...", "Korea-Jordan agreement", "Assoziierungsabkommen
        EU-Ukraine"), or countries coordinated before the head ("USA and Mexico Trade Agreement")."""
        for j in range(f.start, min(len(words) - 1, f.end + 1)):
            if words[j].text in self.relational:
                parties = self._between(words, j + 1)
                if parties:
                    return parties
        for w in words[f.start:f.end]:
            pair = self._party_pair(w.text)
            if pair:
                return pair
        k = f.start
        while k < f.end and words[k].text not in self.starters:
            k += 1
        codes = [self._party_code(w.text) for w in words[f.start:k] if w.text[:1].isupper()]
        known = list(dict.fromkeys(c for c in codes if c))
        return known if len(known) >= 2 else []

    def _party_pair(self, text: str) -> list[str]:
        """The parties a hyphenated word names before its last part: "EU-Japan", "EU-Türkei-Pakt"."""
        parts = [p for p in _SPLIT.split(text) if p]
        codes = []
        for part in parts:
            code = self._party_code(part)
            if code is None:
                break
            codes.append(code)
        codes = list(dict.fromkeys(codes))
        return codes if len(codes) >= 2 and len(codes) >= len(parts) - 1 else []

    def _between(self, words: list[Word], k: int) -> list[str]:
        """The parties after "between"/"zwischen": phrases joined by a conjunction or comma."""
        phrases: list[list[Word]] = [[]]
        while k < len(words) and len(phrases) <= 6:
            w = words[k]
            if not w.is_word and w.text != ",":
                break
            if w.text in self.starters and w.text not in self.relational and w.text not in self.need_capital \
                    or w.text in self.stop_words:
                break
            if w.text == "," or w.text in self.conjunction_words:
                phrases.append([])
            elif w.text[:1].isupper() or w.text in self.function_words or w.text in self.party_articles:
                phrases[-1].append(w)
            else:
                break
            k += 1
        out = []
        for phrase in phrases:
            code = self._phrase_code([w.text for w in phrase if w.text not in self.party_articles])
            if code:
                out.append(code)
        return list(dict.fromkeys(out)) if len(out) >= 2 else []

    def _phrase_code(self, texts: list[str]) -> str | None:
        """The country or organisation a phrase names: the longest part that is one, leftmost
        ("the Government of the Kingdom of Thailand" -> TH), else the phrase as written."""
        while texts and not texts[-1][:1].isupper():
            texts = texts[:-1]
        if not texts:
            return None
        for n in range(min(len(texts), 5), 0, -1):
            for a in range(len(texts) - n + 1):
                code = self._party_code(" ".join(texts[a:a + n]))
                if code:
                    return code
        return " ".join(texts)

    def _party_code(self, text: str) -> str | None:
        if text in self.organisations:
            return self.organisations[text]
        if not text[:1].isupper():
            return None
        return country_of_word(text, self.lang)
