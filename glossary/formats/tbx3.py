"""TBX-Basic v3 (ISO 30042:2019), DCA style: the lossless exchange format.

Every field of the model maps onto a TBX-Basic data category that the
official LTAC schemas accept:

==========================  ==============================================================
model                       TBX-Basic v3
==========================  ==============================================================
concept id                  ``conceptEntry/@id`` (ids not starting with a letter get a '_')
subjects                    ``descrip[@type='subjectField']`` holding the subject id
definition + source         ``langSec/descripGrp/descrip[@type='definition']`` + ``admin[@type='source']``
definition, no terms        the same ``descripGrp`` on ``conceptEntry`` with ``xml:lang``
term type/status/POS        ``termNote`` termType / administrativeStatus (``…Term-admn-sts``) / partOfSpeech
part of speech properNoun   ``partOfSpeech`` noun + ``admin[@type='projectSubset']`` ``properNoun``
case_sensitive              ``admin[@type='projectSubset']`` ``caseSensitive``
reliability                 ``admin[@type='projectSubset']`` ``reliabilityCode=9``
usage note                  ``termSec/note``
context + source            ``termSec/descripGrp/descrip[@type='context']`` + ``admin[@type='source']``
note (lang, no source)      ``conceptEntry/note[@xml:lang]``
note with sources           ``adminGrp``: ``admin[@type='source']`` (several joined by '; ') + ``note``
relation                    ``ref[@type='crossReference'][@target]`` whose text is broader/narrower/related
name, description           ``titleStmt/title``, ``titleStmt/note``
declared languages          ``encodingDesc/p[@type='languages']``
sources, subject fields     ``back/refObjectSec[@type='sources'|'subjectFields']``, one ``item`` per field
sentence files              ``item[@type='sentences']`` (one sentence per line), so citations stay checkable
source titles and notes     ``item[@type='title-kk']`` … per language, beside the first-given ``title``
==========================  ==============================================================

TBX-Basic has no category for case sensitivity, no ``properNoun`` part
of speech and no ``reliabilityCode`` (its schematron allows only
subjectField, context and definition as ``descrip``); a project subset
("the subset of case-sensitive terms", "the terms of reliability 9") is the
one data category that carries such a value validly.  TBX v2 has
``reliabilityCode``: :mod:`glossary.formats.tbx2` writes it as
``descrip[@type='reliabilityCode']``, and the reader takes that form from
any TBX file (IATE's downloads use it in v3 too).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

from lxml import etree

from glossary.formats.base import NOTHING_TO_EXPORT, ExportOptions, Format, ImportOptions, ImportResult
from glossary.formats.filters import has_terms, prune_relations, restrict
from glossary.formats.idmap import concept_id_to_xml
from glossary.formats.tbxread import (
    FLAG_CASE_SENSITIVE,
    FLAG_PROPER_NOUN,
    RELIABILITY_CATEGORY,
    RELIABILITY_SUBSET,
    TBX3_NAMESPACE,
    read_tbx,
)
from glossary.formats.xmlwrite import XML_LANG, Writer
from glossary.model import LOCALIZED_SOURCE_FIELDS, SOURCE_FIELDS, STATUSES, Concept, Source, Term

TBX_NAMESPACE = TBX3_NAMESPACE
STATUS_TO_TBX = {s: f"{s}Term-admn-sts" for s in STATUSES}
SCHEMA_PIS = (
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"',
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" '
    'type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"',
)


class Tbx3Format(Format):
    name = "tbx"
    label = "TBX-Basic v3 (ISO 30042:2019)"
    extensions = (".tbx",)
    mimetype = "application/x-tbx"
    importable = True

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        info = options.info
        languages = options.languages or (info.languages if info else ())
        root_lang = options.source_lang or (languages[0] if languages else "en")
        with etree.xmlfile(out, encoding="utf-8") as xf:
            xf.write_declaration()
            for pi in SCHEMA_PIS:
                xf.write(etree.ProcessingInstruction("xml-model", pi))
            root_attributes = {"type": "TBX-Basic", "style": "dca", XML_LANG: root_lang}
            with xf.element(f"{{{TBX_NAMESPACE}}}tbx", root_attributes, nsmap={None: TBX_NAMESPACE}):
                w = Writer(xf, TBX_NAMESPACE)
                _header(w, options)
                with w.element("text"):
                    with w.element("body"):
                        written = 0
                        for concept in concepts:
                            chosen = prune_relations(restrict(concept, options.languages), options.exported_ids)
                            if has_terms(chosen):
                                _entry(w, chosen)
                                xf.flush()
                                written += 1
                        if not written:
                            raise ValueError(NOTHING_TO_EXPORT)
                    _back(w, options)

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        return read_tbx(source, options)


def _header(w: Writer, options: ExportOptions) -> None:
    info = options.info
    with w.element("tbxHeader"):
        with w.element("fileDesc"):
            if info and info.name:
                with w.element("titleStmt"):
                    w.leaf("title", info.name)
                    if info.description:
                        w.leaf("note", info.description)
            with w.element("sourceDesc"):
                w.leaf("p", "Exported by kazterm", type="generator")
        if info is not None:
            with w.element("encodingDesc"):
                w.leaf("p", " ".join(info.languages), type="languages")


def _back(w: Writer, options: ExportOptions) -> None:
    info = options.info
    if info is None or not (info.sources or info.subjects):
        return
    with w.element("back"):
        if info.subjects:
            with w.element("refObjectSec", type="subjectFields"):
                for subject in info.subjects.values():
                    with w.element("refObject"):
                        w.leaf("item", subject.id, type="id")
                        if subject.parent:
                            w.leaf("item", subject.parent, type="parent")
                        for lang, label in subject.labels.items():
                            w.leaf("item", label, type=f"label-{lang}")
        if info.sources:
            with w.element("refObjectSec", type="sources"):
                for source in info.sources.values():
                    with w.element("refObject"):
                        w.leaf("item", source.id, type="id")
                        for field in SOURCE_FIELDS:
                            if getattr(source, field):
                                w.leaf("item", getattr(source, field), type=field)
                        for field in LOCALIZED_SOURCE_FIELDS:
                            for lang, text in getattr(source, f"{field}_by_lang"):
                                w.leaf("item", text, type=f"{field}-{lang}")
                        if source.sentences:
                            w.leaf("item", "\n".join(source.sentences), type="sentences")
                        if source.original_sentences:
                            w.leaf("item", "\n".join(source.original_sentences), type="original_sentences")


def cited(w: Writer, kind: str, text: str, source: Source | None, lang: str | None = None) -> None:
    if source is None:
        w.leaf("descrip", text, type=kind, lang=lang)
        return
    with w.element("descripGrp"):
        w.leaf("descrip", text, type=kind, lang=lang)
        w.leaf("admin", str(source), type="source")


def _entry(w: Writer, concept: Concept) -> None:
    with w.element("conceptEntry", id=concept_id_to_xml(concept.id)):
        for subject in concept.subjects:
            w.leaf("descrip", subject, type="subjectField")
        for lang, section in concept.languages.items():
            if section.definition and not section.terms:
                cited(w, "definition", section.definition.text, section.definition.source, lang)
        for note in concept.notes:
            if note.sources:
                with w.element("adminGrp"):
                    w.leaf("admin", "; ".join(map(str, note.sources)), type="source")
                    w.leaf("note", note.text, lang=note.lang)
            else:
                w.leaf("note", note.text, lang=note.lang)
        for relation in concept.relations:
            w.leaf("ref", relation.type, type="crossReference", target=concept_id_to_xml(relation.target))
        for lang, section in concept.languages.items():
            if not section.terms:
                continue
            with w.element("langSec", lang=lang):
                if section.definition:
                    cited(w, "definition", section.definition.text, section.definition.source)
                for term in section.terms:
                    term_element(w, term)


def term_element(w: Writer, term: Term, container: str = "termSec") -> None:
    """One term; in a v2 ``tig`` the reliability is TBX's own ``descrip``, in a v3 ``termSec`` a project subset."""
    with w.element(container):
        w.leaf("term", term.text)
        w.leaf("termNote", term.type, type="termType")
        w.leaf("termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
        if term.part_of_speech:
            pos = "noun" if term.part_of_speech == "properNoun" else term.part_of_speech
            w.leaf("termNote", pos, type="partOfSpeech")
        if term.part_of_speech == "properNoun":
            w.leaf("admin", FLAG_PROPER_NOUN, type="projectSubset")
        if term.case_sensitive:
            w.leaf("admin", FLAG_CASE_SENSITIVE, type="projectSubset")
        if term.reliability is not None and container == "termSec":
            w.leaf("admin", f"{RELIABILITY_SUBSET}{term.reliability}", type="projectSubset")
        elif term.reliability is not None:
            w.leaf("descrip", str(term.reliability), type=RELIABILITY_CATEGORY)
        for context in term.contexts:
            cited(w, "context", context.text, context.source)
        if term.usage_note:
            w.leaf("note", term.usage_note)
