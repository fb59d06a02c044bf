"""Search from the browser: the OpenSearch description of each interface language, its templates, its suggestions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from lxml import etree

from tests.web.support import WEB_FIXTURE
from web import create_app

OS = "{http://a9.com/-/spec/opensearch/1.1/}"
LOCALES = ["kk", "ru", "en"]
SHORT_NAMES = {"kk": "kazterm сөздігі", "ru": "Словарь kazterm", "en": "kazterm glossary"}
SUGGESTIONS_TYPE = "application/x-suggestions+json"
#: Every page type; each must link the description of its own interface language.
PAGES = [
    "/",
    "/?q=ISO",
    "/concept/iso",
    "/browse/",
    "/browse/kk/ә",
    "/subjects/organizations",
    "/sources/",
    "/sources/text",
    "/export/",
    "/tools/check-text",
    "/tools/check-translation",
    "/about",
    "/concept/no-such-concept",
    "/no-such-page",
]


def description(client: FlaskClient, code: str) -> etree._Element:
    response = client.get(f"/{code}/opensearch.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/opensearchdescription+xml"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(response.data, parser)


def url_template(root: etree._Element, kind: str) -> str:
    (url,) = root.findall(f"{OS}Url[@type='{kind}']")
    assert url.get("method", "get").lower() == "get"
    return str(url.get("template"))


def fill(template: str, terms: str) -> str:
    assert template.count("{searchTerms}") == 1, template
    return template.replace("{searchTerms}", quote(terms))


@pytest.mark.parametrize("code", LOCALES)
def test_each_interface_language_has_a_valid_description_in_its_language(client: FlaskClient, code: str) -> None:
    root = description(client, code)
    assert root.tag == f"{OS}OpenSearchDescription"
    short_name = root.findtext(f"{OS}ShortName")
    assert short_name == SHORT_NAMES[code] and len(short_name) <= 16
    text = root.findtext(f"{OS}Description") or ""
    assert 0 < len(text) <= 1024
    assert (
        text
        == {
            "kk": "Қазақ, орыс және ағылшын тілдеріндегі терминдер және олардың дереккөздерден алынған анықтамалары.",
            "ru": "Термины на казахском, русском и английском языках с определениями из источников.",
            "en": "Terms in Kazakh, Russian and English, with definitions from their sources.",
        }[code]
    )
    assert root.findtext(f"{OS}InputEncoding") == "UTF-8"
    image = root.find(f"{OS}Image")
    assert image is not None and (image.text or "").startswith("/static/favicon.svg")
    with client.get(image.text) as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    assert url_template(root, "text/html") == f"/{code}/?q={{searchTerms}}"
    assert url_template(root, SUGGESTIONS_TYPE) == f"/api/v1/opensearch-suggest?ui={code}&q={{searchTerms}}"
    assert url_template(root, "application/opensearchdescription+xml") == f"/{code}/opensearch.xml"


@pytest.mark.parametrize("code", LOCALES)
def test_the_templates_answer_with_results_in_the_interface_language(client: FlaskClient, code: str) -> None:
    root = description(client, code)
    page = client.get(fill(url_template(root, "text/html"), "стандарт"))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'<html lang="{code}">' in html and f'href="/{code}/concept/standard"' in html
    answer = client.get(fill(url_template(root, SUGGESTIONS_TYPE), "стан"))
    assert answer.status_code == 200 and answer.mimetype == SUGGESTIONS_TYPE
    query, texts, descriptions, urls = json.loads(answer.data)
    assert query == "стан" and "стандарт" in texts
    assert len(texts) == len(descriptions) == len(urls) == len(set(texts))
    standard = texts.index("стандарт")
    assert urls[standard] == f"/{code}/concept/standard"
    assert "standard" in descriptions[standard]  # the equivalents in the other languages


def test_a_description_lists_the_other_languages_equivalents_the_interface_language_first(
    client: FlaskClient,
) -> None:
    _, texts, descriptions, _ = client.get("/api/v1/opensearch-suggest?q=ISO&ui=ru&lang=en").get_json()
    assert texts and texts[0] == "ISO"
    first, *rest = descriptions[0].split(" · ")
    assert first == "Международная организация по стандартизации"  # Russian first, as the interface
    assert any(re.search("[әғқңөұүһі]", term) for term in rest)  # then Kazakh
    assert "ISO" not in descriptions[0].split(" · ")  # not the suggestion's own language


def test_with_a_base_url_the_templates_are_absolute_and_never_from_the_host_header(web_index: Path) -> None:
    app = create_app(
        {"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(web_index), "BASE_URL": "https://terms.kz/"}
    )
    client = app.test_client()
    response = client.get("/kk/opensearch.xml", headers={"Host": "evil.example"})
    assert b"evil.example" not in response.data
    root = etree.fromstring(response.data)
    assert url_template(root, "text/html") == "https://terms.kz/kk/?q={searchTerms}"
    assert url_template(root, SUGGESTIONS_TYPE) == "https://terms.kz/api/v1/opensearch-suggest?ui=kk&q={searchTerms}"
    assert (root.findtext(f"{OS}Image") or "").startswith("https://terms.kz/static/favicon.svg")
    _, _, _, urls = client.get("/api/v1/opensearch-suggest?q=стан&ui=kk", headers={"Host": "evil.example"}).get_json()
    assert urls and all(url.startswith("https://terms.kz/kk/concept/") for url in urls)
    plain = create_app({"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(web_index)}).test_client()
    assert b"evil.example" not in plain.get("/en/opensearch.xml", headers={"Host": "evil.example"}).data


@pytest.mark.parametrize("code", LOCALES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_links_its_languages_description_and_the_print_stylesheet(
    client: FlaskClient, code: str, path: str
) -> None:
    html = client.get(f"/{code}{path}").get_data(as_text=True)
    shown_in = re.search(r'<html lang="(\w+)">', html)
    assert shown_in is not None
    if path != "/no-such-page":  # a URL no route matches is answered in the browser's language
        assert shown_in[1] == code
    links = re.findall(r'<link rel="search"[^>]*>', html)
    assert links == [
        f'<link rel="search" type="application/opensearchdescription+xml" title="{SHORT_NAMES[shown_in[1]]}" '
        f'href="/{shown_in[1]}/opensearch.xml">'
    ]
    assert re.search(r'<link rel="stylesheet" href="/static/print\.css\?v=[0-9a-f]{12}" media="print">', html)


@pytest.mark.parametrize(
    "query",
    ["x" * 5000, "стан\x00\x1b\x7f", "\u202eстан", "<script>", "%", " ", "стан" * 400],
    ids=["huge", "controls", "bidi", "markup", "percent", "space", "long-word"],
)
def test_hostile_queries_get_the_same_treatment_as_the_suggest_endpoint(client: FlaskClient, query: str) -> None:
    answer = client.get("/api/v1/opensearch-suggest", query_string={"q": query, "ui": "kk"})
    assert answer.status_code == 200 and answer.mimetype == SUGGESTIONS_TYPE
    echoed, texts, descriptions, urls = answer.get_json()
    assert echoed == query[:200]
    plain = client.get("/api/v1/suggest", query_string={"q": query, "ui": "kk"}).get_json()
    assert echoed == plain["query"]
    assert texts == list(dict.fromkeys(s["text"] for s in plain["suggestions"]))
    assert len(descriptions) == len(urls) == len(texts)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=x&ui=de", "'ui'"),
        ("q=x&limit=0", "'limit'"),
        ("q=x&limit=999999999999", "'limit'"),
        ("q=x&lang=zz", "'lang'"),
    ],
)
def test_bad_parameters_are_the_apis_400(client: FlaskClient, query: str, message: str) -> None:
    answer = client.get(f"/api/v1/opensearch-suggest?{query}")
    assert answer.status_code == 400 and answer.mimetype == "application/json"
    assert message in answer.get_json()["error"]
    assert answer.headers["Access-Control-Allow-Origin"] == "*"


def test_an_unknown_interface_language_has_no_description(client: FlaskClient) -> None:
    assert client.get("/de/opensearch.xml").status_code == 404
