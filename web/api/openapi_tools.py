"""The tools' operations in the API's one OpenAPI document (``POST /recognize``, ``POST /check``)."""

from __future__ import annotations

from typing import Any

from web.api.openapi import PATHS, SCHEMAS

_STRING = {"type": "string"}
_ERROR_REF = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_ERRORS = {
    "400": {
        "description": "Bad input: not JSON, a missing field or an unknown language; the message names it.",
        "content": _ERROR_REF,
    },
    "413": {"description": "The text, the file or the number of segments is over the limit.", "content": _ERROR_REF},
}

_SCHEMAS: dict[str, Any] = {
    "RecognizeRequest": {
        "type": "object",
        "required": ["text", "lang"],
        "properties": {
            "text": {"type": "string", "maxLength": 500000, "description": "The text; offsets in the answer index it."},
            "lang": {"type": "string", "description": "The text's language, one of the term base's (e.g. kk, ru, en)."},
        },
    },
    "Recognized": {
        "type": "object",
        "required": ["lang", "matches"],
        "properties": {
            "lang": _STRING,
            "matches": {
                "type": "array",
                "description": "Longest matches first, never overlapping; a span naming several concepts (homonyms) appears once per concept.",
                "items": {
                    "type": "object",
                    "required": ["start", "end", "surface", "concept"],
                    "properties": {
                        "start": {
                            "type": "integer",
                            "description": "Offset of the first character (Unicode code points).",
                        },
                        "end": {"type": "integer", "description": "Offset after the last character."},
                        "surface": {"type": "string", "description": "The text as found, e.g. an inflected form."},
                        "term": {
                            "type": "object",
                            "properties": {"text": _STRING, "lang": _STRING, "status": _STRING},
                        },
                        "concept": {
                            "type": "object",
                            "required": ["id", "terms"],
                            "properties": {
                                "id": _STRING,
                                "url": _STRING,
                                "terms": {
                                    "type": "object",
                                    "description": "Terms by language code.",
                                    "additionalProperties": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Term"},
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
    "CheckRequest": {
        "type": "object",
        "required": ["source_lang", "target_lang"],
        "description": "Either 'segments', or 'source' and 'target' texts paired line by line.",
        "properties": {
            "source_lang": _STRING,
            "target_lang": _STRING,
            "segments": {
                "type": "array",
                "maxItems": 5000,
                "items": {
                    "type": "object",
                    "required": ["source"],
                    "properties": {"id": _STRING, "source": _STRING, "target": _STRING},
                },
            },
            "source": _STRING,
            "target": _STRING,
        },
    },
    "CheckReport": {
        "type": "object",
        "properties": {
            "source_lang": _STRING,
            "target_lang": _STRING,
            "summary": {
                "type": "object",
                "properties": {
                    name: {"type": "integer"}
                    for name in ("segments", "segments_with_problems", "source_terms", "missing", "deprecated")
                },
            },
            "segments": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": _STRING,
                        "line": {"type": "integer"},
                        "source": _STRING,
                        "target": _STRING,
                        "problems": {"type": "integer"},
                        "terms": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "concepts": {"type": "array", "items": _STRING},
                                    "source": {"type": "array", "items": _STRING},
                                    "source_count": {"type": "integer"},
                                    "expected": {"type": "array", "items": _STRING},
                                    "found": {"type": "array", "items": _STRING},
                                    "target_count": {"type": "integer"},
                                    "missing": {"type": "integer"},
                                    "status": {"type": "string", "enum": ["ok", "no-equivalent", "partial", "missing"]},
                                },
                            },
                        },
                        "deprecated": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "start": {"type": "integer"},
                                    "end": {"type": "integer"},
                                    "surface": _STRING,
                                    "concept": _STRING,
                                    "term": _STRING,
                                    "status": _STRING,
                                    "use_instead": {"type": "array", "items": _STRING},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}

_PATHS: dict[str, Any] = {
    "/recognize": {
        "post": {
            "summary": "Find the term base's terms in a text",
            "description": "Multi-word terms, inflected forms (Kazakh suffixes, also after a hyphen; Russian case endings) and abbreviations; case matters only for case-sensitive terms.",
            "parameters": [
                {
                    "name": "ui",
                    "in": "query",
                    "description": "Interface language for concept URLs (default en).",
                    "schema": {"type": "string", "default": "en"},
                }
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RecognizeRequest"}}},
            },
            "responses": {
                "200": {
                    "description": "The occurrences, in text order",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Recognized"}}},
                },
                **_ERRORS,
            },
        }
    },
    "/check": {
        "post": {
            "summary": "Check a translation's terminology",
            "description": "Per segment: the source terms found, whether an allowed (not deprecated or superseded) target equivalent occurs as often, in any inflected form, and the deprecated target terms used. Send JSON, or multipart/form-data with 'file' (XLIFF 1.2/2.x or a bilingual TSV/CSV) and optional 'source_lang'/'target_lang' fields.",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "source_lang": _STRING,
                                "target_lang": _STRING,
                            },
                        }
                    },
                },
            },
            "responses": {
                "200": {
                    "description": "The report",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckReport"}}},
                },
                **_ERRORS,
            },
        }
    },
}


def register() -> None:
    """Add the tools' paths and schemas to the API document (idempotent)."""
    PATHS.update(_PATHS)
    SCHEMAS.update(_SCHEMAS)
