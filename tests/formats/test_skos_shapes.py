"""SHACL: the SKOS exports of every fixture base conform to tests/fixtures/skos/shapes.ttl, and the shapes can fail."""

from __future__ import annotations

import io
import warnings

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SH

from glossary.formats import ExportOptions, export_termbase, get_format
from tests.conftest import FIXTURES
from tests.formats.contract import TERMBASES, termbase_named

SHAPES_FILE = FIXTURES / "skos" / "shapes.ttl"
SHAPES = Namespace("https://kazterm.example/shapes#")


def shacl(data: Graph) -> tuple[bool, Graph, str]:
    shapes = Graph().parse(SHAPES_FILE)
    with warnings.catch_warnings():  # pyshacl still builds rdflib's deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        conforms, results, text = validate(data, shacl_graph=shapes, advanced=True, allow_warnings=False)
    return bool(conforms), results, str(text)


def exported(name: str, format_name: str = "skos-ttl") -> Graph:
    termbase = termbase_named(name)
    out = io.BytesIO()
    export_termbase(get_format(format_name), termbase.concepts.values, out, ExportOptions(info=termbase))
    return Graph().parse(data=out.getvalue().decode(), format="turtle" if format_name == "skos-ttl" else "json-ld")


@pytest.mark.parametrize("name", list(TERMBASES))
def test_every_export_conforms_to_the_shapes(name: str) -> None:
    conforms, _, text = shacl(exported(name))
    assert conforms, text


def test_the_json_ld_export_conforms_too() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = exported("bundled", "skos-jsonld")
    conforms, _, text = shacl(graph)
    assert conforms, text


def test_a_planted_violation_of_each_condition_is_found() -> None:
    conforms, results, text = shacl(Graph().parse(FIXTURES / "skos" / "violations.ttl"))
    assert not conforms
    fired = {str(o) for p in (SH.sourceShape, SH.sourceConstraint) for o in results.objects(None, p)}
    for shape in (
        "onePrefLabelPerLanguage",
        "prefNotAlt",
        "relatedNotBroaderTransitive",
        "oneXlPrefLabelPerLanguage",
        "xlLabelsHavePlainTwins",
        "inScheme",
    ):
        assert str(SHAPES[shape]) in fired, (shape, text)
    focus = {o for o in results.objects(None, SH.focusNode) if isinstance(o, URIRef)}
    assert URIRef("https://example.org/concept/c-en-2") in focus, text  # the label whose status is not TBX's
    assert URIRef("https://example.org/concept/c-en-1") in focus, text  # the label rated 11 on a 1–10 scale
