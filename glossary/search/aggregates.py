"""Counts the about and browse pages show, computed once at build time and stored with the generation.

At a million concepts, counting terms or letters per request would read the
whole index; a build counts them in the pass it makes anyway and writes them
to ``aggregates.json`` beside ``meta.json``.  The file stays small whatever
the size of the term base: counts only, never lists of ids (a letter page
finds its entries through the index, see :mod:`glossary.search.browse`).

It also records which characters each key field's keys are made of
(:class:`KeyLetters`): a query key with any other character cannot equal a
key of that field, so the searcher skips its look-up.  A Cyrillic query then
costs no probe in an English-only field, nor a Latin one in a Kazakh field.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.model import Concept
from glossary.text.alphabets import OTHER, alphabet, first_letter

AGGREGATES_FILE = "aggregates.json"
#: Bumped whenever the file's content changes meaning; a generation with another format is stale.
AGGREGATES_FORMAT = 1


@dataclass(frozen=True)
class Aggregates:
    """What the term base holds, counted: concepts, terms per language and status, subjects, letters."""

    concepts: int = 0
    terms: int = 0
    terms_by_language: dict[str, int] = field(default_factory=dict)
    terms_by_status: dict[str, int] = field(default_factory=dict)
    #: Concepts filed directly under each subject (not under its narrower fields).
    subjects: dict[str, int] = field(default_factory=dict)
    #: Per language, the terms starting with each letter (or :data:`OTHER`); only letters in use.
    letters: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Per key field (``term_L``, ``words_L``, ``text_L``), every character its keys use; absent: unknown.
    key_letters: dict[str, frozenset[str]] = field(default_factory=dict)

    def letter_count(self, lang: str, letter: str) -> int:
        return self.letters.get(lang, {}).get(letter, 0)

    def letter_row(self, lang: str) -> list[tuple[str, int]]:
        """Every letter of ``lang``'s alphabet in its order, then :data:`OTHER`, each with its term count."""
        counts = self.letters.get(lang, {})
        return [(letter, counts.get(letter, 0)) for letter in [*alphabet(lang), OTHER]]

    def subject_count(self, subject_id: str) -> int:
        return self.subjects.get(subject_id, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": AGGREGATES_FORMAT,
            "concepts": self.concepts,
            "terms": self.terms,
            "terms_by_language": self.terms_by_language,
            "terms_by_status": self.terms_by_status,
            "subjects": self.subjects,
            "letters": self.letters,
            "key_letters": {name: "".join(sorted(chars)) for name, chars in sorted(self.key_letters.items())},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Aggregates:
        return cls(
            concepts=int(data.get("concepts", 0)),
            terms=int(data.get("terms", 0)),
            terms_by_language={str(k): int(v) for k, v in data.get("terms_by_language", {}).items()},
            terms_by_status={str(k): int(v) for k, v in data.get("terms_by_status", {}).items()},
            subjects={str(k): int(v) for k, v in data.get("subjects", {}).items()},
            letters={
                str(lang): {str(k): int(v) for k, v in counts.items()}
                for lang, counts in data.get("letters", {}).items()
            },
            # Absent in a generation built before it was recorded: then no look-up is skipped.
            key_letters={str(name): frozenset(str(chars)) for name, chars in data.get("key_letters", {}).items()},
        )


class KeyLetters:
    """Collects, document by document as the build writes them, the characters of each key field's keys."""

    FIELDS = ("term_", "words_", "text_")

    def __init__(self) -> None:
        self._letters: dict[str, set[str]] = {}

    def add(self, document: Mapping[str, Any]) -> None:
        for name, keys in document.items():
            if name.startswith(self.FIELDS) and keys:
                self._letters.setdefault(name, set()).update("".join(keys))

    def result(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(chars) for name, chars in self._letters.items()}


def compute_aggregates(
    concepts: Iterable[Concept], languages: Iterable[str], key_letters: KeyLetters | None = None
) -> Aggregates:
    """Count ``concepts`` in one pass; letter buckets for each of ``languages`` (the base's content languages)."""
    wanted = tuple(languages)
    count = 0
    by_language: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    subjects: Counter[str] = Counter()
    letters: dict[str, Counter[str]] = {lang: Counter() for lang in wanted}
    for concept in concepts:
        count += 1
        subjects.update(dict.fromkeys(concept.subjects, 1))
        for lang, term in concept.terms():
            by_language[lang] += 1
            by_status[term.status] += 1
            if lang in letters:
                letters[lang][first_letter(term.text, lang)] += 1
    return Aggregates(
        concepts=count,
        terms=sum(by_language.values()),
        terms_by_language=dict(sorted(by_language.items())),
        terms_by_status=dict(sorted(by_status.items())),
        subjects=dict(sorted(subjects.items())),
        letters={lang: _in_alphabet_order(counts, lang) for lang, counts in letters.items()},
        key_letters=key_letters.result() if key_letters is not None else {},
    )


def _in_alphabet_order(counts: Counter[str], lang: str) -> dict[str, int]:
    order = [*alphabet(lang), OTHER]
    return {letter: counts[letter] for letter in order if counts[letter]}


def write_aggregates(aggregates: Aggregates, generation: Path) -> None:
    (generation / AGGREGATES_FILE).write_text(json.dumps(aggregates.to_dict(), ensure_ascii=False), encoding="utf-8")


def read_aggregates(generation: Path) -> Aggregates | None:
    """The generation's aggregates, or None when it has none of this format (it was built by an older version)."""
    try:
        with (generation / AGGREGATES_FILE).open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != AGGREGATES_FORMAT:
        return None
    return Aggregates.from_dict(data)
