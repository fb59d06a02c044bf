"""The HTTP response cache (web/response_cache.py) never answers a request with a response meant for another."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from glossary.search.index import CURRENT
from glossary.search.searcher import Searcher
from tests.conftest import FIXTURES
from tests.web.support import WEB_FIXTURE, build
from web import create_app
from web.response_cache import CANDIDATE, SERVED_AFTER, SERVED_BEFORE, ResponseCache


def make_app(index: Path, size: int = 2048) -> Flask:
    return create_app(
        {"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(index), "RESPONSE_CACHE_SIZE": size}
    )


def cache_of(app: Flask) -> ResponseCache:
    cache = app.extensions["response_cache"]
    assert isinstance(cache, ResponseCache)
    return cache


def exact(response: TestResponse) -> tuple[str, list[tuple[str, str]], bytes]:
    return response.status, list(response.headers.items()), response.get_data()


@pytest.fixture
def cached(web_index: Path) -> Flask:
    return make_app(web_index)


@pytest.fixture
def uncached(web_index: Path) -> Flask:
    return make_app(web_index, size=0)


def test_the_cache_is_on_by_default_and_off_at_zero(web_index: Path) -> None:
    app = create_app({"TESTING": True, "INDEX_DIR": str(web_index)})
    assert isinstance(app.wsgi_app, ResponseCache)
    off = make_app(web_index, size=0)
    assert not isinstance(off.wsgi_app, ResponseCache)
    assert "response_cache" not in off.extensions


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/search?q=стандарт&target=kk,en&ui=kk",
        "/api/v1/suggest?q=iso",
        "/api/v1/sentences?q=standard",
    ],
)
def test_a_repeated_request_is_answered_from_memory_byte_for_byte(cached: Flask, uncached: Flask, url: str) -> None:
    client = cached.test_client()
    first, second = client.get(url), client.get(url)
    assert first.status_code == 200
    assert cache_of(cached).hits == 1
    assert exact(first) == exact(second) == exact(uncached.test_client().get(url))
    assert "Content-Security-Policy" in second.headers  # the app's own headers are kept


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("/api/v1/search?q=ISO", "/api/v1/search?q=стандарт"),
        ("/api/v1/search?q=ISO&limit=1", "/api/v1/search?q=ISO&limit=2"),
        ("/api/v1/search?q=ISO&offset=0", "/api/v1/search?q=ISO&offset=1"),
        ("/api/v1/search?q=ISO&ui=kk", "/api/v1/search?q=ISO&ui=ru"),
        ("/api/v1/search?q=стандарт&target=kk", "/api/v1/search?q=стандарт&target=en"),
        ("/api/v1/search?q=стандарт&lang=ru", "/api/v1/search?q=стандарт&lang=kk"),
        ("/api/v1/suggest?q=iso&ui=kk", "/api/v1/suggest?q=iso&ui=en"),
        ("/api/v1/suggest?q=iso&limit=1", "/api/v1/suggest?q=iso&limit=5"),
        ("/api/v1/sentences?q=standard&limit=1", "/api/v1/sentences?q=standard&limit=2"),
    ],
)
def test_requests_differing_in_one_parameter_get_their_own_answer(
    cached: Flask, uncached: Flask, one: str, other: str
) -> None:
    client, truth = cached.test_client(), uncached.test_client()
    for url in (one, other, one, other):
        assert exact(client.get(url)) == exact(truth.get(url))
    assert cache_of(cached).hits == 2


def test_interface_language_in_urls_differs_and_is_kept_apart(cached: Flask) -> None:
    client = cached.test_client()
    for _ in range(2):
        assert client.get("/api/v1/suggest?q=iso&ui=kk").get_json()["suggestions"][0]["url"].startswith("/kk/")
        assert client.get("/api/v1/suggest?q=iso&ui=ru").get_json()["suggestions"][0]["url"].startswith("/ru/")


@pytest.mark.parametrize(
    "headers",
    [
        {"Accept-Language": "kk"},
        {"Accept-Language": "ru,en;q=0.5"},
        {"Origin": "https://example.org"},
        {"Origin": "null"},
        {"Host": "evil.example"},
        {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"},
    ],
)
def test_request_headers_never_get_another_requests_answer(cached: Flask, uncached: Flask, headers: dict) -> None:
    url = "/api/v1/search?q=ISO"
    client, truth = cached.test_client(), uncached.test_client()
    for sent in ({}, headers, {}, headers):
        assert exact(client.get(url, headers=sent)) == exact(truth.get(url, headers=sent))


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/search?q=ISO&limit=0",
        "/api/v1/search?q=ISO&ui=zz",
        "/api/v1/search",
        "/api/v1/suggest?q=iso&lang=zz",
        "/api/v1/sentences?q=standard&limit=500",
    ],
)
def test_errors_are_never_cached(cached: Flask, url: str) -> None:
    client = cached.test_client()
    assert client.get(url).status_code == 400
    assert client.get(url).status_code == 400
    assert len(cache_of(cached)) == 0
    assert cache_of(cached).hits == 0


def test_a_missing_index_503_is_not_cached(tmp_path: Path) -> None:
    (tmp_path / "gen-1").mkdir()  # a link to a generation without meta.json: the API answers 503
    (tmp_path / CURRENT).symlink_to("gen-1")
    app = make_app(tmp_path)
    client = app.test_client()
    assert [client.get("/api/v1/search?q=x").status_code for _ in range(2)] == [503, 503]
    assert len(cache_of(app)) == 0


@pytest.mark.parametrize(
    "url",
    ["/en/search?q=ISO", "/api/v1/concepts/iso", "/api/v1/openapi.json", "/api/v1/opensearch-suggest?q=iso", "/"],
)
def test_other_paths_are_never_cached(cached: Flask, url: str) -> None:
    client = cached.test_client()
    client.get(url)
    client.get(url)
    assert (cache_of(cached).hits, cache_of(cached).misses, len(cache_of(cached))) == (0, 0, 0)


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer x"},
        {"If-None-Match": '"x"'},
        {"If-Modified-Since": "Tue, 01 Dec 2026 00:00:00 GMT"},
        {"Range": "bytes=0-10"},
    ],
)
def test_cookies_credentials_and_conditional_requests_bypass(cached: Flask, headers: dict) -> None:
    client = cached.test_client()
    url = "/api/v1/search?q=ISO"
    client.get(url, headers=headers)
    client.get(url, headers=headers)
    assert (cache_of(cached).hits, cache_of(cached).misses) == (0, 0)


def test_a_request_with_a_cookie_bypasses(cached: Flask) -> None:
    client = cached.test_client()
    client.set_cookie("session", "x")
    client.get("/api/v1/search?q=ISO")
    client.get("/api/v1/search?q=ISO")
    assert (cache_of(cached).hits, cache_of(cached).misses) == (0, 0)


def test_other_methods_and_bodies_bypass(cached: Flask) -> None:
    client = cached.test_client()
    client.head("/api/v1/search?q=ISO")
    client.options("/api/v1/search?q=ISO")
    client.get("/api/v1/search?q=ISO", data=b"body")
    assert (cache_of(cached).hits, cache_of(cached).misses) == (0, 0)


def test_a_rebuild_is_seen_on_the_next_request_and_old_answers_are_dropped(tmp_path: Path) -> None:
    index = build(WEB_FIXTURE, tmp_path / "index")
    app = make_app(index)
    client = app.test_client()
    url = "/api/v1/search?q=ISO"
    before = client.get(url).get_data()
    assert client.get(url).get_data() == before
    build(FIXTURES / "small", index)  # a new generation with other concepts
    after = client.get(url)
    assert after.get_data() == make_app(index, size=0).test_client().get(url).get_data()
    assert after.get_data() != before
    assert len(cache_of(app)) == 1  # only the new generation's answer


def test_an_answer_from_a_searcher_not_yet_refreshed_is_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = build(WEB_FIXTURE, tmp_path / "index")
    app = make_app(index)
    client = app.test_client()
    url = "/api/v1/search?q=ISO"
    old = client.get(url).get_data()
    monkeypatch.setattr(Searcher, "refresh", lambda self: None)  # the searcher lags behind the link
    build(FIXTURES / "small", index)
    assert client.get(url).get_data() == old  # served by the old generation…
    assert len(cache_of(app)) == 0  # …so not stored under the new one
    monkeypatch.undo()
    assert client.get(url).get_data() != old
    assert len(cache_of(app)) == 1


# The storage rules, with a stand-in app whose answers the test chooses.


def stand_in(status: str = "200 OK", headers: list[tuple[str, str]] | None = None, body: bytes = b"{}") -> Any:
    calls: list[int] = []

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        calls.append(1)
        if environ.get(CANDIDATE):
            environ[SERVED_BEFORE] = environ[SERVED_AFTER] = "gen-1"
        start_response(status, headers or [("Content-Type", "application/json")])
        return [body]

    return app, calls


def linked(tmp_path: Path) -> Path:
    (tmp_path / "gen-1").mkdir(exist_ok=True)
    if not (tmp_path / CURRENT).is_symlink():
        (tmp_path / CURRENT).symlink_to("gen-1")
    return tmp_path


def call(cache: ResponseCache, query: str = "q=x", path: str = "/api/v1/search") -> tuple[str, bytes]:
    seen: list[str] = []
    body = b"".join(
        cache(
            {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query},
            lambda status, headers, exc_info=None: seen.append(status),
        )
    )
    return seen[0], body


@pytest.mark.parametrize(
    ("status", "headers", "body"),
    [
        ("404 NOT FOUND", None, b"{}"),
        ("500 INTERNAL SERVER ERROR", None, b"{}"),
        ("304 NOT MODIFIED", None, b""),
        ("200 OK", [("Set-Cookie", "a=b")], b"{}"),
        ("200 OK", [("Vary", "Accept-Encoding")], b"{}"),
        ("200 OK", [("Cache-Control", "private, no-store")], b"{}"),
        ("200 OK", None, b"x" * (64 * 1024 + 1)),
    ],
)
def test_only_plain_small_200_answers_are_stored(tmp_path: Path, status: str, headers: Any, body: bytes) -> None:
    app, calls = stand_in(status, headers, body)
    cache = ResponseCache(app, lambda: str(linked(tmp_path)))
    assert call(cache) == (status, body)
    assert call(cache) == (status, body)
    assert len(calls) == 2
    assert len(cache) == 0


def test_the_cache_is_bounded_by_entries_and_bytes(tmp_path: Path) -> None:
    app, calls = stand_in(body=b"x" * 1000)
    cache = ResponseCache(app, lambda: str(linked(tmp_path)), max_entries=3, max_bytes=10**6)
    for n in range(5):
        call(cache, f"q={n}")
    assert len(cache) == 3
    call(cache, "q=4")  # the most recent one is kept
    assert len(calls) == 5
    call(cache, "q=0")  # the oldest went
    assert len(calls) == 6
    small = ResponseCache(app, lambda: str(linked(tmp_path)), max_entries=100, max_bytes=2500)
    for n in range(5):
        call(small, f"q={n}")
    assert len(small) == 2
