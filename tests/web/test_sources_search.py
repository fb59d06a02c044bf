"""Search in the sources on the web: the "In the sources" section, its JSON twin and ``/api/v1/sentences``.

Built on tests/fixtures/sentences, where «Женева» and «Минск» are only in
the source text (and in one English note).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import FIXTURES
from tests.web.support import build
from web import create_app

SENTENCES_BASE = FIXTURES / "sentences"


@pytest.fixture(scope="module")
def sentences_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(SENTENCES_BASE, tmp_path_factory.mktemp("sentences-web"))


@pytest.fixture
def sentences_client(sentences_index: Path) -> FlaskClient:
    app: Flask = create_app({"TESTING": True, "TERMBASE": str(SENTENCES_BASE), "INDEX_DIR": str(sentences_index)})
    return app.test_client()


def test_the_search_page_shows_the_sentences_under_the_hits(sentences_client: FlaskClient) -> None:
    html = sentences_client.get("/ru/?q=Минск").get_data(as_text=True)
    hits, _, sources = html.partition('<section class="in-sources"')
    assert 'href="/ru/concept/org-easc-bureau"' in hits  # the concept first, reached through the source
    assert '<h2 id="sources-heading">В источниках</h2>' in sources
    assert "МАК-тың жұмыс органы-Минскідегі бюро." in sources
    # The source's title in the interface language, linked to the sentence's anchor.
    assert '<a href="/ru/sources/text#s-4">Пробный текст об организациях, предложение 4</a>' in sources
    assert "Понятия:" in sources
    assert '<a href="/ru/concept/org-easc-bureau">Бюро Межгосударственного совета</a>' in sources


def test_the_sentence_anchor_exists_on_the_source_page(sentences_client: FlaskClient) -> None:
    html = sentences_client.get("/ru/sources/text").get_data(as_text=True)
    assert '<li id="s-4" value="4">' in html


def test_sentences_list_the_concepts_the_recognizer_finds(sentences_client: FlaskClient) -> None:
    body = sentences_client.get("/api/v1/sentences?q=1995&ui=en").get_json()
    (sentence,) = body["sentences"]
    # Cited by org-wto's definition; the recognizer adds nothing the link does not give, and no concept twice.
    assert [(c["id"], c["linked"]) for c in sentence["concepts"]] == [("org-wto", True)]
    body = sentences_client.get("/api/v1/sentences?q=денсаулық").get_json()
    concepts = body["sentences"][0]["concepts"]
    assert ("org-who", True) in [(c["id"], c["linked"]) for c in concepts]


def test_a_recognized_concept_that_no_link_names_is_listed_unlinked(sentences_client: FlaskClient) -> None:
    body = sentences_client.get("/api/v1/sentences?q=ынтымақтасады&ui=en").get_json()
    assert [(c["id"], c["label"], c["linked"]) for c in body["sentences"][0]["concepts"]] == [
        ("org-wto", "World Trade Organization", False),
        ("org-easc", "Interstate Council", False),
    ]


def test_a_sentence_continuing_a_topic_links_to_it(sentences_client: FlaskClient) -> None:
    # Sentence 2 cites nothing itself and names no term; the sentences around it are about the WTO.
    body = sentences_client.get("/api/v1/sentences?q=Женевада&ui=kk").get_json()
    assert [(c["id"], c["linked"]) for c in body["sentences"][0]["concepts"]] == [("org-wto", True)]
    assert body["sentences"][0]["url"] == "/kk/sources/text#s-2"
    assert body["sentences"][0]["title"] == "Ұйымдар туралы сынақ мәтіні"


def test_the_json_twin_lists_the_sentences(sentences_client: FlaskClient) -> None:
    body = sentences_client.get("/en/index.json?q=Женева").get_json()
    assert [hit["concept"]["id"] for hit in body["hits"]] == ["org-wto", "org-who"]
    assert body["hits"][0]["matched"]["how"] == "source"
    assert body["sentence_total"] == 1
    assert [(s["source"], s["n"], s["url"]) for s in body["sentences"]] == [("text", 2, "/en/sources/text#s-2")]


def test_the_api_pages_sentences_and_checks_its_parameters(sentences_client: FlaskClient) -> None:
    everything = sentences_client.get("/api/v1/sentences?q=ұйым").get_json()
    assert everything["total"] == 2
    second = sentences_client.get("/api/v1/sentences?q=ұйым&limit=1&offset=1").get_json()
    assert [s["n"] for s in second["sentences"]] == [everything["sentences"][1]["n"]]
    assert sentences_client.get("/api/v1/sentences?q=ұйым&lang=kk").get_json()["total"] == 2
    assert sentences_client.get("/api/v1/sentences?q=x&lang=zz").status_code == 400
    assert sentences_client.get("/api/v1/sentences").status_code == 400
    assert sentences_client.get("/api/v1/sentences?q=x&ui=de").status_code == 400
