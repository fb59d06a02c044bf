"""Real-browser journey: a fact found in the sources leads to its sentence on the source page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_sentence_found_in_the_sources_opens_at_its_anchor(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/ru/?q=1946")
    section = page.locator("section.in-sources")
    expect(section.get_by_role("heading")).to_have_text("В источниках")
    expect(section.locator("blockquote")).to_contain_text("1946 жылы құрылды")
    section.locator(".cite a").click()
    page.wait_for_url(re.compile(r"/ru/sources/text#s-2$"))
    expect(page.locator("li#s-2")).to_be_visible()
