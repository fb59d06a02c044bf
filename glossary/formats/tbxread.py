"""Read TBX v3 (ISO 30042:2019, ``conceptEntry``) and v2 (ISO 30042:2008, ``martif``) into a term base.

One reader serves both generations: they differ in element names
(``conceptEntry``/``termEntry``, ``langSec``/``langSet``,
``termSec``/``tig``/``ntig``) and in value spellings, not in shape.  Entries
are streamed and freed one at a time.  Everything the model has no place
for is either kept as a concept note or counted in the report as not
mapped, so nothing is lost silently.  The ``back`` matter that
:mod:`glossary.formats.tbx3` writes (source and subject-field descriptions)
is read back, which makes our own exports round-trip exactly.

The reader yields a :class:`~glossary.formats.tbxdoc.TbxDocument` of drafts;
:mod:`glossary.formats.resolve` maps its references once the file is read.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from glossary.formats.base import FormatError, ImportOptions, ImportReport, ImportResult
from glossary.formats.resolve import Resolver
from glossary.formats.safexml import LOCAL, Root, iter_end, local, root_of
from glossary.formats.tbxdoc import ConceptDraft, SectionDraft, TbxDocument, TermDraft
from glossary.model import (
    LOCALIZED_SOURCE_FIELDS,
    PARTS_OF_SPEECH,
    RELATION_TYPES,
    SOURCE_FIELDS,
    TERM_TYPES,
    Context,
    Definition,
    Note,
    Source,
    SourceText,
    Subject,
    is_web_url,
    reliability_problem,
)
from glossary.termbase.progress import Progress

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
ENTRY_TAGS = frozenset({"conceptEntry", "termEntry"})
SECTION_TAGS = frozenset({"langSec", "langSet"})
TERM_TAGS = frozenset({"termSec", "tig", "ntig"})
HEADER_TAGS = frozenset({"tbxHeader", "martifHeader"})
STATUS_VALUES = {
    "preferred": "preferred",
    "preferredterm-admn-sts": "preferred",
    "admitted": "admitted",
    "admittedterm-admn-sts": "admitted",
    "deprecated": "deprecated",
    "deprecatedterm-admn-sts": "deprecated",
    "notrecommended": "deprecated",
    "superseded": "superseded",
    "supersededterm-admn-sts": "superseded",
    "obsolete": "superseded",
}
#: Attributes the reader understands; any other is counted as not mapped.
HANDLED_ATTRIBUTES = frozenset({"type", "target", XML_LANG})
ID_HOLDERS = ENTRY_TAGS | TERM_TAGS | {"term"}
FLAG_CASE_SENSITIVE = "caseSensitive"
FLAG_PROPER_NOUN = "properNoun"
#: TBX-Basic has no ``reliabilityCode``: our v3 export writes it as the project subset ``reliabilityCode=9``.
RELIABILITY_CATEGORY = "reliabilityCode"
RELIABILITY_SUBSET = f"{RELIABILITY_CATEGORY}="


def text_of(element: etree._Element) -> str:
    """All text inside an element (inline markup flattened), exactly as written."""
    if not len(element):
        return element.text or ""
    return "".join(element.itertext())


class TbxReader:
    """Read one TBX file into a :class:`TbxDocument`, counting in ``report`` what has no place."""

    def __init__(self, path: Path, report: ImportReport, progress: Progress | None = None) -> None:
        self.path = path
        self.report = report
        self.progress = progress
        self.document = TbxDocument(path)

    # -- driving -------------------------------------------------------------

    def read(self) -> TbxDocument:
        root = root_of(self.path)
        if root.name not in ("tbx", "martif"):
            raise FormatError(str(self.path), f"not a TBX file: the root element is <{root.name}>", line=root.line)
        self._check_namespace(root)
        self.document.lang = root.attributes.get(XML_LANG, "")
        for element in iter_end(self.path, ENTRY_TAGS | HEADER_TAGS | {"back"}):
            tag = LOCAL[element.tag]
            if tag in ENTRY_TAGS:
                self._entry(element)
            elif tag in HEADER_TAGS:
                self._header(element)
            else:
                self._back(element)
        if not self.document.concepts:
            raise FormatError(str(self.path), "no conceptEntry or termEntry found")
        return self.document

    def _check_namespace(self, root: Root) -> None:
        """TBX v3's ``<tbx>`` must be in its namespace (an error); TBX v2's ``<martif>`` has none (else a warning).

        A v3 file outside the namespace is most likely another vocabulary
        that happens to use the name; a v2 file with one is odd but its
        elements are still TBX's, so it is read and the report says so.
        """
        if root.name == "tbx" and root.namespace != TBX3_NAMESPACE:
            found = f"namespace {root.namespace!r}" if root.namespace else "no namespace"
            raise FormatError(
                str(self.path), f"<tbx> in {found}; TBX v3 requires {TBX3_NAMESPACE}", line=root.line, field="xmlns"
            )
        if root.name == "martif" and root.namespace:
            self.report.warnings.append(
                f"{self.path}:{root.line}: <martif> in namespace {root.namespace!r}; TBX v2 has none"
            )

    def count(self, element: etree._Element, where: str) -> None:
        self.report.unmapped[f"{where}/{LOCAL[element.tag]}{_typed(element)}"] += 1

    # -- header and back matter -------------------------------------------------

    def _header(self, header: etree._Element) -> None:
        info = self.document.header
        for element in header.iter():
            tag = LOCAL[element.tag]
            if tag == "title":
                info.title = text_of(element).strip()
            elif tag == "note" and LOCAL[element.getparent().tag] == "titleStmt":
                info.description.append(text_of(element))
            elif tag == "p" and LOCAL[element.getparent().tag] == "sourceDesc":
                if element.get("type") != "generator":
                    info.fallback_description.append(text_of(element).strip())
            elif tag == "p" and element.get("type") == "languages":
                info.languages = text_of(element).split()
            elif tag == "p":
                self.count(element, "header")

    def _back(self, back: etree._Element) -> None:
        for section in back:
            kind = section.get("type", "")
            for obj in section:
                items: dict[str, str] = {}
                for item in obj.iter():
                    if LOCAL[item.tag] == "item" and item.get("type"):
                        items[item.get("type", "")] = text_of(item)
                if kind == "sources" and items.get("id"):
                    if items.get("url") and not is_web_url(items["url"]):
                        del items["url"]  # a javascript: or data: link must not reach a page
                        self.report.unmapped["back/sources url that is not an http or https address"] += 1
                    for name, lines in (("file", "sentences"), ("original", "original_sentences")):
                        if items.get(name) and not items.get(lines):  # else the loader would read a local file
                            del items[name]
                            self.report.unmapped[f"back/sources {name} named without its sentences"] += 1
                    by_lang = {
                        f"{field}_by_lang": tuple(
                            (key[len(field) + 1 :], text) for key, text in items.items() if key.startswith(f"{field}-")
                        )
                        for field in LOCALIZED_SOURCE_FIELDS
                    }
                    self.document.sources[items["id"]] = SourceText(
                        id=items["id"],
                        sentences=_lines(items.get("sentences")),
                        original_sentences=_lines(items.get("original_sentences")),
                        **{k: items.get(k, "") for k in SOURCE_FIELDS},
                        **by_lang,
                    )
                elif kind == "subjectFields" and items.get("id"):
                    labels = {k[6:]: v for k, v in items.items() if k.startswith("label-")}
                    self.document.subjects[items["id"]] = Subject(items["id"], labels, items.get("parent") or None)
                else:
                    self.count(obj, f"back/{kind}")

    # -- entries -----------------------------------------------------------------

    def _entry(self, entry: etree._Element) -> None:
        draft = ConceptDraft(entry.get("id", ""), entry.sourceline or 0)
        unmapped = self.report.unmapped
        for element in entry.iter():
            for attribute in element.keys():  # noqa: SIM118 - lxml elements have keys(), not a mapping protocol
                if attribute in HANDLED_ATTRIBUTES or (attribute == "id" and LOCAL[element.tag] in ID_HOLDERS):
                    continue
                unmapped[f"attribute {local(str(attribute))} on <{LOCAL[element.tag]}>"] += 1
        for child in entry:
            tag = LOCAL[child.tag]
            if tag in SECTION_TAGS:
                self._section(draft, child)
            else:
                self._aux(draft, child, None, None, "entry")
        self.document.concepts.append(draft)
        self.report.concepts += 1
        if self.progress is not None:
            self.progress(self.report.concepts, None)

    def _section(self, draft: ConceptDraft, section: etree._Element) -> None:
        lang = section.get(XML_LANG, "").strip()
        if not lang:
            raise FormatError(str(self.path), "language section without xml:lang", line=section.sourceline or 0)
        target = draft.sections.setdefault(lang, SectionDraft())
        for child in section:
            tag = LOCAL[child.tag]
            if tag in TERM_TAGS:
                self._term(draft, target, lang, child)
            else:
                self._aux(draft, child, lang, target, "langSec")

    def _aux(
        self,
        draft: ConceptDraft,
        element: etree._Element,
        lang: str | None,
        section: SectionDraft | None,
        where: str,
    ) -> None:
        """Concept- or language-level information: definitions, subjects, notes, references."""
        tag, kind = LOCAL[element.tag], element.get("type", "")
        own_lang = element.get(XML_LANG) or lang
        if tag in ("descrip", "descripGrp"):
            descrip, sources = _grouped(element, "descrip")
            if descrip is None:
                self.count(element, where)
                return
            kind = descrip.get("type", "")
            own_lang = descrip.get(XML_LANG) or own_lang
            text = text_of(descrip)
            if kind == "subjectField" and where == "entry":
                draft.subjects.append(text.strip())
            elif kind == "definition":
                definition = Definition(text, Source(sources[0]) if sources else None)
                self._extra_sources(draft, sources[1:], own_lang, f"{where}/definition")
                self._definition(draft, definition, own_lang, section)
            elif text.strip():
                draft.notes.append(Note(f"{kind}: {text}", own_lang, tuple(Source(s) for s in sources)))
                self.report.kept_as_notes[f"{where}/descrip[@type='{kind}']"] += 1
            self._count_group_rest(element, where)
        elif tag == "note":
            if text_of(element).strip():
                draft.notes.append(Note(text_of(element), own_lang))
            else:
                self.report.unmapped[f"{where}/note (empty)"] += 1
        elif tag == "adminGrp":
            admin, sources = _grouped(element, "admin")
            notes = [n for n in element if LOCAL[n.tag] == "note"]
            if admin is not None and admin.get("type") == "source" and notes:
                for note in notes:
                    note_lang = note.get(XML_LANG) or lang
                    if text_of(note).strip():
                        draft.notes.append(Note(text_of(note), note_lang, (Source(sources[0]),)))
                    else:
                        self.report.unmapped[f"{where}/adminGrp/note (empty)"] += 1
            elif admin is not None and text_of(admin).strip():
                draft.notes.append(Note(f"{admin.get('type', 'admin')}: {text_of(admin)}", own_lang))
                self.report.kept_as_notes[f"{where}/adminGrp"] += 1
            else:
                self.count(element, where)
        elif tag == "ref" and element.get("target"):
            label = text_of(element).strip().rstrip(":").lower()
            draft.relations.append((label if label in RELATION_TYPES else "related", element.get("target", "")))
        elif tag in ("admin", "xref", "ref") and (text_of(element).strip() or element.get("target")):
            target = element.get("target")
            shown = text_of(element).strip() + (f" <{target}>" if target else "")
            draft.notes.append(Note(f"{kind or tag}: {shown.strip()}", own_lang))
            self.report.kept_as_notes[f"{where}/{tag}{_typed(element)}"] += 1
        else:
            self.count(element, where)

    def _extra_sources(self, draft: ConceptDraft, sources: list[str], lang: str | None, where: str) -> None:
        for source in sources:
            draft.notes.append(Note(f"further source: {source}", lang))
            self.report.kept_as_notes[f"{where} with several sources"] += 1

    def _count_group_rest(self, group: etree._Element, where: str) -> None:
        if LOCAL[group.tag].endswith("Grp"):
            for child in group:
                if LOCAL[child.tag] not in ("descrip", "admin", "termNote"):
                    self.count(child, f"{where}/{LOCAL[group.tag]}")

    def _definition(
        self, draft: ConceptDraft, definition: Definition, lang: str | None, section: SectionDraft | None
    ) -> None:
        if section is None and lang:
            section = draft.sections.setdefault(lang, SectionDraft())
        if section is None:
            draft.orphan_definitions.append(definition)
        elif section.definition is None:
            section.definition = definition
        else:
            draft.notes.append(Note(f"definition: {definition.text}", lang, _sources(definition.source)))
            self.report.kept_as_notes["second definition in one language"] += 1

    def _term(self, draft: ConceptDraft, section: SectionDraft, lang: str, holder: etree._Element) -> None:
        if holder.get("id"):
            draft.inner_ids.append(holder.get("id", ""))
        children: list[etree._Element] = []
        term_element = None
        for child in holder:
            tag = LOCAL[child.tag]
            if tag == "term" and term_element is None:
                term_element = child
            elif tag in ("termGrp", "termNoteGrp"):
                for inner in child:
                    if LOCAL[inner.tag] == "term" and term_element is None:
                        term_element = inner
                    else:
                        children.append(inner)
            else:
                children.append(child)
        raw = text_of(term_element) if term_element is not None else ""
        text = " ".join(raw.split())
        if not text:
            self.report.unmapped["termSec without term text"] += 1
            return
        if text != raw:
            self.report.converted["term text whitespace normalized"] += 1
        if term_element is not None and term_element.get("id"):
            draft.inner_ids.append(term_element.get("id", ""))
        term = TermDraft(text)
        for child in children:
            if LOCAL[child.tag] == "termNote" and len(child) == 0:
                self._term_note(draft, term, lang, child.get("type", ""), (child.text or "").strip())
            else:
                self._term_detail(draft, term, lang, child)
        for existing in section.terms:
            if existing.text == term.text:
                self.report.converted["duplicate term in one language section (merged)"] += 1
                existing.usage_notes.extend(n for n in term.usage_notes if n not in existing.usage_notes)
                existing.contexts.extend(c for c in term.contexts if c not in existing.contexts)
                if existing.reliability is None:
                    existing.reliability = term.reliability
                return
        section.terms.append(term)
        self.report.terms += 1

    def _term_detail(self, draft: ConceptDraft, term: TermDraft, lang: str, element: etree._Element) -> None:
        tag, kind = LOCAL[element.tag], element.get("type", "")
        value = text_of(element).strip()
        if tag == "termNote":
            self._term_note(draft, term, lang, kind, value)
        elif tag in ("admin", "adminGrp") and kind in ("projectSubset", "") and value == FLAG_CASE_SENSITIVE:
            term.case_sensitive = True
        elif tag in ("admin", "adminGrp") and kind in ("projectSubset", "") and value == FLAG_PROPER_NOUN:
            term.part_of_speech = "properNoun"
        elif tag == "admin" and kind == "projectSubset" and value.startswith(RELIABILITY_SUBSET):
            self._reliability(draft, term, lang, value.removeprefix(RELIABILITY_SUBSET))
        elif tag in ("descrip", "descripGrp"):
            descrip, sources = _grouped(element, "descrip")
            if descrip is None:
                self.count(element, "termSec")
                return
            kind = descrip.get("type", "")
            text = text_of(descrip)
            if kind == RELIABILITY_CATEGORY:
                self._reliability(draft, term, lang, text.strip())
            elif kind == "context":
                if text.strip():
                    term.contexts.append(Context(text, Source(sources[0]) if sources else None))
                else:
                    self.report.unmapped["termSec/context (empty)"] += 1
                self._extra_sources(draft, sources[1:], lang, "termSec/context")
            elif kind.lower() in ("usage note", "usagenote"):
                term.usage_notes.append(text)
            elif text.strip():
                draft.notes.append(Note(f"{term.text}: {kind}: {text}", lang, tuple(Source(s) for s in sources)))
                self.report.kept_as_notes[f"termSec/descrip[@type='{kind}']"] += 1
            self._count_group_rest(element, "termSec")
        elif tag == "note":
            if text_of(element).strip():
                term.usage_notes.append(text_of(element))
            else:
                self.report.unmapped["termSec/note (empty)"] += 1
        elif tag == "ref" and element.get("target"):
            draft.relations.append(("related", element.get("target", "")))
        elif value or element.get("target"):
            target = element.get("target")
            draft.notes.append(Note(f"{term.text}: {kind or tag}: {value}" + (f" <{target}>" if target else ""), lang))
            self.report.kept_as_notes[f"termSec/{tag}{_typed(element)}"] += 1
        else:
            self.count(element, "termSec")

    def _term_note(self, draft: ConceptDraft, term: TermDraft, lang: str, kind: str, value: str) -> None:
        if kind == "administrativeStatus" and value.lower() in STATUS_VALUES:
            term.status = STATUS_VALUES[value.lower()]
            if value.lower() in ("notrecommended", "obsolete"):
                self.report.converted[f"administrativeStatus {value!r} → {term.status}"] += 1
            return
        if kind == "termType" and value in TERM_TYPES:
            term.type = value
            return
        if kind == "partOfSpeech" and value in PARTS_OF_SPEECH:
            if term.part_of_speech != "properNoun":
                term.part_of_speech = value
            return
        if kind == RELIABILITY_CATEGORY:
            self._reliability(draft, term, lang, value)
            return
        draft.notes.append(Note(f"{term.text}: {kind}: {value}", lang))
        self.report.kept_as_notes[f"termNote[@type='{kind}'] value {value!r}"] += 1

    def _reliability(self, draft: ConceptDraft, term: TermDraft, lang: str, value: str) -> None:
        """A term's ``reliabilityCode``: a whole number from 1 to 10 (or an IATE grade, converted later)."""
        code = int(value) if value.isdecimal() and len(value) < 3 else 0
        if reliability_problem(code) is None and term.reliability is None:
            term.reliability = code
            self.document.highest_reliability = max(self.document.highest_reliability, code)
            return
        draft.notes.append(Note(f"{term.text}: {RELIABILITY_CATEGORY}: {value}", lang))
        why = "a second one on a term" if term.reliability is not None else "not a whole number from 1 to 10"
        self.report.kept_as_notes[f"{RELIABILITY_CATEGORY} {why}"] += 1


def _typed(element: etree._Element) -> str:
    kind = element.get("type")
    return f"[@type='{kind}']" if kind else ""


def _grouped(element: etree._Element, main: str) -> tuple[etree._Element | None, list[str]]:
    """The main element of a ``*Grp`` (or the element itself) and the sources attached to it."""
    if LOCAL[element.tag] == main:
        return element, []
    found = next((c for c in element if LOCAL[c.tag] == main), None)
    sources = [
        text_of(c).strip()
        for c in element
        if LOCAL[c.tag] == "admin" and c.get("type") == "source" and text_of(c).strip() and c is not found
    ]
    if found is not None and main == "admin" and found.get("type") == "source":
        sources.insert(0, text_of(found).strip())
    return found, sources


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text is not None else ()


def _sources(source: Source | None) -> tuple[Source, ...]:
    return (source,) if source else ()


def read_tbx(path: Path, options: ImportOptions | None = None) -> ImportResult:
    """Read a TBX file (v2 or v3) and resolve its references into a term base."""
    options = options or ImportOptions()
    report = ImportReport(file=str(path))
    document = TbxReader(path, report, options.progress).read()
    return Resolver(document, options, report).build()
