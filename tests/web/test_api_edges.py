"""Hostile and odd requests: nothing a client sends makes a 500, and every page answers HEAD like GET.

The fuzz test (test_api_fuzz.py) explores the documented inputs; these are
the undocumented ones it would not think of: deep JSON, wrong content types,
broken multipart, unusual Unicode.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient

ENDPOINTS = ("/api/v1/recognize", "/api/v1/check")


def _nested(depth: int, kind: str) -> str:
    if kind == "array":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _assert_json_error(response: Any, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["status"] == status and isinstance(body["error"], str) and body["error"]
    return body


# --- F2: deeply nested JSON --------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("kind", ["array", "object"])
def test_deeply_nested_json_is_a_400(client: FlaskClient, endpoint: str, depth: int, kind: str) -> None:
    response = client.post(endpoint, data=_nested(depth, kind), content_type="application/json")
    body = _assert_json_error(response)
    assert "JSON" in body["error"]


def test_deeply_nested_json_error_follows_ui(client: FlaskClient) -> None:
    english = client.post("/api/v1/recognize", data=_nested(1_000, "array"), content_type="application/json")
    russian = client.post("/api/v1/recognize?ui=ru", data=_nested(1_000, "array"), content_type="application/json")
    assert _assert_json_error(english)["error"] != _assert_json_error(russian)["error"]


def test_moderately_nested_json_in_a_field_is_still_read(client: FlaskClient) -> None:
    """Nesting inside an otherwise good body is refused by the field checks, not by the parser."""
    body = {"text": json.loads(_nested(50, "array")), "lang": "en"}
    assert "'text'" in _assert_json_error(client.post("/api/v1/recognize", json=body))["error"]


# --- F5: HEAD is GET without a body ------------------------------------------------------------------


SAMPLE_ARGS = {
    "lang_code": "en",
    "concept_id": "iso",
    "content_lang": "kk",
    "letter": "ә",
    "subject_id": "organizations",
    "source_id": "text",
    "filename": "app.js",
}


def _get_urls(app: Flask) -> list[str]:
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in (rule.methods or ()):
                continue
            values = {name: SAMPLE_ARGS[name] for name in rule.arguments if name in SAMPLE_ARGS}
            if rule.rule.endswith(".json"):
                values["fmt"] = "json"
            urls.append(url_for(rule.endpoint, **values))
    return sorted(set(urls))


@pytest.mark.parametrize("path", ["/en/tools/check-text", "/en/tools/check-translation", "/kk/tools/check-text"])
def test_head_on_the_tools_pages_is_200(client: FlaskClient, path: str) -> None:
    response = client.head(path)
    assert response.status_code == 200
    assert response.get_data() == b""


def test_every_page_answers_head_like_get(app: Flask, client: FlaskClient) -> None:
    urls = _get_urls(app)
    assert "/en/tools/check-text" in urls and "/api/v1/search" in urls
    for url in urls:
        with client.get(url) as get, client.head(url) as head:
            assert head.status_code == get.status_code, url
            assert head.get_data() == b"", url
            assert get.status_code < 500, url
