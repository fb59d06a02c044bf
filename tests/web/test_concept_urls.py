"""Concept URLs in API answers are built once per request, and equal what Flask's url_for builds for any id."""

from __future__ import annotations

import pytest
from flask import Flask, g, url_for

from web.api.params import CONCEPT_PAGE, concept_url
from web.i18n import LANGUAGES

IDS = [
    "iso",
    "gen-national-certification-system",
    "a b",
    "қазақ-стандарт",
    "ИСО/МЭК 17000",
    "100%",
    "a?b#c",
    "x&y=z",
    "dots..and~tilde",
    "plus+comma,semicolon;colon:at@",
    "quote'\"<>",
    "line\nbreak",
    "back\\slash",
    "emoji 🙂",
]


@pytest.mark.parametrize("script_root", ["", "/glossary"])
def test_concept_urls_equal_url_for(app: Flask, script_root: str) -> None:
    for lang in LANGUAGES:
        with app.test_request_context("/api/v1/search", base_url=f"http://localhost{script_root}/"):
            g.lang_code = lang
            for concept_id in IDS:
                expected = url_for(CONCEPT_PAGE, lang_code=lang, concept_id=concept_id)
                assert concept_url(concept_id) == expected
                assert expected.startswith(f"{script_root}/{lang}/concept/")


def test_search_answers_link_each_hit_to_its_page(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.get("/api/v1/search?q=ISO&ui=kk").get_json()
    assert answer["results"]
    for hit in answer["results"]:
        assert hit["url"] == f"/kk/concept/{hit['id']}"
