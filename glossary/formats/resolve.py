"""Second pass of a TBX import: resolve a :class:`TbxDocument` of drafts once the whole file is known.

References in TBX are free strings: a source is cited by text, a
cross-reference may point at a term's id, a subject field is a label.  Only
after the last entry (and the back matter) is read can they be mapped onto
concept ids, ``sources.yaml`` entries and ``subjects.yaml`` entries.
"""

from __future__ import annotations

from dataclasses import replace

from glossary.formats.base import (
    Duplicate,
    DuplicateIds,
    DuplicateTracker,
    ImportOptions,
    ImportReport,
    ImportResult,
)
from glossary.formats.citations import Citations
from glossary.formats.iate import IATE_TO_TBX, names_iate, uses_iate_grades
from glossary.formats.idmap import IdMinter, concept_id_from_xml
from glossary.formats.tbxdoc import ConceptDraft, TbxDocument
from glossary.model import (
    Concept,
    Context,
    Definition,
    LanguageSection,
    Note,
    Relation,
    Source,
    Term,
    Termbase,
)


class Resolver:
    """Map a document's ids, citations and subject labels; ``report`` counts what was converted."""

    def __init__(self, document: TbxDocument, options: ImportOptions, report: ImportReport) -> None:
        self.document = document
        self.options = options
        self.report = report
        self.citations = Citations(
            report,
            {**options.known_sources, **document.sources},
            {**options.known_subjects, **document.subjects},
            document.lang,
        )
        self.iate_grades = self._reads_iate_grades()

    def _reads_iate_grades(self) -> bool:
        """Whether the file's reliability codes are IATE's 1–4 grades; the report says so when they are."""
        document, header = self.document, self.document.header
        if not document.highest_reliability:
            return False
        texts = [header.title, *header.description, *header.fallback_description]
        from_iate = names_iate(texts, (draft.xml_id for draft in document.concepts))
        if not uses_iate_grades(self.options.reliability_scale, from_iate, document.highest_reliability):
            return False
        why = "as asked" if self.options.reliability_scale == "iate" else "the file names IATE and no value exceeds 4"
        mapping = ", ".join(f"{grade} → {value}" for grade, value in IATE_TO_TBX.items())
        self.report.warnings.append(
            f"{self.report.file or document.path}: reliabilityCode values read as IATE's grades 1–4 ({why}) "
            f"and converted to TBX's 1–10 scale: {mapping}"
        )
        return True

    def build(self) -> ImportResult:
        document, header = self.document, self.document.header
        ids, kept, by_xml_id = self._ids()
        concepts = {cid: self._concept(cid, draft, by_xml_id) for cid, draft in zip(ids, kept, strict=True)}
        languages: dict[str, None] = {}
        for concept in concepts.values():
            languages.update(dict.fromkeys(concept.languages))
            languages.update(dict.fromkeys(n.lang for n in concept.notes if n.lang))
        termbase = Termbase(
            name=self.options.name or header.title or document.path.stem,
            description="\n".join(header.description) or "\n".join(p for p in header.fallback_description if p),
            languages=tuple(header.languages) if header.languages is not None else tuple(languages),
            concepts=concepts,
            sources=self.citations.sources,
            subjects=self.citations.subjects,
        )
        return ImportResult(termbase, self.report)

    def _ids(self) -> tuple[list[str], list[ConceptDraft], dict[str, str]]:
        """Each kept entry's concept id, the kept entries, and every XML id → concept id.

        A repeated entry id is handled as ``options.on_duplicate`` says; with
        ``"fail"`` every repeat is collected before :class:`DuplicateIds` is raised.
        """
        minter, tracker = IdMinter(), DuplicateTracker()
        ids: list[str] = []
        kept: list[ConceptDraft] = []
        by_xml_id: dict[str, str] = {}
        repeats: list[Duplicate] = []
        for n, draft in enumerate(self.document.concepts, 1):
            wanted = concept_id_from_xml(draft.xml_id) if draft.xml_id else f"c{n}"
            repeat = tracker.repeat(draft.xml_id, draft.line) if draft.xml_id else None
            if repeat is not None and self.options.on_duplicate != "rename":
                repeats.append(repeat)
                self.report.terms -= sum(len(section.terms) for section in draft.sections.values())
                continue
            concept_id = minter.mint(wanted)
            if repeat is not None:
                repeats.append(replace(repeat, new_id=concept_id))
            elif concept_id != wanted:
                self.report.converted["concept id changed to be valid and unique"] += 1
            ids.append(concept_id)
            kept.append(draft)
            for xml_id in (draft.xml_id, *draft.inner_ids):
                if xml_id:
                    by_xml_id.setdefault(xml_id, concept_id)
        if repeats and self.options.on_duplicate == "fail":
            raise DuplicateIds(self.report.file or str(self.document.path), repeats)
        self.report.duplicates.extend(repeats)
        self.report.concepts -= len(self.document.concepts) - len(kept)
        return ids, kept, by_xml_id

    # -- one concept ---------------------------------------------------------------

    def _concept(self, concept_id: str, draft: ConceptDraft, by_xml_id: dict[str, str]) -> Concept:
        notes = [self._note(n) for n in draft.notes]
        sections = {
            lang: LanguageSection(
                lang,
                tuple(self._term(t.build()) for t in section.terms),
                self._definition(section.definition),
            )
            for lang, section in draft.sections.items()
        }
        for definition in draft.orphan_definitions:
            self._place_orphan(sections, notes, self._definition(definition))
        relations: list[Relation] = []
        for kind, target in draft.relations:
            resolved = by_xml_id.get(target) or by_xml_id.get(concept_id_from_xml(target))
            if resolved is None:
                self.report.unmapped["cross-reference to an id not in the file"] += 1
            elif resolved == concept_id:
                self.report.converted["cross-reference to a term of the same concept (dropped)"] += 1
            elif Relation(kind, resolved) not in relations:
                relations.append(Relation(kind, resolved))
        subjects = tuple(dict.fromkeys(self._subject(s) for s in draft.subjects if s))
        return Concept(concept_id, subjects, sections, tuple(notes), tuple(relations))

    def _place_orphan(self, sections: dict[str, LanguageSection], notes: list[Note], definition: Definition) -> None:
        """A definition with no language: give it to the document's language section."""
        lang = self.document.lang
        matches = [code for code in sections if code == lang or code.lower().startswith(lang.lower() + "-")]
        code = lang if lang in sections else (matches[0] if len(matches) == 1 else lang)
        section = sections.get(code)
        if code and (section is None or section.definition is None):
            sections[code] = LanguageSection(code, section.terms if section else (), definition)
            self.report.converted["definition without xml:lang given to the file's language"] += 1
        else:
            notes.append(
                Note(f"definition: {definition.text}", None, (definition.source,) if definition.source else ())
            )
            self.report.kept_as_notes["definition without a language section to hold it"] += 1

    def _term(self, term: Term) -> Term:
        if term.reliability is not None and self.iate_grades:
            term = replace(term, reliability=self._iate_grade(term.reliability))
        if not term.contexts:
            return term
        return replace(term, contexts=tuple(Context(c.text, self._source(c.source)) for c in term.contexts))

    def _iate_grade(self, grade: int) -> int | None:
        """An IATE grade on TBX's scale; a value above 4 is no grade, and is dropped (counted)."""
        if grade not in IATE_TO_TBX:
            self.report.unmapped["reliabilityCode above IATE's grade 4"] += 1
            return None
        self.report.converted[f"reliabilityCode IATE grade {grade} → {IATE_TO_TBX[grade]}"] += 1
        return IATE_TO_TBX[grade]

    def _definition(self, definition: Definition | None) -> Definition | None:
        if definition is None or not definition.text.strip():
            return None
        if definition.source is None:
            return definition
        return Definition(definition.text, self._source(definition.source))

    def _note(self, note: Note) -> Note:
        if not note.sources:
            return note
        sources: list[Source] = []
        for placeholder in note.sources:
            sources.extend(self._sources(placeholder.text))
        return Note(note.text, note.lang, tuple(sources))

    # -- sources and subjects --------------------------------------------------------

    def _source(self, placeholder: Source | None) -> Source | None:
        return self.citations.source(placeholder.text) if placeholder else None

    def _sources(self, raw: str) -> list[Source]:
        return self.citations.note_sources(raw)

    def _subject(self, raw: str) -> str:
        return self.citations.subject(raw)
