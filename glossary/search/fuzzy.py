"""Near-miss look-up of words: which indexed words are within a few edits of a typed one.

Whoosh's ``terms_within`` builds a Levenshtein automaton in pure Python for
every word, which took over 100 ms per query on a 30k-concept base.  Here
the distinct words of a field are kept in memory grouped by length, and
RapidFuzz (C++) computes optimal-string-alignment distances (a swap of two
adjacent letters is one edit) over the few length groups that can match.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA


class WordLexicon:
    """The distinct words of one index field, grouped by length."""

    def __init__(self, words: Iterable[str]) -> None:
        by_length: dict[int, list[str]] = {}
        for word in words:
            by_length.setdefault(len(word), []).append(word)
        self._by_length = by_length
        self._words = frozenset(word for bucket in by_length.values() for word in bucket)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def near(self, word: str, max_edits: int, limit: int = 5) -> list[tuple[int, str]]:
        """Up to ``limit`` words within ``max_edits`` edits of ``word``, as ``(distance, word)``, closest first."""
        found: list[tuple[int, str]] = []
        for length in range(len(word) - max_edits, len(word) + max_edits + 1):
            bucket = self._by_length.get(length)
            if bucket:
                matches = process.extract(word, bucket, scorer=OSA.distance, score_cutoff=max_edits, limit=limit)
                found.extend((int(distance), candidate) for candidate, distance, _ in matches)
        found.sort()
        return found[:limit]
