"""Letter and subject pages come 100 at a time, in the alphabet's order, with next/previous and a jump box."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from glossary.text.alphabets import first_letter, sort_key
from tests.web.big_base import big_termbase
from web import create_app
from web.pages.browse import PAGE_SIZE


@pytest.fixture
def big_client(big_index: Path) -> FlaskClient:
    return create_app({"TESTING": True, "INDEX_DIR": str(big_index)}).test_client()


def all_pages(client: FlaskClient, path: str) -> list[dict]:
    first = client.get(f"{path}.json").get_json()
    return [first] + [client.get(f"{path}.json?page={n}").get_json() for n in range(2, first["pages"] + 1)]


def test_pages_of_a_letter_follow_the_kazakh_alphabet_across_pages(big_client: FlaskClient) -> None:
    pages = all_pages(big_client, "/en/browse/kk/а")
    texts = [term["text"] for page in pages for term in page["terms"]]
    expected = sorted(
        (t.text for c in big_termbase() for _, t in c.terms("kk") if first_letter(t.text, "kk") == "а"),
        key=lambda text: sort_key(text, "kk"),
    )
    assert texts == expected and len(texts) == pages[0]["total"] > 4 * PAGE_SIZE
    assert all(len(page["terms"]) == PAGE_SIZE for page in pages[:-1]) and 0 < len(pages[-1]["terms"]) <= PAGE_SIZE
    assert [page["page"] for page in pages] == list(range(1, len(pages) + 1))

    def first_with(second: str) -> int:
        return next(i for i, text in enumerate(texts) if text[1:2] == second)

    # Code-point order would put ә, ғ, і far after я; the Kazakh alphabet puts them after а, г, ы.
    assert first_with("а") < first_with("ә") < first_with("б")
    assert first_with("г") < first_with("ғ") < first_with("д")
    assert first_with("ы") < first_with("і") < first_with("ь")
    assert first_with("ұ") < first_with("ү") < first_with("ф")


def test_next_and_previous_links(big_client: FlaskClient) -> None:
    first = big_client.get("/en/browse/kk/а").get_data(as_text=True)
    pages = big_client.get("/en/browse/kk/а.json").get_json()["pages"]
    assert 'rel="next" href="/en/browse/kk/%D0%B0?page=2"' in first and 'rel="prev"' not in first
    assert f"Page 1 of {pages}" in first
    middle = big_client.get("/en/browse/kk/а?page=2").get_data(as_text=True)
    assert 'rel="prev" href="/en/browse/kk/%D0%B0?page=1"' in middle and "?page=3" in middle
    last = big_client.get(f"/en/browse/kk/а?page={pages}").get_data(as_text=True)
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert f"Page {pages} of {pages}" in last
    subject = big_client.get("/kk/subjects/physics").get_data(as_text=True)
    assert 'rel="next" href="/kk/subjects/physics?page=2"' in subject


@pytest.mark.parametrize("prefix", ["аә", "ағ", "аі", "АҚ", "ая", "ааа"])
def test_jump_to_a_prefix_lands_on_the_page_where_it_starts(big_client: FlaskClient, prefix: str) -> None:
    landed = big_client.get("/en/browse/kk/а.json", query_string={"from": prefix}).get_json()
    texts = [term["text"] for page in all_pages(big_client, "/en/browse/kk/а") for term in page["terms"]]
    position = next(i for i, text in enumerate(texts) if sort_key(text, "kk") >= sort_key(prefix, "kk"))
    assert landed["page"] == position // PAGE_SIZE + 1
    assert texts[position] in [term["text"] for term in landed["terms"]]


def test_jump_past_the_end_of_a_letter_lands_on_its_last_page(big_client: FlaskClient) -> None:
    page = big_client.get("/en/browse/kk/а.json", query_string={"from": "аяяяяяяяяя"}).get_json()
    assert page["page"] == page["pages"]


def test_jump_box_is_on_a_long_letter_and_a_prefix_of_another_letter_goes_there(big_client: FlaskClient) -> None:
    html = big_client.get("/en/browse/kk/а").get_data(as_text=True)
    assert re.search(r'<form class="jump" method="get" action="/en/browse/kk/%D0%B0">', html)
    assert 'name="from"' in html and "Jump to terms starting with" in html
    moved = big_client.get("/en/browse/kk/а", query_string={"from": "қа"})
    assert moved.status_code == 302 and moved.headers["Location"].startswith("/en/browse/kk/%D2%9B?from=")
    followed = big_client.get(moved.headers["Location"])
    assert followed.status_code == 200


def test_an_empty_letter_is_one_empty_page(big_client: FlaskClient) -> None:
    page = big_client.get("/en/browse/kk/щ.json").get_json()
    assert page == {**page, "total": 0, "page": 1, "pages": 1, "terms": []}
    html = big_client.get("/en/browse/kk/щ").get_data(as_text=True)
    assert "0 terms" in html and 'class="pager"' not in html
    empty_subject = big_client.get("/en/subjects/empty-field.json").get_json()
    assert empty_subject["concepts"] == [] and empty_subject["pages"] == 1


@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "99"},
        {"page": "1" * 40},
        {"from": ""},
        {"from": "а" * 101},
    ],
)
def test_bad_paging_parameters_are_a_clear_400(big_client: FlaskClient, query: dict) -> None:
    response = big_client.get("/en/browse/kk/а", query_string=query)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "page number must be a whole number" in html or "first letters of a term" in html
    twin = big_client.get("/en/browse/kk/а.json", query_string=query)
    assert twin.status_code == 400 and twin.get_json()["detail"]
    if "page" in query:
        assert big_client.get("/en/subjects/physics", query_string=query).status_code == 400


def test_subject_pages_are_ordered_by_label_in_the_interface_language(big_client: FlaskClient) -> None:
    concepts = {c.id: c for c in big_termbase()}
    for lang in ("kk", "ru", "en"):
        ids = [i for page in all_pages(big_client, f"/{lang}/subjects/physics") for i in page["concepts"]]
        assert len(ids) == sum(1 for c in concepts.values() if "physics" in c.subjects) == len(set(ids))
        labels = [concepts[i].label(lang) for i in ids]
        assert labels == sorted(labels, key=lambda text: sort_key(text, lang))


def test_old_urls_still_work_and_the_index_page_shows_letter_buckets(big_client: FlaskClient) -> None:
    assert big_client.get("/en/browse/kk/а").status_code == 200
    browse = big_client.get("/en/browse.json").get_json()
    assert "щ" not in browse["languages"]["kk"] and browse["languages"]["kk"][:2] == ["а", "ә"]
    assert browse["letter_counts"]["kk"]["а"] == big_client.get("/en/browse/kk/а.json").get_json()["total"]
    assert browse["subjects"]["physics"]["concepts"] == 750 and browse["subjects"]["empty-field"]["concepts"] == 0
