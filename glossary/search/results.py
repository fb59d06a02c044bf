"""What a search returns: hits that say how they matched, suggestions, and the index's metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glossary.model import Concept, SourceText, Subject
from glossary.serialize import source_from_dict

#: How a hit matched, strongest first.
HOW_ORDER: tuple[str, ...] = ("exact", "lemma", "folded", "fuzzy", "fulltext")


@dataclass(frozen=True)
class Match:
    """Which language and term a hit matched in, and how (one of :data:`HOW_ORDER`)."""

    lang: str
    term: str
    how: str


@dataclass(frozen=True)
class Hit:
    concept: Concept
    score: float
    matched: Match


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    did_you_mean: str | None = None


@dataclass(frozen=True)
class Suggestion:
    text: str
    lang: str
    concept_id: str


@dataclass(frozen=True)
class IndexInfo:
    """Term-base metadata stored beside the index, so pages never re-read YAML."""

    name: str
    description: str
    languages: tuple[str, ...]
    subjects: dict[str, Subject] = field(default_factory=dict)
    sources: dict[str, SourceText] = field(default_factory=dict)
    concept_count: int = 0
    built_at: str = ""

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> IndexInfo:
        subjects = {
            sid: Subject(sid, dict(entry.get("labels", {})), entry.get("parent"))
            for sid, entry in meta.get("subjects", {}).items()
        }
        sources = {sid: source_from_dict(sid, entry) for sid, entry in meta.get("sources", {}).items()}
        return cls(
            name=meta.get("name", ""),
            description=meta.get("description", ""),
            languages=tuple(meta.get("languages", ())),
            subjects=subjects,
            sources=sources,
            concept_count=int(meta.get("concept_count", 0)),
            built_at=meta.get("built_at", ""),
        )
