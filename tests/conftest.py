"""Shared fixtures: small term bases, clean per-process caches and compiled catalogues.

``shared_path`` and ``SHARED`` are re-exported from :mod:`tests.shared_data` for the test modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import web
from tests.shared_data import SHARED, end_test, shared_path, start_test
from web.services import forget_recognizers, forget_searchers

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LOCALES = ROOT / "locales"

__all__ = ["FIXTURES", "LOCALES", "ROOT", "SHARED", "shared_path"]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    start_test(item)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    end_test()


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
