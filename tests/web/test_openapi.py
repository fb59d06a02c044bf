"""The static OpenAPI document against the real API: every operation is called and every answer validated.

Each case is a real request to an app built by ``create_app``; its answer
must have a documented status and a body that the document's schema for that
status accepts.  The schemas forbid unknown fields, so a field added to or
dropped from an answer fails here until the document says so.  The routes of
the ``api`` blueprint and the document's paths must also be the same set, and
every documented response must be produced by at least one case.
"""

from __future__ import annotations

import fnmatch
import io
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from tests.conftest import FIXTURES, ROOT
from tests.web.support import WEB_FIXTURE, build
from web import create_app
from web.tool_input import API_MATCH_LIMIT

DOCUMENT_PATH = ROOT / "web" / "api" / "openapi.json"
DOCUMENT: dict[str, Any] = json.loads(DOCUMENT_PATH.read_text(encoding="utf-8"))
BASE = "urn:kazterm-openapi"
REGISTRY = Registry().with_resource(BASE, DRAFT202012.create_resource(DOCUMENT))
PREFIX = DOCUMENT["servers"][0]["url"]
TOOLS_BASE = FIXTURES / "tools"
TEXTS = FIXTURES / "texts"
SENTENCES_BASE = FIXTURES / "sentences"
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Case:
    """One request: which app answers it, and the status it must get."""

    name: str
    method: str
    url: str
    status: int
    app: str = "tools"
    json: Any = None
    data: Any = None
    content_type: str | None = None
    upload: tuple[str, bytes] | None = None
    form: dict[str, str] = field(default_factory=dict)


def _web_concept_ids() -> list[str]:
    return sorted(path.stem for path in (WEB_FIXTURE / "concepts").glob("*.yaml"))


SEGMENTS = {
    "source_lang": "ru",
    "target_lang": "kk",
    "segments": [
        {"id": "a", "source": "Национальные стандарты и ИСО.", "target": "Ұлттық стандарттар."},
        {"source": "Стандартизация.", "target": "Стандарттандыру."},
    ],
}

