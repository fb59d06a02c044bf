"""TBX v2 (ISO 30042:2008, ``martif``/``termEntry``/``langSet``/``tig``), one language pair per file.

This is the generation translate-toolkit and Weblate read: one source and
one target language per file.  Import accepts any number of languages
(:mod:`glossary.formats.tbxread`).

What the export carries: concept ids, subject ids, and for the two
languages the terms (type, status, part of speech, case sensitivity,
reliability as ``descrip[@type='reliabilityCode']``, usage note, contexts)
and definitions, plus notes written in either language or in none, and
cross-references between exported concepts.  What it drops:
every other language; what cited sources are (their description in
``sources.yaml``; the citation text itself stays, and comes back as a
free-text source); subject labels; the term base's description and
declared languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

from lxml import etree

from glossary.formats.base import NOTHING_TO_EXPORT, ExportOptions, Format, ImportOptions, ImportResult
from glossary.formats.filters import prune_relations, restrict
from glossary.formats.idmap import concept_id_to_xml
from glossary.formats.tbx3 import cited, term_element
from glossary.formats.tbxread import read_tbx
from glossary.formats.xmlwrite import XML_LANG, Writer
from glossary.model import Concept


class Tbx2Format(Format):
    name = "tbx2"
    label = "TBX v2 (martif, one language pair: translate-toolkit, Weblate, OmegaT)"
    extensions = (".tbx",)
    mimetype = "application/x-tbx"
    importable = True
    bilingual = True

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        source, target = options.pair(options.info.languages if options.info else ())
        pair = (source, target)
        with etree.xmlfile(out, encoding="utf-8") as xf:
            xf.write_declaration()
            with xf.element("martif", {"type": "TBX", XML_LANG: source}):
                w = Writer(xf)
                with w.element("martifHeader"), w.element("fileDesc"):
                    if options.info and options.info.name:
                        with w.element("titleStmt"):
                            w.leaf("title", options.info.name)
                    with w.element("sourceDesc"):
                        w.leaf("p", "Exported by kazterm", type="generator")
                with w.element("text"), w.element("body"):
                    written = 0
                    for concept in concepts:
                        chosen = prune_relations(restrict(concept, pair), options.exported_ids)
                        if source in chosen.languages and chosen.languages[source].terms:
                            _entry(w, chosen, pair)
                            xf.flush()
                            written += 1
                    if not written:
                        raise ValueError(NOTHING_TO_EXPORT)

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        return read_tbx(source, options)


def _entry(w: Writer, concept: Concept, pair: tuple[str, str]) -> None:
    with w.element("termEntry", id=concept_id_to_xml(concept.id)):
        for subject in concept.subjects:
            w.leaf("descrip", subject, type="subjectField")
        for note in concept.notes:
            w.leaf("note", note.text, lang=note.lang)
        for relation in concept.relations:
            w.leaf("ref", relation.type, type="crossReference", target=concept_id_to_xml(relation.target))
        for lang in pair:
            section = concept.languages.get(lang)
            if section is None or not section.terms:
                continue
            with w.element("langSet", lang=lang):
                if section.definition:
                    cited(w, "definition", section.definition.text, section.definition.source)
                for term in section.terms:
                    term_element(w, term, "tig")
