"""Search and autocomplete: ranked concepts for a query, source sentences, and the best terms starting with a prefix."""

from __future__ import annotations

from flask import Response, jsonify

from glossary.model import RELIABILITY_MAX, RELIABILITY_MIN, STATUSES
from glossary.search.as_json import result_to_dict, suggestion_to_dict
from web.api import params
from web.present.sentences import sentences_json
from web.services import get_searcher

MAX_LIMIT = 100
MAX_OFFSET = 10_000
MAX_SUGGESTIONS = 50


def search() -> Response:
    """Ranked concepts for ``q``; see the OpenAPI document for every parameter."""
    query = params.required("q")
    searcher = get_searcher()
    info = searcher.info
    lang = params.language("lang", info.languages)
    targets = params.languages("target", info.languages)
    subjects = params.subjects("subject", info.subjects)
    statuses = params.choices("status", STATUSES)
    min_reliability = params.optional_whole_number("min_reliability", RELIABILITY_MIN, RELIABILITY_MAX)
    limit = params.whole_number("limit", 20, 1, MAX_LIMIT)
    offset = params.whole_number("offset", 0, 0, MAX_OFFSET)
    result = searcher.search(
        query,
        lang=lang,
        target=targets,
        subjects=subjects,
        statuses=statuses,
        min_reliability=min_reliability,
        limit=limit,
        offset=offset,
    )
    reader = params.use_interface_language()
    return jsonify(result_to_dict(result, targets, params.concept_url, reader))


def sentences() -> Response:
    """Source sentences containing every word of ``q``, with their source, anchor and concepts."""
    query = params.required("q")
    searcher = get_searcher()
    lang = params.choice("lang", searcher.info.languages)
    limit = params.whole_number("limit", 20, 1, MAX_LIMIT)
    offset = params.whole_number("offset", 0, 0, MAX_OFFSET)
    result = searcher.search_sentences(query, lang=lang, limit=limit, offset=offset)
    return jsonify(sentences_json(searcher, result, params.use_interface_language(), params.concept_url))


def suggest() -> Response:
    """Autocomplete: the best terms starting with ``q``, in any script."""
    query = params.optional("q")
    searcher = get_searcher()
    lang = params.language("lang", searcher.info.languages)
    limit = params.whole_number("limit", 10, 1, MAX_SUGGESTIONS)
    suggestions = searcher.suggest(query, lang=lang, limit=limit)
    return jsonify(
        {"query": query[:200], "suggestions": [suggestion_to_dict(s, params.concept_url) for s in suggestions]}
    )
