"""Search in the sources: sentences found with the term analyzers, and concepts reached through them.

A fact («Женева», «Минск») is in a source sentence that no term names; the
search still leads to the concept the sentence is about, below every term
hit and above full-text hits.  Checked on tests/fixtures/sentences and on
the bundled base.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.model import Concept, Context, Definition, LanguageSection, Note, Source, Term
from glossary.paths import BUNDLED_TERMBASE
from glossary.search.index import build_index
from glossary.search.ranking import SOURCE
from glossary.search.searcher import Searcher
from glossary.search.sentences import SENTENCES_DIR, about, citations
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "sentences"


def _searcher(directory: Path, target: Path) -> Searcher:
    build_index(load_termbase(directory), target, source_dir=directory, lint=False)
    return Searcher(target)


@pytest.fixture(scope="module")
def fixture_searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return _searcher(FIXTURE, tmp_path_factory.mktemp("sentences-index"))


@pytest.fixture(scope="module")
def bundled_searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return _searcher(BUNDLED_TERMBASE, tmp_path_factory.mktemp("bundled-sentences-index"))


def ids(searcher: Searcher, query: str, **options: object) -> list[str]:
    return [hit.concept.id for hit in searcher.search(query, **options).hits]  # type: ignore[arg-type]


def test_each_generation_holds_a_sentence_index(tmp_path: Path) -> None:
    generation = build_index(load_termbase(FIXTURE), tmp_path, lint=False)
    assert (generation / SENTENCES_DIR).is_dir()


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("Женева", ("text", 2)),
        ("женевада", ("text", 2)),  # the inflected form itself
        ("Zheneva", ("text", 2)),  # Latin Kazakh
        ("минск", ("text", 4)),  # inside a hyphen-joined word: органы-Минскідегі
        ("144 ел", ("text", 3)),
        ("1995", ("text", 1)),
    ],
)
def test_sentences_are_found_with_the_term_analyzers(fixture_searcher: Searcher, query: str, where: tuple) -> None:
    hits = fixture_searcher.search_sentences(query).hits
    assert [(hit.source.id, hit.number) for hit in hits] == [where]
    assert hits[0].text == hits[0].source.sentence(where[1])


def test_every_word_of_the_query_must_be_in_the_sentence(fixture_searcher: Searcher) -> None:
    assert fixture_searcher.search_sentences("Женева Минск").total == 0


def test_sentence_search_pages_and_ignores_junk(fixture_searcher: Searcher) -> None:
    everything = fixture_searcher.search_sentences("ұйым")
    assert everything.total == 2  # sentences 1 and 5
    second = fixture_searcher.search_sentences("ұйым", limit=1, offset=1)
    assert [hit.number for hit in second.hits] == [everything.hits[1].number]
    assert fixture_searcher.search_sentences("\x00 \u202e").hits == []
    assert fixture_searcher.search_sentences("Женева", lang="xx").hits == []


def test_a_sentence_is_about_its_citers_or_the_topic_it_continues(fixture_searcher: Searcher) -> None:
    by_number = {hit.number: hit.concept_ids for hit in fixture_searcher.search_sentences("ұйым").hits}
    assert by_number[1] == ("org-wto",)  # cited by the definition
    geneva = fixture_searcher.search_sentences("Женева").hits[0]
    assert geneva.concept_ids == ("org-wto",)  # cited by neither, between two sentences on the WTO
    minsk = fixture_searcher.search_sentences("Минск").hits[0]
    assert minsk.concept_ids == ("org-easc-bureau", "org-easc")  # a definition before a context


def test_citations_rank_definitions_before_contexts_before_notes() -> None:
    cited = Source("t", 1)
    concepts = [
        Concept("by-note", notes=(Note("x", "en", (cited,)),)),
        Concept("by-context", languages={"kk": LanguageSection("kk", (Term("a", contexts=(Context("a", cited),)),))}),
        Concept("by-definition", languages={"kk": LanguageSection("kk", (), Definition("d", cited))}),
    ]
    assert citations(concepts)[cited] == ["by-definition", "by-context", "by-note"]
    assert about("t", 3, {Source("t", 1): ["a", "b"], Source("t", 3): ["b"]}) == [["a", "b"], ["b"], ["b"]]
    assert about("t", 2, {Source("t", 1): ["a"]}) == [["a"], []]  # the last sentence has one neighbour


def test_a_fact_leads_to_its_concept_above_full_text_hits(fixture_searcher: Searcher) -> None:
    # org-who's note mentions Женева too: a full-text hit, ranked under the concept the source links.
    result = fixture_searcher.search("Женева")
    assert [(hit.concept.id, hit.matched.how) for hit in result.hits] == [
        ("org-wto", "source"),
        ("org-who", "fulltext"),
    ]
    assert result.total == 2
    assert ids(fixture_searcher, "Минск") == ["org-easc-bureau", "org-easc"]


def test_term_hits_are_not_mixed_with_source_hits(fixture_searcher: Searcher) -> None:
    # «ұйым» is a word of terms: the sentences on it do not add concepts through the sources.
    assert all(hit.matched.how != "source" for hit in fixture_searcher.search("ұйым", limit=50).hits)


def test_source_hits_obey_the_filters(fixture_searcher: Searcher) -> None:
    assert ids(fixture_searcher, "Минск", subjects=["organizations"]) == ["org-easc-bureau", "org-easc"]
    assert ids(fixture_searcher, "Минск", statuses=["deprecated"]) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Женева", {"org-wto"}), ("Минск", {"org-cis-isc", "org-easc-bureau"})],
)
def test_bundled_facts_lead_to_their_concepts(bundled_searcher: Searcher, query: str, expected: set[str]) -> None:
    hits = bundled_searcher.search(query).hits
    leading = {hit.concept.id for hit in hits[: len(expected)]}
    assert leading == expected
    assert all(hit.score >= SOURCE for hit in hits[: len(expected)])  # ranked by the sources, above full text


def test_bundled_sentence_search_names_the_source_sentence(bundled_searcher: Searcher) -> None:
    hits = bundled_searcher.search_sentences("Женева").hits
    assert [(hit.source.id, hit.number, hit.text) for hit in hits] == [("seed-000", 68, "Бас кеңсесі Женевада")]
