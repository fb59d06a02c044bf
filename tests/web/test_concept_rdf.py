"""Concept pages as linked data: RDF twins, content negotiation with Vary: Accept, and the HTML's alternate links."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from glossary.formats.skos_vocab import SKOSXL
from tests.web.support import WEB_FIXTURE
from web import create_app

CONCEPT = URIRef("http://localhost/concept/standard")


def graph_of(data: bytes, syntax: str) -> Graph:
    with warnings.catch_warnings():  # rdflib's JSON-LD parser builds its own deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=data.decode("utf-8"), format=syntax)


@pytest.mark.parametrize(
    ("accept", "mimetype", "syntax"),
    [("text/turtle", "text/turtle", "turtle"), ("application/ld+json", "application/ld+json", "json-ld")],
)
def test_the_concept_address_answers_rdf_to_a_client_that_asks(
    client: FlaskClient, accept: str, mimetype: str, syntax: str
) -> None:
    response = client.get("/en/concept/standard", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert "Accept" in response.vary
    graph = graph_of(response.data, syntax)
    assert (CONCEPT, RDF.type, SKOS.Concept) in graph
    assert Literal("standard", lang="en") in set(graph.objects(CONCEPT, SKOS.prefLabel))
    assert any(graph.objects(CONCEPT, SKOSXL.prefLabel))
    assert {o.language for o in graph.objects(CONCEPT, SKOS.prefLabel)} >= {"kk", "ru", "en"}


def test_a_browser_and_a_plain_client_get_the_page(client: FlaskClient) -> None:
    for accept in ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*", ""):
        response = client.get("/en/concept/standard", headers={"Accept": accept} if accept else {})
        assert response.mimetype == "text/html", accept
        assert "Accept" in response.vary


def test_the_html_links_both_rdf_twins_and_they_answer(client: FlaskClient) -> None:
    html = client.get("/kk/concept/standard").get_data(as_text=True)
    assert '<link rel="alternate" type="text/turtle" href="/kk/concept/standard.ttl">' in html
    assert '<link rel="alternate" type="application/ld+json" href="/kk/concept/standard.jsonld">' in html
    turtle = client.get("/kk/concept/standard.ttl")
    assert turtle.mimetype == "text/turtle"
    assert (CONCEPT, RDF.type, SKOS.Concept) in graph_of(turtle.data, "turtle")
    document = json.loads(client.get("/kk/concept/standard.jsonld").data)
    assert "@context" in document and "@graph" in document


def test_the_uris_are_the_same_from_every_interface_language(client: FlaskClient) -> None:
    bodies = {lang: client.get(f"/{lang}/concept/standard.ttl").data for lang in ("kk", "ru", "en")}
    assert len(set(bodies.values())) == 1


def test_a_configured_base_url_roots_the_uris(web_index: Path) -> None:
    app: Flask = create_app(
        {"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(web_index), "BASE_URL": "https://term.kz/"}
    )
    data = app.test_client().get("/en/concept/standard", headers={"Accept": "text/turtle"}).data
    assert (URIRef("https://term.kz/concept/standard"), RDF.type, SKOS.Concept) in graph_of(data, "turtle")


def test_an_unknown_concept_is_404_in_rdf_too(client: FlaskClient) -> None:
    assert client.get("/en/concept/no-such", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/en/concept/no-such.ttl").status_code == 404


def test_the_rdf_answer_revalidates_with_its_etag(client: FlaskClient) -> None:
    first = client.get("/en/concept/standard.ttl")
    again = client.get("/en/concept/standard.ttl", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_the_export_page_offers_skos_rooted_at_the_site(client: FlaskClient) -> None:
    assert "SKOS-XL" in client.get("/ru/export/").get_data(as_text=True)
    response = client.get("/en/export/download?format=skos-ttl")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert (CONCEPT, SKOS.inScheme, URIRef("http://localhost/scheme")) in graph_of(response.data, "turtle")
