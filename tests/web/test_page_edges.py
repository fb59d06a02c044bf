"""Absurd input on the pages: page numbers, over-long queries, unknown export pairs, the Host header, data URLs.

The app runs with TESTING off (so its own error handling answers) and with
PROPAGATE_EXCEPTIONS on (so a real exception fails the test instead of
hiding behind a 500 page).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.crowd import crowded_index
from web import create_app


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return crowded_index(tmp_path_factory.mktemp("crowded"))


def _app(termbase: Path, index: Path, **config: object) -> Flask:
    return create_app(
        {"TESTING": False, "PROPAGATE_EXCEPTIONS": True, "TERMBASE": str(termbase), "INDEX_DIR": str(index), **config}
    )


@pytest.fixture
def edge_client(crowded: tuple[Path, Path]) -> FlaskClient:
    return _app(*crowded).test_client()


@pytest.fixture
def handled_client(crowded: tuple[Path, Path]) -> FlaskClient:
    """Without PROPAGATE_EXCEPTIONS: what a visitor sees, error pages included."""
    return create_app({"TESTING": False, "TERMBASE": str(crowded[0]), "INDEX_DIR": str(crowded[1])}).test_client()


HUGE_PAGES = ["99999999999999999999999999", "9" * 5000, "1e9", "-5", "0", "x", "１２", "NaN", "inf", "2.5", " 3 "]


@pytest.mark.parametrize("page", HUGE_PAGES)
@pytest.mark.parametrize("path", ["/en/", "/en/index.json", "/kk/"])
def test_absurd_page_numbers_never_raise(
    edge_client: FlaskClient, handled_client: FlaskClient, path: str, page: str
) -> None:
    for client in (edge_client, handled_client):
        response = client.get(path, query_string={"q": "standard", "page": page})
        assert response.status_code in (200, 400), response.status_code
        assert "X-Content-Type-Options" in response.headers


def test_a_huge_page_is_clamped_and_the_pager_still_renders(edge_client: FlaskClient) -> None:
    html = edge_client.get("/en/?q=standard&page=99999999999999999999999999").get_data(as_text=True)
    assert "Page 4 of 4" in html
    data = edge_client.get("/en/index.json?q=standard&page=99999999999999999999999999").get_json()
    assert data["query"]["page"] == 4 and data["hits"]


def test_pages_walk_through_the_results(edge_client: FlaskClient) -> None:
    seen = []
    for page in (1, 2, 3, 4):
        data = edge_client.get(f"/en/index.json?q=standard&page={page}").get_json()
        assert data["query"]["page"] == page
        seen += [hit["concept"]["id"] for hit in data["hits"]]
    assert len(seen) == len(set(seen)) == edge_client.get("/en/index.json?q=standard").get_json()["total"]


@pytest.mark.parametrize("path", ["/en/", "/en/index.json", "/ru/"])
def test_an_over_long_query_is_the_apps_own_400(handled_client: FlaskClient, path: str) -> None:
    response = handled_client.get(path, query_string={"q": "a" * 1001})
    assert response.status_code == 400
    assert response.headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in response.headers
    body = response.get_data(as_text=True)
    if path.endswith(".json"):
        assert "1,000 characters" in response.get_json()["detail"]
    elif path.startswith("/ru/"):
        assert "не длиннее 1 000 символов" in body.replace("\xa0", " ")
    else:
        assert "The query is too long: at most 1,000 characters." in body


def test_a_query_at_the_limit_is_served(edge_client: FlaskClient) -> None:
    assert edge_client.get("/en/", query_string={"q": "standard " + "a" * 991}).status_code == 200


EVIL_HOST = "evil.example"


def _all_strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _all_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _all_strings(v)]
    return [value] if isinstance(value, str) else []


TWINS = [
    "/en/index.json?q=standard",
    "/en/concept/iso.json",
    "/en/about.json",
    "/en/browse.json",
    "/en/browse/en/s.json",
    "/en/subjects/organizations.json",
    "/en/sources.json",
    "/en/sources/text.json",
    "/en/export.json",
]


@pytest.mark.parametrize("path", TWINS)
def test_the_host_header_never_reaches_a_response(edge_client: FlaskClient, path: str) -> None:
    response = edge_client.get(path, headers={"Host": EVIL_HOST})
    assert response.status_code == 200
    assert EVIL_HOST not in response.get_data(as_text=True)


def test_no_page_echoes_the_host_header(edge_client: FlaskClient) -> None:
    for path in ("/en/concept/iso", "/en/?q=standard", "/en/export/"):
        assert EVIL_HOST not in edge_client.get(path, headers={"Host": EVIL_HOST}).get_data(as_text=True)


def test_json_urls_are_relative_without_a_base_url(edge_client: FlaskClient) -> None:
    assert edge_client.get("/en/concept/iso.json").get_json()["url"] == "/en/concept/iso"
    hit = edge_client.get("/kk/index.json?q=ISO").get_json()["hits"][0]
    assert hit["concept"]["url"].startswith("/kk/concept/")
    assert edge_client.get("/en/export.json").get_json()["formats"][0]["download"].startswith("/en/export/download?")


def test_a_base_url_makes_urls_absolute(crowded: tuple[Path, Path]) -> None:
    client = _app(*crowded, BASE_URL="https://terms.example.kz/").test_client()
    headers = {"Host": EVIL_HOST}
    assert client.get("/en/concept/iso.json", headers=headers).get_json()["url"] == (
        "https://terms.example.kz/en/concept/iso"
    )
    download = client.get("/en/export.json", headers=headers).get_json()["formats"][0]["download"]
    assert download.startswith("https://terms.example.kz/en/export/download?format=")
    html = client.get("/en/concept/iso", headers=headers).get_data(as_text=True)
    assert "(concept iso). https://terms.example.kz/en/concept/iso (" in html
    assert EVIL_HOST not in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://iso.org/standard", "https://iso.org/standard"),
        ("http://example.kz/a?b=c#d", "http://example.kz/a?b=c#d"),
        ("HTTPS://ISO.ORG", "HTTPS://ISO.ORG"),
        ("/en/concept/iso", "/en/concept/iso"),
        ("javascript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("//evil.example/x", None),
        ("/\\evil.example", None),
        ("https:", None),
        ("ftp://example.kz/file", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_href_lets_only_web_addresses_through(url: str | None, expected: str | None) -> None:
    from web.present.links import safe_href

    assert safe_href(url) == expected


@pytest.fixture(scope="module")
def scripted_source_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web fixture with its source's address replaced by a script, indexed from the model object."""
    from dataclasses import replace

    from glossary.search.index import build_index
    from glossary.termbase.load import load_termbase
    from tests.web.support import WEB_FIXTURE

    termbase = load_termbase(WEB_FIXTURE)
    termbase.sources["text"] = replace(termbase.sources["text"], url="javascript:alert(1)")
    target = tmp_path_factory.mktemp("scripted")
    build_index(termbase, target, source_dir=WEB_FIXTURE)
    return target