CASES = [
    # /search
    Case("search", "get", "/search?q=ИСО&target=en,kk", 200),
    Case("search-filters", "get", "/search?q=стандарт&subject=standardization&status=preferred&limit=2&offset=1", 200),
    Case("search-did-you-mean", "get", "/search?q=стндрт&lang=kk&ui=kk", 200),
    Case("search-nothing", "get", "/search?q=", 200),
    Case("search-definitions", "get", "/search?q=ISO&ui=ru", 200, app="web"),
    Case("search-no-q", "get", "/search", 400),
    Case("search-bad-limit", "get", "/search?q=x&limit=0", 400),
    Case("search-bad-subject", "get", "/search?q=x&subject=nope", 400),
    Case("search-min-reliability", "get", "/search?q=ISO&min_reliability=9&target=kk", 200, app="web"),
    Case("search-bad-reliability", "get", "/search?q=x&min_reliability=11", 400),
    Case("search-bad-ui", "get", "/search?q=x&ui=de", 400),
    Case("search-no-index", "get", "/search?q=x", 503, app="none"),
    # /sentences
    Case("sentences", "get", "/sentences?q=Женева&ui=ru", 200, app="sentences"),
    Case("sentences-paged", "get", "/sentences?q=ұйым&lang=kk&limit=1&offset=1", 200, app="sentences"),
    Case("sentences-web", "get", "/sentences?q=1946", 200, app="web"),
    Case("sentences-nothing", "get", "/sentences?q=", 200),
    Case("sentences-no-q", "get", "/sentences", 400),
    Case("sentences-bad-limit", "get", "/sentences?q=x&limit=101", 400),
    Case("sentences-no-index", "get", "/sentences?q=x", 503, app="none"),
    # /suggest
    Case("suggest", "get", "/suggest?q=стан&ui=ru", 200),
    Case("suggest-empty", "get", "/suggest", 200),
    Case("suggest-bad-lang", "get", "/suggest?q=x&lang=zz", 400),
    Case("suggest-no-index", "get", "/suggest?q=x", 503, app="none"),
    # /opensearch-suggest
    Case("opensearch-suggest", "get", "/opensearch-suggest?q=стан&ui=kk", 200, app="web"),
    Case("opensearch-suggest-empty", "get", "/opensearch-suggest", 200),
    Case("opensearch-suggest-bad-limit", "get", "/opensearch-suggest?q=x&limit=51", 400),
    Case("opensearch-suggest-no-index", "get", "/opensearch-suggest?q=x", 503, app="none"),
    # /concepts/{id}
    *(Case(f"concept-{cid}", "get", f"/concepts/{cid}?ui=kk", 200, app="web") for cid in _web_concept_ids()),
    Case("concept-tools", "get", "/concepts/standardization", 200),
    Case("concept-missing", "get", "/concepts/no-such-thing", 404),
    Case("concept-bad-ui", "get", "/concepts/iso?ui=../x", 400),
    Case("concept-no-index", "get", "/concepts/iso", 503, app="none"),
    # /recognize
    Case(
        "recognize", "post", "/recognize?ui=ru", 200, json={"text": "Международные стандарты ИСО и МЭК", "lang": "ru"}
    ),
    Case("recognize-nothing", "post", "/recognize", 200, json={"text": "", "lang": "en"}),
    Case(
        "recognize-nested", "post", "/recognize?ui=kk", 200, json={"text": "Фонд нормативных документов", "lang": "ru"}
    ),
    Case(
        "recognize-nested-off",
        "post",
        "/recognize",
        200,
        json={"text": "ISO technical committees", "lang": "en", "nested": False},
    ),
    Case(
        "recognize-nested-truncated",
        "post",
        "/recognize",
        200,
        json={"text": "ISO technical committees " * 5000, "lang": "en", "nested": True},
    ),
    Case("recognize-bad-nested", "post", "/recognize", 400, json={"text": "ISO", "lang": "en", "nested": 1}),
    Case("recognize-truncated", "post", "/recognize?ui=kk", 200, json={"text": "ISO IEC " * 5001, "lang": "en"}),
    Case("recognize-not-json", "post", "/recognize", 400, data="text", content_type="text/plain"),
    Case("recognize-bad-lang", "post", "/recognize?ui=kk", 400, json={"text": "x", "lang": "fr"}),
    Case("recognize-too-long", "post", "/recognize", 413, json={"text": "x" * 500_001, "lang": "kk"}),
    Case(
        "recognize-too-large",
        "post",
        "/recognize",
        413,
        data="x" * (2 * 1024 * 1024 + 1),
        content_type="application/json",
    ),
    Case("recognize-no-index", "post", "/recognize", 503, app="none", json={"text": "x", "lang": "kk"}),
    # /check
    Case("check-segments", "post", "/check", 200, json=SEGMENTS),
    Case(
        "check-columns",
        "post",
        "/check",
        200,
        json={"source_lang": "kk", "target_lang": "ru", "source": "Стандарт.\nМетрология.", "target": "Стандарт."},
    ),
    Case(
        "check-truncated",
        "post",
        "/check",
        200,
        json={"source_lang": "ru", "target_lang": "kk", "source": "x", "target": "стандарттандыру " * 10_001},
    ),
    Case("check-upload", "post", "/check?ui=en", 200, upload=("pairs.tsv", (TEXTS / "kk-ru.tsv").read_bytes())),
    Case("check-xliff", "post", "/check", 200, upload=("pairs.xlf", (TEXTS / "kk-ru.xlf").read_bytes())),
    Case(
        "check-same-languages",
        "post",
        "/check",
        400,
        json={"source_lang": "kk", "target_lang": "kk", "source": "a", "target": "b"},
    ),
    Case(
        "check-bad-segments",
        "post",
        "/check?ui=ru",
        400,
        json={"source_lang": "kk", "target_lang": "ru", "segments": "x"},
    ),
    Case("check-bad-upload", "post", "/check", 400, upload=("short.tsv", "kk\tru\nстандарт\n".encode())),
    Case(
        "check-too-many",
        "post",
        "/check",
        413,
        json={"source_lang": "kk", "target_lang": "ru", "source": "a\n" * 5001, "target": ""},
    ),
    Case("check-no-index", "post", "/check", 503, app="none", json=SEGMENTS),
    # /openapi.json
    Case("openapi", "get", "/openapi.json", 200, app="none"),
    Case("openapi-bad-ui", "get", "/openapi.json?ui=xx", 400, app="none"),
]


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Flask]:
    def app(termbase: Path, index: Path) -> Flask:
        return create_app({"TESTING": True, "TERMBASE": str(termbase), "INDEX_DIR": str(index)})

    return {
        "tools": app(TOOLS_BASE, build(TOOLS_BASE, tmp_path_factory.mktemp("openapi-tools"))),
        "web": app(WEB_FIXTURE, build(WEB_FIXTURE, tmp_path_factory.mktemp("openapi-web"))),
        "sentences": app(SENTENCES_BASE, build(SENTENCES_BASE, tmp_path_factory.mktemp("openapi-sentences"))),
        "none": app(TOOLS_BASE, tmp_path_factory.mktemp("openapi-none") / "no-index"),
    }


