"""Multilingual CSV: one concept per row, every field of a concept in its own column.

Columns, in this order (``L`` stands for each language code)::

    id  subjects
    L  L:type  L:status  L:part_of_speech  L:case_sensitive  L:usage_note  L:reliability
    L:contexts  L:context_sources  L:definition  L:definition_source     (per language)
    notes  notes:lang  notes:sources  relations

``L`` lists the terms; the ``L:…`` term columns hold one item per term, in
the same order (``L:case_sensitive`` is ``1`` or empty; ``L:reliability``
a whole number from 1 to 10, or empty when the term is not rated).  ``L:contexts``
holds, per term, a ``;``-list of contexts, and ``L:context_sources`` their
citations in the same shape.  ``relations`` items are ``type:target``.
Multi-valued cells and escaping: see :mod:`glossary.formats.cells`.

RFC 4180: comma-separated, CRLF line ends, fields with quotes, commas or
line breaks quoted.  ``csv`` is plain UTF-8; ``csv-excel`` adds a BOM so
Excel reads Kazakh letters correctly, and escapes formula-like cells.

Not carried: the term base's name, description and declared languages;
what a cited source is (its ``sources.yaml`` description); subject labels.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import IO

from babel import Locale, UnknownLocaleError

from glossary.formats.base import (
    Duplicate,
    DuplicateIds,
    DuplicateTracker,
    ExportOptions,
    Format,
    FormatError,
    ImportOptions,
    ImportReport,
    ImportResult,
)
from glossary.formats.cells import (
    TextOut,
    guard_formula,
    join_items,
    join_nested,
    read_rows,
    split_items,
    split_nested,
    unguard_formula,
)
from glossary.formats.citations import Citations
from glossary.formats.filters import has_terms, prune_relations, restrict
from glossary.formats.idmap import IdMinter
from glossary.model import (
    ID_PATTERN,
    PARTS_OF_SPEECH,
    RELATION_TYPES,
    STATUSES,
    TERM_TYPES,
    Concept,
    Context,
    Definition,
    LanguageSection,
    Note,
    Relation,
    Term,
    Termbase,
    reliability_problem,
)

TERM_FIELDS = (
    "type",
    "status",
    "part_of_speech",
    "case_sensitive",
    "usage_note",
    "reliability",
    "contexts",
    "context_sources",
)
#: The term columns holding one plain item per term (the others nest a list per term).
FLAT_TERM_FIELDS = TERM_FIELDS[:6]
SECTION_FIELDS = (*TERM_FIELDS, "definition", "definition_source")
CONCEPT_COLUMNS = ("id", "subjects")
TRAILING_COLUMNS = ("notes", "notes:lang", "notes:sources", "relations")


def is_language(code: str) -> bool:
    """A code CLDR knows (``kk``, ``en-us``, ``es-419``), as the term-base loader requires."""
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def header_for(languages: Iterable[str]) -> list[str]:
    columns = list(CONCEPT_COLUMNS)
    for lang in languages:
        columns.append(lang)
        columns.extend(f"{lang}:{name}" for name in SECTION_FIELDS)
    columns.extend(TRAILING_COLUMNS)
    return columns


def row_for(concept: Concept, languages: Iterable[str]) -> list[str]:
    row = [concept.id, join_items(concept.subjects)]
    for lang in languages:
        section = concept.languages.get(lang) or LanguageSection(lang)
        terms = section.terms
        row.append(join_items([t.text for t in terms]))
        row.append(join_items([t.type for t in terms]))
        row.append(join_items([t.status for t in terms]))
        row.append(join_items([t.part_of_speech or "" for t in terms]))
        row.append(join_items(["1" if t.case_sensitive else "" for t in terms]))
        row.append(join_items([t.usage_note for t in terms]))
        row.append(join_items(["" if t.reliability is None else str(t.reliability) for t in terms]))
        row.append(join_nested([[c.text for c in t.contexts] for t in terms]))
        row.append(join_nested([[str(c.source or "") for c in t.contexts] for t in terms]))
        definition = section.definition
        row.append(definition.text if definition else "")
        row.append(str(definition.source or "") if definition else "")
    row.append(join_items([n.text for n in concept.notes]))
    row.append(join_items([n.lang or "" for n in concept.notes]))
    row.append(join_nested([[str(s) for s in n.sources] for n in concept.notes]))
    row.append(join_items([f"{r.type}:{r.target}" for r in concept.relations]))
    return row


class CsvFormat(Format):
    name = "csv"
    label = "CSV, one concept per row (UTF-8)"
    extensions = (".csv",)
    mimetype = "text/csv"
    importable = True
    excel = False

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        languages = options.languages or (options.info.languages if options.info else ())
        pending: list[Concept] = []
        if not languages:  # no declared languages: learn them from the concepts (needs them in memory)
            pending = list(concepts)
            languages = tuple(dict.fromkeys(code for c in pending for code in c.languages))
            concepts = pending
        escape = self.excel if options.formula_escape is None else options.formula_escape
        with TextOut(out, bom=self.excel or options.bom) as text:
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(header_for(languages))
            for concept in concepts:
                restricted = prune_relations(restrict(concept, languages), options.exported_ids)
                if not has_terms(restricted):
                    continue
                row = row_for(restricted, languages)
                writer.writerow([guard_formula(cell) for cell in row] if escape else row)

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        return _Reader(source, options or ImportOptions()).read()


class CsvExcelFormat(CsvFormat):
    name = "csv-excel"
    label = "CSV for Excel (UTF-8 with BOM, formula cells escaped)"
    excel = True


class _Reader:
    def __init__(self, path: Path, options: ImportOptions) -> None:
        self.path = path
        self.options = options
        self.report = ImportReport(file=str(path))
        self.citations = Citations(self.report, options.known_sources, options.known_subjects)
        self.line = 0

    def fail(self, field: str, message: str) -> FormatError:
        return FormatError(str(self.path), message, line=self.line, field=field)

    def read(self) -> ImportResult:
        had_bom, rows = read_rows(self.path)
        unguard = had_bom if self.options.formula_escape is None else self.options.formula_escape
        header: list[str] | None = None
        languages: list[str] = []
        concepts: dict[str, Concept] = {}
        tracker, minter, repeats = DuplicateTracker(), IdMinter(), list[Duplicate]()
        for self.line, raw_row in rows:
            row = [unguard_formula(cell) for cell in raw_row] if unguard else raw_row
            if header is None:
                header = [self.options.column_map.get(name.strip(), name.strip()) for name in row]
                languages = self._check_header(header)
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise self.fail("", f"has {len(row)} fields; the header has {len(header)}")
            concept = self._concept(dict(zip(header, row, strict=True)), languages)
            repeat = tracker.repeat(concept.id, self.line)
            if repeat is not None:
                if self.options.on_duplicate != "rename":
                    repeats.append(repeat)
                    continue
                concept = replace(concept, id=minter.mint(concept.id))
                repeats.append(replace(repeat, new_id=concept.id))
            minter.taken.add(concept.id)
            concepts[concept.id] = concept
            self.report.concepts += 1
            self.report.terms += sum(len(s.terms) for s in concept.languages.values())
            if self.options.progress is not None:
                self.options.progress(self.report.concepts, None)
        if header is None:
            raise FormatError(str(self.path), "empty file: no header row")
        if repeats and self.options.on_duplicate == "fail":
            raise DuplicateIds(str(self.path), repeats)
        self.report.duplicates.extend(repeats)
        termbase = Termbase(
            name=self.options.name or self.path.stem,
            languages=tuple(languages),
            concepts=concepts,
            sources=self.citations.sources,
            subjects=self.citations.subjects,
        )
        return ImportResult(termbase, self.report)

    def _check_header(self, header: list[str]) -> list[str]:
        if "id" not in header:
            raise self.fail("id", "the header has no 'id' column (map one with a column mapping)")
        languages = [
            name for name in header if name and ":" not in name and name not in CONCEPT_COLUMNS + TRAILING_COLUMNS
        ]
        message = "unknown column {!r}; expected id, subjects, a language code, 'LANG:field' or notes/relations"
        for name in languages:
            if not is_language(name):
                raise self.fail(name, message.format(name))
        known = set(header_for(languages))
        for name in header:
            if name not in known:
                raise self.fail(name, message.format(name))
        return languages

    def _concept(self, cells: dict[str, str], languages: list[str]) -> Concept:
        concept_id = cells["id"].strip()
        if not ID_PATTERN.match(concept_id):
            raise self.fail("id", f"{concept_id!r} is not a valid concept id (letters, digits, '.', '-', '_')")
        sections = {}
        for lang in languages:
            section = self._section(cells, lang)
            if section is not None:
                sections[lang] = section
        notes_text = split_items(cells.get("notes", ""))
        notes_lang = split_items(cells.get("notes:lang", ""))
        notes_sources = split_nested(cells.get("notes:sources", ""))
        notes = []
        for i, text in enumerate(notes_text):
            lang = notes_lang[i] if i < len(notes_lang) else ""
            cited = notes_sources[i] if i < len(notes_sources) else []
            sources = [s for raw in cited if raw for s in self.citations.note_sources(raw)]
            notes.append(Note(text, lang or None, tuple(sources)))
        relations = []
        for item in split_items(cells.get("relations", "")):
            kind, _, target = item.partition(":")
            if kind not in RELATION_TYPES or not target:
                raise self.fail("relations", f"{item!r} is not 'broader|narrower|related:target-id'")
            relations.append(Relation(kind, target))
        subjects = tuple(self.citations.subject(s, as_id=True) for s in split_items(cells.get("subjects", "")))
        return Concept(concept_id, subjects, sections, tuple(notes), tuple(relations))

    def _reliability(self, value: str, lang: str) -> int | None:
        if not value.strip():
            return None
        code = int(value) if value.strip().isdecimal() and len(value.strip()) < 3 else 0
        if reliability_problem(code):
            raise self.fail(f"{lang}:reliability", f"{value!r} is not a whole number from 1 to 10")
        return code

    def _section(self, cells: dict[str, str], lang: str) -> LanguageSection | None:
        texts = split_items(cells.get(lang, ""))
        columns = {name: split_items(cells.get(f"{lang}:{name}", "")) for name in FLAT_TERM_FIELDS}
        contexts = split_nested(cells.get(f"{lang}:contexts", ""))
        context_sources = split_nested(cells.get(f"{lang}:context_sources", ""))
        terms = []
        for i, text in enumerate(texts):

            def item(name: str, i: int = i) -> str:
                values = columns[name]
                return values[i] if i < len(values) else ""

            kind, status, pos = item("type") or "fullForm", item("status") or "admitted", item("part_of_speech")
            for field, value, allowed in (
                ("type", kind, TERM_TYPES),
                ("status", status, STATUSES),
                ("part_of_speech", pos or "noun", PARTS_OF_SPEECH),
            ):
                if value not in allowed:
                    raise self.fail(f"{lang}:{field}", f"{value!r} is not one of {', '.join(allowed)}")
            term_contexts = contexts[i] if i < len(contexts) else []
            term_sources = context_sources[i] if i < len(context_sources) else []
            built = tuple(
                Context(
                    c, self.citations.source(term_sources[j]) if j < len(term_sources) and term_sources[j] else None
                )
                for j, c in enumerate(term_contexts)
            )
            case_sensitive = item("case_sensitive") == "1"
            reliability = self._reliability(item("reliability"), lang)
            terms.append(
                Term(text.strip(), kind, status, pos or None, item("usage_note"), case_sensitive, built, reliability)
            )
        definition_text = cells.get(f"{lang}:definition", "")
        definition = None
        if definition_text:
            raw_source = cells.get(f"{lang}:definition_source", "")
            definition = Definition(definition_text, self.citations.source(raw_source) if raw_source else None)
        if not terms and definition is None:
            return None
        return LanguageSection(lang, tuple(terms), definition)
