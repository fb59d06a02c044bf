"""The reliability filter: a concept passes when any of its terms is rated at least the minimum."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.model import Concept, LanguageSection, Term
from glossary.search.index import build_index, concept_document
from glossary.search.searcher import Searcher
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    index_dir = tmp_path_factory.mktemp("reliability-index")
    build_index(load_termbase(SMALL), index_dir, source_dir=SMALL)
    return Searcher(index_dir)


def test_the_index_holds_every_level_the_best_term_reaches() -> None:
    terms = (Term("a", reliability=3), Term("b", reliability=7), Term("c"))
    concept = Concept("x", languages={"en": LanguageSection("en", terms)})
    assert concept_document(concept)["reliability"] == ["1", "2", "3", "4", "5", "6", "7"]
    unrated = Concept("y", languages={"en": LanguageSection("en", (Term("c"),))})
    assert "reliability" not in concept_document(unrated)


def test_any_rated_term_lets_its_concept_pass(searcher: Searcher) -> None:
    every = {hit.concept.id for hit in searcher.search("ISO").hits}
    assert {"iso", "iso-council"} <= every
    # iso: kk full form 9, en full form and ru acronym 10; the match is the unrated en acronym "ISO".
    assert [hit.concept.id for hit in searcher.search("ISO", min_reliability=10).hits] == ["iso"]
    assert [hit.concept.id for hit in searcher.search("ISO", min_reliability=1).hits] == ["iso"]
    assert searcher.search("ISO Council", min_reliability=1).hits == []


def test_the_filter_combines_with_the_others(searcher: Searcher) -> None:
    assert searcher.search("ISO", min_reliability=10, statuses=["deprecated"]).hits == []


def test_the_cli_option(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["search", "--termbase", str(SMALL), "--index", str(tmp_path), "ISO", "--json"]
    result = runner.invoke(main, [*base, "--min-reliability", "10"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output[result.output.index("{") :])
    assert [r["id"] for r in body["results"]] == ["iso"]
    assert {t["text"]: t.get("reliability") for t in body["results"][0]["terms"]["en"]} == {
        "International Organization for Standardization": 10,
        "ISO": None,
    }
    refused = runner.invoke(main, [*base, "--min-reliability", "11"])
    assert refused.exit_code == 2 and "--min-reliability" in refused.output
