"""Scoring predictions against gold, exactly as the referee (``shared/tools/score.py``) does.

Each predicted entity is paired with at most one gold entity of the same type and
document; strict pairs need identical offsets, lenient pairs overlap and are chosen
by largest overlap. Gold entities marked ``optional`` are ignored, with any prediction
that overlaps them.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

TYPES = ("MINISTRY", "MINISTER", "DATE", "AGREEMENT")
ATTRS = {
    "MINISTRY": ("country", "portfolio"),
    "MINISTER": ("family_name", "country", "portfolio"),
    "DATE": ("value",),
    "AGREEMENT": (),
}

Doc = Mapping[str, Any]


def _overlap(a: Doc, b: Doc) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _pair(gold: list[Doc], pred: list[Doc], strict: bool) -> list[tuple[Doc, Doc]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if strict:
                if (g["start"], g["end"]) == (p["start"], p["end"]):
                    candidates.append((g["end"] - g["start"], gi, pi))
            elif (o := _overlap(g, p)) > 0:
                candidates.append((o, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def _norm(attr: str, value: object) -> str | None:
    if value is None:
        return None
    v = str(value).strip()
    if attr == "family_name":  # "Kōno" = "KONO" = "Kono"
        v = "".join(c for c in unicodedata.normalize("NFKD", v) if not unicodedata.combining(c))
        return v.casefold()
    return v


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(gold_docs: Mapping[str, Doc], pred_docs: Mapping[str, Doc]) -> dict[str, Any]:
    """The referee's report: strict and lenient P/R/F1 per type, attribute accuracy, errors."""
    counts = {m: defaultdict(lambda: [0, 0, 0]) for m in ("strict", "lenient")}
    attr_hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[tuple[str, str, str, str]] = []
    for doc_id, gd in gold_docs.items():
        pd = pred_docs.get(doc_id, {"entities": []})
        for t in TYPES:
            gold_all = [e for e in gd["entities"] if e["type"] == t]
            gold = [e for e in gold_all if not e.get("optional")]
            optional = [e for e in gold_all if e.get("optional")]
            pred = [e for e in pd.get("entities", []) if e.get("type") == t
                    and not any(_overlap(e, o) for o in optional)]
            for mode in ("strict", "lenient"):
                pairs = _pair(gold, pred, mode == "strict")
                c = counts[mode][t]
                c[0] += len(pairs)
                c[1] += len(pred)
                c[2] += len(gold)
                if mode != "lenient":
                    continue
                matched_g = {id(g) for g, _ in pairs}
                matched_p = {id(p) for _, p in pairs}
                errors += [(doc_id, "missed", t, g["text"]) for g in gold if id(g) not in matched_g]
                errors += [(doc_id, "spurious", t, gd["text"][p["start"]:p["end"]])
                           for p in pred if id(p) not in matched_p]
                for g, p in pairs:
                    for a in ATTRS[t]:
                        if a not in g:
                            continue
                        h = attr_hits[f"{t}.{a}"]
                        h[1] += 1
                        if _norm(a, g[a]) == _norm(a, p.get(a)):
                            h[0] += 1
                        else:
                            errors.append((doc_id, f"wrong {a}", t,
                                           f"{g['text']!r}: gold {g[a]!r}, got {p.get(a)!r}"))
    report: dict[str, Any] = {}
    for mode, per_type in counts.items():
        rows = {}
        total = [0, 0, 0]
        for t in TYPES:
            tp, n_pred, n_gold = per_type[t]
            total = [total[0] + tp, total[1] + n_pred, total[2] + n_gold]
            rows[t] = _prf(tp, n_pred, n_gold)
        rows["ALL"] = _prf(*total)
        report[mode] = rows
    report["attributes"] = {k: {"accuracy": round(h[0] / h[1], 4) if h[1] else None, "n": h[1]}
                            for k, h in sorted(attr_hits.items())}
    report["errors"] = errors
    return report


def format_report(report: Mapping[str, Any], *, errors: bool = False) -> str:
    """The report as the referee prints it."""
    lines = []
    for mode in ("strict", "lenient"):
        lines.append(f"{mode:8s} {'type':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s}")
        for t, r in report[mode].items():
            lines.append(f"{'':8s} {t:10s} {r['precision']:6.3f} {r['recall']:6.3f} "
                         f"{r['f1']:6.3f} {r['gold']:5d}")
    lines.append("attribute accuracy (lenient pairs)")
    for k, v in report["attributes"].items():
        acc = "-" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"  {k:22s} {acc:>6s}  n={v['n']}")
    if errors:
        lines += ["   | " + " | ".join(e) for e in report["errors"]]
    return "\n".join(lines)
