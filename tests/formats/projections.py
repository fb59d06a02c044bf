"""What each lossy-by-design layout carries, as a comparable projection of a term base."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from glossary.formats.csv_bilingual import flatten, pairs
from glossary.formats.filters import filter_concepts, prune_relations
from glossary.model import Concept, Context, Definition, LanguageSection, Termbase
from tests.formats.contract import without_empty_sections


def without_sources(concept: Concept) -> Concept:
    sections = {}
    for code, section in concept.languages.items():
        terms = tuple(replace(t, contexts=tuple(Context(c.text) for c in t.contexts)) for t in section.terms)
        definition = Definition(section.definition.text) if section.definition else None
        sections[code] = LanguageSection(code, terms, definition)
    notes = tuple(replace(n, sources=()) for n in concept.notes)
    return replace(concept, languages=sections, notes=notes)


def bilingual_concepts(termbase: Termbase, pair: tuple[str, str]) -> dict[str, Concept]:
    """The concepts of a one-pair export: those with a source-language term, cut to the pair."""
    chosen = list(filter_concepts(termbase.concepts.values(), languages=pair, required=pair[:1]))
    ids = {c.id for c in chosen}
    return {c.id: without_empty_sections(without_sources(prune_relations(c, ids))) for c in chosen}


def weblate_rows(termbase: Termbase, pair: tuple[str, str]) -> list[tuple[str, ...]]:
    return sorted((c.id, s, t, d) for c, s, t, d in pairs(termbase.concepts.values(), *pair))


def omegat_lines(termbase: Termbase, pair: tuple[str, str]) -> Counter[tuple[str, str, str]]:
    return Counter((flatten(s), flatten(t), flatten(d)) for _, s, t, d in pairs(termbase.concepts.values(), *pair))
