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
