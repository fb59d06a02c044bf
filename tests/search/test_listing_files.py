"""A build writes the listing keys as sorted key files, not Whoosh terms; the searcher maps them per generation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from glossary.model import Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.search.browse import COMPLETE, SUBJECT_ORDER, browse_field, listing_fields
from glossary.search.index import LISTINGS, build_index, live_generation
from glossary.search.searcher import IndexMissing, Searcher
from glossary.search.sorted_keys import SUFFIX, CorruptKeys, SortedKeys
from glossary.termbase.load import load_termbase


@pytest.fixture(scope="module")
def bundled() -> Termbase:
    return load_termbase(BUNDLED_TERMBASE)


def listing_bytes(generation: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((generation / LISTINGS).iterdir())}


def test_each_listing_field_is_one_sorted_file_and_no_whoosh_field(bundled: Termbase, tmp_path: Path) -> None:
    generation = build_index(bundled, tmp_path / "one", lint=False)
    languages = bundled.used_languages()
    assert sorted(listing_bytes(generation)) == sorted(f"{field}{SUFFIX}" for field in listing_fields(languages))
    ix = whoosh_index.open_dir(str(generation))
    schema = ix.schema
    ix.close()
    for field in listing_fields(languages):
        assert field not in schema
    with SortedKeys(generation / LISTINGS / f"{COMPLETE}{SUFFIX}") as complete:
        assert len(complete) == sum(1 for concept in bundled for _ in concept.terms())
        assert list(complete) == sorted(complete)
    with SortedKeys(generation / LISTINGS / f"{browse_field('kk')}{SUFFIX}") as browse:
        assert len(browse) == sum(1 for concept in bundled for _ in concept.terms("kk"))
    with SortedKeys(generation / LISTINGS / f"{SUBJECT_ORDER}{SUFFIX}") as subjects:
        pairs = sum(len(set(concept.subjects)) for concept in bundled)
        assert len(subjects) == pairs * len(languages)


def test_a_multisegment_build_writes_the_same_files(bundled: Termbase, tmp_path: Path) -> None:
    one = build_index(bundled, tmp_path / "one", lint=False)
    multi = build_index(bundled, tmp_path / "multi", lint=False, procs=2, multisegment=True)
    with whoosh_index.open_dir(str(multi)).reader() as reader:
        assert len(reader.leaf_readers()) > 1
    assert listing_bytes(multi) == listing_bytes(one)


def test_a_generation_without_listing_files_is_of_an_older_version(bundled: Termbase, tmp_path: Path) -> None:
    generation = build_index(bundled, tmp_path, lint=False)
    shutil.rmtree(generation / LISTINGS)
    with pytest.raises(IndexMissing, match="older version"):
        Searcher(tmp_path)


def test_a_damaged_listing_file_is_an_error_naming_it(bundled: Termbase, tmp_path: Path) -> None:
    generation = build_index(bundled, tmp_path, lint=False)
    path = generation / LISTINGS / f"{COMPLETE}{SUFFIX}"
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(CorruptKeys, match=re.escape(str(path))):
        Searcher(tmp_path)


def test_the_searcher_closes_a_generations_files_on_refresh_and_close(bundled: Termbase, tmp_path: Path) -> None:
    build_index(bundled, tmp_path, lint=False)
    searcher = Searcher(tmp_path)
    first = dict(searcher._listings)  # what it holds open is the point here
    assert first and not any(keys.closed for keys in first.values())
    assert searcher.suggest("станд")
    build_index(bundled, tmp_path, lint=False)
    searcher.refresh()
    assert all(keys.closed for keys in first.values())
    assert searcher.suggest("станд")
    assert searcher.browse_letter("kk", "с", limit=3)
    second = dict(searcher._listings)
    searcher.close()
    assert all(keys.closed for keys in second.values())
    assert live_generation(tmp_path) is not None
