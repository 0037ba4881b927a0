"""The bounded memo the components use for per-word look-ups."""

from __future__ import annotations

from bilatextract._memo import Memo


def test_computes_once_per_key_and_empties_when_full() -> None:
    calls: list[str] = []

    def compute(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = Memo(compute, limit=3)
    assert [memo["ab"], memo["ab"], memo["abc"]] == [2, 2, 3]
    assert calls == ["ab", "abc"]
    memo["x"]
    assert len(memo) == 3
    memo["yy"]  # full: emptied, then this one kept
    assert dict(memo) == {"yy": 2}


def test_long_keys_are_computed_each_time_not_kept() -> None:
    calls: list[str] = []
    memo = Memo(lambda w: calls.append(w) or w.upper(), max_key_chars=4)
    assert memo["abcdefgh"] == "ABCDEFGH" and memo["abcdefgh"] == "ABCDEFGH"
    assert calls == ["abcdefgh", "abcdefgh"] and "abcdefgh" not in memo


def test_threads_sharing_a_small_memo_always_get_the_computed_value() -> None:
    import threading

    memo = Memo(lambda w: w * 2, limit=7)  # emptied again and again while the threads read
    wrong: list[tuple[str, str]] = []
    start = threading.Barrier(8)

    def reader(n: int) -> None:
        start.wait()
        for i in range(20_000):
            key = f"k{(i * (n + 1)) % 50}"
            value = memo[key]
            if value != key * 2:
                wrong.append((key, value))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == [] and len(memo) <= 7


def test_a_pickled_memo_travels_empty_and_still_computes() -> None:
    import pickle

    memo = Memo(str.upper, limit=5, max_key_chars=10)
    memo["abc"]
    restored = pickle.loads(pickle.dumps(memo))
    assert len(restored) == 0 and restored["xyz"] == "XYZ" and restored["a" * 11] == "A" * 11
    assert "a" * 11 not in restored
