"""Hostile and odd requests: nothing a client sends makes a 500, and every page answers HEAD like GET.

The fuzz test (test_api_fuzz.py) explores the documented inputs; these are
the undocumented ones it would not think of: deep JSON, wrong content types,
broken multipart, unusual Unicode.
"""

from __future__ import annotations

import io
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


# --- Unicode: lone surrogates, NUL, direction marks ----------------------------------------------------

LONE = '"\\ud800 ISO \\udfff"'  # JSON escapes for lone surrogates: valid JSON, not encodable as UTF-8


@pytest.mark.parametrize(
    "body",
    [
        '{"text": ' + LONE + ', "lang": "en"}',
        '{"text": "a\\u0000b ISO \\u202e\\u200fISO\\u202c", "lang": "en"}',
    ],
)
def test_recognize_answers_any_unicode_text(client: FlaskClient, body: str) -> None:
    response = client.post("/api/v1/recognize", data=body, content_type="application/json")
    assert response.status_code == 200
    answer = response.get_json()
    text = json.loads(body)["text"]
    for match in answer["matches"]:
        assert len(match["surface"]) == match["end"] - match["start"]
        assert match["surface"] == text[match["start"] : match["end"]]


@pytest.mark.parametrize(
    "body",
    [
        '{"source_lang": "kk", "target_lang": "ru", "source": ' + LONE + ', "target": "\\u0000"}',
        '{"source_lang": "kk", "target_lang": "ru", "segments": [{"id": ' + LONE + ", "
        '"source": "ИСО \\udc00", "target": ' + LONE + "}]}",
    ],
)
def test_check_answers_lone_surrogates_with_a_replacement_character(client: FlaskClient, body: str) -> None:
    response = client.post("/api/v1/check", data=body, content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    segment = response.get_json()["segments"][0]
    assert segment["target"].startswith("\ufffd") or segment["target"] == "\x00"
    assert "\ufffd" in segment["source"]


# --- Wrong content types, empty and odd bodies ---------------------------------------------------------

CONTENT_TYPES = [
    None,
    "application/json",
    "application/json; charset=utf-16",
    "application/json; charset=bogus",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "application/xml",
]
BODIES = [
    b"",
    b"null",
    b"[]",
    b"\xff\xfe{}",
    '{"text": "ISO", "lang": "en"}'.encode("utf-16"),
    b'\xef\xbb\xbf{"text": "ISO", "lang": "en"}',
    b'{"text": 1e999, "lang": "en"}',
    b'{"text": "x", "lang": ["en"]}',
    b'{"source_lang": {"kk": 1}, "target_lang": "ru", "source": "a", "target": "b"}',
    b'{"source_lang": "kk", "target_lang": "ru", "segments": [{"source": "x", "target": null, "id": {"a": [1]}}]}',
    b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.tsv"\r\n\r\nkk\tru\r\n--x--\r\n',
    b"--x\r\n",
    b"9" * 10_000,
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_no_body_or_content_type_makes_a_5xx(client: FlaskClient, endpoint: str, content_type: str | None) -> None:
    for body in BODIES:
        kwargs: dict[str, Any] = {"data": body}
        if content_type is not None:
            kwargs["content_type"] = content_type
        response = client.post(endpoint, **kwargs)
        assert response.status_code < 500, (body[:40], response.get_data(as_text=True)[:300])
        assert response.mimetype == "application/json"
        if response.status_code != 200:
            _assert_json_error(response, response.status_code)


# --- Multipart uploads with odd names, encodings and contents ------------------------------------------

NAMES = ["", "a", "a.tsv", "a.xlf", "a.csv", "../../etc/passwd", "\x00.tsv", "é.tsv", "a" * 2_000 + ".tsv", "a.TSV"]
CONTENTS = [
    b"",
    b"\x00" * 10,
    "kk\tru\nа\tб\n".encode("utf-16"),
    "kk\tru\nа\tб\n".encode("cp1251"),
    b"\xef\xbb\xbfkk\tru\nx\ty\n",
    "<?xml version='1.0' encoding='utf-16'?><xliff version='1.2'><file source-language='kk' target-language='ru'>"
    "<body><trans-unit id='1'><source>a</source><target>b</target></trans-unit></body></file></xliff>".encode("utf-16"),
    b"<!DOCTYPE x [<!ENTITY a 'b'>]><xliff/>",
    b"<a>" * 5_000,
    b'kk,ru\n"unterminated\n',
    b"kk\tru\n" + b"x\ty\n" * 5_001,
]


@pytest.mark.parametrize("name", NAMES)
def test_no_upload_makes_a_5xx(client: FlaskClient, name: str) -> None:
    for content in CONTENTS:
        for form in ({}, {"source_lang": "kk", "target_lang": "ru"}, {"source_lang": "kk", "target_lang": "kk"}):
            data = {"file": (io.BytesIO(content), name), **form}
            response = client.post("/api/v1/check", data=data, content_type="multipart/form-data")
            assert response.status_code < 500, (name[:20], content[:30], response.get_data(as_text=True)[:300])
            assert response.mimetype == "application/json"


def test_a_form_without_a_file_is_read_as_a_missing_json_body(client: FlaskClient) -> None:
    for data in ({"file": "not a file"}, {"text": "x", "lang": "en"}):
        for endpoint in ENDPOINTS:
            response = client.post(endpoint, data=data, content_type="multipart/form-data")
            assert "JSON" in _assert_json_error(response)["error"]


# --- Query parameters --------------------------------------------------------------------------------

ODD_VALUES = [
    "%00",
    "%ED%A0%80",
    "%FF%FE",
    "%E2%80%AE%E2%80%8F",
    "%",
    "%ZZ",
    "..%2F..",
    "1e999",
    "-0",
    "NaN",
    "x" * 5_000,
]
QUERIES = {
    "/api/v1/search": ["q", "lang", "target", "subject", "status", "limit", "offset", "ui"],
    "/api/v1/suggest": ["q", "lang", "limit", "ui"],
    "/api/v1/concepts/iso": ["ui"],
    "/api/v1/openapi.json": ["ui"],
}


@pytest.mark.parametrize("path", sorted(QUERIES))
def test_no_query_parameter_makes_a_5xx(client: FlaskClient, path: str) -> None:
    for name in QUERIES[path]:
        for value in ODD_VALUES:
            extra = "&q=iso" if name != "q" and "/concepts/" not in path and "openapi" not in path else ""
            response = client.get(f"{path}?{name}={value}{extra}")
            assert response.status_code < 500, (name, value[:20])
            assert response.mimetype == "application/json"


@pytest.mark.parametrize("value", [*ODD_VALUES, "%C3%A9", "a" * 1_000])
def test_no_concept_id_makes_a_5xx(client: FlaskClient, value: str) -> None:
    response = client.get(f"/api/v1/concepts/{value}")
    assert response.status_code in {400, 404}
    _assert_json_error(response, response.status_code)
