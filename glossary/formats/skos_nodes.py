"""Reading the values SKOS hangs on nodes: notes, citations and the sources they point at.

A note, definition or example is either a literal or a node holding the
literal in ``rdf:value`` (the SKOS Primer's pattern for documentation with
provenance) plus ``dct:source``.  Our exports add ``kt:citation`` (the
locator, ``seed-000:12``) and ``kt:order``; foreign files get a source per
distinct ``dct:source``, minted from its IRI or text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from glossary.formats.base import ImportOptions, ImportReport
from glossary.formats.idmap import IdMinter
from glossary.formats.skos_vocab import KT, SOURCE_LITERALS, local_name
from glossary.formats.skos_vocab import local_id as uri_id
from glossary.model import Note, Source, SourceText, is_web_url, parse_locator

#: Concept-level documentation properties kept as notes (counted in the report).
KEPT_NOTES = (SKOS.scopeNote, SKOS.historyNote, SKOS.editorialNote, SKOS.changeNote, SKOS.example)


def text_of(graph: Graph, node: Any) -> Literal | None:
    """The literal itself, or a node's ``rdf:value``."""
    value = node if isinstance(node, Literal) else graph.value(node, RDF.value)
    return value if isinstance(value, Literal) and str(value).strip() else None


def order_of(graph: Graph, node: Any) -> int:
    order = None if isinstance(node, Literal) else graph.value(node, KT.order)
    return int(order.toPython()) if isinstance(order, Literal) and str(order).isdigit() else 10**9


def ordered(graph: Graph, nodes: Iterable[Any]) -> list[Any]:
    """Nodes by ``kt:order``, the rest after them in a stable order."""
    return sorted(nodes, key=lambda node: (order_of(graph, node), str(text_of(graph, node) or ""), str(node)))


def language_order(languages: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(languages))


class SourceMapper:
    """Citations to :class:`Source` values, and the :class:`SourceText` entries they need."""

    def __init__(self, graph: Graph, options: ImportOptions, report: ImportReport) -> None:
        self.graph, self.options, self.report = graph, options, report
        self.minted: dict[str, SourceText] = {}
        self.by_key: dict[str, str] = {}
        self.minter = IdMinter(set(options.known_sources))

    def citations(self, node: Any) -> tuple[Source, ...]:
        if isinstance(node, Literal):
            return ()
        locator = self.graph.value(node, KT.citation)
        if isinstance(locator, Literal):
            return tuple(parse_locator(part) for part in str(locator).split("; ") if part.strip())
        return tuple(self.foreign(value) for value in sorted(self.graph.objects(node, DCTERMS.source)))

    def citation(self, node: Any) -> Source | None:
        found = self.citations(node)
        if len(found) > 1:
            self.report.unmapped["second dct:source of a definition or example"] += len(found) - 1
        return found[0] if found else None

    def foreign(self, value: Any) -> Source:
        ours = uri_id(value, "source") if isinstance(value, URIRef) else None
        if ours is not None:
            return Source(ours)
        key = str(value)
        if key not in self.by_key:
            self.report.converted["dct:source → a source entry"] += 1
            wanted = local_name(key) if isinstance(value, URIRef) else key
            source_id = self.by_key[key] = self.minter.mint(wanted)
            self.minted[source_id] = SourceText(source_id, title=key, url=key if is_web_url(key) else "")
        return Source(self.by_key[key])

    def all(self, cited: Iterable[str], languages: tuple[str, ...]) -> dict[str, SourceText]:
        """Our described sources, then the minted ones, then a bare entry for any other cited id."""
        rank = {lang: n for n, lang in enumerate(languages)}
        found: dict[str, SourceText] = {}
        for uri in sorted(self.graph.subjects(RDF.type, DCTERMS.BibliographicResource)):
            source_id = uri_id(uri, "source")
            if source_id is not None:
                found[source_id] = self.described(source_id, uri, rank)
        found.update(self.minted)
        for source_id in cited:
            if source_id not in found and source_id not in self.options.known_sources:
                self.report.converted["cited source without a description (title = its id)"] += 1
                found[source_id] = SourceText(source_id, title=source_id)
        return found

    def described(self, source_id: str, uri: URIRef, rank: dict[str, int]) -> SourceText:
        g = self.graph
        fields: dict[str, Any] = {}
        for name, prop in SOURCE_LITERALS.items():
            values = [v for v in g.objects(uri, prop) if isinstance(v, Literal)]
            plain = sorted(str(v) for v in values if not v.language)
            if plain:
                fields[name] = plain[0]
            tagged = sorted(((v.language, str(v)) for v in values if v.language), key=lambda p: (rank.get(p[0], 99), p))
            if tagged and name in ("title", "note"):
                fields[f"{name}_by_lang"] = tuple(tagged)
        for name, prop in (("sentences", KT.sentences), ("original_sentences", KT.originalSentences)):
            value = g.value(uri, prop)
            if isinstance(value, Literal):
                fields[name] = tuple(str(value).split("\n"))
        if fields.get("url") and not is_web_url(fields["url"]):
            self.report.unmapped["source url that is not an http or https address"] += 1
            del fields["url"]
        fields.setdefault("title", "")
        return SourceText(source_id, **fields)


def read_notes(graph: Graph, concept: URIRef, sources: SourceMapper, report: ImportReport) -> tuple[Note, ...]:
    """``skos:note`` (ours and foreign) in order, then the other documentation properties, kept as notes."""
    notes = []
    for node in ordered(graph, graph.objects(concept, SKOS.note)):
        value = text_of(graph, node)
        if value is None:
            report.unmapped["skos:note (empty)"] += 1
            continue
        group = None if isinstance(node, Literal) else graph.value(node, KT.group)
        notes.append(
            Note(
                str(value),
                value.language or None,
                sources.citations(node),
                int(group.toPython()) if isinstance(group, Literal) else None,
            )
        )
    for prop in KEPT_NOTES:
        for node in ordered(graph, graph.objects(concept, prop)):
            value = text_of(graph, node)
            if value is not None:
                report.kept_as_notes[f"skos:Concept/skos:{local_name(prop)}"] += 1
                notes.append(Note(str(value), value.language or None, sources.citations(node)))
    return tuple(notes)
