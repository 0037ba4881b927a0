"""``python -m bilatextract.routing_accuracy FILE.jsonl``: how often routing picks the right language.

FILE has one JSON object a line with ``text`` and the expected ``lang`` (as
``../shared/corpus/langid-short-dev.jsonl``); prints the misroutes and the accuracy.
"""

from __future__ import annotations

from .routing import main

if __name__ == "__main__":
    raise SystemExit(main())
