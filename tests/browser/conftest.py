"""A live server on 127.0.0.1 and Debian's chromium driven by Playwright.

These tests must run in CI, so a missing browser is a failure with the
command that fixes it, never a skip.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from werkzeug.serving import make_server

from glossary.paths import BUNDLED_TERMBASE
from tests.conftest import ROOT
from tests.web.support import WEB_FIXTURE, build
from web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def _serve(termbase: Path, index: Path) -> Iterator[str]:
    """The app over ``termbase``, served by werkzeug in a thread on a free port of 127.0.0.1."""
    build(termbase, index)
    app = create_app({"TERMBASE": str(termbase), "INDEX_DIR": str(index)})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web fixture term base: small, stable, with every feature the pages show."""
    yield from _serve(WEB_FIXTURE, tmp_path_factory.mktemp("browser-index"))


@pytest.fixture(scope="session")
def bundled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled standardization term base, for screenshots that show real data."""
    yield from _serve(BUNDLED_TERMBASE, tmp_path_factory.mktemp("bundled-index"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium. "
            "Install it with 'apt-get install chromium' (scripts/test does this when run as root).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class ConsoleLog:
    """Console errors and uncaught exceptions seen by a page; a test fails if any appear."""

    errors: list[str] = field(default_factory=list)


@pytest.fixture
def console() -> ConsoleLog:
    return ConsoleLog()


def _open_page(browser: Browser, console: ConsoleLog, **context_options: object) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, **context_options)  # type: ignore[arg-type]
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        # A page that is meant to be a 404 logs its own status; anything else failing to load is an error.
        if message.type == "error" and not (message.location.get("url") == page.url and "404" in message.text):
            console.errors.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: console.errors.append(str(error)))
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert not console.errors, f"errors in the browser console: {console.errors}"


@pytest.fixture
def page(browser: Browser, console: ConsoleLog) -> Iterator[Page]:
    """A desktop-sized page; the test fails if the console shows any error."""
    yield from _open_page(browser, console, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(browser: Browser, console: ConsoleLog) -> Iterator[Page]:
    yield from _open_page(browser, console, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)


@pytest.fixture
def no_js_page(browser: Browser, console: ConsoleLog) -> Iterator[Page]:
    yield from _open_page(browser, console, viewport={"width": 1280, "height": 900}, java_script_enabled=False)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
