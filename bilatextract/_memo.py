"""A bounded memo: a value computed once per distinct key, for the per-word look-ups of the components.

Vocabularies are Zipfian, so most words of a new document have been judged before; but a stream
of documents has an endless supply of numbers and names, so each memo is emptied when it holds
``MEMO_LIMIT`` entries.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

#: Entries a memo may hold before it is emptied.
MEMO_LIMIT = 200_000


class Memo(dict[Any, Any]):
    """``key -> compute(key)``, computed on first use; ``memo[key]`` is the look-up.

    ``max_key_chars`` keeps long string keys (a URL, a blob without spaces) out of the memo:
    they are computed each time.
    """

    def __init__(self, compute: Callable[[Any], Any], limit: int = MEMO_LIMIT,
                 max_key_chars: int | None = None) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit
        self._max_key_chars = max_key_chars

    def __missing__(self, key: Hashable) -> Any:
        if self._max_key_chars is not None and len(key) > self._max_key_chars:  # type: ignore[arg-type]
            return self._compute(key)
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value
