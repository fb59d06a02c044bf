"""A–Z and subject listings read a page at a time from the index, in each alphabet's order.

A build sorts every term of each language by its alphabet
(:func:`~glossary.text.alphabets.sort_string`: Kazakh ә after а, і after ы)
and gives each its rank within its first letter.  The rank goes into an
index key, with everything a listing shows::

    browse_L        letter␟rank␟type␟status␟concept-id␟term      one per term in language L
    subject_order   subject␟L␟rank␟concept-id␟label              one per subject of a concept and language L

Ranks are zero-padded, so the index's term dictionary holds the keys in
listing order, and a page is a seek to ``letter␟rank`` plus the page's
keys: O(page), whatever the size of the letter, and no stored document is
read.  Jumping to a prefix is a binary search over the ranks of one letter.
Subject listings are ordered by each concept's label in L, the way a page
in that interface language shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from glossary.model import Concept, Term
from glossary.search.schema import KEY_SEPARATOR
from glossary.text.alphabets import first_letter, sort_string

SUBJECT_ORDER = "subject_order"
#: Ranks have this many digits; a letter or subject may hold up to 10⁸ entries.
RANK_DIGITS = 8

#: Seeks the term dictionary: yields the keys of ``field`` from ``start`` on, in order (bytes or str).
KeysFrom = Callable[[str, str], Iterable[object]]


def browse_field(lang: str) -> str:
    return f"browse_{lang}"


@dataclass(frozen=True)
class BrowseEntry:
    """One line of a letter page: a term (text, type, status) and the concept it names."""

    term: Term
    concept_id: str
    rank: int


@dataclass(frozen=True)
class SubjectEntry:
    """One line of a subject page: a concept and its label in the listing's language."""

    concept_id: str
    label: str
    rank: int


def _rank(rank: int) -> str:
    return f"{rank:0{RANK_DIGITS}d}"


def browse_keys(concepts: Sequence[Concept], languages: Iterable[str]) -> list[dict[str, list[str]]]:
    """For each concept (by position), its ``browse_L`` and ``subject_order`` keys.

    The whole term base is sorted here, once per build: that is what lets a
    request read only its page.
    """
    keys: list[dict[str, list[str]]] = [{} for _ in concepts]
    for lang in languages:
        field = browse_field(lang)
        entries = [
            (sort_string(term.text, lang), position, term)
            for position, concept in enumerate(concepts)
            for _, term in concept.terms(lang)
        ]
        entries.sort(key=lambda entry: (entry[0], entry[1]))
        ranks: dict[str, int] = {}
        for _, position, term in entries:
            letter = first_letter(term.text, lang)
            rank = ranks.get(letter, 0)
            ranks[letter] = rank + 1
            parts = (letter, _rank(rank), term.type, term.status, concepts[position].id, term.text)
            keys[position].setdefault(field, []).append(KEY_SEPARATOR.join(parts))
        del entries
        labelled: dict[str, list[tuple[str, int, str]]] = {}
        for position, concept in enumerate(concepts):
            if concept.subjects:
                label = concept.label(lang)
                for subject in dict.fromkeys(concept.subjects):
                    labelled.setdefault(subject, []).append((sort_string(label, lang), position, label))
        for subject, members in labelled.items():
            members.sort(key=lambda entry: (entry[0], entry[1]))
            for rank, (_, position, label) in enumerate(members):
                parts = (subject, lang, _rank(rank), concepts[position].id, label)
                keys[position].setdefault(SUBJECT_ORDER, []).append(KEY_SEPARATOR.join(parts))
    return keys


def _texts(keys_from: KeysFrom, field: str, prefix: str, start: int, size: int) -> Iterator[str]:
    """At most ``size`` keys of ``field`` under ``prefix``, from rank ``start`` on, prefix removed."""
    if size <= 0 or start < 0:
        return
    for count, key in enumerate(keys_from(field, prefix + _rank(start))):
        text = key.decode("utf-8") if isinstance(key, bytes) else str(key)
        if count >= size or not text.startswith(prefix):
            return
        yield text[len(prefix) :]


def letter_page(keys_from: KeysFrom, lang: str, letter: str, start: int, size: int) -> list[BrowseEntry]:
    """The terms of ``lang`` starting with ``letter``, ranks ``start`` to ``start + size``, in alphabet order."""
    entries = []
    for text in _texts(keys_from, browse_field(lang), letter + KEY_SEPARATOR, start, size):
        rank, kind, status, concept_id, term = text.split(KEY_SEPARATOR, 4)
        entries.append(BrowseEntry(Term(term, type=kind, status=status), concept_id, int(rank)))
    return entries


def prefix_rank(keys_from: KeysFrom, lang: str, letter: str, count: int, prefix: str) -> int:
    """The rank of the first term of ``letter`` (``count`` of them) that sorts at or after ``prefix``.

    A binary search: O(log count) seeks.  ``count`` when every term sorts before it.
    """
    wanted = sort_string(prefix, lang)
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        found = letter_page(keys_from, lang, letter, middle, 1)
        if found and sort_string(found[0].term.text, lang) < wanted:
            low = middle + 1
        else:
            high = middle
    return low


def subject_page(keys_from: KeysFrom, subject_id: str, lang: str, start: int, size: int) -> list[SubjectEntry]:
    """The concepts filed under ``subject_id``, ranks ``start`` to ``start + size``, by their label in ``lang``."""
    prefix = KEY_SEPARATOR.join((subject_id, lang, ""))
    entries = []
    for text in _texts(keys_from, SUBJECT_ORDER, prefix, start, size):
        rank, concept_id, label = text.split(KEY_SEPARATOR, 2)
        entries.append(SubjectEntry(concept_id, label, int(rank)))
    return entries
