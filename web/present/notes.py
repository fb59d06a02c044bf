"""A concept's remarks in the reader's language, with a visible mark where a translation is missing."""

from __future__ import annotations

from dataclasses import dataclass

from glossary.model import Concept, SourceText, note_groups, note_in
from web.present.concepts import Citation, cite


@dataclass(frozen=True)
class Remark:
    """One remark as the page shows it: the version chosen for the reader, and whether it is a fallback."""

    text: str
    lang: str | None
    fell_back: bool
    citations: list[Citation]


def remarks(concept: Concept, lang: str, sources: dict[str, SourceText]) -> list[Remark]:
    """Each remark of ``concept`` in ``lang``, else in the first language it has (English, Russian, Kazakh)."""
    shown = []
    for versions in note_groups(concept.notes):
        note, fell_back = note_in(versions, lang)
        citations = [c for c in (cite(s, sources, lang) for s in note.sources) if c]
        shown.append(Remark(note.text, note.lang, fell_back, citations))
    return shown
