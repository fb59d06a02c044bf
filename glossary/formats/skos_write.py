"""Build the SKOS/SKOS-XL graph of a term base, or of one concept.

The mapping is the table in ``docs/formats.md``; the choices that keep
SKOS's integrity conditions are :mod:`glossary.formats.skos_vocab`'s.
Everything that has an order in the term base (terms, notes, contexts,
relations, subject fields) gets it back from ``kt:order`` or a
``kt:…Order`` list, since an RDF graph has none.  Nodes are named with
fragment IRIs under their concept (``…/concept/iso#kk-1``), not blank
nodes, so that two exports of one term base are byte-identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from glossary.formats.base import TermbaseInfo
from glossary.formats.skos_vocab import (
    KT,
    PLAIN_LABEL,
    PREFIXES,
    RELATION_PROPERTIES,
    SKOSXL,
    SOURCE_LITERALS,
    Adjustments,
    concept_uri,
    plan_labels,
    related_clashes,
    scheme_uri,
    source_uri,
    subject_uri,
)
from glossary.model import LOCALIZED_SOURCE_FIELDS, Concept, Source, SourceText, Subject, Term


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def lang_literal(text: str, lang: str | None) -> Literal:
    return Literal(text, lang=lang) if lang else Literal(text)


class SkosWriter:
    """Adds concepts, and then the scheme, subject fields and sources, to one graph."""

    def __init__(self, base: str, graph: Graph | None = None) -> None:
        self.base = base
        self.graph = graph if graph is not None else new_graph()
        self.scheme = scheme_uri(base)
        self.adjustments = Adjustments()
        self.members: dict[str, list[URIRef]] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.graph.add((s, p, o))

    def cite(self, node: URIRef, source: Source | None) -> None:
        if source is not None:
            self.add(node, DCTERMS.source, source_uri(self.base, source.text))
            self.add(node, KT.citation, Literal(str(source)))

    def concept(self, concept: Concept) -> None:
        uri = concept_uri(self.base, concept.id)
        self.add(uri, RDF.type, SKOS.Concept)
        self.add(uri, SKOS.inScheme, self.scheme)
        if not any(r.type == "broader" for r in concept.relations):
            self.add(uri, SKOS.topConceptOf, self.scheme)
            self.add(self.scheme, SKOS.hasTopConcept, uri)
        for subject in concept.subjects:
            self.members.setdefault(subject, []).append(uri)
        if len(concept.subjects) > 1:
            self.add(uri, KT.subjectOrder, Literal(" ".join(concept.subjects)))
        for lang, section in concept.languages.items():
            for index, (term, prop) in enumerate(
                zip(section.terms, plan_labels(lang, section.terms, self.adjustments), strict=True)
            ):
                self.label(uri, lang, index + 1, term, prop)
            if section.definition is not None:
                definition = section.definition
                if definition.source is None:
                    self.add(uri, SKOS.definition, Literal(definition.text, lang=lang))
                else:
                    node = URIRef(f"{uri}#definition-{lang}")
                    self.add(uri, SKOS.definition, node)
                    self.add(node, RDF.value, Literal(definition.text, lang=lang))
                    self.cite(node, definition.source)
        for index, note in enumerate(concept.notes, start=1):
            node = URIRef(f"{uri}#note-{index}")
            self.add(uri, SKOS.note, node)
            self.add(node, RDF.value, lang_literal(note.text, note.lang))
            self.add(node, KT.order, Literal(index))
            if note.group is not None:
                self.add(node, KT.group, Literal(note.group))
            for source in note.sources:
                self.add(node, DCTERMS.source, source_uri(self.base, source.text))
            if note.sources:
                self.add(node, KT.citation, Literal("; ".join(map(str, note.sources))))
        for relation in concept.relations:
            self.add(uri, RELATION_PROPERTIES[relation.type], concept_uri(self.base, relation.target))
        if len(concept.relations) > 1:
            order = " ".join(f"{r.type}:{r.target}" for r in concept.relations)
            self.add(uri, KT.relationOrder, Literal(order))

    def label(self, concept: URIRef, lang: str, index: int, term: Term, prop: URIRef) -> None:
        node = URIRef(f"{concept}#{lang}-{index}")
        text = Literal(term.text, lang=lang)
        self.add(concept, prop, node)
        if prop in PLAIN_LABEL:
            self.add(concept, PLAIN_LABEL[prop], text)
        self.add(node, RDF.type, SKOSXL.Label)
        self.add(node, SKOSXL.literalForm, text)
        self.add(node, KT.order, Literal(index))
        self.add(node, KT.termType, Literal(term.type))
        self.add(node, KT.status, Literal(term.status))
        if term.part_of_speech:
            self.add(node, KT.partOfSpeech, Literal(term.part_of_speech))
        if term.case_sensitive:
            self.add(node, KT.caseSensitive, Literal(True))
        if term.reliability is not None:
            self.add(node, KT.reliability, Literal(term.reliability))
        if term.usage_note:
            self.add(node, SKOS.scopeNote, Literal(term.usage_note))
        for number, context in enumerate(term.contexts, start=1):
            example = URIRef(f"{node}-context-{number}")
            self.add(node, SKOS.example, example)
            self.add(example, RDF.value, Literal(context.text, lang=lang))
            self.add(example, KT.order, Literal(number))
            self.cite(example, context.source)

    def finish(self, info: TermbaseInfo | None) -> Graph:
        """Add the scheme, the subject-field collections and the sources; the graph is then complete."""
        self.add(self.scheme, RDF.type, SKOS.ConceptScheme)
        if info is not None:
            self.metadata(info)
            for subject in info.subjects.values():
                uri = subject_uri(self.base, subject.id)
                self.add(uri, RDF.type, SKOS.Collection)
                for lang, text in subject.labels.items():
                    self.add(uri, SKOS.prefLabel, Literal(text, lang=lang))
                if subject.parent:
                    self.add(subject_uri(self.base, subject.parent), SKOS.member, uri)
            for source in info.sources.values():
                self.source(source)
        for subject, members in self.members.items():
            for member in members:
                self.add(subject_uri(self.base, subject), SKOS.member, member)
        related_clashes(self.graph, self.adjustments)
        for line in self.adjustments.lines():
            self.add(self.scheme, SKOS.editorialNote, Literal(line, lang="en"))
        return self.graph

    def metadata(self, info: TermbaseInfo) -> None:
        if info.name:
            self.add(self.scheme, DCTERMS.title, Literal(info.name))
        if info.description:
            self.add(self.scheme, DCTERMS.description, Literal(info.description))
        for attribute, prop in (("name_by_lang", DCTERMS.title), ("description_by_lang", DCTERMS.description)):
            for lang, text in getattr(info, attribute, ()):
                self.add(self.scheme, prop, Literal(text, lang=lang))
        if info.languages:
            self.add(self.scheme, KT.languages, Literal(" ".join(info.languages)))

    def source(self, source: SourceText) -> None:
        uri = source_uri(self.base, source.id)
        self.add(uri, RDF.type, DCTERMS.BibliographicResource)
        for name, prop in SOURCE_LITERALS.items():
            if getattr(source, name):
                self.add(uri, prop, Literal(getattr(source, name)))
        for name in LOCALIZED_SOURCE_FIELDS:
            for lang, text in getattr(source, f"{name}_by_lang"):
                self.add(uri, SOURCE_LITERALS[name], Literal(text, lang=lang))
        if source.sentences:
            self.add(uri, KT.sentences, Literal("\n".join(source.sentences)))
        if source.original_sentences:
            self.add(uri, KT.originalSentences, Literal("\n".join(source.original_sentences)))


def termbase_graph(concepts: Iterable[Concept], base: str, info: TermbaseInfo | None) -> tuple[Graph, Adjustments]:
    writer = SkosWriter(base)
    for concept in concepts:
        writer.concept(concept)
    return writer.finish(info), writer.adjustments


def concept_graph(concept: Concept, base: str, subjects: Mapping[str, Subject] | None = None) -> Graph:
    """One concept's description (for its page): its labels, notes and links, and its subject fields' labels."""
    writer = SkosWriter(base)
    writer.concept(concept)
    for subject_id in concept.subjects:
        subject = (subjects or {}).get(subject_id)
        if subject is not None:
            uri = subject_uri(base, subject_id)
            writer.add(uri, RDF.type, SKOS.Collection)
            for lang, text in subject.labels.items():
                writer.add(uri, SKOS.prefLabel, Literal(text, lang=lang))
    return writer.finish(None)
