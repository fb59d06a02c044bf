"""One :class:`~glossary.recognize.Recognizer` per worker, index version and language.

Building a recognizer walks every concept of the index, so it is done once
and reused by every request; a rebuilt index (a new ``built_at``) gets fresh
recognizers and the old ones are dropped.
"""

from __future__ import annotations

import os
import threading

from glossary.recognize import Recognizer
from glossary.search import Searcher
from glossary.translation_check import TranslationChecker

_lock = threading.Lock()
_recognizers: dict[tuple[int, str, str, int, str], Recognizer] = {}


def get_recognizer(searcher: Searcher, lang: str) -> Recognizer:
    """The recognizer for ``lang`` over the concepts ``searcher`` currently serves."""
    info = searcher.info
    version = (os.getpid(), str(searcher.index_dir), info.built_at, info.concept_count)
    key = (*version, lang)
    recognizer = _recognizers.get(key)
    if recognizer is not None:
        return recognizer
    with _lock:
        recognizer = _recognizers.get(key)
        if recognizer is None:
            for stale in [k for k in _recognizers if k[:2] == version[:2] and k[:4] != version]:
                del _recognizers[stale]
            recognizer = Recognizer.from_concepts(searcher.concepts(), lang)
            _recognizers[key] = recognizer
    return recognizer


def get_checker(searcher: Searcher, source_lang: str, target_lang: str) -> TranslationChecker:
    return TranslationChecker(get_recognizer(searcher, source_lang), get_recognizer(searcher, target_lang))


def forget_recognizers() -> None:
    """Drop every cached recognizer (tests)."""
    with _lock:
        _recognizers.clear()