def _resolve(node: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
    """Follow a ``$ref`` to a component: the node and its JSON pointer in the document."""
    while "$ref" in node:
        pointer = node["$ref"].removeprefix("#")
        node = REGISTRY.resolver().lookup(f"{BASE}#{pointer}").contents
    return node, pointer


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _validate(instance: Any, pointer: str) -> None:
    """Validate against the schema at ``pointer``; its ``#/components/...`` references resolve in the document."""
    Draft202012Validator({"$ref": f"{BASE}#{pointer}"}, registry=REGISTRY).validate(instance)


def _template(rule: Rule) -> str:
    """A Flask rule (``/api/v1/concepts/<concept_id>``) as a path of the document (``/concepts/{}``)."""
    return re.sub(r"<(?:[^:>]+:)?[^>]+>", "{}", rule.rule.removeprefix(PREFIX))


def _documented(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


@cache
def _paths_by_template() -> dict[str, str]:
    return {_documented(path): path for path in DOCUMENT["paths"]}


def _send(app: Flask, case: Case) -> tuple[TestResponse, Rule]:
    client = app.test_client()
    kwargs: dict[str, Any] = {}
    if case.json is not None:
        kwargs["json"] = case.json
    if case.data is not None:
        kwargs["data"] = case.data
    if case.content_type is not None:
        kwargs["content_type"] = case.content_type
    if case.upload is not None:
        name, content = case.upload
        kwargs["data"] = {"file": (io.BytesIO(content), name), **case.form}
        kwargs["content_type"] = "multipart/form-data"
    response = client.open(PREFIX + case.url, method=case.method.upper(), **kwargs)
    rule, _ = app.url_map.bind("localhost").match(
        (PREFIX + case.url).split("?")[0], method=case.method.upper(), return_rule=True
    )
    return response, rule


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_answer_matches_the_document(apps: dict[str, Flask], case: Case) -> None:
    response, rule = _send(apps[case.app], case)
    assert response.status_code == case.status, response.get_data(as_text=True)[:500]
    path = _paths_by_template()[_template(rule)]
    operation = DOCUMENT["paths"][path][case.method]
    documented = operation["responses"].get(str(response.status_code))
    assert documented is not None, f"{case.method.upper()} {path} answered {response.status_code}, undocumented"
    base = f"/paths/{_escape(path)}/{case.method}/responses/{response.status_code}"
    documented, base = _resolve(documented, base)
    assert response.mimetype in documented["content"], f"{response.mimetype} is not documented for {path}"
    _validate(response.get_json(), f"{base}/content/{_escape(response.mimetype)}/schema")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    if case.status == 200 and case.json is not None:
        # What the document tells a client to send is what the API accepts.
        _validate(case.json, f"/paths/{_escape(path)}/{case.method}/requestBody/content/application~1json/schema")


def test_the_cases_produce_every_documented_response() -> None:
    documented = {
        (_documented(path), method, status)
        for path, item in DOCUMENT["paths"].items()
        for method, operation in item.items()
        if method in METHODS
        for status in operation["responses"]
    }
    exercised = set()
    for case in CASES:
        path = re.sub(r"/concepts/[^/?]+", "/concepts/{}", case.url.split("?")[0])
        exercised.add((path, case.method, str(case.status)))
    assert documented - exercised == set(), "documented but never requested"
    assert exercised - documented == set(), "requested but not documented"


def test_the_blueprint_routes_and_the_documented_paths_are_the_same(apps: dict[str, Flask]) -> None:
    routes = {
        (_template(rule), method.lower())
        for rule in apps["none"].url_map.iter_rules()
        if rule.endpoint.startswith("api.")
        for method in rule.methods or ()
        if method not in {"HEAD", "OPTIONS"}
    }
    documented = {
        (_documented(path), method) for path, item in DOCUMENT["paths"].items() for method in item if method in METHODS
    }
    assert routes == documented
    for rule in apps["none"].url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            assert rule.rule.startswith(PREFIX + "/"), rule.rule


def test_documented_path_parameters_name_the_route_variables() -> None:
    for path, item in DOCUMENT["paths"].items():
        in_path = set(re.findall(r"\{([^}]+)\}", path))
        for method, operation in item.items():
            declared = {p["name"] for p in operation.get("parameters", ()) if p["in"] == "path"}
            assert declared == in_path, f"{method} {path}"


def test_the_document_is_valid_json_schema_and_served_as_is(apps: dict[str, Flask]) -> None:
    assert DOCUMENT["openapi"].startswith("3.1")
    for schema in DOCUMENT["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    assert apps["none"].test_client().get(PREFIX + "/openapi.json").get_json() == DOCUMENT


def test_a_drifted_answer_fails_validation() -> None:
    """The check above can fail: an extra field, or a missing one, is refused."""
    pointer = "/components/schemas/Suggestions"
    good = {"query": "iso", "suggestions": [{"text": "ISO", "lang": "en", "id": "iso", "url": "/en/concept/iso"}]}
    _validate(good, pointer)
    extra = {**good, "total": 1}
    missing = {"query": "iso", "suggestions": [{"text": "ISO", "lang": "en", "id": "iso"}]}
    for bad in (extra, missing):
        with pytest.raises(ValidationError, match=r"Additional|required"):
            _validate(bad, pointer)


def test_the_documented_match_cap_is_the_served_one() -> None:
    recognized = DOCUMENT["components"]["schemas"]["Recognized"]
    assert recognized["properties"]["matches"]["maxItems"] == API_MATCH_LIMIT
    nested = recognized["properties"]["matches"]["items"]["properties"]["nested"]
    assert nested["maxItems"] == API_MATCH_LIMIT - 1  # the match itself counts toward the cap
    assert f"{API_MATCH_LIMIT:,}" in recognized["description"]
    assert f"{API_MATCH_LIMIT:,}" in DOCUMENT["components"]["schemas"]["CheckReport"]["description"]


def test_the_document_ships_with_the_package() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        patterns = tomllib.load(f)["tool"]["setuptools"]["package-data"]["web"]
    relative = DOCUMENT_PATH.relative_to(ROOT / "web").as_posix()
    assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)
