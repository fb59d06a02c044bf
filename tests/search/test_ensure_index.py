"""ensure_index builds only when the index is missing or stale, and reads the YAML only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary import search
from glossary.model import Termbase
from glossary.search import IndexMissing, Searcher, ensure_index, index_is_stale
from glossary.search.index import live_generation
from glossary.termbase import TermbaseInvalid, load_termbase
from tests.conftest import FIXTURES


@pytest.fixture
def termbase_copy(tmp_path: Path) -> Path:
    target = tmp_path / "termbase"
    shutil.copytree(FIXTURES / "search", target)
    return target


def test_the_package_exports_its_public_api() -> None:
    assert set(search.__all__) == {"IndexMissing", "Searcher", "build_index", "ensure_index", "index_is_stale"}


def test_builds_when_missing_then_not_until_the_yaml_changes(termbase_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with pytest.raises(IndexMissing):
        Searcher(index_dir)
    assert ensure_index(termbase_copy, index_dir) is True
    first = live_generation(index_dir)
    assert not index_is_stale(termbase_copy, index_dir)
    assert len(list(Searcher(index_dir).concepts())) == len(load_termbase(termbase_copy))
    assert ensure_index(termbase_copy, index_dir) is False
    assert live_generation(index_dir) == first
    (termbase_copy / "termbase.yaml").write_text("name: Renamed\n", encoding="utf-8")
    assert ensure_index(termbase_copy, index_dir) is True
    assert live_generation(index_dir) != first
    assert Searcher(index_dir).info.name == "Renamed"


def test_the_loader_is_called_only_when_a_build_is_needed(termbase_copy: Path, tmp_path: Path) -> None:
    calls: list[Path] = []

    def load(path: Path) -> Termbase:
        calls.append(path)
        return load_termbase(path)

    index_dir = tmp_path / "index"
    assert ensure_index(termbase_copy, index_dir, load=load, procs=2) is True
    assert ensure_index(termbase_copy, index_dir, load=load) is False
    assert calls == [termbase_copy]


def test_a_broken_term_base_raises_and_builds_nothing(broken_termbase_dir: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with pytest.raises(TermbaseInvalid):
        ensure_index(broken_termbase_dir, index_dir)
    assert live_generation(index_dir) is None
