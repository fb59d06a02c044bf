"""Read a SKOS or SKOS-XL vocabulary (Turtle, RDF/XML, JSON-LD, N-Triples) into a term base.

Our own exports come back exactly: the ``kt:`` properties restore what SKOS
has no term for (see :mod:`glossary.formats.skos_vocab`).  A foreign
vocabulary maps as ``docs/formats.md`` says: XL labels and plain label
literals become terms (pref → preferred, alt → admitted, hidden →
deprecated), collections become subject fields, concept-level scope,
history, editorial and change notes and examples are kept as notes, and
every other property of a concept is counted in the report as not mapped.

The parsers hold the whole graph in memory, so files are bounded
(:data:`MAX_RDF_BYTES`).  Nothing is fetched: RDF/XML passes the XML guards
of :mod:`glossary.formats.safexml` first (no entity declarations, no DTD at
all), and a JSON-LD file naming a remote ``@context`` is refused before
rdflib sees it.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from glossary.formats.base import FormatError, ImportOptions, ImportReport, ImportResult
from glossary.formats.idmap import IdMinter
from glossary.formats.safexml import root_of
from glossary.formats.skos_nodes import (
    KEPT_NOTES,
    SourceMapper,
    language_order,
    order_of,
    ordered,
    read_notes,
    text_of,
)
from glossary.formats.skos_vocab import (
    EXPORT_NOTE_PREFIX,
    KT,
    RELATION_PROPERTIES,
    SKOSXL,
    STATUS_FOR_LABEL,
    local_name,
)
from glossary.formats.skos_vocab import local_id as uri_id
from glossary.model import (
    PARTS_OF_SPEECH,
    STATUSES,
    TERM_TYPES,
    Concept,
    Context,
    Definition,
    LanguageSection,
    Relation,
    Subject,
    Term,
    Termbase,
    reliability_problem,
)

#: The largest RDF file read: rdflib builds the whole graph in memory (about 1 KB per triple).
MAX_RDF_BYTES = 64 * 1024 * 1024
#: rdflib's parser name for each file extension.
RDF_FORMATS = {".ttl": "turtle", ".rdf": "xml", ".owl": "xml", ".jsonld": "json-ld", ".nt": "nt"}
LINE_IN_MESSAGE = re.compile(r"line:? ?(\d+)", re.IGNORECASE)
XL_LABELS = (SKOSXL.prefLabel, SKOSXL.altLabel, SKOSXL.hiddenLabel, KT.otherLabel)
PLAIN_LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
#: Concept properties read as terms, definitions, notes, relations or our own bookkeeping.
HANDLED = frozenset(
    {
        RDF.type,
        SKOS.inScheme,
        SKOS.topConceptOf,
        SKOS.definition,
        SKOS.note,
        *XL_LABELS,
        *PLAIN_LABELS,
        *RELATION_PROPERTIES.values(),
        KT.related,
        KT.relationOrder,
        KT.subjectOrder,
    }
)


def parse_graph(path: Path) -> Graph:
    """The file's graph; every failure is a located :class:`FormatError`."""
    rdf_format = RDF_FORMATS.get(path.suffix.lower(), "turtle")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FormatError(str(path), f"cannot read file: {exc.strerror}") from exc
    if size > MAX_RDF_BYTES:
        raise FormatError(str(path), f"file is {size} bytes; the limit for RDF is {MAX_RDF_BYTES}")
    data: str | None = None
    if rdf_format == "xml":
        root = root_of(path)  # refuses entity declarations; a syntax error comes with its line
        if root.external_dtd:
            raise FormatError(str(path), "RDF/XML with a DOCTYPE is not read (the DTD would be fetched)", line=1)
    else:
        data = _text(path)
        if rdf_format == "json-ld":
            _refuse_remote_contexts(path, data)
    graph = Graph()
    try:
        with warnings.catch_warnings():  # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            _parse(graph, path, rdf_format, data)
    except Exception as exc:  # rdflib's parsers raise many types; each becomes a located message
        raise _located(path, exc) from None
    return graph


