"""axe-core on every page type in every interface language, and ``lang`` on content in another language.

axe-core comes bundled with axe-playwright-python (``axe.min.js`` in the
wheel), so the check needs no network. A failure lists each violation with
its rule, impact, help text and the CSS targets of the offending nodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

LANGUAGES = ["kk", "ru", "en"]


def _suggestions_open(page: Page) -> None:
    page.locator("#q").focus()
    page.keyboard.type("станд", delay=30)
    expect(page.get_by_role("option").first).to_be_visible()
    page.keyboard.press("ArrowDown")


def _check_text(page: Page) -> None:
    page.select_option("#lang", "kk")
    page.fill("#text", "Ұлттық стандарттардың тізімі жасалды. ИСО стандарттары жаңартылады.")
    page.click("form.tool-form button[type=submit]")
    expect(page.locator(".term-hit").first).to_be_visible()


def _tooltip_open(page: Page) -> None:
    _check_text(page)
    page.locator(".term-hit").first.focus()
    expect(page.locator(".term-tip").first).to_be_visible()


def _check_translation(page: Page) -> None:
    page.select_option("#source_lang", "kk")
    page.select_option("#target_lang", "ru")
    page.fill("#source", "Стандарт жаңартылды.\nИСО стандарты.")
    page.fill("#target", "Стандарт обновлён.\nДокумент.")
    page.click("form.tool-form button[type=submit]")
    expect(page.locator(".segment").first).to_be_visible()


@dataclass(frozen=True)
class Visit:
    """A page type: its path under ``/<lang>`` and what to do there before axe looks (submit a form, open a list)."""

    name: str
    path: str
    action: Callable[[Page], None] | None = None


PAGES = [
    Visit("home", "/"),
    Visit("suggestions", "/", _suggestions_open),
    Visit("results", "/?q=стандарт&to=en"),
    Visit("concept", "/concept/iso"),
    Visit("concept-contexts", "/concept/standard"),
    Visit("browse", "/browse/"),
    Visit("letter", "/browse/kk/ә"),
    Visit("subject", "/subjects/organizations"),
    Visit("sources", "/sources/"),
    Visit("source", "/sources/text"),
    Visit("export", "/export/"),
    Visit("check-text", "/tools/check-text", _check_text),
    Visit("check-text-tooltip", "/tools/check-text", _tooltip_open),
    Visit("check-translation", "/tools/check-translation", _check_translation),
    Visit("about", "/about"),
    Visit("not-found", "/concept/no-such-concept"),
]

AXE = Axe()


def _describe(violations: list[dict[str, Any]]) -> str:
    """Each violation's rule, impact and help, then the CSS target of every offending node."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        lines.extend(f"    {' '.join(map(str, node['target']))}" for node in violation["nodes"])
    return "\n".join(lines)


def test_axe_finds_no_violation_at_phone_width(phone_page: Page, live_server: str) -> None:
    """The narrow layout of the busiest pages (the menu wraps, tables turn into lines)."""
    found = []
    for visit in PAGES:
        if visit.name in {"results", "concept-contexts", "check-text-tooltip"}:
            phone_page.goto(f"{live_server}/kk{visit.path}")
            if visit.action:
                visit.action(phone_page)
            violations = AXE.run(phone_page).response["violations"]
            found += [f"/kk{visit.path} ({visit.name}):\n{_describe(violations)}"] if violations else []
    assert not found, "\n".join(found)


#: Text that is plainly in another language than the page's must sit inside an element with that ``lang``.
#: Cyrillic on an English page; Kazakh-only letters on a Russian page. (Latin on a Kazakh page is mostly
#: codes and names, TBX, ISO, UTF-8, so it is not checked.)
MISMARKED = """(pattern) => {
  const re = new RegExp(pattern, 'u');
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (parent.closest('script,style') || !re.test(node.textContent)) continue;
    if (parent.closest('[lang]').getAttribute('lang') === document.documentElement.lang)
      out.push(parent.tagName.toLowerCase() + '.' + parent.className + ': ' + node.textContent.trim().slice(0, 60));
  }
  for (const el of document.querySelectorAll('[title],[aria-label]')) {
    for (const name of ['title', 'aria-label']) {
      const value = el.getAttribute(name);
      if (value && re.test(value) && el.closest('[lang]').getAttribute('lang') === document.documentElement.lang)
        out.push(el.tagName.toLowerCase() + '[' + name + ']: ' + value.slice(0, 60));
    }
  }
  return out;
}"""

