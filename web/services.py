"""Per-worker services over the index: one searcher, and recognizers built from it.

One :class:`~glossary.search.searcher.Searcher` per worker process, opened
once and refreshed when the index is rebuilt.  Opening a searcher costs hundreds of milliseconds, so requests must share
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

from glossary.search.result_cache import DEFAULT_SIZE
from glossary.search.searcher import Searcher
from glossary.tools.recognize import Recognizer, freeze_long_lived
from glossary.tools.translation_check import TranslationChecker

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
                size = current_app.config.get(
                    "RESULT_CACHE_SIZE", DEFAULT_SIZE
                )  # 0: every search searches (benchmarks)
                entry = (Searcher(index_dir, result_cache_size=size), [now])
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


# One Recognizer per worker, index version and language.  Building one walks
# every concept of the index, so it is done once and reused by every request;
# a rebuilt index (a new ``built_at``) gets fresh recognizers and the old ones
# are dropped.
_recognizer_lock = threading.Lock()
_recognizers: dict[tuple[int, str, str, int, str], Recognizer] = {}


def get_recognizer(searcher: Searcher, lang: str) -> Recognizer:
    """The recognizer for ``lang`` over the concepts ``searcher`` currently serves."""
    info = searcher.info
    version = (os.getpid(), str(searcher.index_dir), info.built_at, info.concept_count)
    key = (*version, lang)
    recognizer = _recognizers.get(key)
    if recognizer is not None:
        return recognizer
    with _recognizer_lock:
        recognizer = _recognizers.get(key)
        if recognizer is None:
            for stale in [k for k in _recognizers if k[:2] == version[:2] and k[:4] != version]:
                del _recognizers[stale]
            recognizer = Recognizer.from_concepts(searcher.concepts(), lang)
            _recognizers[key] = recognizer
            freeze_long_lived()
    return recognizer


def get_checker(searcher: Searcher, source_lang: str, target_lang: str) -> TranslationChecker:
    return TranslationChecker(get_recognizer(searcher, source_lang), get_recognizer(searcher, target_lang))


def forget_recognizers() -> None:
    """Drop every cached recognizer (tests)."""
    with _recognizer_lock:
        _recognizers.clear()
