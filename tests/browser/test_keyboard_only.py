"""Keyboard only: the search box's autocomplete (an ARIA combobox) and the check-text page's term tooltips.

Every step goes through ``page.keyboard``: the tests reach the controls by
tabbing, as a reader without a mouse does.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser


def _tab_to(page: Page, target: Locator, *, limit: int = 25) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{target} not reached in {limit} presses of Tab")


def test_autocomplete_is_an_aria_combobox_driven_by_the_keyboard(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/kk/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: focus goes to the main content
    box = page.locator("input#q[role=combobox]")
    _tab_to(page, box, limit=2)  # the search box is the first control of the content
    listbox = page.locator("#suggestions")
    expect(box).to_have_attribute("aria-controls", "suggestions")
    expect(listbox).to_have_attribute("role", "listbox")
    expect(box).to_have_attribute("aria-expanded", "false")

    page.keyboard.type("станд", delay=30)
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    count = options.count()
    assert count >= 2, "the fixture has several terms starting with «станд»"
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))

    def selected(index: int) -> None:
        option = options.nth(index)
        expect(option).to_have_attribute("aria-selected", "true")
        expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id") or "")
        expect(listbox.locator("[aria-selected=true]")).to_have_count(1)
        expect(box).to_be_focused()  # the focus stays in the box; only the active option moves

    page.keyboard.press("ArrowDown")
    selected(0)
    page.keyboard.press("ArrowDown")
    selected(1)
    page.keyboard.press("ArrowUp")
    selected(0)
    page.keyboard.press("ArrowUp")
    selected(count - 1)  # wraps round to the last

    # Escape closes the list, keeps what was typed and the focus.
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(box).to_have_value("станд")
    expect(box).to_be_focused()

    # ArrowDown opens it again; Enter takes the active option and searches for it.
    page.keyboard.press("ArrowDown")
    expect(options.first).to_be_visible()
    page.keyboard.press("ArrowDown")
    chosen = options.first.get_attribute("data-text") or ""
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kk/\?"))
    assert parse_qs(urlparse(page.url).query)["q"] == [chosen]


def test_leaving_the_search_box_with_tab_closes_the_suggestions(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/")
    box = page.locator("input#q[role=combobox]")
    _tab_to(page, box)
    page.keyboard.type("ISO", delay=30)
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Search")).to_be_focused()
    expect(page.locator("#suggestions")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def _check_text_by_keyboard(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/kk/tools/check-text")  # the text's language defaults to the interface's
    _tab_to(page, page.locator("#text"))
    page.keyboard.type("Ұлттық стандарттардың тізімі жасалды. ИСО жаңартылды.")
    _tab_to(page, page.locator("form.tool-form button[type=submit]"), limit=3)
    page.keyboard.press("Enter")
    expect(page.locator(".term-hit")).to_have_count(2)


def test_term_tooltips_open_on_focus_and_close_with_escape(page: Page, live_server: str) -> None:
    _check_text_by_keyboard(page, live_server)
    first, second = page.locator(".term-hit").nth(0), page.locator(".term-hit").nth(1)
    tip = first.locator(".term-tip")
    expect(tip).to_be_hidden()

    _tab_to(page, first)
    expect(tip).to_be_visible()
    expect(first).to_have_attribute("aria-describedby", tip.get_attribute("id") or "")
    expect(tip).to_have_attribute("role", "tooltip")

    page.keyboard.press("Tab")  # into the tooltip: its concept link
    link = tip.get_by_role("link")
    expect(link).to_be_focused()
    expect(link).to_have_attribute("href", "/kk/concept/standard")
    expect(tip).to_be_visible()

    page.keyboard.press("Escape")  # closes it and brings the focus back to the term
    expect(tip).to_be_hidden()
    expect(first).to_be_focused()

    page.keyboard.press("Tab")  # the closed tooltip's link is skipped: on to the next term
    expect(second).to_be_focused()
    expect(second.locator(".term-tip")).to_be_visible()
    page.keyboard.press("Escape")
    expect(second.locator(".term-tip")).to_be_hidden()
    expect(second).to_be_focused()

    page.keyboard.press("Shift+Tab")  # back to the first term: its tooltip opens again
    expect(first).to_be_focused()
    expect(tip).to_be_visible()


def test_a_tooltip_opened_by_pointing_closes_with_escape(page: Page, live_server: str) -> None:
    _check_text_by_keyboard(page, live_server)
    hit = page.locator(".term-hit").first
    hit.hover()
    expect(hit.locator(".term-tip")).to_be_visible()
    page.keyboard.press("Escape")
    expect(hit.locator(".term-tip")).to_be_hidden()
    page.mouse.move(0, 0)
    hit.hover()
    expect(hit.locator(".term-tip")).to_be_visible()
