"""The JSON API, mounted at ``/api/v1``: one blueprint for search, concepts, autocomplete, the tools and the document.

Everything the API shares is here, once: the route table, the error
answers, the interface language (``ui``) and CORS.  Bad input of any kind is
an :class:`~web.errors.InputError`, answered as ``{"error", "status"}`` with
its message in the ``ui`` language; a missing index is a 503.  The routes are
described by the static OpenAPI document (:mod:`web.api.openapi`).

CORS is open to any origin: nothing here changes state, and the POST tools
only read what they are sent.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from flask_babel import gettext as _

from glossary.search.searcher import IndexMissing
from web.api import concepts, openapi, opensearch, params, search, tools
from web.errors import InputError

__all__ = ["api"]

api = Blueprint("api", __name__)
api.add_url_rule("/search", view_func=search.search, methods=["GET"])
api.add_url_rule("/sentences", view_func=search.sentences, methods=["GET"])
api.add_url_rule("/suggest", view_func=search.suggest, methods=["GET"])
api.add_url_rule("/opensearch-suggest", "opensearch_suggest", view_func=opensearch.suggestions, methods=["GET"])
api.add_url_rule("/concepts/<concept_id>", view_func=concepts.concept, methods=["GET"])
api.add_url_rule("/recognize", view_func=tools.recognize, methods=["POST"])
api.add_url_rule("/check", view_func=tools.check, methods=["POST"])
api.add_url_rule("/openapi.json", view_func=openapi.openapi, methods=["GET"])


def _error(message: str, status: int) -> tuple[Response, int]:
    return jsonify({"error": message, "status": status}), status


@api.before_request
def _interface_language() -> None:
    # A CORS preflight carries the real request's URL: let the real request report a bad ``ui``.
    if request.method != "OPTIONS":
        params.use_interface_language()


@api.errorhandler(InputError)
def _bad_input(error: InputError) -> tuple[Response, int]:
    return _error(str(error), error.status)


@api.errorhandler(IndexMissing)
def _no_index(error: IndexMissing) -> tuple[Response, int]:
    return _error(
        _("No search index has been built yet; run %(command)s on the server.", command="`glossary build`"), 503
    )


@api.after_request
def _allow_cross_origin(response: Response) -> Response:
    methods = request.url_rule.methods if request.url_rule is not None else None
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = ", ".join(
        method for method in ("GET", "POST", "OPTIONS") if methods is None or method in methods
    )
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    return response
