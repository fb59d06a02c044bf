"""The linked-data URIs: ``/concept/<id>``, ``/subject/<id>``, ``/source/<id>`` and ``/scheme``.

The SKOS export and the concept pages' RDF name things by these URIs, the
same from every interface language. They name the concept, not a page about
it, so, as the W3C's "Cool URIs for the Semantic Web" asks, each answers
``303 See Other`` with the document that describes it: the RDF twin when the
request's ``Accept`` prefers Turtle or JSON-LD (concepts), else the page in
the reader's language (``Accept-Language``, as the bare ``/`` does).
"""

from __future__ import annotations

from flask import Blueprint, Response, redirect, url_for

from web.i18n import best_language
from web.pages.twins import negotiated

uris = Blueprint("uris", __name__)


def _see_other(endpoint: str, **values: str) -> Response:
    response = redirect(url_for(endpoint, lang_code=best_language(), **values), code=303)
    response.vary.add("Accept-Language")
    return response


@uris.get("/concept/<concept_id>")
def concept(concept_id: str) -> Response:
    fmt = negotiated("html")
    response = _see_other("pages.concept", concept_id=concept_id, fmt=fmt)
    response.vary.add("Accept")
    return response


@uris.get("/subject/<subject_id>")
def subject(subject_id: str) -> Response:
    return _see_other("browse_pages.subject", subject_id=subject_id)


@uris.get("/source/<source_id>")
def source(source_id: str) -> Response:
    return _see_other("sources_pages.source", source_id=source_id)


@uris.get("/scheme")
def scheme() -> Response:
    return _see_other("pages.about")
