"""A property-based fuzz of every ``/api/v1`` operation, driven by the OpenAPI document (schemathesis).

For each operation of web/api/openapi.json, schemathesis generates requests
that follow the document (positive) and requests that break it (negative:
wrong types, missing fields, odd strings, any Unicode), and sends them to the
app in-process (WSGI).  Every answer must: not be a 5xx, have a documented
status and content type, have a body the document's schema accepts, and come
within :data:`TIME_BOUND` seconds.  Hypothesis is derandomized, so CI sends
the same requests every run; :data:`EXAMPLES` per operation and mode keeps the
whole test well under a minute on a small machine.

The operations are parametrized by hand, with Hypothesis's ``@given`` over
each operation's strategy, rather than through schemathesis's pytest plugin:
under pytest 9 the plugin's items share one node id and its fixture loader
(``schemathesis.pytest.from_fixture``) sets a private attribute pytest no
longer has.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import ROOT
from tests.web.support import WEB_FIXTURE
from web import create_app

DOCUMENT: dict[str, Any] = json.loads((ROOT / "web" / "api" / "openapi.json").read_text(encoding="utf-8"))
#: Requests generated per operation and mode (positive, negative).
EXAMPLES = 100
#: Seconds any one answer may take, far above what the fixture's answers take (milliseconds).
TIME_BOUND = 2.0
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: The web fixture's languages and concepts: what the document leaves open ("one of the term base's").
LANGUAGES = ["kk", "ru", "en"]
CONCEPT_IDS = sorted(path.stem for path in (WEB_FIXTURE / "concepts").glob("*.yaml"))
SUBJECTS = ["standardization", "organizations"]
OPERATIONS = [
    (path, method) for path, item in DOCUMENT["paths"].items() for method in item if method in {"get", "post"}
]


def _narrowed(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the fixture's languages and concept ids as enums.

    Positive examples then reach the recognizer, the checker and the concept
    lookup instead of stopping at "unknown language"; negative ones still
    send every other string.
    """
    narrowed = copy.deepcopy(document)
    schemas = narrowed["components"]["schemas"]
    for name, fields in {
        "RecognizeRequest": ["lang"],
        "CheckRequest": ["source_lang", "target_lang"],
        "CheckUpload": ["source_lang", "target_lang"],
    }.items():
        for field in fields:
            schemas[name]["properties"][field]["enum"] = LANGUAGES
    for item in narrowed["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", ()):
                if parameter["name"] == "lang":
                    parameter["schema"]["enum"] = LANGUAGES
                elif parameter["name"] == "target":
                    parameter["schema"]["items"]["enum"] = LANGUAGES
                elif parameter["name"] == "subject":
                    parameter["schema"]["items"]["enum"] = SUBJECTS
                elif parameter["name"] == "id":
                    parameter["schema"]["enum"] = CONCEPT_IDS
    return narrowed


@pytest.fixture(scope="module")
def api_schema(web_index: Path) -> schemathesis.BaseSchema:
    app: Flask = create_app({"TESTING": False, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(web_index)})
    schema = schemathesis.openapi.from_dict(_narrowed(DOCUMENT))
    schema.app = app
    return schema


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m.upper()} {p}" for p, m in OPERATIONS])
def test_no_request_makes_a_5xx_an_undocumented_answer_or_a_slow_one(
    api_schema: schemathesis.BaseSchema, path: str, method: str
) -> None:
    operation = api_schema[path][method]
    modes = [operation.as_strategy(generation_mode=mode) for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]

    @given(case=st.one_of(modes))
    @settings(
        max_examples=2 * EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        response = case.call()
        case.validate_response(response, checks=CHECKS)
        assert response.elapsed < TIME_BOUND, f"{case.operation.label} took {response.elapsed:.2f} s"

    check()
