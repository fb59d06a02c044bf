"""Check a translation's terminology against a term base, segment by segment.

For each source term found (by the recognizer, so inflected forms count,
and terms nested in a longer one too),
the target segment should hold an allowed equivalent of the same concept —
a target term that is neither deprecated nor superseded — at least as many
times as the source term occurs.  Target terms are found with the target
language's recognizer, so "стандарттардың" counts as "стандарт".  Target
terms marked deprecated or superseded are reported wherever they occur.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from glossary.model import DISCOURAGED_STATUSES, Concept
from glossary.tools.bilingual import Bilingual, Segment
from glossary.tools.recognize import Occurrence, Recognizer

#: TermCheck.status values, from good to bad.
STATUSES = ("ok", "no-equivalent", "partial", "missing")


@dataclass(frozen=True)
class TermCheck:
    """One source term (a concept, or homonymous concepts sharing a span) and its target equivalents."""

    concept_ids: tuple[str, ...]
    source: tuple[str, ...]  # the surface forms found in the source, in order of first occurrence
    source_count: int
    expected: tuple[str, ...]  # the allowed target terms of these concepts
    found: tuple[str, ...]  # the allowed target surface forms found
    target_count: int

    @property
    def missing(self) -> int:
        return max(0, self.source_count - self.target_count) if self.expected else 0

    @property
    def status(self) -> str:
        if not self.expected:
            return "no-equivalent"
        if self.target_count >= self.source_count:
            return "ok"
        return "partial" if self.target_count else "missing"


@dataclass(frozen=True)
class DeprecatedUse:
    """A deprecated or superseded target term used in the translation."""

    start: int
    end: int
    surface: str
    concept_id: str
    term: str
    status: str
    use_instead: tuple[str, ...]


@dataclass(frozen=True)
class SegmentReport:
    segment: Segment
    terms: list[TermCheck]
    deprecated: list[DeprecatedUse]

    @property
    def problems(self) -> int:
        return sum(1 for t in self.terms if t.missing) + len(self.deprecated)


@dataclass(frozen=True)
class TranslationReport:
    source_lang: str
    target_lang: str
    segments: list[SegmentReport] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        terms = [t for s in self.segments for t in s.terms]
        return {
            "segments": len(self.segments),
            "segments_with_problems": sum(1 for s in self.segments if s.problems),
            "source_terms": sum(t.source_count for t in terms),
            "missing": sum(t.missing for t in terms),
            "deprecated": sum(len(s.deprecated) for s in self.segments),
        }

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (the CLI's --json and the API's answer)."""
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "summary": self.summary(),
            "segments": [_segment_dict(s) for s in self.segments],
        }


def _segment_dict(report: SegmentReport) -> dict[str, Any]:
    return {
        "id": report.segment.id,
        "line": report.segment.line,
        "source": report.segment.source,
        "target": report.segment.target,
        "problems": report.problems,
        "terms": [
            {
                "concepts": list(t.concept_ids),
                "source": list(t.source),
                "source_count": t.source_count,
                "expected": list(t.expected),
                "found": list(t.found),
                "target_count": t.target_count,
                "missing": t.missing,
                "status": t.status,
            }
            for t in report.terms
        ],
        "deprecated": [
            {
                "start": d.start,
                "end": d.end,
                "surface": d.surface,
                "concept": d.concept_id,
                "term": d.term,
                "status": d.status,
                "use_instead": list(d.use_instead),
            }
            for d in report.deprecated
        ],
    }


