"""An Extractor shared by several threads gives the results of sequential use."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from texts import ITEMS

from bilatextract import Extractor

#: Different documents, so that a component's per-document state leaking between threads
#: would show as entities of one document turning up in another.
DOCS = [dict(item, id=f"{item['id']}-{i}", text=item["text"] + f" Absatz {i}.") for i in range(6) for item in ITEMS]


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
