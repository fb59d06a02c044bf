"""Fixtures for the page tests: an index built from a fixture term base, and an app over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import FIXTURES
from tests.web.support import WEB_FIXTURE, build
from web import create_app


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(WEB_FIXTURE, tmp_path_factory.mktemp("web-index"))


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(FIXTURES / "small", tmp_path_factory.mktemp("small-index"))


@pytest.fixture
def app(web_index: Path) -> Flask:
    return create_app({"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(web_index)})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated base of 1,500 concepts (tests/web/big_base.py): letters and subjects span several pages."""
    from tests.web.big_base import build_big

    return build_big(tmp_path_factory.mktemp("big-index"))
