"""Names, person records and their merging, for ``tools/build_officeholders.py``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

# Name sources by precedence: the form of the best source names the merged person.
RANK = {"supp": 5, "ifg": 4, "fte": 3, "whogov": 2, "jpdb": 1}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                          "ø": "oe", "Ø": "Oe"})
# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l",
                               "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h"})
_QUOTED = re.compile(r"[\"“”](.+?)[\"“”]|\((.+?)\)")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).replace("ß", "ss").translate(_UNDECOMPOSED))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def fold_keys(text: str) -> tuple[str, ...]:
    """The lookup keys of a name: accents dropped, and umlauts spelled out (ä -> ae)."""
    keys = []
    for form in (_plain(text), _plain(unicodedata.normalize("NFC", text).translate(_UMLAUTS))):
        key = "".join(ch for ch in form if ch.isalnum())
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


def fold(text: str) -> str:
    keys = fold_keys(text)
    return keys[-1] if keys else ""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _plain(unicodedata.normalize("NFC", text).translate(_UMLAUTS))).strip("-")


def parse_name(full: str, family_first: bool, cfg: dict, country: str = "") -> tuple[str | None, str, list[str]]:
    """"Given Family" (or "Family Given") -> (given, family, family variants)."""
    ncfg = cfg["names"]
    tokens = [t.strip(",").rstrip("0123456789") for t in _QUOTED.sub(" ", full).split()]
    tokens = [t for i, t in enumerate(tokens) if t and not (i and t.casefold() in ncfg["suffixes"])]
    while len(tokens) > 2 and len(tokens[-1].rstrip(".")) == 1 \
            and tokens[-2].casefold() not in ncfg["particles"]:  # a trailing initial is no family name ("de la O" is)
        tokens.pop()
    if (country in ncfg["two_surnames"] and len(tokens) >= 3 and not family_first
            and tokens[-2].casefold() not in ncfg["hispanic_given"]
            and tokens[-2].casefold() not in ncfg["particles"] and tokens[-3].casefold() not in ncfg["particles"]):
        family = " ".join(tokens[-2:])
        return " ".join(tokens[:-2]), family, [tokens[-2], tokens[-1]]
    if country in ncfg["mixed_order"] and len(tokens) >= 3 and not family_first:
        if tokens[0].casefold() in ncfg["western_given"]:  # "George Yeo Yong Boon"
            return " ".join([tokens[0], *tokens[2:]]), tokens[1], []
        family_first = True  # "Lee Hsien Loong"
    if family_first:
        family, given = tokens[0], " ".join(tokens[1:]) or None
    else:
        cut = len(tokens) - 1
        for i in range(1, len(tokens) - 1):
            if tokens[i].casefold() in ncfg["particles"] \
                    and tokens[i - 1].casefold() not in ncfg["compound_given_heads"]:
                cut = i
                break
        fam = [ncfg["particles"].get(t.casefold(), t) if i < len(tokens[cut:]) - 1 else t
               for i, t in enumerate(tokens[cut:])]
        family, given = " ".join(fam), " ".join(tokens[:cut]) or None
    return given, family, family_variants(family, cfg)


def family_variants(family: str, cfg: dict) -> list[str]:
    ncfg = cfg["names"]
    words = family.split()
    out = []
    while len(words) > 1 and words[0].casefold() in ncfg["particles"]:
        words = words[1:]
    if len(words) < len(family.split()):
        out.append(" ".join(words))
    head, _, rest = family.partition("-")
    if rest and head.casefold() in ncfg["hyphen_particles"]:
        out.append(rest)
    return out


@dataclass(eq=False)
class Office:
    country: str
    portfolio: str
    start: date | None
    end: date | None
    source: str
    open_end: bool = False
    approximate: bool = False


@dataclass(eq=False)
class Rec:
    country: str
    given: str | None
    family: str
    order: str
    source: str
    variants: set[str] = field(default_factory=set)
    offices: list[Office] = field(default_factory=list)
    kanji: str | None = None
    parent: Rec | None = None
    seq: int = 0

    def add_office(self, country: str, portfolio: str, start: date | None, end: date | None,
                   source: str, open_end: bool = False, approximate: bool = False) -> None:
        self.offices.append(Office(country, portfolio, start, end, source, open_end, approximate))


def _order(cc: str, cfg: dict) -> str:
    return "family-first" if cc in cfg["names"]["family_first"] else "given-first"


class Registry:
    def __init__(self) -> None:
        self.records: dict[tuple, Rec] = {}
        self.jp: dict[str, Rec] = {}
        self.candidates: dict[str, list[Rec]] = {}

    def _new(self, key: tuple, rec: Rec) -> Rec:
        rec.seq = len(self.records)
        self.records[key] = rec
        return rec

    def named_person(self, cc: str, name: str, source: str, cfg: dict) -> Rec:
        key = (source, cc, fold(name))
        if key not in self.records:
            ff = cc in cfg["names"]["family_first"] and not (
                source == "whogov" and cc in cfg["names"]["whogov_given_first"])
            given, family, variants = parse_name(name, ff, cfg, cc)
            order = _order(cc, cfg)
            if cc in cfg["names"]["mixed_order"] and given and name.split()[0] == family:
                order = "family-first"
            self._new(key, Rec(cc, given, family, order, source, set(variants)))
        return self.records[key]

    def whogov_person(self, cc: str, name: str, cfg: dict) -> Rec:
        return self.named_person(cc, name, "whogov", cfg)

    def uk_person(self, pid: str, rows: list[dict[str, str]], cfg: dict) -> Rec:
        key = ("ifg", pid)
        if key not in self.records:
            titles = tuple(f"{title} " for title in cfg["uk"]["titles"])
            plain = [r for r in rows if not r["name"].startswith(titles)] or rows
            row = sorted(plain, key=lambda r: r["start_date"] or "")[-1]
            family = row["short_name"].strip()
            name = row["name"].strip()
            given = name[: -len(family)].strip() if name.endswith(family) and not name.startswith(titles) else None
            rec = Rec("GB", given or None, family, "given-first", "ifg")
            rec.variants.update(r["short_name"].strip() for r in rows)
            rec.variants.update(family_variants(family, cfg))
            self._new(key, rec)
        return self.records[key]

    def jp_person(self, pid: str, kanji: str) -> Rec:
        if pid not in self.jp:
            self.jp[pid] = self._new(("jpdb", pid), Rec("JP", None, kanji, "family-first", "jpdb", kanji=kanji))
        return self.jp[pid]

    def jp_by_name(self, kanji: str) -> Rec | None:
        for rec in self.jp.values():
            if rec.kanji == kanji:
                return rec
        return None

    def romanise(self, kanji: str, family: str, given: str) -> None:
        for rec in self.jp.values():
            if rec.kanji == kanji:
                rec.family, rec.given, rec.source = family, given, "supp"

    def key_person(self, cc: str, given: str | None, family: str, source: str, cfg: dict,
                   order: str | None) -> Rec:
        key = (source, cc, fold(family), fold(given or ""))
        if key not in self.records:
            rec = Rec(cc, given, family, order or _order(cc, cfg), source, set(family_variants(family, cfg)))
            self._new(key, rec)
        return self.records[key]

    @staticmethod
    def find(rec: Rec) -> Rec:
        while rec.parent is not None:
            rec = rec.parent
        return rec

    def union(self, a: Rec | None, b: Rec | None) -> None:
        if a is None or b is None:
            return
        ra, rb = self.find(a), self.find(b)
        if ra is not rb:
            first, second = sorted((ra, rb), key=lambda r: r.seq)
            second.parent = first

    def finish(self, cfg: dict) -> list[dict]:
        recs = sorted(self.records.values(), key=lambda r: r.seq)
        by_key: dict[tuple, list[Rec]] = {}
        by_family: dict[tuple, list[Rec]] = {}
        for rec in recs:
            if rec.kanji is not None and rec.source == "jpdb":
                continue
            first = (rec.given or "").split(" ")[0].split("-")[0]
            forms = [rec.family, *sorted(rec.variants)] if rec.source == "supp" else [rec.family]
            for fkey in dict.fromkeys(k for form in forms for k in fold_keys(form)):
                by_family.setdefault((rec.country, fkey), []).append(rec)
                for gkey in fold_keys(first) or ("",):
                    # one source names one person one way: the same name across sources
                    # is one person, two names within a source are two
                    for other in by_key.setdefault((rec.country, fkey, gkey), []):
                        if other.source != rec.source:
                            self.union(other, rec)
                    by_key[(rec.country, fkey, gkey)].append(rec)
        for group in by_family.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if _share_office(a, b):
                        self.union(a, b)
        groups: dict[int, list[Rec]] = {}
        for rec in recs:
            groups.setdefault(id(self.find(rec)), []).append(rec)
        persons = [_merge(members, cfg) for members in groups.values()]
        persons = [p for p in persons if p["offices"]]
        _close_open_ends(persons)
        _assign_ids(persons)
        persons.sort(key=lambda p: p["id"])
        return persons


def _overlap(a: Office, b: Office, slack: int = 0) -> bool:
    lo, hi = date(1, 1, 1), date(9000, 1, 1)
    a0, a1 = a.start or lo, a.end or hi
    b0, b1 = b.start or lo, b.end or hi
    pad = timedelta(days=slack)
    return a0 <= b1 + pad and b0 <= a1 + pad


def _share_office(a: Rec, b: Rec) -> bool:
    """Whether two records held one post at one time (for more than the day of a change)."""
    return any(x.country == y.country and x.portfolio == y.portfolio and _overlap(x, y, -1)
               for x in a.offices for y in b.offices)


def _merge(members: list[Rec], cfg: dict) -> dict:
    best = max(members, key=lambda r: (RANK[r.source], r.given is not None, -r.seq))
    variants = set()
    for rec in members:
        variants.update(rec.variants)
        variants.add(rec.family)
        if rec.kanji:
            variants.add(rec.kanji)
    if best.country in cfg["names"]["called_by_given_name"] and best.given:
        variants.add(best.given.split()[0])
    variants.discard(best.family)
    offices = [o for rec in members for o in rec.offices]
    exact = [o for o in offices if not o.approximate]
    offices = exact + [o for o in offices if o.approximate and not any(
        e.country == o.country and e.portfolio == o.portfolio and _overlap(e, o, 200) for e in exact)]
    kept: dict[str, str] = {}
    for form in sorted(variants, key=lambda v: (not v[:1].isupper(), v)):
        if len(fold(form)) > 1 and fold(form) != fold(best.family):  # no one-letter look-up forms
            kept.setdefault(fold(form) or form, form)
    return {"country": best.country, "given": best.given, "family": best.family, "order": best.order,
            "variants": sorted(kept.values()),
            "offices": _join_offices(offices), "sources": sorted({r.source for r in members})}


def _join_offices(offices: list[Office]) -> list[Office]:
    """Overlapping or adjacent terms in one post become one; a known end beats an end the
    source could not know (its file ended)."""
    out: list[Office] = []
    key = lambda o: (o.country, o.portfolio, o.start or date.min)  # noqa: E731
    for office in sorted(offices, key=key):
        last = out[-1] if out else None
        if last and last.country == office.country and last.portfolio == office.portfolio \
                and _overlap(last, office, 1):
            ends = [o for o in (last, office) if o.end is not None or not o.open_end]
            if any(o.end is None for o in ends):
                last.end, last.open_end = None, False
            elif ends:
                last.end, last.open_end = max(o.end for o in ends), False
            continue
        out.append(Office(office.country, office.portfolio, office.start, office.end, office.source,
                          office.open_end, office.approximate))
    out.sort(key=lambda o: (o.start or date.min, o.country, o.portfolio))
    return out


def _close_open_ends(persons: list[dict]) -> None:
    """An office whose end the source could not know (the file ended) ends where a later
    holder of the same post begins, when one is known."""
    posts: dict[tuple[str, str], list[tuple[Office, int]]] = {}
    for n, person in enumerate(persons):
        for office in person["offices"]:
            if office.portfolio != "other":
                posts.setdefault((office.country, office.portfolio), []).append((office, n))
    for entries in posts.values():
        for office, n in entries:
            if not (office.open_end and office.end is None and office.start):
                continue
            later = [o.start for o, m in entries if m != n and o.start and o.start > office.start
                     and (o.end is None or o.end > o.start)]
            if later:
                office.end = min(later)


def _assign_ids(persons: list[dict]) -> None:
    persons.sort(key=lambda p: (p["offices"][0].start or date.min, p["family"], p["given"] or ""))
    seen: dict[str, int] = {}
    for person in persons:
        base = "-".join(x for x in (person["country"], slug(person["family"]), slug(person["given"] or "")) if x)
        if base.endswith(person["country"]):
            base = f"{base}-{'-'.join(f'{ord(c):x}' for c in person['family'][:4])}"
        if base not in seen:  # the earliest in office keeps the plain id; later namesakes add a year
            seen[base] = 1
            person["id"] = base
            continue
        start = person["offices"][0].start
        candidate = f"{base}-{start.year}" if start else f"{base}-x"
        seen[candidate] = seen.get(candidate, 0) + 1
        person["id"] = candidate if seen[candidate] == 1 else f"{candidate}-{seen[candidate]}"


def render(persons: list[dict]) -> str:
    lines = ["# id\tgiven\tfamily\torder\tvariants\toffices\tsources  "
             "(built by tools/build_officeholders.py; sources and licences: NOTICE.md)"]
    for p in persons:
        offices = ";".join(f"{o.country}:{o.portfolio}:{o.start or ''}:{o.end or ''}" for o in p["offices"])
        lines.append("\t".join((p["id"], p["given"] or "", p["family"], p["order"], "|".join(p["variants"]),
                                offices, ",".join(p["sources"]))))
    return "\n".join(lines) + "\n"
