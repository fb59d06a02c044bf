"""Choose what an export holds: a language subset or pair, subject fields, statuses, concept ids."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace

from glossary.model import Concept, LanguageSection


def restrict(concept: Concept, languages: Collection[str] = (), statuses: Collection[str] = ()) -> Concept:
    """``concept`` with only the given language sections and term statuses (empty: keep all).

    Notes written in a dropped language go too; notes with no language stay.
    """
    if not languages and not statuses:
        return concept
    sections: dict[str, LanguageSection] = {}
    for code, section in concept.languages.items():
        if languages and code not in languages:
            continue
        kept = section
        if statuses:
            kept = replace(section, terms=tuple(t for t in section.terms if t.status in statuses))
        sections[code] = kept
    notes = tuple(n for n in concept.notes if not languages or n.lang is None or n.lang in languages)
    return replace(concept, languages=sections, notes=notes)


def has_terms(concept: Concept) -> bool:
    return any(section.terms for section in concept.languages.values())


def filter_concepts(
    concepts: Iterable[Concept],
    *,
    languages: Collection[str] = (),
    subjects: Collection[str] = (),
    statuses: Collection[str] = (),
    ids: Collection[str] = (),
    required: Collection[str] = (),
) -> Iterator[Concept]:
    """Yield the concepts an export should hold, each cut down to the chosen languages and statuses.

    A concept is kept when its id is listed (if ``ids`` is given), it has one
    of ``subjects`` (if given) and it still has a term after restriction
    (in each of the ``required`` languages, when given: a bilingual export
    needs its source language).
    Relations are left alone; :func:`prune_relations` drops those whose
    target is not exported.
    """
    wanted_ids = set(ids)
    wanted_subjects = set(subjects)
    for concept in concepts:
        if wanted_ids and concept.id not in wanted_ids:
            continue
        if wanted_subjects and not wanted_subjects.intersection(concept.subjects):
            continue
        restricted = restrict(concept, languages, statuses)
        if not has_terms(restricted):
            continue
        if any(not (code in restricted.languages and restricted.languages[code].terms) for code in required):
            continue
        yield restricted


def prune_relations(concept: Concept, exported_ids: Collection[str] | None) -> Concept:
    """Drop relations to concepts outside the export, so a subset never has dangling references."""
    if exported_ids is None or all(r.target in exported_ids for r in concept.relations):
        return concept
    return replace(concept, relations=tuple(r for r in concept.relations if r.target in exported_ids))


def select(
    concepts: Callable[[], Iterable[Concept]],
    *,
    languages: Collection[str] = (),
    subjects: Collection[str] = (),
    statuses: Collection[str] = (),
    ids: Collection[str] = (),
    required: Collection[str] = (),
) -> tuple[Iterator[Concept], frozenset[str] | None]:
    """Filtered concepts plus the ids they cover (``None`` when nothing is filtered).

    ``concepts`` is called once more when a filter is set, to learn which
    ids the export holds before streaming it.
    """
    criteria = {"languages": languages, "subjects": subjects, "statuses": statuses, "ids": ids, "required": required}
    if not any(criteria.values()):
        return iter(concepts()), None
    exported = frozenset(c.id for c in filter_concepts(concepts(), **criteria))
    return filter_concepts(concepts(), **criteria), exported
