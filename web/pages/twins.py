"""Every page has a JSON twin: the same data, at the same URL plus ``.json``.

Pages that describe one thing of the vocabulary (a concept) also have RDF
twins, ``.ttl`` (Turtle) and ``.jsonld`` (JSON-LD), and hand them out by
content negotiation at the page's own URL: ``Accept: text/turtle`` or
``application/ld+json`` gets the RDF, anything else (a browser, ``*/*``)
the HTML, and every answer says ``Vary: Accept``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from rdflib import Graph

from glossary.formats.skos import SkosJsonLdFormat, SkosTurtleFormat

#: Twin suffix → the format that writes it.
RDF_TWINS: dict[str, type[SkosTurtleFormat]] = {"ttl": SkosTurtleFormat, "jsonld": SkosJsonLdFormat}
#: The media types a page with RDF twins negotiates, HTML first so that ``*/*`` gets the page.
NEGOTIATED = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld"}


def twin_route(
    blueprint: Blueprint, rule: str, *, rdf: bool = False, **options: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``rule`` (HTML) and ``rule + '.json'`` (JSON), with ``rdf`` also ``.ttl`` and ``.jsonld``; the view gets ``fmt``."""
    stem = rule.rstrip("/") or "/index"
    twins = ["json", *(RDF_TWINS if rdf else ())]

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        blueprint.add_url_rule(rule, view_func=view, defaults={"fmt": "html"}, **options)
        for twin in twins:
            blueprint.add_url_rule(f"{stem}.{twin}", view_func=view, defaults={"fmt": twin}, **options)
        return view

    return register


def render_twin(fmt: str, template: str, data: dict[str, Any], **context: Any) -> Response | str:
    """The page as HTML, or its ``data`` as JSON."""
    if fmt == "json":
        return jsonify(data)
    return render_template(template, data=data, **context)


def negotiated(fmt: str) -> str:
    """The twin an HTML address should answer with, by the request's ``Accept`` header."""
    if fmt != "html":
        return fmt
    best = request.accept_mimetypes.best_match(list(NEGOTIATED), default="text/html")
    return NEGOTIATED.get(best or "text/html", "html")


def site_root() -> str:
    """Where the site's URIs are rooted: ``BASE_URL`` when configured, else the address the request came to.

    RDF needs absolute URIs, so unlike :func:`web.headers.site_url` this
    falls back on the request's host; set ``GLOSSARY_BASE_URL`` in production
    so that the URIs are stable and not chosen by the client.
    """
    return str(current_app.config.get("BASE_URL") or request.url_root).rstrip("/")


def render_rdf(fmt: str, graph: Graph) -> Response:
    exporter = RDF_TWINS[fmt]()
    response = Response(exporter.serialize(graph), mimetype=exporter.mimetype)
    response.vary.add("Accept")
    return response
