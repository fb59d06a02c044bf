"""The read-only JSON API (mounted at ``/api/v1``): search, one concept, autocomplete, the OpenAPI document.

Every parameter is validated and a bad one answers 400 with a message that
names it; any ``q`` is safe.  CORS is allowed from anywhere because nothing
here changes state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from flask import Blueprint, Response, jsonify, request

from glossary.model import STATUSES
from glossary.search.as_json import result_to_dict, suggestion_to_dict
from glossary.serialize import concept_to_dict
from web.api.openapi import openapi_document
from web.services import get_searcher

api = Blueprint("api", __name__)

MAX_LIMIT = 100
MAX_OFFSET = 10_000
_UI_LANG = re.compile(r"^[a-z]{2,3}$")


class BadParameter(Exception):
    """A query parameter that cannot be used; the message names it."""


@api.errorhandler(BadParameter)
def _bad_parameter(error: BadParameter) -> tuple[Response, int]:
    return jsonify({"error": str(error), "status": 400}), 400


@api.errorhandler(FileNotFoundError)
def _no_index(error: FileNotFoundError) -> tuple[Response, int]:
    return jsonify({"error": str(error), "status": 503}), 503


@api.after_request
def _allow_cross_origin(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    return response


def _list(name: str) -> list[str]:
    """A parameter given repeatedly or comma-separated: ``target=ru&target=en`` or ``target=ru,en``."""
    return [part.strip() for value in request.args.getlist(name) for part in value.split(",") if part.strip()]


def _int(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a whole number between {low} and {high}, not {raw[:40]!r}") from None
    if not low <= value <= high:
        raise BadParameter(f"'{name}' must be between {low} and {high}, not {value}")
    return value


def _languages(name: str, values: Sequence[str], known: Sequence[str]) -> list[str]:
    unknown = [v for v in values if v not in known]
    if unknown:
        raise BadParameter(f"'{name}': unknown language {unknown[0][:20]!r}; this term base has {', '.join(known)}")
    return list(values)


def _ui() -> str:
    ui = request.args.get("ui", "en")
    if not _UI_LANG.match(ui):
        raise BadParameter(f"'ui' must be a language code such as kk, ru or en, not {ui[:20]!r}")
    return ui


@api.get("/search")
def search() -> Response:
    """Ranked concepts for ``q``; see the OpenAPI document for every parameter."""
    if "q" not in request.args:
        raise BadParameter("'q' (the query) is required")
    searcher = get_searcher()
    info = searcher.info
    lang = request.args.get("lang") or None
    if lang is not None:
        _languages("lang", [lang], info.languages)
    targets = _languages("target", _list("target"), info.languages)
    subjects = _list("subject")
    unknown_subjects = [s for s in subjects if s not in info.subjects]
    if unknown_subjects:
        raise BadParameter(f"'subject': unknown subject {unknown_subjects[0][:40]!r}")
    statuses = _list("status")
    bad_statuses = [s for s in statuses if s not in STATUSES]
    if bad_statuses:
        raise BadParameter(f"'status' must be one of {', '.join(STATUSES)}, not {bad_statuses[0][:40]!r}")
    limit = _int("limit", 20, 1, MAX_LIMIT)
    offset = _int("offset", 0, 0, MAX_OFFSET)
    ui = _ui()
    result = searcher.search(
        request.args["q"], lang=lang, target=targets, subjects=subjects, statuses=statuses, limit=limit, offset=offset
    )
    return jsonify(result_to_dict(result, targets, ui))


@api.get("/concepts/<concept_id>")
def concept(concept_id: str) -> tuple[Response, int] | Response:
    """The whole concept, as stored in the index."""
    found = get_searcher().concept(concept_id)
    if found is None:
        return jsonify({"error": f"no concept with id {concept_id[:100]!r}", "status": 404}), 404
    data: dict[str, Any] = concept_to_dict(found)
    data["url"] = f"/{_ui()}/concept/{found.id}"
    return jsonify(data)


@api.get("/suggest")
def suggest() -> Response:
    """Autocomplete: the best terms starting with ``q``, in any script."""
    searcher = get_searcher()
    lang = request.args.get("lang") or None
    if lang is not None:
        _languages("lang", [lang], searcher.info.languages)
    limit = _int("limit", 10, 1, 50)
    ui = _ui()
    suggestions = searcher.suggest(request.args.get("q", ""), lang=lang, limit=limit)
    return jsonify(
        {"query": request.args.get("q", "")[:200], "suggestions": [suggestion_to_dict(s, ui) for s in suggestions]}
    )


@api.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())