class TranslationChecker:
    """Checks segments of one language pair; build once, check many."""

    def __init__(self, source: Recognizer, target: Recognizer) -> None:
        self.source = source
        self.target = target

    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], source_lang: str, target_lang: str) -> TranslationChecker:
        concepts = list(concepts)
        return cls(Recognizer.from_concepts(concepts, source_lang), Recognizer.from_concepts(concepts, target_lang))

    def check(self, bilingual: Bilingual) -> TranslationReport:
        return TranslationReport(
            self.source.lang, self.target.lang, [self.check_segment(s) for s in bilingual.segments]
        )

    def check_segment(self, segment: Segment) -> SegmentReport:
        # Nested source terms count too: «фонд нормативных документов» wants «нормативный документ» checked as well.
        source_spans = _by_span(self.source.find_with_nested(segment.source).every())
        groups: dict[tuple[str, ...], list[str]] = {}
        for occurrences in source_spans.values():
            key = tuple(sorted({o.concept_id for o in occurrences}))
            groups.setdefault(key, []).append(occurrences[0].surface)
        target_all = self.target.find(segment.target, overlapping=True) if segment.target else []
        terms = [self._term_check(ids, surfaces, target_all) for ids, surfaces in groups.items()]
        deprecated = self._deprecated(segment.target) if segment.target else []
        return SegmentReport(segment, terms, deprecated)

    def _allowed_terms(self, concept_id: str) -> tuple[str, ...]:
        concept = self.target.concepts.get(concept_id)
        if concept is None:
            return ()
        return tuple(t.text for _, t in concept.terms(self.target.lang) if t.status not in DISCOURAGED_STATUSES)

    def _term_check(self, concept_ids: tuple[str, ...], surfaces: list[str], target: list[Occurrence]) -> TermCheck:
        expected = tuple(dict.fromkeys(text for cid in concept_ids for text in self._allowed_terms(cid)))
        wanted = set(concept_ids)
        matches = [o for o in target if o.concept_id in wanted and o.term.status not in DISCOURAGED_STATUSES]
        spans = _non_overlapping({(o.start, o.end): o.surface for o in matches})
        return TermCheck(
            concept_ids=concept_ids,
            source=tuple(dict.fromkeys(surfaces)),
            source_count=len(surfaces),
            expected=expected,
            found=tuple(dict.fromkeys(spans.values())),
            target_count=len(spans),
        )

    def _deprecated(self, target: str) -> list[DeprecatedUse]:
        uses = []
        for occurrences in _by_span(self.target.find(target)).values():
            if all(o.term.status in DISCOURAGED_STATUSES for o in occurrences):
                for o in occurrences:
                    uses.append(
                        DeprecatedUse(
                            o.start,
                            o.end,
                            o.surface,
                            o.concept_id,
                            o.term.text,
                            o.term.status,
                            self._allowed_terms(o.concept_id),
                        )
                    )
        return uses


def _by_span(occurrences: list[Occurrence]) -> dict[tuple[int, int], list[Occurrence]]:
    spans: dict[tuple[int, int], list[Occurrence]] = {}
    for occurrence in occurrences:
        spans.setdefault((occurrence.start, occurrence.end), []).append(occurrence)
    return spans


def _non_overlapping(spans: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """Longest spans first, dropping any that overlap one already kept."""
    kept: dict[tuple[int, int], str] = {}
    for (start, end), surface in sorted(spans.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0])):
        if all(end <= s or start >= e for s, e in kept):
            kept[(start, end)] = surface
    return dict(sorted(kept.items()))


_MARKS = {"ok": "ok", "no-equivalent": "--", "partial": "!!", "missing": "!!"}


def format_report(report: TranslationReport, *, name: str = "") -> str:
    """A readable plain-text report: segments with terms, problems first in each, then a summary."""
    lines: list[str] = []
    for segment_report in report.segments:
        segment = segment_report.segment
        if not segment_report.terms and not segment_report.deprecated:
            continue
        where = f"{name}:{segment.line}" if name else f"line {segment.line}"
        verdict = f"{segment_report.problems} problem(s)" if segment_report.problems else "ok"
        lines.append(f"{where} segment {segment.id}: {verdict}")
        lines.append(f"  source: {segment.source}")
        lines.append(f"  target: {segment.target or '(untranslated)'}")
        for term in sorted(segment_report.terms, key=lambda t: STATUSES.index(t.status), reverse=True):
            source = ", ".join(term.source)
            concepts = ", ".join(term.concept_ids)
            if term.status == "no-equivalent":
                detail = f"the term base has no allowed {report.target_lang} term"
            else:
                detail = f"expected {' | '.join(term.expected)}: found {term.target_count} of {term.source_count}"
                if term.missing:
                    detail += f", {term.missing} missing"
            lines.append(f"  [{_MARKS[term.status]}] {source} ({concepts}) → {detail}")
        for use in segment_report.deprecated:
            instead = f"; use {' | '.join(use.use_instead)}" if use.use_instead else ""
            lines.append(f"  [!!] {use.surface}: {use.status} term '{use.term}' ({use.concept_id}){instead}")
    summary = report.summary()
    lines.append(
        f"{summary['segments']} segment(s), {summary['segments_with_problems']} with problems: "
        f"{summary['source_terms']} source term occurrence(s), {summary['missing']} missing in the target, "
        f"{summary['deprecated']} deprecated target term(s) ({report.source_lang} → {report.target_lang})"
    )
    return "\n".join(lines)
