"""Build the office-holder knowledge, ``models/common/officeholders/persons.tsv``.

Usage: ``python tools/build_officeholders.py ../shared/data/cabinets [OUTDIR]``

Reads the raw cabinet files (WhoGov, the UK IfG Ministers Database, fivethirtyeight's US
cabinet turnover, the Japanese cabinet database), the mappings of ``build.toml`` and the
hand-curated ``supplement.toml`` (both in ``models/common/officeholders/``), merges the same
person across sources and years, and writes one line per person, sorted by id, with no
timestamp: the same inputs give the same bytes. The library reads only the output.
"""

from __future__ import annotations

import csv
import sys
import tomllib
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_officeholders_merge import Rec, Registry, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "models" / "common" / "officeholders"


def _d(text: str) -> date | None:
    text = (text or "").strip()
    if not text or text.upper() == "NA":
        return None
    year, month, day = (int(part) for part in text.replace("/", "-").split("-"))
    return date(year, month, day)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def read_whogov(folder: Path, cfg: dict, reg: Registry) -> dict[tuple[str, int, str], Rec]:
    """Yearly July snapshots -> terms; returns (country, year, portfolio) -> holder for JP linking."""
    wcfg = cfg["whogov"]
    iso = wcfg["iso3"]
    rows = _csv(folder / "WhoGov_crosssectional_V3.1.csv")
    years: dict[tuple[str, str], dict[int, Rec]] = {}
    last_year: dict[str, int] = {}
    snapshot: dict[tuple[str, int, str], Rec] = {}
    for row in rows:
        cc = iso.get(row["country_isocode"])
        if cc is None or row["country_name"] == "Czechoslovakia":
            continue
        year = int(row["year"])
        last_year[cc] = max(last_year.get(cc, year), year)
        for column, portfolio in wcfg["columns"].items():
            name = row[column].strip()
            if not name or name in ("NA", "Na"):
                continue
            rec = reg.whogov_person(cc, name, cfg)
            years.setdefault((cc, portfolio), {})[year] = rec
            snapshot[(cc, year, portfolio)] = rec
        start = _d(row["leader_start_date"])
        since = wcfg["leader_from"].get(cc)
        if row["leader"] not in ("", "NA", "Na") and start is not None and (
                row["system_category"] in wcfg["leader_systems"] or (since is not None and start >= since)):
            rec = reg.whogov_person(cc, row["leader"], cfg)
            end = _d(row["leader_end_date"])
            rec.add_office(cc, "head_of_government", start, end, "whogov", open_end=end is None)
            snapshot[(cc, year, "head_of_government")] = rec
    for (cc, portfolio), by_year in years.items():
        run: list[int] = []
        for year in sorted(by_year) + [None]:  # type: ignore[operator]
            if run and (year is None or year != run[-1] + 1 or by_year[year] is not by_year[run[0]]):
                rec = by_year[run[0]]
                is_last = run[-1] == last_year[cc]
                end = None if is_last else date(run[-1] + 1, 1, 1)
                rec.add_office(cc, portfolio, date(run[0], 1, 1), end, "whogov", open_end=is_last,
                               approximate=True)
                run = []
            if year is not None:
                run.append(year)
    return snapshot


def read_uk(folder: Path, cfg: dict, reg: Registry) -> None:
    ucfg = cfg["uk"]
    people: dict[str, list[dict[str, str]]] = {}
    for row in _csv(folder / "person.csv"):
        people.setdefault(row["id"], []).append(row)
    posts = {row["id"]: row for row in _csv(folder / "post.csv")}
    orgs = {row["id"]: row for row in _csv(folder / "organisation.csv")}
    full_cabinet = {row["appointment_id"] for row in _csv(folder / "appointment_characteristics.csv")
                    if row["cabinet_status"] == "Full cabinet"}
    for row in sorted(_csv(folder / "appointment.csv"), key=lambda r: (r["start_date"], r["id"])):
        post = posts[row["post_id"]]
        org = orgs[post["organisation_id"]]["short_name"]
        if org in ucfg["skip_organisations"]:
            continue
        if post["rank_equivalence"] not in ucfg["ranks"] and row["id"] not in full_cabinet:
            continue
        portfolio = ucfg["posts"].get(post["name"]) or ucfg["organisations"].get(org, "other")
        rec = reg.uk_person(row["person_id"], people[row["person_id"]], cfg)
        end = _d(row["end_date"])
        rec.add_office("GB", portfolio, _d(row["start_date"]), end, "ifg")


def _us_date(text: str) -> date | None:
    parts = text.strip().split("/")
    if len(parts) != 3:
        return None
    month, day, year = (int(p) for p in parts)
    return date(year + (1900 if year > 50 else 2000), month, day)


def read_us(folder: Path, cfg: dict, reg: Registry) -> None:
    positions = cfg["us"]["positions"]
    for row in _csv(folder / "cabinet-turnover.csv"):
        portfolio = positions.get(row["position"])
        start = _us_date(row["start_date"])
        if portfolio is None or start is None:
            continue
        end = _us_date(row["end_date"])
        rec = reg.named_person("US", row["appointee"], "fte", cfg)
        rec.add_office("US", portfolio, start, end, "fte", open_end=end is None)