FOREIGN = {"en": r"\p{Script=Cyrillic}", "ru": "[әғқңөұүһіӘҒҚҢӨҰҮҺІ]"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("visit", PAGES, ids=[visit.name for visit in PAGES])
def test_axe_finds_no_violation_and_foreign_text_is_marked(
    page: Page, live_server: str, lang: str, visit: Visit
) -> None:
    """Not only serious and critical violations: moderate and minor ones fail too, since none is left."""
    page.goto(f"{live_server}/{lang}{visit.path}")
    if visit.action:
        visit.action(page)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    violations = AXE.run(page).response["violations"]
    assert not violations, f"axe on /{lang}{visit.path} ({visit.name}):\n{_describe(violations)}"
    unmarked = page.evaluate(MISMARKED, FOREIGN[lang]) if lang in FOREIGN else []
    assert not unmarked, (
        f"/{lang}{visit.path} ({visit.name}), text in another language without its lang:\n" + "\n".join(unmarked)
    )


def test_terms_and_definitions_carry_their_own_language(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/en/concept/iso")
    for lang, term in (("kk", "Халықаралық стандарттау ұйымы"), ("ru", "Международная организация по стандартизации")):
        expect(page.locator(f"section.language .term[lang={lang}]", has_text=term)).to_have_count(1)
    expect(page.locator(".usage-note[lang=kk]")).to_contain_text("ИСО-ның")
    page.goto(f"{live_server}/en/?q=standard")  # no English definition: a Kazakh or Russian one stands in
    expect(page.locator("ol.hits .definition").first).to_have_attribute("lang", re.compile(r"^(kk|ru)$"))
    expect(page.locator("ol.hits .equivalents .term[lang=kk]").first).to_be_visible()
    page.goto(f"{live_server}/en/sources/text")
    expect(page.locator("h1")).to_have_attribute("lang", "kk")
    expect(page.locator("#s-1 p")).to_have_attribute("lang", "kk")


def test_concept_graph_has_a_text_equivalent(page: Page, live_server: str) -> None:
    """The drawing is hidden from screen readers and out of the tab order; the list it is described by has every link."""
    page.goto(f"{live_server}/en/concept/iso")
    figure = page.locator("figure.graph")
    expect(figure).to_have_attribute("aria-labelledby", "graph-title")
    described_by = (figure.get_attribute("aria-describedby") or "").split()
    assert "relations-list" in described_by
    expect(figure.locator("svg")).to_have_attribute("aria-hidden", "true")
    # What a screen reader announces: the graph's title, then the caption and the relations in words.
    expect(figure).to_have_accessible_name("Concept graph: International Organization for Standardization")
    expect(figure).to_have_accessible_description(
        re.compile(r"narrower concept: ISO Council.*related concept: standard")
    )
    listed = page.locator("#relations-list")
    expect(listed).to_be_visible()
    expect(listed.locator("li")).to_have_text(
        [re.compile(r"narrower concept:\s+ISO Council"), re.compile(r"related concept:\s+standard")]
    )
    drawn = {link.get_attribute("href") for link in figure.locator("svg a").all()}
    assert (
        drawn
        == {link.get_attribute("href") for link in listed.locator("a").all()}
        == {
            "/en/concept/iso-council",
            "/en/concept/standard",
        }
    )
    for link in figure.locator("svg a").all():
        expect(link).to_have_attribute("tabindex", "-1")
    # Tabbing from the list's last link skips the drawing and goes on to the downloads.
    listed.locator("a").last.focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="TBX")).to_be_focused()
