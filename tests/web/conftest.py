"""Fixtures for the page tests: an index built from a fixture term base, compiled catalogues, an app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask
from flask.testing import FlaskClient

from glossary.index import build_index
from glossary.termbase import load_termbase
from tests.conftest import FIXTURES, ROOT
from web import create_app
from web.searcher import forget_searchers

LOCALES = ROOT / "locales"
WEB_FIXTURE = FIXTURES / "web"


def compile_catalogues() -> None:
    """Compile each messages.po to .mo when the .mo is missing or older (scripts/setup does the same)."""
    for po in LOCALES.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source:
                catalog = read_po(source)
            with mo.open("wb") as target:
                write_mo(target, catalog)


def build(termbase: Path, target: Path) -> Path:
    build_index(load_termbase(termbase), target, source_dir=termbase)
    return target


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compile_catalogues()
    return build(WEB_FIXTURE, tmp_path_factory.mktemp("web-index"))


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compile_catalogues()
    return build(FIXTURES / "small", tmp_path_factory.mktemp("small-index"))


@pytest.fixture
def app(web_index: Path) -> Iterator[Flask]:
    yield create_app({"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(web_index)})
    forget_searchers()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
