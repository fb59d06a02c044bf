"""A–Z and subject listings read a page at a time from the index, in each alphabet's order.

A build sorts every term of each language by its alphabet
(:func:`~glossary.text.alphabets.sort_string`: Kazakh ә after а, і after ы)
and gives each its rank within its first letter.  The rank goes into a
listing key, with everything a listing shows::

    browse_L        letter␟rank␟type␟status␟concept-id␟term      one per term in language L
    subject_order   subject␟L␟rank␟concept-id␟label              one per subject of a concept and language L

Each field is a sorted key file of the generation (see
:mod:`glossary.search.sorted_keys`).  Ranks are zero-padded, so the file
holds the keys in listing order, and a page is a seek to ``letter␟rank``
plus the page's keys: O(page), whatever the size of the letter, and no
stored document is read.  Jumping to a prefix is a binary search over the ranks of one letter.
Subject listings are ordered by each concept's label in L, the way a page
in that interface language shows it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from glossary.model import Concept, Term
from glossary.search.schema import KEY_SEPARATOR
from glossary.text.alphabets import first_letter, sort_string

SUBJECT_ORDER = "subject_order"
#: The autocomplete keys (:func:`glossary.search.schema.complete_key`), a listing file like the others.
COMPLETE = "complete"
#: Ranks have this many digits; a letter or subject may hold up to 10⁸ entries.
RANK_DIGITS = 8

#: Seeks a listing: yields the keys of ``field`` from ``start`` on, in order.
KeysFrom = Callable[[str, str], Iterable[str]]


def browse_field(lang: str) -> str:
    return f"browse_{lang}"


def listing_fields(languages: Iterable[str]) -> list[str]:
    """Every listing field of an index in ``languages``: each gets a file, empty if no concept has a key."""
    return [COMPLETE, SUBJECT_ORDER, *(browse_field(lang) for lang in languages)]


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


class ListingKeys:
    """The ``browse_L`` and ``subject_order`` keys of every concept, in term-base order, one dict per concept.

    The whole term base is sorted here, once per build: that is what lets a
    request read only its page.  Only the ranks are kept (arrays of ints);
    each concept's key strings are made when its document is written, so a
    million concepts do not hold millions of key strings at once.
    """

    def __init__(self, concepts: Sequence[Concept], languages: Iterable[str]) -> None:
        self._concepts = concepts
        self._languages = tuple(languages)
        self._term_ranks = {lang: _term_ranks(concepts, lang) for lang in self._languages}
        self._subject_ranks = {lang: _subject_ranks(concepts, lang) for lang in self._languages}

    def __iter__(self) -> Iterator[dict[str, list[str]]]:
        term_at = dict.fromkeys(self._languages, 0)
        pair_at = dict.fromkeys(self._languages, 0)
        for concept in self._concepts:
            keys: dict[str, list[str]] = {}
            for lang in self._languages:
                ranks, at = self._term_ranks[lang], term_at[lang]
                for _, term in concept.terms(lang):
                    letter = first_letter(term.text, lang)
                    parts = (letter, _rank(ranks[at]), term.type, term.status, concept.id, term.text)
                    keys.setdefault(browse_field(lang), []).append(KEY_SEPARATOR.join(parts))
                    at += 1
                term_at[lang] = at
                if concept.subjects:
                    ranks, at = self._subject_ranks[lang], pair_at[lang]
                    label = concept.label(lang)
                    for subject in dict.fromkeys(concept.subjects):
                        parts = (subject, lang, _rank(ranks[at]), concept.id, label)
                        keys.setdefault(SUBJECT_ORDER, []).append(KEY_SEPARATOR.join(parts))
                        at += 1
                    pair_at[lang] = at
            yield keys


def _ranks_by_group(order: Iterable[int], groups: Sequence[str], size: int) -> array[int]:
    """For items visited in ``order``, each one's rank within its group (its letter, or its subject)."""
    ranks = array("q", bytes(8 * size))
    counters: dict[str, int] = {}
    for item in order:
        group = groups[item]
        ranks[item] = counters.get(group, 0)
        counters[group] = ranks[item] + 1
    return ranks


def _term_ranks(concepts: Sequence[Concept], lang: str) -> array[int]:
    """Each term of ``lang`` (concept by concept, term by term): its rank within its first letter."""
    texts = [term.text for concept in concepts for _, term in concept.terms(lang)]
    keys = [sort_string(text, lang) for text in texts]
    order = sorted(range(len(texts)), key=keys.__getitem__)  # stable: equal terms stay in term-base order
    del keys
    letters = [first_letter(text, lang) for text in texts]
    return _ranks_by_group(order, letters, len(texts))


def _subject_ranks(concepts: Sequence[Concept], lang: str) -> array[int]:
    """Each (concept, subject) pair, in term-base order: the concept's rank within the subject by its label."""
    subjects: list[str] = []
    keys: list[str] = []
    for concept in concepts:
        if concept.subjects:
            key = sort_string(concept.label(lang), lang)
            for subject in dict.fromkeys(concept.subjects):
                subjects.append(subject)
                keys.append(key)
    order = sorted(range(len(keys)), key=lambda item: (subjects[item], keys[item]))
    return _ranks_by_group(order, subjects, len(keys))


def _texts(keys_from: KeysFrom, field: str, prefix: str, start: int, size: int) -> Iterator[str]:
    """At most ``size`` keys of ``field`` under ``prefix``, from rank ``start`` on, prefix removed."""
    if size <= 0 or start < 0:
        return
    for count, key in enumerate(keys_from(field, prefix + _rank(start))):
        if count >= size or not key.startswith(prefix):
            return
        yield key[len(prefix) :]


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
