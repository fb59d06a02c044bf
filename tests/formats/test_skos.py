"""SKOS-XL in Turtle and JSON-LD: the lossless round trip, the URIs, and SKOS's integrity conditions on export."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from glossary.formats import ExportOptions, export_termbase, get_format
from glossary.formats.skos_read import read_skos
from glossary.formats.skos_vocab import DEFAULT_BASE_URI, KT, SKOSXL, ancestors
from glossary.model import Concept, Definition, LanguageSection, Relation, Source, SourceText, Term, Termbase
from tests.formats.contract import TERMBASES, FormatContract, termbase_named


class TestSkosTurtle(FormatContract):
    format_name = "skos-ttl"


class TestSkosJsonLd(FormatContract):
    format_name = "skos-jsonld"


def export_graph(termbase: Termbase, **options: object) -> Graph:
    out = io.BytesIO()
    fmt = get_format("skos-ttl")
    export_termbase(fmt, termbase.concepts.values, out, ExportOptions(info=termbase, **options))  # type: ignore[arg-type]
    return Graph().parse(data=out.getvalue().decode("utf-8"), format="turtle")


def round_trip(termbase: Termbase, tmp_path: Path) -> Termbase:
    out = io.BytesIO()
    export_termbase(get_format("skos-ttl"), termbase.concepts.values, out, ExportOptions(info=termbase))
    path = tmp_path / "export.ttl"
    path.write_bytes(out.getvalue())
    return read_skos(path).termbase


def literals(graph: Graph, concept: URIRef, prop: URIRef) -> set[Literal]:
    return {o for o in graph.objects(concept, prop) if isinstance(o, Literal)}


@pytest.mark.parametrize("name", list(TERMBASES))
def test_every_export_keeps_skos_integrity_conditions(name: str) -> None:
    graph = export_graph(termbase_named(name))
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts
    up: dict = {}
    for lower, upper in graph.subject_objects(SKOS.broader):
        up.setdefault(lower, set()).add(upper)
    for upper, lower in graph.subject_objects(SKOS.narrower):
        up.setdefault(lower, set()).add(upper)
    for concept in concepts:
        pref, alt, hidden = (literals(graph, concept, p) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel))
        languages = Counter(label.language for label in pref)
        assert all(count == 1 for count in languages.values()), (concept, languages)  # S14
        assert not (pref & alt or pref & hidden or alt & hidden), concept  # S13
        for other in graph.objects(concept, SKOS.related):  # S27, transitively
            assert other not in ancestors(up, concept) and concept not in ancestors(up, other), (concept, other)
        for xl, plain in ((SKOSXL.prefLabel, SKOS.prefLabel), (SKOSXL.altLabel, SKOS.altLabel)):
            forms = {graph.value(label, SKOSXL.literalForm) for label in graph.objects(concept, xl)}
            assert forms == literals(graph, concept, plain), concept  # plain-SKOS tools see every XL label


@pytest.mark.parametrize("name", list(TERMBASES))
def test_labels_carry_the_concepts_own_language_tags(name: str) -> None:
    termbase = termbase_named(name)
    graph = export_graph(termbase)
    for concept in termbase:
        uri = URIRef(f"{DEFAULT_BASE_URI}/concept/{concept.id}")
        forms = {
            (f.language, str(f))
            for label in graph.objects(uri, SKOSXL.prefLabel | SKOSXL.altLabel)
            for f in [graph.value(label, SKOSXL.literalForm)]
        }
        expected = {(lang, t.text) for lang, t in concept.terms() if t.status in ("preferred", "admitted")}
        assert forms == expected, concept.id


def test_uris_are_rooted_at_the_base_uri() -> None:
    graph = export_graph(termbase_named("small"), base_uri="https://term.kz/")
    assert (URIRef("https://term.kz/concept/iso"), RDF.type, SKOS.Concept) in graph
    assert (URIRef("https://term.kz/concept/iso"), SKOS.inScheme, URIRef("https://term.kz/scheme")) in graph
    assert (URIRef("https://term.kz/subject/organizations"), RDF.type, SKOS.Collection) in graph
    assert (
        URIRef("https://term.kz/subject/standardization"),
        SKOS.member,
        URIRef("https://term.kz/subject/organizations"),
    ) in graph
    assert all(str(s).startswith("https://term.kz/") for s in graph.subjects() if isinstance(s, URIRef))


def test_a_second_preferred_term_becomes_an_alt_label_and_the_export_says_so(tmp_path: Path) -> None:
    termbase = termbase_named("small")
    iso = termbase.concepts["iso"].languages["en"]
    assert sum(t.status == "preferred" for t in iso.terms) == 2
    graph = export_graph(termbase)
    uri = URIRef(f"{DEFAULT_BASE_URI}/concept/iso")
    assert len(literals(graph, uri, SKOS.prefLabel)) == 3  # one per language
    second = [t for t in iso.terms if t.status == "preferred"][1]
    assert Literal(second.text, lang="en") in literals(graph, uri, SKOS.altLabel)
    label = next(
        x for x in graph.objects(uri, SKOSXL.altLabel) if str(graph.value(x, SKOSXL.literalForm)) == second.text
    )
    assert graph.value(label, KT.status) == Literal("preferred")
    notes = [str(n) for n in graph.objects(URIRef(f"{DEFAULT_BASE_URI}/scheme"), SKOS.editorialNote)]
    assert notes == ["SKOS export: 3 preferred terms written as skosxl:altLabel (one prefLabel per language, S14)"]
    assert round_trip(termbase, tmp_path).concepts["iso"] == termbase.concepts["iso"]


def clashing_base() -> Termbase:
    section = LanguageSection(
        "en", (Term("norm", status="preferred"), Term("norm", type="shortForm", status="admitted"))
    )
    concepts = {
        "a": Concept("a", languages={"en": section}, relations=(Relation("broader", "b"), Relation("related", "c"))),
        "b": Concept("b", languages={"en": LanguageSection("en", (Term("b"),))}, relations=(Relation("broader", "c"),)),
        "c": Concept("c", languages={"en": LanguageSection("en", (Term("c"),))}),
    }
    return Termbase(name="clashes", languages=("en",), concepts=concepts)


def test_a_repeated_text_and_a_related_link_up_the_hierarchy_are_moved_out_of_skos_and_kept(tmp_path: Path) -> None:
    termbase = clashing_base()
    graph = export_graph(termbase)
    a, c = (URIRef(f"{DEFAULT_BASE_URI}/concept/{x}") for x in "ac")
    assert literals(graph, a, SKOS.prefLabel) == {Literal("norm", lang="en")}
    assert not literals(graph, a, SKOS.altLabel)
    assert len(list(graph.objects(a, KT.otherLabel))) == 1
    assert (a, SKOS.related, c) not in graph and (a, KT.related, c) in graph  # c is above a through b
    notes = {str(n) for n in graph.objects(URIRef(f"{DEFAULT_BASE_URI}/scheme"), SKOS.editorialNote)}
    assert len(notes) == 2
    assert round_trip(termbase, tmp_path).concepts == termbase.concepts


def test_a_cited_definition_is_a_node_with_its_value_and_source() -> None:
    definition = Definition("A document.", Source("iso-text", 12))
    section = LanguageSection("kk", (Term("стандарт", status="preferred"),), definition)
    termbase = Termbase(
        languages=("kk",),
        concepts={"standard": Concept("standard", languages={"kk": section})},
        sources={"iso-text": SourceText("iso-text", "ISO text")},
    )
    graph = export_graph(termbase)
    node = graph.value(URIRef(f"{DEFAULT_BASE_URI}/concept/standard"), SKOS.definition)
    assert graph.value(node, RDF.value) == Literal("A document.", lang="kk")
    assert graph.value(node, DCTERMS.source) == URIRef(f"{DEFAULT_BASE_URI}/source/iso-text")
    assert graph.value(node, KT.citation) == Literal("iso-text:12")


def test_a_filtered_export_keeps_relations_inside_it() -> None:
    termbase = termbase_named("adversarial")
    graph = export_graph(termbase, ids=("quotes", "2024-numeric"))
    concepts = {str(c).rpartition("/")[2] for c in graph.subjects(RDF.type, SKOS.Concept)}
    assert concepts == {"quotes", "2024-numeric"}
    targets = {o for p in (SKOS.broader, SKOS.narrower, SKOS.related) for o in graph.objects(None, p)}
    assert all(str(t).rpartition("/")[2] in concepts for t in targets)


def test_an_export_restricted_to_languages_writes_only_those() -> None:
    graph = export_graph(termbase_named("small"), languages=("kk", "ru"))
    tags = {o.language for o in graph.objects() if isinstance(o, Literal) and o.language}
    labels = {graph.value(x, SKOSXL.literalForm).language for x in graph.subjects(RDF.type, SKOSXL.Label)}
    assert labels == {"kk", "ru"}
    assert "kk" in tags
