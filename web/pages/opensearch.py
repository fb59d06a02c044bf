"""The site as a search engine of the browser: an OpenSearch 1.1 description per interface language.

``/kk/opensearch.xml`` (and ``/ru/…``, ``/en/…``), linked from every page
with ``<link rel="search">``, names the site in that language and gives two
URL templates: the search page in that language, and the suggestions of
:func:`web.api.opensearch.suggestions` (the autocomplete, as the OpenSearch
suggestions extension wants it).  Browsers only take absolute templates, so
the addresses start with ``BASE_URL`` (``GLOSSARY_BASE_URL``); without it
they are paths, as everywhere else, never built from the request's ``Host``.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from web.headers import site_url
from web.i18n import interface_language

#: The media type of an OpenSearch description document.
DESCRIPTION_TYPE = "application/opensearchdescription+xml"

opensearch_pages = Blueprint("opensearch_pages", __name__)


@opensearch_pages.route("/opensearch.xml")
def description() -> Response:
    ui = interface_language()
    body = render_template(
        "opensearch.xml",
        search_template=site_url("pages.search", lang_code=ui) + "?q={searchTerms}",
        suggest_template=site_url("api.opensearch_suggest", ui=ui) + "&q={searchTerms}",
        self_url=site_url("opensearch_pages.description", lang_code=ui),
        icon=site_url("static", filename="favicon.svg"),
    )
    return Response(body, mimetype=DESCRIPTION_TYPE)