def test_a_script_address_in_the_data_is_never_a_link(scripted_source_index: Path) -> None:
    from tests.web.support import WEB_FIXTURE

    client = _app(WEB_FIXTURE, scripted_source_index).test_client()
    for path in ("/en/sources/text", "/en/sources/", "/en/about", "/en/concept/iso"):
        html = client.get(path).get_data(as_text=True)
        assert 'href="javascript' not in html.replace(" ", "").lower(), path
    html = client.get("/en/sources/text").get_data(as_text=True)
    assert "javascript:alert(1)" in html  # shown as text, so the reader sees what the data says


EVERY_PAGE = [
    "/en/",
    "/en/index.json",
    "/en/concept/iso",
    "/en/concept/iso.json",
    "/en/browse/",
    "/en/browse.json",
    "/en/browse/kk/ә",
    "/en/subjects/organizations",
    "/en/sources/",
    "/en/sources/text",
    "/en/export/",
    "/en/export.json",
    "/en/about",
    "/en/about.json",
]

ABSURD_PARAMETERS = [
    {"q": "standard", "page": "9" * 26},
    {"q": "standard", "page": "-9" * 13},
    {"q": "standard", "from": "x" * 500, "to": "\x00", "subject": "s" * 2000, "status": "?"},
    {"q": "\x00\x01\u202e\ufeff"},
    {"q": "standard", "page": ["2", "x", "9" * 40]},
    {"q": "%" * 900},
    {"lang_code": "xx", "fmt": "json"},
]


@pytest.mark.parametrize("query", ABSURD_PARAMETERS, ids=",".join)
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_absurd_parameters_on_every_page_are_never_a_500(edge_client: FlaskClient, path: str, query: dict) -> None:
    response = edge_client.get(path, query_string=query)
    assert response.status_code in (200, 302, 400), response.status_code


@pytest.mark.parametrize(
    "path",
    [
        "/en/concept/" + "x" * 10_000,
        "/en/concept/%00",
        "/en/concept/..%2F..%2Fetc%2Fpasswd",
        "/en/browse/kk/" + "ә" * 500,
        "/en/browse/xx/a",
        "/en/subjects/" + "s" * 5000,
        "/en/sources/" + "%E2%80%AE" * 100,
        "/xx/",
        "/en/export/download?format=" + "x" * 3000,
    ],
)
def test_absurd_paths_are_a_404_or_400(edge_client: FlaskClient, path: str) -> None:
    assert edge_client.get(path).status_code in (400, 404)


def test_query_parameters_named_like_url_parts_never_steer_links(edge_client: FlaskClient) -> None:
    query = {"q": "standard", "fmt": "json", "lang_code": "xx", "_external": "1", "_scheme": "javascript"}
    html = edge_client.get("/en/", query_string=query).get_data(as_text=True)
    assert "javascript" not in html and "lang_code" not in html and "_external" not in html
    assert 'href="/kk/?q=standard' in html  # the language switcher keeps the query
    assert 'rel="next" href="/en/?q=standard&amp;page=2"' in html
    redirected = edge_client.get("/en/", query_string={**query, "subject": ""})
    assert redirected.status_code == 302 and redirected.headers["Location"] == "/en/?q=standard"
