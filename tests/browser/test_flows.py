"""Real-browser journeys: search → concept → download, keyboard autocomplete, language switch, no-JS use."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_search_result_concept_and_export_download(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/")
    page.get_by_label("Term to search for").fill("ISO")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/\?q=ISO"))
    expect(page.locator(".result-count")).to_contain_text("concepts found")
    page.locator("ol.hits a", has_text="ISO").first.click()
    page.wait_for_url(re.compile(r"/en/concept/iso$"))
    expect(page.locator("h1")).to_have_text("International Organization for Standardization")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="TBX").click()
    download = download_info.value
    assert download.suggested_filename == "iso.tbx"
    body = Path(download.path()).read_text(encoding="utf-8")
    assert "<conceptEntry" in body and "Халықаралық стандарттау ұйымы" in body


def test_autocomplete_from_the_keyboard(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/ru/")
    box = page.get_by_role("combobox", name="Искомый термин")
    box.focus()
    page.keyboard.type("станд", delay=40)
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id") or "")
    chosen = first.get_attribute("data-text") or ""
    assert chosen.lower().startswith("станд")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ru/\?"))
    assert parse_qs(urlparse(page.url).query)["q"] == [chosen]
    expect(page.locator(".result-count")).to_contain_text("Найдено")
    # Escape closes the list without leaving the page.
    box = page.get_by_role("combobox", name="Искомый термин")
    box.fill("")
    box.focus()
    page.keyboard.type("ИСО", delay=40)
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()


def test_switching_interface_language_keeps_the_page_and_query(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/?q=ISO&to=kk")
    page.get_by_role("link", name="Қазақша").click()
    page.wait_for_url(re.compile(r"/kk/\?"))
    assert parse_qs(urlparse(page.url).query) == {"q": ["ISO"], "to": ["kk"]}
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.get_by_label("Қай тілге")).to_have_value("kk")
    page.goto(f"{live_server}/kk/concept/standard")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url(re.compile(r"/ru/concept/standard$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", name="Как цитировать эту статью")).to_be_visible()


def test_definition_source_shows_the_cited_sentence_in_one_click(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/concept/standard")
    page.locator(".definition-block a.cite").first.click()
    page.wait_for_url(re.compile(r"/en/sources/text#s-1$"))
    target = page.locator("li:target")
    expect(target).to_contain_text("Стандарт — келісім бойынша әзірленген нормативтік құжат.")


def test_copy_button_copies_the_term(page: Page, live_server: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page.goto(f"{live_server}/kk/concept/iso")
    button = page.locator('button.copy[data-copy="ИСО"]').first
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == "ИСО"
    expect(page.locator("#live")).to_have_text("Көшірілді")


def test_pages_work_without_javascript(no_js_page: Page, live_server: str) -> None:
    page = no_js_page
    page.goto(f"{live_server}/en/")
    page.get_by_label("Term to search for").fill("standard")
    page.get_by_label("To", exact=True).select_option("kk")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q=standard"))
    expect(page.locator("ol.hits li").first).to_contain_text("стандарт")
    page.goto(f"{live_server}/en/concept/iso")
    expect(page.locator("button.copy").first).to_be_hidden()  # copying needs script, so it is not offered


def test_keyboard_focus_is_visible_and_skip_link_works(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
