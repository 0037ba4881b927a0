"""An Extractor shared by many threads gives the results of sequential use, from a cold start too.

The cold-start tests run in fresh processes (nothing built, no detector profiles loaded, no
memos filled), start many threads at once on texts that reach every shared table (both
pipelines, langdetect on texts the cue leaves open, the lemma vocabulary on short headlines,
unsupported languages, mixed documents), and compare with a fresh process working sequentially.
Several rounds, since a race shows only now and then. No timing is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import subprocess_env
from texts import ITEMS

from bilatextract import Extractor

#: Different documents, so that a component's per-document state leaking between threads
#: would show as entities of one document turning up in another.
DOCS = [dict(item, id=f"{item['id']}-{i}", text=item["text"] + f" Absatz {i}.") for i in range(6) for item in ITEMS]

#: Short and other-language texts: langdetect and the lemma vocabulary are asked for these.
OPEN = ["Presse & Publikationen", "22.07.2020 - Article", "Haushalt beschlossen", "Latest news",
        "Visita della ministra a Tokyo", "Conseil des ministres", "Gipfel in Madrid", "外務大臣会談の概要",
        "Talks at the Chancellery", "Noticias del ministerio"]

COLD = r"""
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
import bilatextract

# Switch threads as often as the interpreter can, so that races show within a short run.
sys.setswitchinterval(1e-6)

docs = json.loads(sys.stdin.read())
extractor = bilatextract.Extractor()


def one(d):
    return extractor.extract(d["text"], reference_date=d.get("published"), id=d["id"]).to_dict()


if sys.argv[1] == "threads":
    # Every thread waits at the barrier, so all of them hit the cold tables at once.
    barrier = threading.Barrier(16)

    def first(d):
        barrier.wait()
        return one(d)

    with ThreadPoolExecutor(max_workers=16) as pool:
        out = list(pool.map(first, docs[:16])) + list(pool.map(one, docs[16:]))
else:
    out = [one(d) for d in docs]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _cold_docs() -> list[dict]:
    from test_routing import FRENCH_LONG, ITALIAN_LONG, JAPANESE_LONG, SPANISH_LONG

    # First, long texts in other languages and short open ones: all sixteen threads at the barrier
    # ask the language detector at once, on a cold process.
    others = [FRENCH_LONG, SPANISH_LONG, ITALIAN_LONG, JAPANESE_LONG]
    first = [{"id": f"other-{i}", "text": (others[i % 4] + " ") * (1 + i // 4)} for i in range(8)]
    first += [{"id": f"open-{i}", "text": t} for i, t in enumerate(OPEN)]
    docs = [dict(d) for d in DOCS]
    # Then the documents in both languages, interleaved.
    return first + sorted(docs, key=lambda d: (zlib.crc32(d["id"].encode()) % 7, d["id"]))


def _run_cold(mode: str, docs: list[dict]) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", COLD, mode], input=json.dumps(docs), capture_output=True,
                          text=True, env=subprocess_env(), timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def cold_sequential() -> tuple[list[dict], list[dict]]:
    docs = _cold_docs()
    return docs, _run_cold("sequential", docs)


@pytest.mark.parametrize("round_", range(3))
def test_many_threads_from_a_cold_start_match_sequential_output(cold_sequential, round_: int) -> None:
    docs, sequential = cold_sequential
    assert any(d["entities"] for d in sequential)
    assert sum(d["supported"] is False for d in sequential) >= 3  # the detector was asked
    threaded = _run_cold("threads", docs)
    assert [d["id"] for d in threaded] == [d["id"] for d in docs]
    for got, want in zip(threaded, sequential, strict=True):
        assert got == want, got["id"]


def test_threads_sharing_one_extractor_match_sequential_results():
    extractor = Extractor()
    sequential = [extractor.extract(d["text"], reference_date=d.get("published"), id=d["id"]).to_dict()
                  for d in DOCS]
    assert any(s["entities"] for s in sequential)

    def one(d):
        return extractor.extract(d["text"], reference_date=d.get("published"), id=d["id"]).to_dict()

    with ThreadPoolExecutor(max_workers=6) as pool:
        threaded = list(pool.map(one, DOCS))
    assert threaded == sequential


def test_threads_each_piping_batches_match_sequential_results():
    extractor = Extractor()
    batches = [DOCS[i::4] for i in range(4)]
    sequential = [[d.to_dict() for d in extractor.pipe(batch, batch_size=3)] for batch in batches]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda b: [d.to_dict() for d in Extractor().pipe(b, batch_size=3)], batches))
    assert threaded == sequential
