"""The about, browse, letter and subject pages read O(page) of the index per request, never all of it.

A spy counts what the readers hand out: stored documents and terms of
Whoosh's term dictionary, and the keys of the listing files (A–Z, subjects,
autocomplete: see :mod:`glossary.search.sorted_keys`).  On a base of 1,500
concepts (about 4,900 terms) a page that scanned the index would read
thousands of any of them; each of these pages must stay within a few pages'
worth.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from whoosh import index as whoosh_index
from whoosh.reading import IndexReader, MultiReader, SegmentReader

from glossary.search.browse import COMPLETE, browse_field
from glossary.search.index import LISTINGS, live_generation
from glossary.search.keys import prefix_keys
from glossary.search.searcher import SUGGEST_SCAN, Searcher
from glossary.search.sorted_keys import SortedKeys
from web import create_app
from web.pages.browse import PAGE_SIZE

#: A page may read its own entries, one more to see where they end, and a binary search's probes.
BUDGET = 2 * PAGE_SIZE + 64

PAGES = [
    "/en/about",
    "/en/about.json",
    "/en/browse/",
    "/en/browse.json",
    "/en/browse/kk/а",
    "/en/browse/kk/а?page=3",
    "/en/browse/kk/а.json?page=2",
    "/en/browse/kk/а?from=аә",
    "/en/browse/kk/щ",
    "/en/browse/kk/ө",  # the last letter of the field in UTF-8 order: its page ends where the field does
    "/en/browse/ru/ё",
    "/en/browse/en/z",
    "/en/browse/en/%23",
    "/en/browse/ru/б",
    "/kk/subjects/physics",
    "/kk/subjects/physics?page=4",
    "/ru/subjects/law.json",
    "/en/subjects/empty-field",
    "/ru/subjects/physics?page=8",  # the last page of the listing field's last subject and language
]


class Spy:
    """Counts the documents and dictionary terms the readers give out while it is on."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.on = False

    def count(self, what: str, items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            if self.on:
                self.counts[what] += 1
            yield item


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    watcher = Spy()
    for cls in (SegmentReader, MultiReader, IndexReader):
        for name in ("terms_from", "iter_from", "all_terms", "all_doc_ids", "iter_docs", "all_stored_fields"):
            original = cls.__dict__.get(name)
            if original is None:
                continue

            def wrapped(self: Any, *args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
                return watcher.count(_name, _original(self, *args, **kwargs))

            monkeypatch.setattr(cls, name, wrapped)
        stored = cls.__dict__.get("stored_fields")
        if stored is not None:

            def stored_fields(self: Any, docnum: int, _original: Any = stored) -> Any:
                if watcher.on:
                    watcher.counts["stored_fields"] += 1
                return _original(self, docnum)

            monkeypatch.setattr(cls, "stored_fields", stored_fields)
    for name in ("keys_from", "expand_prefix", "raw_keys", "__iter__"):
        original = SortedKeys.__dict__[name]

        def listed(self: Any, *args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            return watcher.count(f"listing.{_name}", _original(self, *args, **kwargs))

        monkeypatch.setattr(SortedKeys, name, listed)
    getitem = SortedKeys.__dict__["__getitem__"]

    def key_at(self: Any, index: int) -> Any:
        if watcher.on:
            watcher.counts["listing.__getitem__"] += 1
        return getitem(self, index)

    monkeypatch.setattr(SortedKeys, "__getitem__", key_at)

    def no_walk(self: Searcher) -> Iterator[Any]:
        raise AssertionError("a page walked every concept of the index")

    monkeypatch.setattr(Searcher, "concepts", no_walk)
    return watcher


@pytest.fixture
def big_client(big_index: Path) -> FlaskClient:
    return create_app({"TESTING": True, "INDEX_DIR": str(big_index)}).test_client()


@pytest.mark.parametrize("path", PAGES)
def test_page_reads_at_most_a_page_of_the_index(big_client: FlaskClient, spy: Spy, path: str) -> None:
    assert big_client.get("/en/").status_code == 200  # opens the searcher, outside the count
    spy.on = True
    response = big_client.get(path)
    spy.on = False
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert spy.counts["stored_fields"] == 0, spy.counts
    assert sum(spy.counts.values()) <= BUDGET, spy.counts


def test_autocomplete_reads_a_bounded_number_of_keys(big_client: FlaskClient, spy: Spy, big_index: Path) -> None:
    """A one-letter prefix matches most of a letter; autocomplete reads SUGGEST_SCAN keys per lookup key, no more."""
    generation = live_generation(big_index)
    assert generation is not None
    with SortedKeys(generation / LISTINGS / f"{COMPLETE}.keys") as keys:
        matching = sum(1 for _ in keys.expand_prefix("а"))
    assert matching > 2 * SUGGEST_SCAN
    assert big_client.get("/en/").status_code == 200
    spy.on = True
    response = big_client.get("/api/v1/suggest?q=%D0%B0")
    spy.on = False
    assert response.status_code == 200 and response.get_json()
    assert spy.counts["stored_fields"] == 0, spy.counts
    assert 0 < sum(spy.counts.values()) <= len(prefix_keys("а")) * (SUGGEST_SCAN + 1), spy.counts


def test_the_spy_sees_a_scan(big_client: FlaskClient, spy: Spy, big_index: Path) -> None:
    """The spy is not blind: walking the documents the old way is counted, and far over the budget."""
    generation = live_generation(big_index)
    assert generation is not None
    with whoosh_index.open_dir(str(generation)).reader() as reader:
        spy.on = True
        walked = sum(1 for _ in reader.all_stored_fields())  # the scan the pages did per request
        spy.on = False
    assert walked == 1500
    assert sum(spy.counts.values()) > 5 * BUDGET, spy.counts


@pytest.mark.parametrize("walk", ["keys_from", "iter", "expand_prefix"])
def test_the_spy_sees_a_listing_walk(big_client: FlaskClient, spy: Spy, big_index: Path, walk: str) -> None:
    """Reading a listing file to its end, whichever way, is counted, and far over the budget."""
    generation = live_generation(big_index)
    assert generation is not None
    with SortedKeys(generation / LISTINGS / f"{browse_field('kk')}.keys") as keys:
        spy.on = True
        if walk == "keys_from":
            walked = sum(1 for _ in keys.keys_from(""))
        elif walk == "iter":
            walked = sum(1 for _ in keys)
        else:
            walked = sum(1 for _ in keys.expand_prefix(""))
        spy.on = False
    assert walked > 1500
    assert sum(spy.counts.values()) >= walked > 5 * BUDGET, spy.counts


def test_a_letter_spans_several_pages_so_the_budget_means_something(big_client: FlaskClient) -> None:
    page = big_client.get("/en/browse/kk/а.json").get_json()
    assert page["pages"] >= 5 and page["total"] > 4 * PAGE_SIZE
    subject = big_client.get("/en/subjects/physics.json").get_json()
    assert subject["pages"] >= 7