def jp_portfolio(post: str, jcfg: dict) -> str | None:
    post = post.strip()
    if any(marker in post for marker in jcfg["skip_markers"]):
        return None
    if post in jcfg["posts"]:
        return jcfg["posts"][post]
    if post.endswith(tuple(jcfg["post_endings"])) or post.startswith(tuple(jcfg["post_beginnings"])) \
            or post in jcfg["other_posts"]:
        return "other"
    return None


def read_jp(folder: Path, cfg: dict, reg: Registry, snapshot: dict) -> list[str]:
    """Japanese appointments; romanised from the supplement's [jp_names] or, for the WhoGov
    posts, from the WhoGov holder of the same post at the July snapshot. Returns conflicts."""
    jcfg = cfg["jp"]
    rows = _csv(folder / "jp_ministers_DERIVED.csv")
    for row in rows:
        portfolio = jp_portfolio(row["PostName"], jcfg)
        start = _d(row["AppointmentDate"])
        if portfolio is None or start is None or start.year < jcfg["first_year"]:
            continue
        end = _d(row["ResignationDate"])
        kanji = row["PersonName"].strip()  # the file's PersonIDs are not reliable; names are
        rec = reg.jp_person(kanji, kanji)
        rec.add_office("JP", portfolio, start, end, "jpdb")
        for year in range(start.year, (end or date(2024, 1, 1)).year + 1):
            # a post held well around the July snapshot (cabinets change in early July too)
            if start <= date(year, 6, 1) and (end is None or date(year, 8, 1) < end):
                holder = snapshot.get(("JP", year, portfolio))
                if holder is not None:
                    reg.candidates.setdefault(kanji, []).append(holder)
    conflicts, chosen = [], {}
    for pid, holders in sorted(reg.candidates.items()):
        counts: dict[int, int] = {}
        for holder in holders:
            counts[id(holder)] = counts.get(id(holder), 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if len(ranked) == 1 or ranked[0] > 2 * ranked[1]:
            best = max(holders, key=lambda h: counts[id(h)])
            chosen.setdefault(id(best), []).append((counts[id(best)], pid, best))
        else:
            conflicts.append(f"JP {reg.jp[pid].kanji}: {', '.join(sorted({h.family for h in holders}))}")
    for options in chosen.values():  # one romanised holder names one person
        options.sort(key=lambda o: (-o[0], o[1]))
        if len(options) > 1 and options[0][0] == options[1][0]:
            conflicts.append(f"JP {options[0][2].family}: {len(options)} persons")
            continue
        reg.union(reg.jp[options[0][1]], options[0][2])
    return conflicts


def _when(value: object) -> date | None:
    if value in (None, "", "-"):
        return None
    return value if isinstance(value, date) else _d(str(value))


def read_supplement(path: Path, cfg: dict, reg: Registry) -> None:
    sup = tomllib.loads(path.read_text(encoding="utf-8"))
    for kanji, (family, given) in sorted(sup.get("jp_names", {}).items()):
        reg.romanise(kanji, family, given)
    for cabinet in sup.get("cabinet", ()):
        cc = cabinet["country"]
        for member in cabinet["members"]:
            fields = [part.strip() for part in member.split("|")] + ["", ""]
            portfolio, given, family, start, end = fields[:5]
            rec = reg.key_person(cc, given or None, family, "supp", cfg, cabinet.get("order"))
            start_day = _when(start) or _when(cabinet["from"])
            end_day = _when(end) if end else _when(cabinet.get("until"))
            rec.add_office(cc, portfolio, start_day, end_day, "supp")
    for entry in sup.get("person", ()):
        rec = reg.key_person(entry["country"], entry.get("given"), entry["family"], "supp", cfg,
                             entry.get("order"))
        rec.variants.update(entry.get("variants", ()))


def build(cabinets: Path, out_dir: Path) -> list[str]:
    cfg = tomllib.loads((DATA / "build.toml").read_text(encoding="utf-8"))
    reg = Registry()
    snapshot = read_whogov(cabinets / "whogov_crosssectional_v3.1", cfg, reg)
    read_uk(cabinets / "ifg_ministers_uk", cfg, reg)
    read_us(cabinets / "fivethirtyeight_us_cabinet_turnover", cfg, reg)
    conflicts = read_jp(cabinets / "jp_cabinet_ministers", cfg, reg, snapshot)
    read_supplement(DATA / "supplement.toml", cfg, reg)
    persons = reg.finish(cfg)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "persons.tsv").write_text(render(persons), encoding="utf-8", newline="\n")
    return conflicts


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    out_dir = Path(argv[2]) if len(argv) > 2 else DATA
    conflicts = build(Path(argv[1]), out_dir)
    for line in conflicts:
        print("unlinked:", line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
