"""The Check-a-text page in a real Chromium with JavaScript off: tooltips open on focus and on hover."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_term_tooltips_open_on_keyboard_focus_and_hover_without_javascript(no_js_page: Page, live_server: str) -> None:
    page = no_js_page
    page.goto(f"{live_server}/en/tools/check-text")
    page.select_option("#lang", "kk")
    page.fill("#text", "Ұлттық стандарттардың тізімі жасалды. Стандарттар жаңартылады.")
    page.click("form.tool-form button[type=submit]")
    hits = page.locator(".term-hit")
    expect(hits).to_have_count(2)
    first, second = hits.nth(0), hits.nth(1)
    expect(first.locator(".term-tip")).to_be_hidden()
    first.focus()
    expect(first.locator(".term-tip")).to_be_visible()
    expect(first.locator(".term-tip a")).to_have_attribute("href", "/en/concept/standard")
    page.keyboard.press("Tab")  # into the tooltip's link: the tooltip stays open
    expect(first.locator(".term-tip")).to_be_visible()
    second.hover()
    expect(second.locator(".term-tip")).to_be_visible()


def test_nested_terms_are_listed_under_their_match_in_the_tooltip(no_js_page: Page, bundled_server: str) -> None:
    page = no_js_page
    page.goto(f"{bundled_server}/ru/tools/check-text")
    page.select_option("#lang", "ru")
    page.fill("#text", "Фонд нормативных документов пополнен.")
    page.click("form.tool-form button[type=submit]")
    hit = page.locator(".term-hit")
    expect(hit).to_have_count(1)
    expect(hit).to_have_class("term-hit has-nested")
    nested = hit.locator(".tip-nested")
    expect(nested).to_be_hidden()
    hit.focus()
    expect(nested).to_be_visible()
    expect(nested.locator(".tip-nested-heading")).to_have_text("Термины внутри")
    expect(nested.locator("a")).to_have_attribute("href", "/ru/concept/gen-normative-document")
    # The nested concept is a row of the list of terms found too.
    expect(page.locator(".found-terms a[href='/ru/concept/gen-normative-document']")).to_have_count(1)
