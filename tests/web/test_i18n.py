"""Interface language in the URL: redirects, unknown prefixes, html lang, switcher, plurals, number formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("kk-KZ,kk;q=0.9", "/kk/"),
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("en-GB", "/en/"),
        ("de-DE", "/en/"),
        ("", "/en/"),
    ],
)
def test_bare_root_redirects_by_accept_language(client: FlaskClient, accept: str, expected: str) -> None:
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("path", ["/de/", "/xx/about", "/KK/", "/kz/concept/iso"])
def test_unknown_language_prefix_is_404(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept-Language": "ru"})
    assert response.status_code == 404
    assert '<html lang="ru">' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("code", "search_word", "about_word"),
    [("kk", "Іздеу", "Жоба туралы"), ("ru", "Поиск", "О проекте"), ("en", "Search", "About")],
)
def test_pages_are_in_the_interface_language_with_html_lang(
    client: FlaskClient, code: str, search_word: str, about_word: str
) -> None:
    html = client.get(f"/{code}/").get_data(as_text=True)
    assert f'<html lang="{code}">' in html
    assert f">{search_word}</a>" in html
    assert f">{about_word}</a>" in html
    assert f'href="/{code}/browse/"' in html


def test_switcher_keeps_the_page_and_query_string(client: FlaskClient) -> None:
    html = client.get("/en/?q=ISO&from=kk&to=ru").get_data(as_text=True)
    switcher = html[html.index('class="lang-switch"') : html.index("</nav>")]
    links = dict(re.findall(r'href="([^"]+)" lang="(\w+)"', switcher))
    by_lang = {lang: href.replace("&amp;", "&") for href, lang in links.items()}
    assert by_lang["kk"].startswith("/kk/?")
    for part in ("q=ISO", "from=kk", "to=ru"):
        assert part in by_lang["kk"] and part in by_lang["ru"]
    concept = client.get("/ru/concept/iso").get_data(as_text=True)
    assert 'href="/kk/concept/iso" lang="kk"' in concept
    assert 'href="/en/concept/iso" lang="en"' in concept


def test_interface_language_is_independent_of_content_languages(client: FlaskClient) -> None:
    html = client.get("/ru/?q=стандарт&from=kk&to=en").get_data(as_text=True)
    assert '<html lang="ru">' in html
    assert 'lang="kk"><mark>стандарт</mark>' in html
    assert "standard" in html and ">ru</abbr></dt>" not in html  # the equivalents are in the "to" language
    # The one definition shown is the reader's (issue #14 §5): see tests/web/test_definitions.py.
    assert '<p class="definition" lang="ru">Нормативный' in html


@pytest.mark.parametrize(
    ("code", "one", "few_or_many"),
    [
        ("ru", "Найдено 1 понятие", "Найдено 2 понятия"),
        ("kk", "1 ұғым табылды", "2 ұғым табылды"),
        ("en", "1 concept found", "2 concepts found"),
    ],
)
def test_result_count_uses_the_languages_plural_forms(
    client: FlaskClient, code: str, one: str, few_or_many: str
) -> None:
    assert one in client.get(f"/{code}/?q=universal").get_data(as_text=True)
    assert few_or_many in client.get(f"/{code}/?q=стандарт&from=kk").get_data(as_text=True)


def test_russian_many_form_and_locale_number_format(client: FlaskClient) -> None:
    html = client.get("/ru/about").get_data(as_text=True)
    assert "4 понятия" in html  # 4 → "few"
    assert re.search(r"\d+ терминов|\d+ термина", html)
    about_en = client.get("/en/about").get_data(as_text=True)
    assert "4 concepts" in about_en


def test_dates_are_formatted_for_the_locale(client: FlaskClient) -> None:
    kk = client.get("/kk/concept/iso").get_data(as_text=True)
    assert re.search(r"\d{4}[\xa0\u202f ]ж\. \d{1,2} [а-яәіңғүұқөһ]+", kk), "long Kazakh date like '2026 ж. 23 қараша'"
    ru = client.get("/ru/concept/iso").get_data(as_text=True)
    assert re.search(r"\d{1,2} [а-я]+ \d{4}[\xa0\u202f ]г\.", ru)


def test_catalogues_are_compiled_outside_the_repository(app: Flask, compiled_locales: Path) -> None:
    folder = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    assert folder == compiled_locales and not folder.is_relative_to(ROOT)
    assert sorted(p.parent.parent.name for p in folder.glob("*/LC_MESSAGES/messages.mo")) == ["en", "kk", "ru"]
