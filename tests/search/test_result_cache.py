"""The per-worker result cache: repeats are served from it, every argument is part of its key, a swap empties it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary.search.index import build_index
from glossary.search.result_cache import ResultCache
from glossary.search.searcher import Searcher
from glossary.termbase.load import load_termbase

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "search"

NEW_CONCEPT = """\
id: quality-mark
languages:
  en:
    terms:
      - {text: quality mark, type: fullForm, status: preferred}
"""


@pytest.fixture
def termbase_dir(tmp_path: Path) -> Path:
    target = tmp_path / "termbase"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def searcher(termbase_dir: Path, tmp_path: Path) -> Searcher:
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase_dir), index_dir, source_dir=termbase_dir)
    return Searcher(index_dir)


def test_a_repeated_query_is_answered_from_the_cache(searcher: Searcher) -> None:
    first = searcher.search("ISO")
    again = searcher.search("  ISO ")  # cleaned to the same query
    assert again is first
    assert (searcher.result_cache.hits, searcher.result_cache.misses) == (1, 1)


@pytest.mark.parametrize(
    "options",
    [{"lang": "en"}, {"limit": 1}, {"offset": 1}, {"statuses": ["preferred"]}, {"subjects": ["organizations"]}],
)
def test_every_argument_that_changes_the_result_is_part_of_the_key(searcher: Searcher, options: dict) -> None:
    plain = searcher.search("стандарт")
    varied = searcher.search("стандарт", **options)
    assert varied is not plain
    assert searcher.search("стандарт", **options) is varied


def test_a_new_generation_empties_the_cache(searcher: Searcher, termbase_dir: Path) -> None:
    assert searcher.search("quality mark").hits == []
    (termbase_dir / "concepts" / "quality-mark.yaml").write_text(NEW_CONCEPT, encoding="utf-8")
    build_index(load_termbase(termbase_dir), searcher.index_dir, source_dir=termbase_dir)
    searcher.refresh()
    assert [hit.concept.id for hit in searcher.search("quality mark").hits] == ["quality-mark"]


def test_the_cache_forgets_the_least_recently_used_entry() -> None:
    cache: ResultCache[str] = ResultCache(size=2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"  # a is now the most recent
    cache.put("c", "C")
    assert (cache.get("b"), cache.get("a"), cache.get("c"), len(cache)) == (None, "A", "C", 2)


def test_a_cache_of_size_zero_keeps_nothing() -> None:
    cache: ResultCache[str] = ResultCache(size=0)
    cache.put("a", "A")
    assert cache.get("a") is None


def test_a_searcher_without_a_result_cache_searches_every_time(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    build_index(load_termbase(FIXTURE), index_dir, source_dir=FIXTURE)
    searcher = Searcher(index_dir, result_cache_size=0)
    first, again = searcher.search("ISO"), searcher.search("ISO")
    assert first is not again and first == again
