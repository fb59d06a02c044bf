"""The JSON API: shapes, validation, CORS and the OpenAPI document (see test_openapi.py for the document itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from glossary.search.index import build_index
from glossary.termbase.load import load_termbase
from tests.web.support import build
from web import create_app

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "search"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURE, tmp_path_factory.mktemp("api-index"))


def api_app(index_dir: Path) -> Flask:
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir), "TERMBASE": str(FIXTURE)})


@pytest.fixture
def client(index_dir: Path) -> FlaskClient:
    return api_app(index_dir).test_client()


def test_search_returns_ranked_results_with_match_terms_definition_and_url(client: FlaskClient) -> None:
    response = client.get("/api/v1/search", query_string={"q": "ТК", "target": "en"})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"query", "total", "results", "did_you_mean"}
    assert body["query"] == "тк"
    assert {r["id"] for r in body["results"][:2]} == {"technical-committee", "labour-code"}
    first = next(r for r in body["results"] if r["id"] == "technical-committee")
    assert first["matched"]["how"] == "exact" and first["matched"]["term"] == "ТК"
    assert set(first["terms"]) == {first["matched"]["lang"], "en"}
    assert first["terms"]["en"][0] == {"text": "technical committee", "type": "fullForm", "status": "preferred"}
    assert first["url"] == "/en/concept/technical-committee"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_search_shows_definitions_in_the_chosen_languages_and_ui_urls(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=стандарт&target=kk,en&ui=kk").get_json()
    standard = body["results"][0]
    assert standard["id"] == "standard"
    assert standard["definition"]["kk"] == {
        "text": "Келісім бойынша әзірленген нормативтік құжат.",
        "source": "notes:1",
    }
    assert standard["url"] == "/kk/concept/standard"


def test_search_filters(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=ТК&subject=law").get_json()
    assert [r["id"] for r in body["results"]] == ["labour-code"]
    body = client.get("/api/v1/search?q=нормализация&status=deprecated&lang=ru&limit=5").get_json()
    assert [r["id"] for r in body["results"]] == ["standardization"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", "'q'"),
        ("?q=x&lang=zz", "'lang'"),
        ("?q=x&target=ru,zz", "'target'"),
        ("?q=x&subject=nope", "'subject'"),
        ("?q=x&status=prefered", "'status'"),
        ("?q=x&limit=abc", "'limit'"),
        ("?q=x&limit=0", "'limit'"),
        ("?q=x&limit=101", "'limit'"),
        ("?q=x&offset=-1", "'offset'"),
        ("?q=x&ui=../../etc", "'ui'"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client: FlaskClient, query: str, names: str) -> None:
    response = client.get("/api/v1/search" + query)
    assert response.status_code == 400
    assert names in response.get_json()["error"]


@pytest.mark.parametrize(
    ("ui", "bad_limit", "no_concept"),
    [
        (
            "kk",
            "'limit' мәні 1–100 аралығындағы бүтін сан болуы керек, ал берілгені: 'abc'",
            "'no-such-thing' идентификаторы бар ұғым жоқ.",
        ),
        (
            "ru",
            "'limit' должно быть целым числом от 1 до 100, а не 'abc'",
            "Нет понятия с идентификатором 'no-such-thing'.",
        ),
        ("en", "'limit' must be a whole number from 1 to 100, not 'abc'", "No concept has the id 'no-such-thing'."),
    ],
)
def test_errors_are_in_the_ui_language(client: FlaskClient, ui: str, bad_limit: str, no_concept: str) -> None:
    response = client.get("/api/v1/search", query_string={"q": "x", "limit": "abc", "ui": ui})
    assert response.get_json() == {"error": bad_limit, "status": 400}
    response = client.get("/api/v1/concepts/no-such-thing", query_string={"ui": ui})
    assert response.get_json() == {"error": no_concept, "status": 404}


def test_a_bad_ui_is_refused_and_the_url_follows_a_good_one(client: FlaskClient) -> None:
    for path in ("/api/v1/search?q=iso", "/api/v1/suggest?q=iso", "/api/v1/concepts/iso"):
        assert client.get(path + "&ui=de" if "?" in path else path + "?ui=de").status_code == 400
    assert client.get("/api/v1/concepts/iso?ui=ru").get_json()["url"] == "/ru/concept/iso"
    assert client.get("/api/v1/suggest?q=iso&ui=kk").get_json()["suggestions"][0]["url"].startswith("/kk/concept/")


def test_any_query_text_is_safe_over_http(client: FlaskClient) -> None:
    for q in ['"(*~ AND OR', "x" * 10_000, "\x00\x1f", "]]}{"]:
        assert client.get("/api/v1/search", query_string={"q": q}).status_code == 200
        assert client.get("/api/v1/suggest", query_string={"q": q}).status_code == 200


def test_concept_returns_the_whole_concept_or_404_json(client: FlaskClient) -> None:
    body = client.get("/api/v1/concepts/iec").get_json()
    assert body["id"] == "iec"
    assert [t["text"] for t in body["languages"]["kk"]["terms"]] == [
        "Халықаралық электртехникалық комиссия",
        "ХЭК",
        "МЭК",
    ]
    assert body["languages"]["kk"]["definition"]["source"] == "notes:3"
    missing = client.get("/api/v1/concepts/no-such-thing")
    assert missing.status_code == 404
    assert "no-such-thing" in missing.get_json()["error"]


def test_suggest(client: FlaskClient) -> None:
    response = client.get("/api/v1/suggest?q=halyqar")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    suggestions = response.get_json()["suggestions"]
    assert {
        "text": "халықаралық стандарт",
        "lang": "kk",
        "id": "international-standard",
        "url": "/en/concept/international-standard",
    } in suggestions
    assert client.get("/api/v1/suggest?q=").get_json()["suggestions"] == []
    assert client.get("/api/v1/suggest?q=Inter&lang=zz").status_code == 400


def test_cors_preflight_is_answered(client: FlaskClient) -> None:
    response = client.options(
        "/api/v1/search?q=x", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Allow-Methods"] == "GET, OPTIONS"


def test_openapi_describes_every_endpoint(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert {"/search", "/concepts/{id}", "/suggest", "/openapi.json"} <= set(document["paths"])
    names = {p["name"] for p in document["paths"]["/search"]["get"]["parameters"]}
    assert {"q", "lang", "target", "subject", "status", "limit", "offset", "ui"} <= names
    assert "$ref" in str(document["paths"]["/search"]["get"]["responses"]["200"])


def test_no_index_answers_503_with_a_message(tmp_path: Path) -> None:
    response = api_app(tmp_path).test_client().get("/api/v1/search?q=x")
    assert response.status_code == 503
    assert response.get_json() == {
        "error": "No search index has been built yet; run `glossary build` on the server.",
        "status": 503,
    }
    assert "`glossary build`" in api_app(tmp_path).test_client().get("/api/v1/suggest?ui=kk").get_json()["error"]


def test_the_api_through_create_app(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=ISO").get_json()
    assert body["results"][0]["id"] == "iso"
    assert client.get("/api/v1/concepts/iso").status_code == 200


def test_a_worker_picks_up_a_rebuilt_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import web.services

    termbase = tmp_path / "termbase"
    shutil.copytree(FIXTURE, termbase)
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase), index_dir, source_dir=termbase)
    monkeypatch.setattr(web.services, "REFRESH_INTERVAL", 0.0)
    client = api_app(index_dir).test_client()
    assert client.get("/api/v1/concepts/labour-code").status_code == 200
    (termbase / "concepts" / "labour-code.yaml").unlink()
    build_index(load_termbase(termbase), index_dir, source_dir=termbase)
    assert client.get("/api/v1/concepts/labour-code").status_code == 404
