"""Every page in every interface language: no English interface string left, no overflow at 360 px; screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "results": "/?q=стандарт&to=en",
    "concept": "/concept/iso",
    "concept-standard": "/concept/standard",
    "browse": "/browse/",
    "letter": "/browse/kk/ә",
    "subject": "/subjects/organizations",
    "sources": "/sources/",
    "source": "/sources/text",
    "export": "/export/",
    "about": "/about",
    "not-found": "/concept/no-such-concept",
    "nothing-found": "/?q=zzzzqqq",
}

#: Every text node and every accessible label or hint the page shows or reads out.
VISIBLE_STRINGS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const parent = walker.currentNode.parentElement;
    // Content in another language (terms, definitions) is marked with its own lang attribute.
    const inPageLanguage = parent.closest('[lang]').getAttribute('lang') === document.documentElement.lang;
    if (text && inPageLanguage && parent.closest('script,style') === null) out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label],[placeholder],[title],[data-done]')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'data-done']) {
      const value = el.getAttribute(name);
      if (value) out.push(value.trim());
    }
  }
  out.push(document.title);
  return out;
}"""


def _english_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Regexes for each English interface string that ``lang`` translates differently."""
    with (ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    patterns = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            if msgid in strings:
                continue  # the same in both languages (a name or a code)
            body = re.escape(msgid).replace(re.escape("%(num)s"), ".+")
            body = re.sub(r"%\\\(\w+\\\)s", ".+", body)
            patterns.append((msgid, re.compile(rf"(?:^|[\s(·:]){body}(?:$|[\s).:·,])")))
    return patterns


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_untranslated_interface_string(page: Page, live_server: str, lang: str) -> None:
    patterns = _english_patterns(lang)
    found = []
    for name, path in PAGES.items():
        page.goto(f"{live_server}/{lang}{path}")
        assert page.locator("html").get_attribute("lang") == lang
        for text in page.evaluate(VISIBLE_STRINGS):
            for msgid, pattern in patterns:
                if pattern.search(text):
                    found.append(f"{name}: {msgid!r} in {text!r}")
    assert not found, f"English interface strings on /{lang}/ pages:\n" + "\n".join(found)


def test_english_pages_use_the_english_catalogue(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/?q=ISO")
    texts = page.evaluate(VISIBLE_STRINGS)
    assert "Skip to content" in texts and any(re.fullmatch(r"\d+ concepts? found", t) for t in texts)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_usable_at_360_px(phone_page: Page, live_server: str, lang: str) -> None:
    for name, path in PAGES.items():
        phone_page.goto(f"{live_server}/{lang}{path}")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"/{lang}{path} ({name}) is {width} px wide at a 360 px viewport"


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (360, 740)])
def test_screenshots(browser: Browser, bundled_server: str, artifacts: Path, width: int, height: int) -> None:
    """Home, results and concept pages of the bundled term base, saved under test-artifacts/screenshots."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        shots = [
            ("home-en", "/en/"),
            ("results-kk", "/kk/?q=стандарт&to=ru"),
            ("results-ru", "/ru/?q=halyqaralyq&to=en"),
            ("browse-en", "/en/browse/"),
            ("about-kk", "/kk/about"),
        ]
        for name, path in shots:
            page.goto(f"{bundled_server}{path}")
            _save(page, artifacts / f"{name}-{width}.png")
        for lang, query in (("ru", "ИСО"), ("kk", "халықаралық стандарт"), ("en", "technical committee")):
            page.goto(f"{bundled_server}/{lang}/?q={query}")
            page.locator("ol.hits h3 a").first.click()
            page.wait_for_url(f"**/{lang}/concept/**")
            _save(page, artifacts / f"concept-{lang}-{width}.png")
        page.goto(f"{bundled_server}/en/sources/")
        page.locator(".source-list a").first.click()
        _save(page, artifacts / f"source-en-{width}.png", full_page=False)
    finally:
        context.close()
    assert not errors, errors


def _save(page: Page, target: Path, *, full_page: bool = True) -> None:
    page.screenshot(path=str(target), full_page=full_page)
    assert target.stat().st_size > 5_000, f"{target} looks empty"
