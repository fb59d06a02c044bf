"""The slow-request guard: the worst queries found so far, sent to every search-ish page, stay fast.

Times on a shared machine are noise, so each page is held to a bound
relative to a trivial page (``/en/about``) measured in the same run, with a
fixed floor: a page may take up to :data:`RATIO` times the trivial one or
:data:`FLOOR` seconds, whichever is more.  Highlighting a 2,000-word query
took 9 s on the bundled term base (about 1,000 times the trivial page) before
it was bounded by the cleaned query.
"""

from __future__ import annotations

import logging
import statistics
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.crowd import crowded_index
from web import create_app

RATIO = 30
FLOOR = 0.5

WORST_QUERIES = {
    "2,000 one-letter words": " ".join(["a"] * 2000),
    "500 one-letter words": " ".join(["a"] * 500),
    "500 one-letter Cyrillic words": " ".join(["а"] * 500),
    "4 KB of one letter": "a" * 4000,
    "distinct Latin and Cyrillic words": " ".join(f"stan{i} станд{i} qazaq{i}" for i in range(60)),
    "2,000-character token": "standard" * 250,
    "OR-like punctuation": " | ".join(["a", "OR", "-a", '"a"', "a*", "(a)"] * 60),
    "many separators": "a/" * 480,
}

#: Every page that takes a query, or could be handed one: the search page in three interface languages,
#: its JSON twin, the browse and listing pages, and the API's search and suggest.
PAGES = [
    "/en/",
    "/kk/",
    "/ru/",
    "/en/index.json",
    "/en/browse/",
    "/en/browse/en/a",
    "/en/subjects/organizations",
    "/en/sources/",
    "/en/export/",
    "/api/v1/search",
    "/api/v1/suggest",
]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return crowded_index(tmp_path_factory.mktemp("crowded"))


@pytest.fixture(scope="module")
def slow_app(crowded: tuple[Path, Path]) -> Flask:
    termbase, index = crowded
    return create_app(
        {"TESTING": False, "PROPAGATE_EXCEPTIONS": True, "TERMBASE": str(termbase), "INDEX_DIR": str(index)}
    )


def _best_of(
    client: FlaskClient, path: str, query: dict[str, str], bound: float = 0.0, runs: int = 3
) -> tuple[int, float]:
    """The status and the best time of up to ``runs`` requests; a time within ``bound`` ends the runs early."""
    best = float("inf")
    status = 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path, query_string=query)
        best = min(best, time.perf_counter() - started)
        status = response.status_code
        response.close()
        if best <= bound:
            break
    return status, best


def test_the_worst_queries_stay_fast_on_every_search_page(slow_app: Flask) -> None:
    client = slow_app.test_client()
    client.get("/en/index.json", query_string={"q": "standard"})  # open the searcher
    baseline = statistics.median(_best_of(client, "/en/about", {})[1] for _ in range(5))
    bound = max(FLOOR, RATIO * baseline)
    slow = []
    for name, q in WORST_QUERIES.items():
        for path in PAGES:
            for query in ({"q": q}, {"q": q, "page": "9" * 30}):
                status, elapsed = _best_of(client, path, query, bound)
                assert status < 500, (name, path)
                if elapsed > bound:
                    slow.append(f"{path} with {name}: {elapsed * 1000:.0f} ms ({elapsed / baseline:.0f}x)")
    assert not slow, f"over {bound * 1000:.0f} ms ({baseline * 1000:.1f} ms trivial page):\n" + "\n".join(slow)


def test_requests_over_the_threshold_are_logged(slow_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    client = slow_app.test_client()
    slow_app.config["SLOW_REQUEST_SECONDS"] = 0.0
    try:
        with caplog.at_level(logging.WARNING):
            client.get("/en/index.json", query_string={"q": "standard " + "x" * 500})
    finally:
        slow_app.config["SLOW_REQUEST_SECONDS"] = 1.0
    lines = [r for r in caplog.records if "slow request" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.WARNING
    message = lines[0].getMessage()
    assert "GET /en/index.json?q=standard" in message and " 200 " in message and message.endswith(" s")
    assert len(message) < 400  # the path is truncated


def test_fast_requests_are_not_logged(slow_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        slow_app.test_client().get("/en/about")
    assert not [r for r in caplog.records if "slow request" in r.getMessage()]