def _located(path: Path, exc: Exception) -> FormatError:
    """rdflib's message without the file's own address, and its line where it gives one."""
    if isinstance(exc, SAXParseException):  # RDF/XML
        return FormatError(str(path), f"malformed RDF/XML: {exc.getMessage()}", line=exc.getLineNumber() or 0)
    message = " ".join(str(exc).replace(path.resolve().as_uri(), "").split()) or type(exc).__name__
    message = message.partition(" at ^ in:")[0]  # Turtle's excerpt of the raw bytes helps no one
    match = LINE_IN_MESSAGE.search(message)
    return FormatError(str(path), f"malformed RDF: {message[:300]}", line=int(match.group(1)) if match else 0)


def _parse(graph: Graph, path: Path, rdf_format: str, data: str | None) -> None:
    if data is None:
        graph.parse(source=str(path), format=rdf_format)
    else:
        graph.parse(data=data, format=rdf_format, publicID=path.resolve().as_uri())


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(str(path), f"not UTF-8 (byte {exc.start})") from None


def _refuse_remote_contexts(path: Path, data: str) -> None:
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        raise FormatError(str(path), f"malformed JSON: {exc.msg}", line=exc.lineno) from None
    for context in _contexts(document):
        if isinstance(context, str) or (isinstance(context, dict) and "@import" in context):
            raise FormatError(
                str(path), "JSON-LD with a remote @context is not read (it would be fetched)", field="@context"
            )


