"""The OpenAPI 3 description of the JSON API, served at ``/api/v1/openapi.json``.

Other blueprints under ``/api/v1`` add their operations to :data:`PATHS`
(and schemas to :data:`SCHEMAS`) here, so there is one document.
"""

from __future__ import annotations

import copy
from typing import Any


def _param(
    name: str, description: str, schema: dict[str, Any], *, required: bool = False, explode: bool = False
) -> dict[str, Any]:
    param: dict[str, Any] = {
        "name": name,
        "in": "query",
        "description": description,
        "required": required,
        "schema": schema,
    }
    if explode:
        param["style"] = "form"
        param["explode"] = True
    return param


_STRING = {"type": "string"}
_LANG = _param("lang", "Match the query in this language only (a code of the term base, e.g. kk, ru, en).", _STRING)
_UI = _param("ui", "Interface language for the returned page URLs (default en).", {"type": "string", "default": "en"})
_ERROR = {
    "description": "A bad parameter; the message names it.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error", "status"],
        "properties": {"error": _STRING, "status": {"type": "integer"}},
    },
    "Term": {
        "type": "object",
        "required": ["text", "type", "status"],
        "properties": {
            "text": _STRING,
            "type": {
                "type": "string",
                "enum": ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
            },
            "status": {"type": "string", "enum": ["preferred", "admitted", "deprecated", "superseded"]},
        },
    },
    "Result": {
        "type": "object",
        "required": ["id", "score", "matched", "terms", "definition", "url"],
        "properties": {
            "id": _STRING,
            "score": {
                "type": "number",
                "description": "Higher is better: 1000 exact, 900 lemma, 800 folded/transliterated, 700 fuzzy, 500-699 a term containing the query's words, 100-199 full text.",
            },
            "matched": {
                "type": "object",
                "required": ["lang", "term", "how"],
                "properties": {
                    "lang": _STRING,
                    "term": _STRING,
                    "how": {"type": "string", "enum": ["exact", "lemma", "folded", "fuzzy", "fulltext"]},
                },
            },
            "terms": {
                "type": "object",
                "description": "Language code → terms, for the matched language and the targets (all languages without a target).",
                "additionalProperties": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
            },
            "definition": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {"text": _STRING, "source": {"type": "string", "nullable": True}},
                },
            },
            "subjects": {"type": "array", "items": _STRING},
            "url": {"type": "string", "description": "Path of the concept page, /<ui>/concept/<id>."},
        },
    },
    "SearchResponse": {
        "type": "object",
        "required": ["query", "total", "results", "did_you_mean"],
        "properties": {
            "query": {"type": "string", "description": "The query as searched (cleaned, layout repaired)."},
            "total": {"type": "integer"},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
            "did_you_mean": {"type": "string", "nullable": True},
        },
    },
    "Concept": {
        "type": "object",
        "description": "The whole concept, in the term-base YAML shape (id, subjects, languages, notes, relations) plus url.",
    },
    "Suggestions": {
        "type": "object",
        "properties": {
            "query": _STRING,
            "suggestions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"text": _STRING, "lang": _STRING, "id": _STRING, "url": _STRING},
                },
            },
        },
    },
}

PATHS: dict[str, Any] = {
    "/search": {
        "get": {
            "summary": "Search concepts in any language or script",
            "description": "Inflected forms, typos, Russian-keyboard or Latin Kazakh and abbreviations all find their concept. Ranked: exact, lemma, folded/transliterated, fuzzy, then definitions and contexts.",
            "parameters": [
                _param("q", "The query; any text is safe.", _STRING, required=True),
                _LANG,
                _param(
                    "target",
                    "Languages to show equivalents in; repeat or comma-separate.",
                    {"type": "array", "items": _STRING},
                    explode=True,
                ),
                _param(
                    "subject",
                    "Only concepts in these subject fields (or their sub-fields).",
                    {"type": "array", "items": _STRING},
                    explode=True,
                ),
                _param(
                    "status",
                    "Only concepts with a term of this status.",
                    {
                        "type": "array",
                        "items": {"type": "string", "enum": ["preferred", "admitted", "deprecated", "superseded"]},
                    },
                    explode=True,
                ),
                _param(
                    "limit",
                    "Number of results (1-100).",
                    {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                ),
                _param(
                    "offset",
                    "Results to skip, for paging.",
                    {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0},
                ),
                _UI,
            ],
            "responses": {
                "200": {
                    "description": "Ranked results",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}},
                },
                "400": _ERROR,
            },
        }
    },
    "/concepts/{id}": {
        "get": {
            "summary": "One whole concept",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": _STRING}, _UI],
            "responses": {
                "200": {
                    "description": "The concept",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Concept"}}},
                },
                "404": {
                    "description": "No such concept",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                },
            },
        }
    },
    "/suggest": {
        "get": {
            "summary": "Autocomplete: the best terms starting with a prefix, in any script",
            "parameters": [
                _param("q", "What has been typed so far.", _STRING),
                _LANG,
                _param(
                    "limit",
                    "Number of suggestions (1-50).",
                    {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                ),
                _UI,
            ],
            "responses": {
                "200": {
                    "description": "Suggestions, best first",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Suggestions"}}},
                },
                "400": _ERROR,
            },
        }
    },
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 document"}}}},
}


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.0 document (a copy: callers may not change the module's data)."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "kazterm API",
            "version": "1",
            "description": "Read-only access to a Kazakh–Russian–English term base. CORS is open on these endpoints.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": copy.deepcopy(PATHS),
        "components": {"schemas": copy.deepcopy(SCHEMAS)},
    }
