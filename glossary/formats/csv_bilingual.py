"""Bilingual glossaries for CAT tools: Weblate's glossary CSV and OmegaT's tab-separated glossary.

Both hold one row per source-language term, paired with the concept's
preferred target-language term.

Weblate CSV: header ``source,target,context,developer_comments``; ``context``
is the concept id (so a term shared by two concepts stays two entries) and
``developer_comments`` the source-language definition.  Carried: concept
ids, source terms' text, the preferred target term, the source definition.

OmegaT TSV: ``source<TAB>target<TAB>comment``, no header, UTF-8; the
comment is the source-language definition.  TSV has no quoting, so tabs
and line breaks inside a field become single spaces.  Carried: the
(source term, target term, definition) triples; concepts are not (each
line comes back as its own concept).

Dropped by both: every other language, every term's type, status, part of
speech, usage note and contexts, target synonyms, target definitions,
sources, notes, relations and subject fields.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from glossary.formats.base import ExportOptions, Format, FormatError, ImportOptions, ImportReport, ImportResult
from glossary.formats.cells import TextOut, guard_formula, read_rows, unguard_formula
from glossary.formats.idmap import IdMinter, slug
from glossary.model import ID_PATTERN, Concept, Definition, LanguageSection, Term, Termbase

WEBLATE_HEADER = ("source", "target", "context", "developer_comments")


def pairs(concepts: Iterable[Concept], source: str, target: str) -> Iterator[tuple[Concept, str, str, str]]:
    """``(concept, source term, target term, source definition)`` for every source term of every concept."""
    for concept in concepts:
        source_section = concept.languages.get(source)
        target_section = concept.languages.get(target)
        if not source_section or not target_section or not target_section.preferred:
            continue
        definition = source_section.definition.text if source_section.definition else ""
        for term in source_section.terms:
            yield concept, term.text, target_section.preferred.text, definition


def flatten(text: str) -> str:
    return " ".join(text.split())


def _pair_languages(path: Path, options: ImportOptions) -> tuple[str, str]:
    if not options.source_lang or not options.target_lang:
        raise FormatError(str(path), "this layout does not record its languages: give the source and target language")
    return options.source_lang, options.target_lang


class WeblateCsvFormat(Format):
    name = "weblate-csv"
    label = "Weblate glossary CSV (one language pair)"
    extensions = (".csv",)
    mimetype = "text/csv"
    importable = True
    bilingual = True

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        source, target = options.pair(options.info.languages if options.info else ())
        escape = bool(options.formula_escape)
        with TextOut(out, bom=options.bom) as text:
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(WEBLATE_HEADER)
            for concept, source_text, target_text, definition in pairs(concepts, source, target):
                row = [source_text, target_text, concept.id, definition]
                writer.writerow([guard_formula(c) for c in row] if escape else row)

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        options = options or ImportOptions()
        source_lang, target_lang = _pair_languages(source, options)
        report = ImportReport(file=str(source))
        had_bom, rows = read_rows(source)
        unguard = had_bom if options.formula_escape is None else options.formula_escape
        header: list[str] | None = None
        grouped: dict[str, dict[str, list[str]]] = {}
        minter = IdMinter()
        for line, raw in rows:
            row = [unguard_formula(c) for c in raw] if unguard else raw
            if header is None:
                header = [options.column_map.get(c.strip(), c.strip()) for c in row]
                if "source" not in header or "target" not in header:
                    raise FormatError(str(source), "the header needs 'source' and 'target' columns", line=line)
                continue
            cells = dict(zip(header, row, strict=False))
            for column in header:
                if column not in WEBLATE_HEADER and cells.get(column):
                    report.unmapped[f"column {column!r}"] += 1
            term = cells.get("source", "").strip()
            if not term:
                raise FormatError(str(source), "empty source term", line=line, field="source")
            context = cells.get("context", "").strip()
            key = context if context and ID_PATTERN.match(context) else minter.mint(slug(term))
            entry = grouped.setdefault(key, {"source": [], "target": [], "definition": []})
            for name, value in (("source", term), ("target", cells.get("target", "").strip())):
                if value and value not in entry[name]:
                    entry[name].append(value)
            if cells.get("developer_comments") and not entry["definition"]:
                entry["definition"].append(cells["developer_comments"])
        if header is None:
            raise FormatError(str(source), "empty file: no header row")
        concepts = {}
        for concept_id, entry in grouped.items():
            definition = Definition(entry["definition"][0]) if entry["definition"] else None
            sections = {source_lang: LanguageSection(source_lang, tuple(Term(t) for t in entry["source"]), definition)}
            if entry["target"]:
                sections[target_lang] = LanguageSection(target_lang, tuple(Term(t) for t in entry["target"]))
            concepts[concept_id] = Concept(concept_id, languages=sections)
            report.concepts += 1
            if options.progress is not None:
                options.progress(report.concepts, None)
            report.terms += len(entry["source"]) + len(entry["target"])
        name = options.name or source.stem
        return ImportResult(Termbase(name=name, languages=(source_lang, target_lang), concepts=concepts), report)


class OmegatTsvFormat(Format):
    name = "omegat-tsv"
    label = "OmegaT glossary (tab-separated, one language pair)"
    extensions = (".txt", ".tsv", ".utf8")
    mimetype = "text/tab-separated-values"
    importable = True
    bilingual = True

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        source, target = options.pair(options.info.languages if options.info else ())
        escape = bool(options.formula_escape)
        with TextOut(out, bom=options.bom) as text:
            for _, source_text, target_text, definition in pairs(concepts, source, target):
                row = [flatten(source_text), flatten(target_text), flatten(definition)]
                if escape:
                    row = [guard_formula(c) for c in row]
                text.write("\t".join(row) + "\n")

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        options = options or ImportOptions()
        source_lang, target_lang = _pair_languages(source, options)
        report = ImportReport(file=str(source))
        had_bom, rows = read_rows(source, delimiter="\t", strict=False)
        unguard = had_bom if options.formula_escape is None else options.formula_escape
        minter = IdMinter()
        concepts = {}
        for line, raw in rows:
            if not "".join(raw).strip():
                continue
            fields = [unguard_formula(c) for c in raw] if unguard else raw
            if len(fields) < 2 or not fields[0].strip():
                raise FormatError(str(source), "expected source<TAB>target[<TAB>comment]", line=line)
            if len(fields) > 3:
                report.unmapped["fields after the third (comment)"] += 1
            term, translation = flatten(fields[0]), flatten(fields[1])
            comment = fields[2] if len(fields) > 2 else ""
            sections = {
                source_lang: LanguageSection(source_lang, (Term(term),), Definition(comment) if comment else None)
            }
            if translation:
                sections[target_lang] = LanguageSection(target_lang, (Term(translation),))
            concept_id = minter.mint(slug(term))
            concepts[concept_id] = Concept(concept_id, languages=sections)
            report.concepts += 1
            if options.progress is not None:
                options.progress(report.concepts, None)
            report.terms += len(sections)
        if not concepts:
            raise FormatError(str(source), "no glossary lines found")
        name = options.name or source.stem
        return ImportResult(Termbase(name=name, languages=(source_lang, target_lang), concepts=concepts), report)
