"""What the tools pages show: a text cut into plain and highlighted pieces, and the list of terms found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from glossary.model import DISCOURAGED_STATUSES, Concept, Term
from glossary.tools.recognize import Occurrence
from web.present.concepts import ordered_terms


@dataclass
class ConceptNote:
    """One concept a highlighted span designates, with its terms in the other languages."""

    concept: Concept
    term: Term
    label: str
    equivalents: list[tuple[str, list[Term]]]
    allowed: list[str]  # allowed terms in the text's language, for a deprecated match
    surface: str = ""  # the text as found, shown for a term nested in a longer one


@dataclass
class Piece:
    """A stretch of the text: plain when ``notes`` is empty, else a recognized term."""

    text: str
    notes: list[ConceptNote] = field(default_factory=list)
    number: int = 0
    nested: list[ConceptNote] = field(default_factory=list)  # the terms inside this one («ISO» in "ISO TC")

    @property
    def deprecated(self) -> bool:
        return bool(self.notes) and all(n.term.status in DISCOURAGED_STATUSES for n in self.notes)


@dataclass
class FoundTerm:
    """A row of the list of terms found: one concept, how often, and in which forms."""

    concept: Concept
    label: str
    count: int
    forms: list[str]
    deprecated: bool


def _note(occurrence: Occurrence, concept: Concept, languages: list[str]) -> ConceptNote:
    equivalents = []
    for code in languages:
        section = concept.languages.get(code)
        if code != occurrence.lang and section and section.terms:
            equivalents.append((code, ordered_terms(section.terms)))
    own = concept.languages.get(occurrence.lang)
    allowed = [t.text for t in ordered_terms(own.terms) if t.status not in DISCOURAGED_STATUSES] if own else []
    label = concept.label(occurrence.lang)
    return ConceptNote(concept, occurrence.term, label, equivalents, allowed, occurrence.surface)


def pieces(
    text: str,
    occurrences: list[Occurrence],
    concepts: dict[str, Concept],
    languages: list[str],
    nested: Mapping[tuple[int, int], list[Occurrence]] | None = None,
) -> list[Piece]:
    """``text`` cut at the occurrences; occurrences sharing a span (homonyms) make one piece.

    ``nested`` (by span, as :class:`~glossary.tools.recognize.Recognition` gives it)
    adds the terms inside each piece, listed under it.
    """
    nested = nested or {}
    result: list[Piece] = []
    position = 0
    number = 0
    for occurrence in occurrences:
        concept = concepts.get(occurrence.concept_id)
        if concept is None:
            continue
        note = _note(occurrence, concept, languages)
        if result and result[-1].notes and occurrence.start < position:
            result[-1].notes.append(note)
            continue
        if occurrence.start > position:
            result.append(Piece(text[position : occurrence.start]))
        number += 1
        inside = [
            _note(inner, concept, languages)
            for inner in nested.get((occurrence.start, occurrence.end), [])
            if (concept := concepts.get(inner.concept_id)) is not None
        ]
        result.append(Piece(occurrence.surface, [note], number, inside))
        position = occurrence.end
    if position < len(text):
        result.append(Piece(text[position:]))
    return result


def found_terms(occurrences: list[Occurrence], concepts: dict[str, Concept]) -> list[FoundTerm]:
    """One row per concept, most frequent first, with the forms the text used (pass nested terms too)."""
    rows: dict[str, FoundTerm] = {}
    for occurrence in occurrences:
        concept = concepts.get(occurrence.concept_id)
        if concept is None:
            continue
        row = rows.get(concept.id)
        if row is None:
            row = rows[concept.id] = FoundTerm(concept, concept.label(occurrence.lang), 0, [], True)
        row.count += 1
        if occurrence.surface not in row.forms:
            row.forms.append(occurrence.surface)
        row.deprecated = row.deprecated and occurrence.term.status in DISCOURAGED_STATUSES
    return sorted(rows.values(), key=lambda r: (-r.count, r.label.casefold()))
