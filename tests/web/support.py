"""Helpers shared by the page tests and the browser tests: compiled catalogues and a built index."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from glossary.search.index import build_index
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES, ROOT

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
    """Index ``termbase`` into ``target``, with the catalogues compiled for the app."""
    compile_catalogues()
    build_index(load_termbase(termbase), target, source_dir=termbase)
    return target
