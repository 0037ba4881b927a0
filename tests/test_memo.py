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
