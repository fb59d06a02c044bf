"""Term reliability on the pages and in the API: a badge readable without colour, and a search filter."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


@pytest.mark.parametrize(
    ("ui", "label"),
    [
        ("en", "Reliability: very reliable (10 of 10)"),
        ("ru", "Надёжность: очень высокая (10 из 10)"),
        ("kk", "Сенімділік: өте жоғары (10-нан 10)"),
    ],
)
def test_the_concept_page_shows_a_badge_with_words(client: FlaskClient, ui: str, label: str) -> None:
    html = client.get(f"/{ui}/concept/iso").get_data(as_text=True)
    assert f'title="{label}"' in html
    assert f'<span class="visually-hidden">{label}</span>' in html
    assert '<span aria-hidden="true">★&#8239;10/10</span>' in html
    assert "reliability-unverified" in html  # ru ИСО is rated 3: its own band, dashed
    assert html.count("badge reliability ") == 2  # unrated terms get none


def test_search_results_show_the_badge_and_filter_by_it(client: FlaskClient) -> None:
    every = client.get("/en/?q=ISO").get_data(as_text=True)
    assert "Reliability: reliability not verified (3 of 10)" in every
    assert '<select id="min_reliability" name="min_reliability">' in every
    filtered = client.get("/en/?q=ISO&min_reliability=4").get_data(as_text=True)
    assert '<option value="4" selected>at least 4 of 10</option>' in filtered
    hit = '<h3><a href="/en/concept/{}">'
    assert hit.format("iso") in filtered
    assert hit.format("iso-council") in every and hit.format("iso-council") not in filtered


@pytest.mark.parametrize("value", ["11", "0", "eleven"])
def test_the_page_ignores_a_filter_off_the_scale(client: FlaskClient, value: str) -> None:
    """As an unknown status is: the form offers only 1-10, so anything else came from an edited URL."""
    page = client.get(f"/en/?q=ISO&min_reliability={value}")
    assert page.status_code == 200
    assert '<h3><a href="/en/concept/iso-council">' in page.get_data(as_text=True)


def test_the_api_filters_and_reports_reliability(client: FlaskClient) -> None:
    every = client.get("/api/v1/search?q=ISO").get_json()
    assert {r["id"] for r in every["results"]} >= {"iso", "iso-council"}
    filtered = client.get("/api/v1/search?q=ISO&min_reliability=10").get_json()
    assert [r["id"] for r in filtered["results"]] == ["iso"]
    kk_terms = {t["text"]: t.get("reliability") for t in filtered["results"][0]["terms"]["kk"]}
    assert kk_terms == {"Халықаралық стандарттау ұйымы": 10, "ИСО": None}
    concept = client.get("/api/v1/concepts/iso").get_json()
    ru = concept["languages"]["ru"]["terms"]
    assert [t.get("reliability") for t in ru] == [None, 3]


@pytest.mark.parametrize("value", ["0", "11", "ten", "9.5"])
def test_the_api_refuses_a_value_off_the_scale(client: FlaskClient, value: str) -> None:
    answer = client.get(f"/api/v1/search?q=ISO&min_reliability={value}")
    assert answer.status_code == 400
    assert "'min_reliability' must be a whole number from 1 to 10" in answer.get_json()["error"]
