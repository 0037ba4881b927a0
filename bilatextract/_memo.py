"""A bounded memo: a value computed once per distinct key, for the per-word look-ups of the components.

Vocabularies are Zipfian, so most words of a new document have been judged before; but a stream
of documents has an endless supply of numbers and names, so each memo is emptied when it holds
``MEMO_LIMIT`` entries.

Threads may share a memo: a look-up of a known key is one dict read; a new key is computed
outside any lock (``compute`` must be a pure function of the key) and stored under the memo's
lock, so emptying and storing never interleave. Every look-up returns ``compute(key)``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

#: Entries a memo may hold before it is emptied.
MEMO_LIMIT = 200_000


class Memo(dict[Any, Any]):
    """``key -> compute(key)``, computed on first use; ``memo[key]`` is the look-up.

    ``max_key_chars`` keeps long string keys (a URL, a blob without spaces) out of the memo:
    they are computed each time. A pickled memo travels empty (it is a cache).
    """

    def __init__(self, compute: Callable[[Any], Any], limit: int = MEMO_LIMIT,
                 max_key_chars: int | None = None) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit
        self._max_key_chars = max_key_chars
        self._lock = threading.Lock()

    def __missing__(self, key: Hashable) -> Any:
        if self._max_key_chars is not None and len(key) > self._max_key_chars:  # type: ignore[arg-type]
            return self._compute(key)
        value = self._compute(key)
        with self._lock:
            if len(self) >= self._limit:
                self.clear()
            self[key] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (Memo, (self._compute, self._limit, self._max_key_chars))
