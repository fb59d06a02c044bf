"""On paper: the print stylesheet, and the html dictionary offered and downloaded from the export page."""

from __future__ import annotations

import lxml.html
from flask.testing import FlaskClient


def test_the_export_page_offers_the_html_dictionary_in_the_interface_language(client: FlaskClient) -> None:
    html = client.get("/ru/export/").get_data(as_text=True)
    assert 'value="html"' in html
    assert "HTML-словарь для чтения и печати: одна страница, по алфавиту" in html
    assert "HTML-словарь упорядочен по алфавиту языка из поля «С языка»" in html
    kk = client.get("/kk/export/").get_data(as_text=True)
    assert "Оқуға не басып шығаруға арналған HTML сөздік" in kk


def test_the_html_dictionary_downloads_sorted_in_the_from_language(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=html&from=ru&subject=standardization")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert response.headers["Content-Disposition"].endswith('.html"')
    page = lxml.html.document_fromstring(response.get_data(as_text=True))
    assert page.get("lang") == "ru"
    headwords = [h.text_content() for h in page.xpath("//h3[@class='headword']")]
    assert "стандарт" in headwords and "ISO" not in page.text_content()  # organizations left out
    first = client.get("/en/export/download?format=html&lang=en&lang=kk").get_data(as_text=True)
    assert '<html lang="en">' in first and "Definition" in first


def test_the_print_stylesheet_hides_the_chrome_and_writes_out_external_addresses(client: FlaskClient) -> None:
    with client.get("/static/print.css") as response:
        assert response.status_code == 200
        css = response.get_data(as_text=True)
    for chrome in (".site-header", ".site-footer", ".search-form", ".pager", ".skip-link"):
        assert chrome in css.split("{ display: none !important; }")[0], chrome
    assert 'main a[href^="https://"]:not(.meta a)::after' in css and 'content: " (" attr(href) ")"' in css
    assert "break-inside: avoid" in css and "color: #000" in css


def test_print_stylesheet_comes_after_every_screen_stylesheet(client: FlaskClient) -> None:
    html = client.get("/en/tools/check-text").get_data(as_text=True)
    stylesheets = lxml.html.fromstring(html).xpath("//link[@rel='stylesheet']")
    assert [link.get("href").split("?")[0] for link in stylesheets] == [
        "/static/style.css",
        "/static/tools.css",
        "/static/print.css",
    ]
    assert [link.get("media") for link in stylesheets] == [None, None, "print"]
