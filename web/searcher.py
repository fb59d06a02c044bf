"""One :class:`~glossary.search.Searcher` per worker process, opened once and refreshed when the index is rebuilt.

Opening a searcher costs hundreds of milliseconds, so requests must share
one.  The cache is keyed by index directory and process id: a searcher
inherited through ``fork`` (gunicorn's ``--preload``) shares file offsets
with its parent, so each process opens its own.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from flask import current_app

from glossary.search import Searcher

#: Seconds between checks for a swapped-in index (a readlink, but not on every request).
REFRESH_INTERVAL = 1.0

_lock = threading.Lock()
_searchers: dict[tuple[str, int], tuple[Searcher, list[float]]] = {}


def get_searcher() -> Searcher:
    """The process's searcher for ``current_app.config["INDEX_DIR"]``; raises FileNotFoundError without an index."""
    index_dir = Path(current_app.config["INDEX_DIR"])
    key = (str(index_dir), os.getpid())
    entry = _searchers.get(key)
    now = time.monotonic()
    if entry is None:
        with _lock:
            entry = _searchers.get(key)
            if entry is None:
                entry = (Searcher(index_dir), [now])
                _searchers[key] = entry
        return entry[0]
    searcher, checked = entry
    if now - checked[0] >= REFRESH_INTERVAL:
        checked[0] = now
        searcher.refresh()
    return searcher


def forget_searchers() -> None:
    """Close every cached searcher (tests, and after an index directory is deleted)."""
    with _lock:
        for searcher, _ in _searchers.values():
            searcher.close()
        _searchers.clear()
