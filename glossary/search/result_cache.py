"""A per-process cache of search results, for the queries real traffic repeats.

One lives in each :class:`~glossary.search.searcher.Searcher`, so a gunicorn
worker keeps its own, and it is made new whenever the searcher opens a new
index generation: a result can never outlive the index it came from. The
key is the cleaned query with every argument that changes the result.
Results are shared between callers, so they must be treated as read-only
(every caller in this project only reads them).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")

#: Entries per worker: a few MB at most (a result holds references to cached concepts, not copies).
DEFAULT_SIZE = 2048


class ResultCache(Generic[Value]):
    """A thread-safe least-recently-used map with hit and miss counts (for the benchmark)."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Value | None:
        with self._lock:
            value = self._entries.get(key)
            if value is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: Hashable, value: Value) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
