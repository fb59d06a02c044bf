"""On paper and from the address bar, in a real Chromium: the html dictionary, the print stylesheet, OpenSearch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from glossary.formats import ExportOptions, export_termbase, get_format
from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase

pytestmark = pytest.mark.browser

BLACK, WHITE = "rgb(0, 0, 0)", "rgb(255, 255, 255)"


def style(page: Page, selector: str, prop: str, pseudo: str = "") -> str:
    script = "([s, p, e]) => getComputedStyle(document.querySelector(s), e || null).getPropertyValue(p)"
    return str(page.evaluate(script, [selector, prop, pseudo]))


def test_the_html_dictionary_renders_and_prints(page: Page, tmp_path: Path) -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    path = tmp_path / "dictionary.html"
    with path.open("wb") as out:
        export_termbase(get_format("html"), termbase.concepts.values, out, ExportOptions(info=termbase))
    page.goto(path.as_uri())
    expect(page.locator("h1")).to_have_text(termbase.name_in("kk"))
    headings = page.locator("section.letter > h2")
    expect(headings.first).to_have_text("А")
    assert headings.count() >= 20
    entries = page.locator("article.entry")
    assert entries.count() == len(termbase.concepts)
    expect(entries.first).to_be_visible()
    expect(entries.first.locator("h3.headword")).to_be_visible()
    expect(entries.first.locator(".equivalents")).to_be_visible()
    # the letter index jumps to its letter
    page.locator("nav.letters").get_by_role("link", name="Қ", exact=True).click()
    expect(page.get_by_role("heading", name="Қ", exact=True)).to_be_in_viewport()
    assert style(page, ".entries", "column-count") == "2"  # two columns on a wide screen
    page.emulate_media(media="print")
    assert style(page, "article.entry", "break-inside") == "avoid"
    assert style(page, "body", "color") == BLACK
    expect(headings.first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 5  # 147 concepts fill many A4 pages


def test_printing_a_concept_or_results_page_leaves_out_the_sites_chrome(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/concept/iso")
    chrome = (".site-header", ".main-nav", ".lang-switch", ".site-footer", ".export-this", "button.copy")
    for selector in chrome:
        expect(page.locator(selector).first).to_be_visible()
    page.emulate_media(media="print")
    for selector in chrome:
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".language").first).to_be_visible()
    expect(page.locator("#citation")).to_be_visible()
    assert style(page, "body", "color") == BLACK and style(page, "html", "background-color") == WHITE
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend',
                '<p><a id="external" href="https://example.org/norm">a norm</a> <a id="own" href="/en/about">about</a></p>'
                + '<dl class="meta"><dd><a id="address" href="https://example.org/a">https://example.org/a</a></dd></dl>');
        }"""
    )
    assert "https://example.org/norm" in style(page, "#external", "content", "::after")
    assert style(page, "#own", "content", "::after") in ("none", "normal")
    assert style(page, "#address", "content", "::after") in ("none", "normal")  # the text is the address already
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.goto(f"{live_server}/en/?q=ISO")
    expect(page.locator(".search-form")).to_be_hidden()
    expect(page.locator("ol.hits > li").first).to_be_visible()
    expect(page.locator(".result-count")).to_be_visible()
    assert style(page, "ol.hits .definition", "white-space") == "normal"  # printed whole, not cut to a line


def test_the_page_offers_its_opensearch_description(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/kk/concept/iso")
    link = page.locator('link[rel="search"]')
    expect(link).to_have_attribute("title", "kazterm сөздігі")
    href = str(link.get_attribute("href"))
    response = page.request.get(live_server + href)
    assert response.ok and response.headers["content-type"].startswith("application/opensearchdescription+xml")
    assert "{searchTerms}" in response.text()
    suggestions = page.request.get(f"{live_server}/api/v1/opensearch-suggest?ui=kk&q=стан").json()
    assert suggestions[0] == "стан" and "стандарт" in suggestions[1]
