"""The linked-data URIs the RDF names resolve: 303 See Other to the RDF twin or to the page in the reader's language."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("text/html", "/ru/concept/standard"),
        ("*/*", "/ru/concept/standard"),
        ("text/turtle", "/ru/concept/standard.ttl"),
        ("application/ld+json", "/ru/concept/standard.jsonld"),
    ],
)
def test_a_concept_uri_sees_other_to_the_document_describing_it(
    client: FlaskClient, accept: str, location: str
) -> None:
    response = client.get("/concept/standard", headers={"Accept": accept, "Accept-Language": "ru"})
    assert response.status_code == 303
    assert response.headers["Location"] == location
    assert {"Accept", "Accept-Language"} <= set(response.vary)


def test_the_uri_in_the_rdf_resolves_to_rdf_about_that_uri(client: FlaskClient) -> None:
    """Follow the concept's own URI, as a linked-data client would, and find the concept described there."""
    uri = "http://localhost/concept/standard"
    response = client.get("/concept/standard", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert (URIRef(uri), RDF.type, SKOS.Concept) in Graph().parse(data=response.data.decode(), format="turtle")


@pytest.mark.parametrize(
    ("uri", "page"), [("/scheme", "/kk/about"), ("/subject/organizations", "/kk/subjects/organizations")]
)
def test_scheme_and_subject_uris_see_other_to_their_pages(client: FlaskClient, uri: str, page: str) -> None:
    response = client.get(uri, headers={"Accept-Language": "kk"})
    assert (response.status_code, response.headers["Location"]) == (303, page)
    assert client.get(page).status_code == 200


def test_a_source_uri_sees_other_to_its_page(client: FlaskClient) -> None:
    response = client.get("/source/text", headers={"Accept-Language": "en"})
    assert (response.status_code, response.headers["Location"]) == (303, "/en/sources/text")
    assert client.get("/en/sources/text").status_code == 200


def test_an_unknown_concept_uri_ends_in_not_found(client: FlaskClient) -> None:
    response = client.get("/concept/no-such-thing", follow_redirects=True)
    assert response.status_code == 404
