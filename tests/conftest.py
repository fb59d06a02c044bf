"""Shared fixtures: small term bases, clean per-process caches, compiled catalogues, and ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import web
from web.services import forget_recognizers, forget_searchers

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
LOCALES = ROOT / "locales"

#: The test running now, so that :func:`shared_path` can check it is marked ``slow``.
_running: list[pytest.Item] = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _running[:] = [item]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    _running.clear()


@pytest.fixture(autouse=True)
def fresh_services() -> Iterator[None]:
    """Every test opens its own searchers and recognizers, and closes them afterwards.

    They are cached per process and keyed by index directory, so one test's
    index would otherwise be served to the next.  The ``lru_cache``s of the
    text analysis are pure functions of their arguments and stay warm.
    """
    forget_searchers()
    forget_recognizers()
    yield
    forget_searchers()
    forget_recognizers()


@pytest.fixture(scope="session", autouse=True)
def compiled_locales(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """locales/*/LC_MESSAGES/messages.po compiled into a temporary folder, which every app of the session reads.

    The tests never write .mo files into the repository: ``create_app`` takes its
    default ``BABEL_TRANSLATION_DIRECTORIES`` from ``web.LOCALES_DIR``, pointed here.
    """
    target = tmp_path_factory.mktemp("locales")
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/messages.po")):
        mo = target / po.relative_to(LOCALES).with_suffix(".mo")
        mo.parent.mkdir(parents=True)
        with po.open("rb") as source:
            catalog = read_po(source)
        with mo.open("wb") as compiled:
            write_mo(compiled, catalog)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(web, "LOCALES_DIR", target)
        yield target


@pytest.fixture
def small_termbase_dir() -> Path:
    return FIXTURES / "small"


@pytest.fixture
def broken_termbase_dir() -> Path:
    return FIXTURES / "broken"


def in_ci() -> bool:
    """Whether this run is CI's (GitHub Actions and most others set ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def require_shared(path: Path) -> Path:
    """``path`` if it exists; else a failure under CI, and a skip with the reason on a developer's machine."""
    if path.exists():
        return path
    reason = f"{path} does not exist: these tests need the ../shared folder beside the project (expected at {SHARED})"
    if in_ci():
        pytest.fail(f"{reason}; CI must run them, so check ../shared out before running the tests", pytrace=False)
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    """A file under ../shared, read by a test that carries the ``slow`` marker.

    The marker is checked here so that ``-m "not slow"`` never runs a test
    that depends on ../shared, and a new such test cannot forget it.
    """
    item = _running[0] if _running else None
    if item is not None and item.get_closest_marker("slow") is None:
        pytest.fail(f"{item.nodeid} reads ../shared, so it must be marked @pytest.mark.slow", pytrace=False)
    return require_shared(SHARED.joinpath(*parts))
