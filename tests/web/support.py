"""Helpers shared by the page tests and the browser tests: the web fixture and a built index."""

from __future__ import annotations

from pathlib import Path

from glossary.search.index import build_index
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

WEB_FIXTURE = FIXTURES / "web"


def build(termbase: Path, target: Path) -> Path:
    """Index ``termbase`` into ``target``; the catalogues come from the ``compiled_locales`` fixture."""
    build_index(load_termbase(termbase), target, source_dir=termbase)
    return target
