"""Find every occurrence of a term base's terms in running text.

Terms and text go through the same analysis (:mod:`glossary.recognize_keys`):
each word becomes its folded lemma (plus its folded surface form), so that
"стандарттардың", "ИСО-ның" or "международных стандартов" meet the dictionary
form of a term.  Terms are stored in a token-level trie (a dict of dicts
keyed by those word keys), and the text is walked once, trying every word as
a start; the cost grows with the text, not with the number of terms.

Matches are chosen longest first and never overlap; offsets index the
original text.  A span that designates several concepts (homonyms) yields
one :class:`Occurrence` per concept, all with the same offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from glossary.model import Concept, Term
from glossary.recognize_keys import KeyedText, Keyer

#: Key under which a trie node keeps the terms that end there; never a word key.
_END = ""

#: Alternative key paths inserted per term at most (products of per-word alternatives).
_MAX_PATHS = 16

#: Administrative statuses a translator should no longer use.
DISCOURAGED_STATUSES: frozenset[str] = frozenset({"deprecated", "superseded"})


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One term of one concept found at ``text[start:end]``."""

    start: int
    end: int
    surface: str
    concept_id: str
    term: Term
    lang: str


@dataclass(frozen=True, slots=True)
class _Entry:
    """A term waiting at the trie node where its key path ends."""

    concept_id: str
    term: Term
    words: tuple[str, ...]  # the term's own words, for case-sensitive checks

    def accepts(self, text: str, keyed: KeyedText, first: int, last: int) -> bool:
        if not self.term.case_sensitive:
            return True
        surfaces = [text[keyed.starts[i] : keyed.ends[i]] for i in range(first, last + 1) if keyed.words[i]]
        return len(surfaces) == len(self.words) and all(map(_same_case, self.words, surfaces))


def _same_case(term_word: str, surface: str) -> bool:
    """Whether the surface has the term's upper/lower case pattern over their common length.

    Comparing the case pattern rather than the letters lets "ИСО-ның" match
    "ИСО" (a suffix follows) and "ISO" typed in Latin letters match too,
    while "исо" does not.
    """
    return all(a.isupper() == b.isupper() for a, b in zip(term_word, surface, strict=False))


class Recognizer:
    """Finds the terms of one language in texts of that language.

    Build once per term base and language (it is read-only afterwards and
    safe to share between threads), then call :meth:`find` per text.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.concepts: dict[str, Concept] = {}
        self.term_count = 0
        self._keyer = Keyer(lang)
        self._root: dict[str, Any] = {}

    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], lang: str) -> Recognizer:
        """A recognizer for every term in ``lang`` of ``concepts``."""
        recognizer = cls(lang)
        for concept in concepts:
            recognizer.add(concept)
        return recognizer

    def add(self, concept: Concept) -> None:
        """Add the terms ``concept`` has in this recognizer's language."""
        section = concept.languages.get(self.lang)
        if section is None or not section.terms:
            return
        self.concepts[concept.id] = concept
        for term in section.terms:
            self._add_term(concept.id, term)

    def _add_term(self, concept_id: str, term: Term) -> None:
        keyed = self._keyer.keyed(term.text)
        if not any(keyed.words):
            return
        words = tuple(term.text[s:e] for s, e, w in zip(keyed.starts, keyed.ends, keyed.words, strict=True) if w)
        entry = _Entry(concept_id, term, words)
        self.term_count += 1
        for path in _paths(keyed.keys):
            node = self._root
            for key in path:
                node = node.setdefault(key, {})
            entries: list[_Entry] = node.setdefault(_END, [])
            if entry not in entries:
                entries.append(entry)

    def find(self, text: str, *, overlapping: bool = False) -> list[Occurrence]:
        """Every term occurrence in ``text``, ordered by position.

        By default the longest matches win and no two spans overlap.  With
        ``overlapping=True`` every match is returned, including terms nested
        in longer ones (a translation check counts those too).
        """
        keyed = self._keyer.keyed(text)
        candidates = self._candidates(text, keyed)
        if not overlapping:
            candidates = _longest_first(candidates)
        occurrences: list[Occurrence] = []
        for first, last, entries in sorted(candidates, key=lambda c: (keyed.starts[c[0]], -keyed.ends[c[1]])):
            start, end = keyed.starts[first], keyed.ends[last]
            surface = text[start:end]
            for entry in _one_per_concept(entries, surface):
                occurrences.append(Occurrence(start, end, surface, entry.concept_id, entry.term, self.lang))
        return occurrences

    def _candidates(self, text: str, keyed: KeyedText) -> list[tuple[int, int, list[_Entry]]]:
        """Every (first item, last item, entries) whose key path is in the trie."""
        root = self._root
        keys, words = keyed.keys, keyed.words
        count = len(keys)
        found: list[tuple[int, int, list[_Entry]]] = []
        for first in range(count):
            if not words[first]:
                continue
            nodes = [child for key in keys[first] if (child := root.get(key)) is not None]
            last = first
            while nodes:
                if words[last]:
                    ended = [
                        entry
                        for node in nodes
                        for entry in node.get(_END, ())
                        if entry.accepts(text, keyed, first, last)
                    ]
                    if ended:
                        found.append((first, last, ended))
                last += 1
                if last >= count:
                    break
                nodes = [child for node in nodes for key in keys[last] if (child := node.get(key)) is not None]
        return found


def _paths(alternatives: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Key paths for one term: the first key of each word, plus the other combinations up to a bound."""
    paths: list[tuple[str, ...]] = [()]
    for keys in alternatives:
        paths = [(*path, key) for path in paths for key in keys]
        if len(paths) > _MAX_PATHS:
            paths = paths[:_MAX_PATHS]
    return paths


def _longest_first(candidates: list[tuple[int, int, list[_Entry]]]) -> list[tuple[int, int, list[_Entry]]]:
    """Keep the longest candidates that do not overlap an already kept one (ties: leftmost)."""
    taken: set[int] = set()
    kept: list[tuple[int, int, list[_Entry]]] = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        first, last, _ = candidate
        span = range(first, last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(candidate)
    return kept


def _one_per_concept(entries: list[_Entry], surface: str) -> list[_Entry]:
    """One entry per concept: the term spelt like the surface if any, else an allowed one, else the first."""
    by_concept: dict[str, _Entry] = {}
    lowered = surface.casefold()
    for entry in entries:
        current = by_concept.get(entry.concept_id)
        if current is None or _rank(entry, lowered) < _rank(current, lowered):
            by_concept[entry.concept_id] = entry
    return list(by_concept.values())


def _rank(entry: _Entry, lowered_surface: str) -> tuple[bool, bool]:
    return (entry.term.text.casefold() != lowered_surface, entry.term.status in DISCOURAGED_STATUSES)


def occurrence_to_dict(occurrence: Occurrence, concept: Concept | None) -> dict[str, Any]:
    """An occurrence as JSON-ready data: offsets, the surface, the matched term and the concept's terms."""
    terms: dict[str, list[dict[str, str]]] = {}
    if concept is not None:
        for lang, term in concept.terms():
            terms.setdefault(lang, []).append({"text": term.text, "type": term.type, "status": term.status})
    return {
        "start": occurrence.start,
        "end": occurrence.end,
        "surface": occurrence.surface,
        "term": {"text": occurrence.term.text, "lang": occurrence.lang, "status": occurrence.term.status},
        "concept": {"id": occurrence.concept_id, "terms": terms},
    }