def _contexts(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield from value if isinstance(value, list) else [value]
            yield from _contexts(value)  # scoped contexts nest inside contexts and nodes
    elif isinstance(node, list):
        for item in node:
            yield from _contexts(item)


class SkosReader:
    """Map one parsed graph onto a term base, counting in ``report`` what has no place."""

    def __init__(self, path: Path, graph: Graph, options: ImportOptions, report: ImportReport) -> None:
        self.path, self.graph, self.options, self.report = path, graph, options, report
        self.sources = SourceMapper(graph, options, report)
        self.ids: dict[URIRef, str] = {}
        self.subject_ids: dict[URIRef, str] = {}
        self.scheme: URIRef | None = None

    def qname(self, uri: URIRef) -> str:
        try:
            return self.graph.namespace_manager.normalizeUri(uri)
        except Exception:  # an IRI rdflib cannot split
            return f"<{uri}>"

    def read(self) -> Termbase:
        g = self.graph
        schemes = [u for u in g.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(u, URIRef)]
        # the vocabulary is the scheme most concepts are in; any other (a microthesaurus) is a subject field
        self.scheme = min(schemes, key=lambda u: (-len(set(g.subjects(SKOS.inScheme, u))), str(u)), default=None)
        minter = IdMinter(set(self.options.known_subjects))
        groups = [u for u in g.subjects(RDF.type, SKOS.Collection) if isinstance(u, URIRef)]
        for uri in sorted({*groups, *(u for u in schemes if u != self.scheme)}):
            self.subject_ids[uri] = minter.mint(uri_id(uri, "subject") or local_name(uri))
        concept_minter = IdMinter()
        uris = sorted(u for u in g.subjects(RDF.type, SKOS.Concept) if isinstance(u, URIRef))
        for uri in uris:
            wanted = uri_id(uri) or local_name(uri)
            self.ids[uri] = concept_minter.mint(wanted)
            if self.ids[uri] != wanted:
                self.report.converted["concept URI whose last segment is not a free, valid id (renamed)"] += 1
        subjects = {sid: self.subject(uri, sid) for uri, sid in self.subject_ids.items()}
        concepts = {self.ids[uri]: self.concept(uri) for uri in uris}
        return self.termbase(concepts, subjects)

    def subject(self, uri: URIRef, subject_id: str) -> Subject:
        labels: dict[str, str] = {}
        for literal in sorted(self.graph.objects(uri, SKOS.prefLabel)):
            if isinstance(literal, Literal) and literal.language:
                labels.setdefault(literal.language, str(literal))
        parents = sorted(self.subject_ids[p] for p in self.graph.subjects(SKOS.member, uri) if p in self.subject_ids)
        return Subject(subject_id, labels, parents[0] if parents else None)

    def concept(self, uri: URIRef) -> Concept:
        g = self.graph
        self.report.concepts += 1
        if self.options.progress is not None:
            self.options.progress(self.report.concepts, None)
        terms: dict[str, list[tuple[Any, Term]]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for prop in XL_LABELS:
            for node in g.objects(uri, prop):
                self.xl_label(node, prop, terms, seen)
        for prop in PLAIN_LABELS:
            for literal in sorted(g.objects(uri, prop)):
                self.plain_label(literal, prop, terms, seen)
        definitions = self.definitions(uri)
        sections = {}
        for lang in language_order([*terms, *definitions]):
            chosen = tuple(term for _, term in sorted(terms.get(lang, []), key=lambda pair: pair[0]))
            self.report.terms += len(chosen)
            sections[lang] = LanguageSection(lang, chosen, definitions.get(lang))
        for prop in set(g.predicates(uri)) - HANDLED - set(KEPT_NOTES):
            self.report.unmapped[f"skos:Concept/{self.qname(prop)}"] += len(list(g.objects(uri, prop)))
        return Concept(
            self.ids[uri],
            self.concept_subjects(uri),
            sections,
            read_notes(g, uri, self.sources, self.report),
            self.relations(uri),
        )

    def xl_label(
        self, node: Any, prop: URIRef, terms: dict[str, list[tuple[Any, Term]]], seen: set[tuple[str, str]]
    ) -> None:
        g = self.graph
        form = g.value(node, SKOSXL.literalForm)
        if not isinstance(form, Literal) or not str(form).strip() or not form.language:
            self.report.unmapped["skosxl:Label without a language-tagged literalForm"] += 1
            return
        lang, text = form.language, str(form).strip()
        seen.add((lang, text))  # each XL label is a term of its own; the plain literal beside it is not
        status = str(g.value(node, KT.status) or "")
        if status not in STATUSES:
            status = STATUS_FOR_LABEL.get(prop, "admitted")
            self.report.converted[f"{self.qname(prop)} → {status} term"] += 1
        kind = str(g.value(node, KT.termType) or "fullForm")
        pos = str(g.value(node, KT.partOfSpeech) or "") or None
        for what, value, allowed in (("kt:termType", kind, TERM_TYPES), ("kt:partOfSpeech", pos, PARTS_OF_SPEECH)):
            if value is not None and value not in allowed:
                self.report.unmapped[f"{what} value {value!r} (not TBX-Basic's)"] += 1
        contexts = []
        for example in ordered(g, g.objects(node, SKOS.example)):
            value = text_of(g, example)
            if value is not None:
                contexts.append(Context(str(value), self.sources.citation(example)))
        reliability = self.reliability(g.value(node, KT.reliability))
        term = Term(
            text,
            type=kind if kind in TERM_TYPES else "fullForm",
            status=status,
            part_of_speech=pos if pos in PARTS_OF_SPEECH else None,
            usage_note=str(g.value(node, SKOS.scopeNote) or ""),
            case_sensitive=str(g.value(node, KT.caseSensitive)).lower() in ("true", "1"),
            reliability=reliability,
            contexts=tuple(contexts),
        )
        terms[lang].append(((0, order_of(g, node), STATUSES.index(status), text), term))

    def reliability(self, value: Any) -> int | None:
        """A label's ``kt:reliability``: an integer on TBX's 1–10 scale; anything else is counted as not mapped."""
        if value is None:
            return None
        python = value.toPython() if isinstance(value, Literal) else value
        if reliability_problem(python) is not None:
            self.report.unmapped[f"kt:reliability value {str(value)!r} (not a whole number from 1 to 10)"] += 1
            return None
        return python

    def plain_label(
        self, literal: Any, prop: URIRef, terms: dict[str, list[tuple[Any, Term]]], seen: set[tuple[str, str]]
    ) -> None:
        if not isinstance(literal, Literal) or not str(literal).strip() or not literal.language:
            self.report.unmapped[f"{self.qname(prop)} without a language tag"] += 1
            return
        lang, text = literal.language, str(literal).strip()
        if (lang, text) in seen:  # the plain twin of an XL label, or a repeat
            return
        seen.add((lang, text))
        status = STATUS_FOR_LABEL[prop]
        self.report.converted[f"{self.qname(prop)} literal → {status} term"] += 1
        rank = STATUSES.index(status)
        terms[lang].append(((1, 10**9, rank, text), Term(text, status=status)))

    def definitions(self, uri: URIRef) -> dict[str, Definition]:
        found: dict[str, Definition] = {}
        for node in ordered(self.graph, self.graph.objects(uri, SKOS.definition)):
            value = text_of(self.graph, node)
            if value is None or not value.language:
                self.report.unmapped["skos:definition without a language tag"] += 1
                continue
            if value.language in found:
                self.report.unmapped["second skos:definition in one language"] += 1
                continue
            found[value.language] = Definition(str(value), self.sources.citation(node))
        return found

    def relations(self, uri: URIRef) -> tuple[Relation, ...]:
        out = []
        for kind, prop in [*RELATION_PROPERTIES.items(), ("related", KT.related)]:
            for target in self.graph.objects(uri, prop):
                if target in self.ids:
                    out.append(Relation(kind, self.ids[target]))
                else:
                    self.report.unmapped[f"{self.qname(prop)} to a concept outside the file"] += 1
        order = str(self.graph.value(uri, KT.relationOrder) or "").split()
        rank = {token: n for n, token in enumerate(order)}
        out = list(dict.fromkeys(out))
        out.sort(key=lambda r: (rank.get(f"{r.type}:{r.target}", len(rank)), r.type, r.target))
        return tuple(out)

    def concept_subjects(self, uri: URIRef) -> tuple[str, ...]:
        groups = {*self.graph.subjects(SKOS.member, uri), *self.graph.objects(uri, SKOS.inScheme)}
        found = sorted({self.subject_ids[c] for c in groups if c in self.subject_ids})
        order = str(self.graph.value(uri, KT.subjectOrder) or "").split()
        rank = {subject: n for n, subject in enumerate(order)}
        return tuple(sorted(found, key=lambda s: (rank.get(s, len(rank)), s)))

    def termbase(self, concepts: dict[str, Concept], subjects: dict[str, Subject]) -> Termbase:
        g = self.graph
        scheme = self.scheme
        declared = str(g.value(scheme, KT.languages) or "").split() if scheme else []
        used = {lang for c in concepts.values() for lang in c.languages}
        languages = (*dict.fromkeys(declared), *sorted(used - set(declared)))

        def texts(prop: URIRef) -> tuple[str, tuple[tuple[str, str], ...]]:
            if scheme is None:
                return "", ()
            values = [v for v in g.objects(scheme, prop) if isinstance(v, Literal)]
            plain = sorted(str(v) for v in values if not v.language)
            tagged = sorted(((v.language, str(v)) for v in values if v.language), key=language_order_key(languages))
            return (plain[0] if plain else (tagged[0][1] if tagged else "")), tuple(tagged)

        name, name_by_lang = texts(DCTERMS.title)
        if not name:  # a vocabulary without dct:title: its scheme's label
            name, name_by_lang = texts(SKOS.prefLabel) if texts(SKOS.prefLabel)[0] else texts(RDFS.label)
        description, description_by_lang = texts(DCTERMS.description)
        if scheme is not None:
            for note in g.objects(scheme, SKOS.editorialNote):
                if not str(note).startswith(EXPORT_NOTE_PREFIX):
                    self.report.unmapped["skos:ConceptScheme/skos:editorialNote"] += 1
        return Termbase(
            name=self.options.name or name or self.path.stem,
            description=description,
            languages=languages,
            concepts=concepts,
            sources=self.sources.all(cited(concepts.values()), languages),
            subjects=subjects,
            name_by_lang=name_by_lang,
            description_by_lang=description_by_lang,
        )


def cited(concepts: Iterable[Concept]) -> list[str]:
    """Every source id the concepts cite, in first-cited order."""
    found: dict[str, None] = {}
    for concept in concepts:
        for section in concept.languages.values():
            if section.definition and section.definition.source:
                found[section.definition.source.text] = None
            for term in section.terms:
                found.update(dict.fromkeys(c.source.text for c in term.contexts if c.source))
        for note in concept.notes:
            found.update(dict.fromkeys(s.text for s in note.sources))
    return list(found)


def language_order_key(languages: tuple[str, ...]) -> Any:
    rank = {lang: n for n, lang in enumerate(languages)}
    return lambda pair: (rank.get(pair[0], len(rank)), pair[0])


def read_skos(path: Path, options: ImportOptions | None = None) -> ImportResult:
    options = options or ImportOptions()
    report = ImportReport(file=str(path))
    graph = parse_graph(path)
    termbase = SkosReader(path, graph, options, report).read()
    return ImportResult(termbase, report)
