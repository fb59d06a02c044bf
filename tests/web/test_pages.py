"""The pages through Flask's test client, on the web fixture term base."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from web import create_app

LOCALES = ("kk", "ru", "en")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("code", LOCALES)
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=ISO",
        "/?q=zzzzqqq",
        "/concept/iso",
        "/concept/standard",
        "/browse/",
        "/browse/kk/ә",
        "/subjects/organizations",
        "/sources/",
        "/sources/text",
        "/export/",
        "/about",
    ],
)
def test_every_page_renders_in_every_locale(client: FlaskClient, code: str, path: str) -> None:
    response = client.get(f"/{code}{path}")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    html = response.get_data(as_text=True)
    assert f'<html lang="{code}">' in html
    assert "<main" in html and "</html>" in html
    assert "<script>" not in html and " style=" not in html  # the CSP forbids inline script and style


def test_search_results_highlight_the_match_and_show_equivalents_with_badges(client: FlaskClient) -> None:
    html = client.get("/en/?q=стандарттар&from=kk&to=ru").get_data(as_text=True)
    assert '<span lang="kk"><mark>стандарт</mark></span>' in html
    assert 'href="/en/concept/standard"' in html
    hit = html[html.index('href="/en/concept/standard"') :]
    hit = hit[: hit.index("</li>\n  \n    <li") if "</li>\n  \n    <li" in hit else len(hit)]
    assert '<abbr title="Russian">ru</abbr>' in hit
    assert 'lang="ru">стандарт</span>' in hit
    assert "full form" in hit and "preferred" in hit
    assert "Келісім бойынша әзірленген нормативтік құжат." in hit


def test_search_state_lives_in_the_url(client: FlaskClient) -> None:
    html = client.get("/en/?q=ISO&from=en&to=kk&subject=organizations&status=preferred").get_data(as_text=True)
    assert 'value="ISO"' in html
    assert re.search(r'<select id="from" name="from">.*?<option value="en" selected>', html, re.S)
    assert re.search(r'<select id="to" name="to">.*?<option value="kk" selected>', html, re.S)
    assert '<option value="organizations" selected>' in html
    assert '<option value="preferred" selected>' in html


def test_did_you_mean_links_to_the_corrected_query(client: FlaskClient) -> None:
    body = client.get("/en/index.json?q=standrad").get_json()
    html = client.get("/en/?q=standrad").get_data(as_text=True)
    if body["did_you_mean"]:
        assert "Did you mean:" in html
        assert f"q={body['did_you_mean']}" in html
    nothing = client.get("/ru/?q=zzzzqqq").get_data(as_text=True)
    assert "Найдено 0 понятий" in nothing
    assert "Ничего не найдено" in nothing


def test_concept_page_shows_languages_terms_definition_source_and_deprecated(client: FlaskClient) -> None:
    html = client.get("/en/concept/standard").get_data(as_text=True)
    columns = re.findall(r'<h2 id="lang-(\w+)">', html)
    assert columns == ["kk", "ru", "en"]
    kk = html[html.index('id="lang-kk"') : html.index('id="lang-ru"')]
    assert kk.index(">стандарт<") < kk.index("нормативтік стандарт")
    assert '<del class="term" lang="kk">нормативтік стандарт</del>' in kk
    assert "deprecated" in kk
    assert 'href="/en/sources/text#s-1"' in kk
    assert 'title="Стандарт — келісім бойынша әзірленген нормативтік құжат."' in kk
    assert 'data-copy="стандарт"' in html


def test_concept_page_has_kwic_notes_graph_export_and_citation(client: FlaskClient) -> None:
    html = client.get("/en/concept/iso").get_data(as_text=True)
    assert '<td class="kw">ИСО</td><td class="right">-ның жұмысын ИСО кеңесі басқарады.</td>' in html
    assert "The texts disagree on the founding year" in html
    assert 'href="/en/sources/text#s-2"' in html and 'href="/en/sources/text#s-3"' in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'href="/en/concept/iso-council"' in svg and 'href="/en/concept/standard"' in svg
    assert "edge-narrower" in svg and "edge-related" in svg
    assert 'href="/en/export/download?format=tbx&amp;id=iso"' in html
    assert 'href="/en/export/download?format=csv&amp;id=iso"' in html
    assert "How to cite this entry" in html
    assert "Web test base. «International Organization for Standardization» (concept iso). /en/concept/iso (" in html


def test_unknown_concept_is_404_in_the_interface_language(client: FlaskClient) -> None:
    response = client.get("/kk/concept/no-such-thing")
    assert response.status_code == 404
    assert "Мұндай бет жоқ." in response.get_data(as_text=True)
    assert client.get("/kk/concept/no-such-thing.json").get_json()["status"] == 404


def test_concept_page_etag_gives_304(client: FlaskClient) -> None:
    first = client.get("/en/concept/iso")
    etag = first.headers["ETag"]
    assert etag and first.headers["Cache-Control"] == "no-cache"
    again = client.get("/en/concept/iso", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other_locale = client.get("/ru/concept/iso", headers={"If-None-Match": etag})
    assert other_locale.status_code == 200


def test_browse_uses_each_alphabets_own_order(client: FlaskClient) -> None:
    html = client.get("/en/browse/").get_data(as_text=True)
    kk_row = html[html.index('aria-label="Kazakh"') :]
    kk_row = kk_row[: kk_row.index("</nav>")]
    letters = re.findall(r">([^<>\s])</(?:a|span)>", kk_row)
    assert "".join(letters[:8]) == "АӘБВГҒДЕ"
    assert letters.index("І") == letters.index("Ы") + 1
    assert 'href="/en/browse/kk/%D3%99"' in kk_row  # ә has a term: «әмбебап стандарт»
    page = client.get("/en/browse/kk/ә").get_data(as_text=True)
    assert "әмбебап стандарт" in page
    ru = client.get("/en/browse/ru/о.json").get_json()
    assert [t["text"] for t in ru["terms"]] == ["общий стандарт"]
    assert client.get("/en/browse/kk/w").status_code == 404


def test_browse_by_subject_lists_concepts_and_tree(client: FlaskClient) -> None:
    html = client.get("/ru/browse/").get_data(as_text=True)
    assert "Стандартизация" in html and "Организации" in html
    assert "2 понятия" in html
    page = client.get("/kk/subjects/organizations").get_data(as_text=True)
    assert "Ұйымдар" in page and 'href="/kk/concept/iso"' in page and 'href="/kk/concept/iso-council"' in page
    assert client.get("/kk/subjects/nothing").status_code == 404


def test_sources_page_has_sentence_anchors_and_shows_repairs(client: FlaskClient) -> None:
    html = client.get("/en/sources/text").get_data(as_text=True)
    assert all(f'id="s-{n}"' in html for n in range(1, 5))
    second = html[html.index('id="s-2"') : html.index('id="s-3"')]
    assert "Repaired" in second and "As found" in second
    assert "<mark>60</mark>" in second and "<mark>0</mark>" in second
    first = html[html.index('id="s-1"') : html.index('id="s-2"')]
    assert "As found" not in first
    index = client.get("/ru/sources/").get_data(as_text=True)
    assert "4 предложения" in index


def test_json_twins_carry_the_same_data(client: FlaskClient) -> None:
    concept = client.get("/en/concept/iso.json").get_json()
    assert concept["id"] == "iso" and concept["languages"]["kk"]["terms"][1]["text"] == "ИСО"
    search = client.get("/kk/index.json?q=ISO").get_json()
    assert search["total"] == len(search["hits"]) >= 1
    assert {hit["concept"]["id"] for hit in search["hits"]} >= {"iso"}
    about = client.get("/ru/about.json").get_json()
    assert about["concepts"] == 4 and about["name"] == "Web test base"
    assert about["terms"] == 17  # 4 + 6 + 3 + 4 terms in the fixture
    browse = client.get("/en/browse.json").get_json()
    assert "ә" in browse["languages"]["kk"] and browse["subjects"]["organizations"]["concepts"] == 2
    source = client.get("/en/sources/text.json").get_json()
    assert source["sentences"][1]["original"].startswith("Хал60аралы0")
    assert client.get("/en/sources.json").get_json()["text"]["sentences"] == 4


def test_about_counts_are_formatted_for_the_locale(client: FlaskClient) -> None:
    text = text_of(client.get("/kk/about").get_data(as_text=True))
    assert "4 ұғым" in text and "17 термин" in text and "Web test base" in text
    assert "Concepts that exercise every part of the web pages." in text


def test_every_concept_of_the_small_fixture_renders(small_index: Path) -> None:
    app = create_app({"TESTING": True, "INDEX_DIR": str(small_index)})
    client = app.test_client()
    ids = [hit["concept"]["id"] for hit in client.get("/en/index.json?q=ISO").get_json()["hits"]]
    assert "iso" in ids
    for concept_id in ("iso", "iso-council", "standard"):
        for code in LOCALES:
            response = client.get(f"/{code}/concept/{concept_id}")
            assert response.status_code == 200
    html = client.get("/kk/concept/iso").get_data(as_text=True)
    assert 'href="/kk/sources/notes#s-2"' in html and "1947 жылы құрылған халықаралық ұйым." in html
    assert "Small test base" in client.get("/ru/about").get_data(as_text=True)
