"""Dates: bilatextract next to dateparser's ``search_dates``, scored by the referee, timed.

Usage (from a source checkout, with the ``peers`` extra installed)::

    python docs/benchmarks/compare_dateparser.py /work/shared/corpus/dev.jsonl --write docs/accuracy-dates.md

Both systems see the same German and English documents (documents in other languages
are left out: bilatextract declines them by design and their gold has no dates). Each
gets the document's ``published`` date as the anchor for relative dates. dateparser
returns a datetime and no span offsets: its matched substring is located in the text in
order, and its value is written at the granularity dateparser itself reports for that
substring (``DateDataParser.get_date_data(...).period``), so "May 2010" can score as
``2010-05``. Scores come from the referee's algorithm (``bilatextract.scoring.score``);
times are wall-clock medians of several rounds after a warm-up, on one core.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import dateparser
from dateparser.date import DateDataParser
from dateparser.search import search_dates

# Run from a source checkout without installing: the package is two folders up.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bilatextract import Extractor, pipeline  # noqa: E402
from bilatextract.scoring import score  # noqa: E402

LANGS = ("de", "en")
BEGIN = "<!-- compare_dateparser: begin -->"
END = "<!-- compare_dateparser: end -->"


def load(path: Path) -> dict[str, dict[str, Any]]:
    docs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if d.get("lang") in LANGS:
                docs[d["id"]] = d
    return docs


def _anchor(doc: dict[str, Any]) -> dt.datetime | None:
    return dt.datetime.fromisoformat(doc["published"]) if doc.get("published") else None


def run_bilatextract(docs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    items = [{"id": i, "text": d["text"], "published": d.get("published")} for i, d in docs.items()]
    return {doc.id: doc.to_dict() for doc in Extractor().pipe(items)}


def run_bilatextract_dates_only(docs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The same extraction with only the sentencizer and the DATE component switched on."""
    with contextlib.ExitStack() as stack:
        for lang in LANGS:
            stack.enter_context(pipeline.get(lang).select_pipes(enable=["sentencizer", "bilat_dates"]))
        return run_bilatextract(docs)


def _value(period: str, when: dt.datetime) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return when.date().isoformat()


def run_dateparser(docs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for doc_id, doc in docs.items():
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "current_period"}
        if (anchor := _anchor(doc)) is not None:
            settings["RELATIVE_BASE"] = anchor
        text, lang = doc["text"], doc["lang"]
        found = search_dates(text, languages=[lang], settings=settings) or []
        parser = DateDataParser(languages=[lang], settings=settings)
        entities = []
        cursor = 0
        for substring, when in found:
            start = text.find(substring, cursor)
            if start < 0:
                continue
            end = start + len(substring)
            cursor = end
            period = parser.get_date_data(substring).period or "day"
            entities.append({"type": "DATE", "start": start, "end": end, "text": substring,
                             "value": _value(period, when)})
        out[doc_id] = {"id": doc_id, "entities": entities}
    return out


def timed(fn: Any, docs: dict[str, dict[str, Any]], rounds: int) -> tuple[dict[str, Any], float]:
    result = fn(docs)  # warm-up: pipelines, language data and caches loaded
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn(docs)
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def row(name: str, report: dict[str, Any], seconds: float, n_docs: int) -> str:
    lenient, strict = report["lenient"]["DATE"], report["strict"]["DATE"]
    acc = report["attributes"].get("DATE.value", {}).get("accuracy")
    acc_s = "–" if acc is None else f"{acc:.3f}"
    return (f"| {name} | {lenient['precision']:.3f} | {lenient['recall']:.3f} | {lenient['f1']:.3f} | "
            f"{strict['f1']:.3f} | {acc_s} | {seconds / n_docs * 1000:.1f} | {n_docs / seconds:.1f} |")


def table(docs: dict[str, dict[str, Any]], rounds: int) -> str:
    only_dates = {i: {**d, "entities": [e for e in d["entities"] if e["type"] == "DATE"]} for i, d in docs.items()}
    ours, t_ours = timed(run_bilatextract, docs, rounds)
    ours_dates, t_ours_dates = timed(run_bilatextract_dates_only, docs, rounds)
    theirs, t_theirs = timed(run_dateparser, docs, rounds)
    r_ours, r_theirs = score(only_dates, ours), score(only_dates, theirs)
    r_ours_dates = score(only_dates, ours_dates)
    import bilatextract

    n_gold = sum(not e.get("optional") for d in only_dates.values() for e in d["entities"])
    version = getattr(bilatextract, "__version__", "?")
    lines = [
        f"Documents: {len(docs)} (German and English), {n_gold} gold DATE mentions; bilatextract {version}, "
        f"dateparser {dateparser.__version__}, Python {sys.version.split()[0]}, median of {rounds} rounds.",
        "",
        "| system | lenient P | lenient R | lenient F1 | strict F1 | value accuracy | ms/doc | docs/s |",
        "|---|---|---|---|---|---|---|---|",
        row("bilatextract (all four entity types)", r_ours, t_ours, len(docs)),
        row("bilatextract, DATE component only", r_ours_dates, t_ours_dates, len(docs)),
        row("dateparser `search_dates`", r_theirs, t_theirs, len(docs)),
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("gold", type=Path, help="gold JSONL (the dev corpus)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write", type=Path, help="Markdown page whose marked table is replaced")
    args = ap.parse_args()
    result = table(load(args.gold), args.rounds)
    print(result)
    if args.write:
        page = args.write.read_text(encoding="utf-8")
        block = f"{BEGIN}\n{result}\n{END}"
        page = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: block, page, flags=re.S)
        args.write.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
