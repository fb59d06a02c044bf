"""SKOS and SKOS-XL (``skos-ttl``, ``skos-jsonld``): the term base as a linked-data vocabulary.

Lossless for our own files: SKOS-XL labels carry each term, and a small
project namespace (``kt:``, :mod:`glossary.formats.skos_vocab`) carries
what SKOS has no term for (term type, status, part of speech, order,
citation locators); plain ``skos:prefLabel``/``altLabel``/``hiddenLabel``
literals are written beside the XL labels for plain-SKOS tools such as
Skosmos.  The mapping table, the namespace and how SKOS's integrity
conditions are kept are in ``docs/formats.md``; writing is
:mod:`glossary.formats.skos_write`, reading :mod:`glossary.formats.skos_read`.

RDF serializers need the whole graph, so unlike TBX and CSV an export is
built in memory before it is written (about 1 KB per triple: a few MB for
the bundled base).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from rdflib import Graph

from glossary.formats.base import ExportOptions, Format, ImportOptions, ImportResult
from glossary.formats.filters import has_terms, prune_relations, restrict
from glossary.formats.skos_read import read_skos
from glossary.formats.skos_vocab import PREFIXES, base_of
from glossary.formats.skos_write import termbase_graph
from glossary.model import Concept


def chosen_concepts(concepts: Iterable[Concept], options: ExportOptions) -> Iterable[Concept]:
    for concept in concepts:
        chosen = prune_relations(restrict(concept, options.languages), options.exported_ids)
        if has_terms(chosen):
            yield chosen


def turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def json_ld(graph: Graph) -> bytes:
    """Compact JSON-LD with our prefixes as its inline context; nodes and values sorted, so output is stable."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = document.get("@graph", [document])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda node: str(node.get("@id", "")))
    out: dict[str, Any] = {"@context": context, "@graph": nodes}
    return (json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


class SkosTurtleFormat(Format):
    name = "skos-ttl"
    label = "SKOS-XL (Turtle)"
    extensions = (".ttl", ".nt", ".rdf")
    mimetype = "text/turtle"
    importable = True

    def serialize(self, graph: Graph) -> bytes:
        return turtle(graph)

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        graph, _ = termbase_graph(chosen_concepts(concepts, options), base_of(options.base_uri), options.info)
        out.write(self.serialize(graph))

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        return read_skos(source, options)


class SkosJsonLdFormat(SkosTurtleFormat):
    name = "skos-jsonld"
    label = "SKOS-XL (JSON-LD)"
    extensions = (".jsonld",)
    mimetype = "application/ld+json"

    def serialize(self, graph: Graph) -> bytes:
        return json_ld(graph)
