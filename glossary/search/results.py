"""What a search returns: hits that say how they matched, suggestions, and the index's metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glossary.model import Concept, SourceText, Subject
from glossary.serialize import source_from_dict

#: How a hit matched, strongest first.
HOW_ORDER: tuple[str, ...] = ("exact", "lemma", "folded", "fuzzy", "fulltext", "source")


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


def reader_definition_lang(concept: Concept, reader: str | None, matched: str) -> str | None:
    """The language of the one definition a reader is shown for a hit: the same rule on every page and in the API.

    The reader's (interface) language when the concept has a definition in
    it, else the language the hit matched in; None when neither has one.
    """
    for lang in (reader, matched):
        if lang and concept.definition(lang) is not None:
            return lang
    return None


@dataclass(frozen=True)
class SentenceHit:
    """A source sentence matching a query: where it is, its text, and the concepts it is about (best first)."""

    source: SourceText
    number: int
    text: str
    score: float
    concept_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class SentenceResult:
    query: str
    hits: list[SentenceHit]
    total: int


@dataclass(frozen=True)
class Suggestion:
    text: str
    lang: str
    concept_id: str


@dataclass(frozen=True)
class LintSummary:
    """The counts of the lint report stored with the index, for the About page and ``glossary lint --json``.

    Each concept's findings are not here: they are stored in the generation's
    side file (see :mod:`glossary.search.stored_lint`) and read by
    :meth:`~glossary.search.searcher.Searcher.lint_findings` for its page alone.
    """

    concepts: int = 0
    errors: int = 0
    warnings: int = 0
    #: Findings per rule id, in rule order.
    rules: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The counts, as ``glossary lint --json`` gives them."""
        return {"concepts": self.concepts, "errors": self.errors, "warnings": self.warnings, "rules": dict(self.rules)}

    @classmethod
    def from_meta(cls, data: dict[str, Any]) -> LintSummary:
        return cls(
            concepts=int(data.get("concepts", 0)),
            errors=int(data.get("errors", 0)),
            warnings=int(data.get("warnings", 0)),
            rules={str(rule): int(count) for rule, count in data.get("rules", {}).items()},
        )


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
    #: None when the index was built without lint (``glossary build --no-lint``, or an older index).
    lint: LintSummary | None = None
    name_by_lang: dict[str, str] = field(default_factory=dict)
    description_by_lang: dict[str, str] = field(default_factory=dict)

    def name_in(self, lang: str) -> str:
        """The term base's name in ``lang``, else as given first."""
        return self.name_by_lang.get(lang, self.name)

    def description_in(self, lang: str) -> str:
        return self.description_by_lang.get(lang, self.description)

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
            name_by_lang=dict(meta.get("name_by_lang", {})),
            description_by_lang=dict(meta.get("description_by_lang", {})),
            languages=tuple(meta.get("languages", ())),
            subjects=subjects,
            sources=sources,
            concept_count=int(meta.get("concept_count", 0)),
            built_at=meta.get("built_at", ""),
            lint=LintSummary.from_meta(meta["lint"]) if isinstance(meta.get("lint"), dict) else None,
        )
