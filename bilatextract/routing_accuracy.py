"""``python -m bilatextract.routing_accuracy FILE.jsonl``: how often routing picks the right language.

FILE has one JSON object a line with ``text`` and the expected ``lang`` (as
``../shared/corpus/langid-short-dev.jsonl``); prints the misroutes and the accuracy.
Development tooling: nothing on the path of ``extract`` imports it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .routing import route


def accuracy(path: str | Path) -> tuple[float, list[tuple[str, str, str | None]]]:
    """Routing accuracy on a JSONL file of ``{"text", "lang"}`` lines, and the misroutes
    as (expected, text, routed) triples."""
    total = 0
    wrong: list[tuple[str, str, str | None]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            item = json.loads(line)
            total += 1
            got = route(item["text"]).language
            if got != item["lang"]:
                wrong.append((item["lang"], item["text"], got))
    return (1 - len(wrong) / total if total else 0.0), wrong


def main(argv: list[str] | None = None) -> int:
    """Print the misroutes and the accuracy of the file named in ``argv``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bilatextract.routing_accuracy FILE.jsonl  (lines with 'text' and 'lang')",
              file=sys.stderr)
        return 2
    score, wrong = accuracy(args[0])
    for expected, text, got in wrong:
        print(f"expected {expected}, routed {got}: {text!r}")
    print(f"accuracy {score:.4f} ({len(wrong)} misrouted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
