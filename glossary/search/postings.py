"""Posting lists read straight from each segment, with as few term-dictionary probes as Whoosh allows.

A probe (hash the key, read its bucket from the ``.trm`` file, compare
keys) is the unit of work of a search here: a query makes dozens.  Whoosh's
own readers ask twice for every key that exists (``key in reader``, then
``reader.postings``), and a multi-segment reader (``glossary build --procs
2``) asks each segment twice more.  This reader asks each segment once: a
key that is absent costs one probe per segment, a key that is present one
(two when its length decides how it is scored).  A key made of characters
that no key of its field uses (see :class:`glossary.search.aggregates.KeyLetters`)
costs none.
"""

from __future__ import annotations

from collections.abc import Mapping

from whoosh.reading import IndexReader, TermNotFound


class Postings:
    """Document numbers and weights of keys, across the segments of one open reader."""

    def __init__(self, reader: IndexReader, key_letters: Mapping[str, frozenset[str]] | None = None) -> None:
        """``key_letters``: per field, the characters its keys use (a field not named there is always probed)."""
        self._leaves: list[tuple[IndexReader, int]] = list(reader.leaf_readers())
        self._key_letters = key_letters or {}
        # A field no document of a segment filled (text_en in a base with Kazakh definitions only) costs no probe.
        self._filled: dict[str, list[tuple[IndexReader, int]]] = {}

    def _leaves_with(self, fieldname: str, key: str) -> list[tuple[IndexReader, int]]:
        """The segments that may hold ``key`` in ``fieldname``."""
        letters = self._key_letters.get(fieldname)
        if letters is not None and not letters.issuperset(key):
            return []
        leaves = self._filled.get(fieldname)
        if leaves is None:
            leaves = self._filled[fieldname] = [
                (leaf, offset) for leaf, offset in self._leaves if fieldname in leaf.indexed_field_names()
            ]
        return leaves

    def foreign_letters(self, fieldname: str, word: str) -> int:
        """How many letters of ``word`` no key of ``fieldname`` uses: each costs an edit to correct (0 if unknown).

        A fuzzy look-up allowing fewer edits than that cannot find anything, so it need not run.
        """
        letters = self._key_letters.get(fieldname)
        return 0 if letters is None else sum(1 for letter in word if letter not in letters)

    def ids(self, fieldname: str, key: str) -> list[int]:
        """The documents holding ``key`` in ``fieldname``, ascending; [] for an unknown key."""
        found: list[int] = []
        for leaf, offset in self._leaves_with(fieldname, key):
            try:
                matcher = leaf.postings(fieldname, key)
            except TermNotFound:
                continue
            found.extend(docnum + offset for docnum in matcher.all_ids())
        return found

    def doc_frequency(self, fieldname: str, key: str) -> int:
        """How many documents hold ``key`` (0 for an unknown key)."""
        total = 0
        for leaf, _ in self._leaves_with(fieldname, key):
            try:
                total += leaf.term_info(fieldname, key).doc_frequency()
            except TermNotFound:
                continue
        return total

    def weights(self, fieldname: str, key: str) -> list[tuple[int, float]]:
        """``(docnum, weight)`` for every document holding ``key``; [] for an unknown key."""
        found: list[tuple[int, float]] = []
        for leaf, offset in self._leaves_with(fieldname, key):
            try:
                matcher = leaf.postings(fieldname, key)
            except TermNotFound:
                continue
            found.extend((docnum + offset, weight) for docnum, weight in matcher.items_as("weight"))
        return found
