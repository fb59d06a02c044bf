"""Search mechanics on tests/fixtures/search: levels, ambiguity, filters, safety, autocomplete, paging."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.search.index import build_index
from glossary.search.searcher import Searcher
from glossary.termbase.load import load_termbase

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "search"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    index_dir = tmp_path_factory.mktemp("search-index")
    build_index(load_termbase(FIXTURE), index_dir, source_dir=FIXTURE)
    return Searcher(index_dir)


def ids(searcher: Searcher, query: str, **options: object) -> list[str]:
    return [hit.concept.id for hit in searcher.search(query, **options).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "concept_id", "lang", "how"),
    [
        ("ISO", "iso", "en", "exact"),
        ("технический комитет", "technical-committee", "ru", "exact"),
        ("стандарттың", "standard", "kk", "lemma"),
        ("международного стандарта", "international-standard", "ru", "lemma"),
        ("halyqaralyq standart", "international-standard", "kk", "folded"),
        ("техникалык комитет", "technical-committee", "kk", "folded"),
        ("electrotechnicl commission", "iec", "en", "fuzzy"),
        ("жұмыс органы", "technical-committee", "kk", "fulltext"),
    ],
)
def test_each_hit_says_in_which_language_and_how_it_matched(
    searcher: Searcher, query: str, concept_id: str, lang: str, how: str
) -> None:
    best = searcher.search(query).hits[0]
    assert best.concept.id == concept_id
    assert (best.matched.lang, best.matched.how) == (lang, how)
    assert best.matched.term in {t.text for _, t in best.concept.terms(lang)}


def test_levels_rank_in_order_exact_then_partial_then_full_text(searcher: Searcher) -> None:
    result = searcher.search("стандарт")
    found = [hit.concept.id for hit in result.hits]
    assert found[0] == "standard"
    assert found.index("international-standard") < found.index("iec"), "a term containing the word beats a definition"
    assert "standardization" not in found[:2], "стандарттау is a different word from стандарт"
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert result.total >= len(result.hits)


def test_an_ambiguous_abbreviation_shows_every_concept_it_can_mean(searcher: Searcher) -> None:
    hits = searcher.search("ТК").hits
    assert {h.concept.id for h in hits[:2]} == {"technical-committee", "labour-code"}
    assert all(h.matched.how == "exact" for h in hits[:2])


def test_filters_by_subject_with_its_sub_fields_status_and_language(searcher: Searcher) -> None:
    assert ids(searcher, "ТК", subjects=["law"]) == ["labour-code"]
    assert ids(searcher, "ТК", subjects=["standardization"]) == ["technical-committee"], "organizations is a sub-field"
    assert ids(searcher, "нормализация", statuses=["deprecated"]) == ["standardization"]
    assert ids(searcher, "ISO", statuses=["deprecated"]) == []
    assert ids(searcher, "ТК", lang="en") == []
    assert ids(searcher, "TC", lang="en") == ["technical-committee"]
    assert ids(searcher, "ТК", lang="xx") == []


def test_paging_returns_the_same_ranking_in_slices(searcher: Searcher) -> None:
    everything = ids(searcher, "стандарт", limit=50)
    assert len(everything) >= 3
    assert ids(searcher, "стандарт", limit=1, offset=1) == everything[1:2]
    assert ids(searcher, "стандарт", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"ISO',
        "(ISO",
        "ISO)",
        "[ТК]",
        "{x}",
        "*",
        "стан*",
        "ISO~2",
        "ISO AND OR NOT",
        "AND",
        "field:value",
        "^ ? \\ / : ! -",
        "x" * 10_000,
        "стандарт " * 2000,
        "\x00\x01\x1f\x7f",
        "\u200b\u202e",
        "",
        "   ",
        "💥",
    ],
)
def test_any_query_is_safe(searcher: Searcher, query: str) -> None:
    result = searcher.search(query)
    assert result.total >= len(result.hits)
    assert len(result.query) <= 200
    searcher.suggest(query)


def test_special_characters_do_not_hide_the_words(searcher: Searcher) -> None:
    assert ids(searcher, '"ISO"')[0] == "iso"
    assert ids(searcher, "(стандарт)")[0] == "standard"


def test_did_you_mean_when_nothing_is_found(searcher: Searcher) -> None:
    result = searcher.search("стндрт")  # two edits in six letters: more than a hit may have, enough for a hint
    assert result.hits == []
    assert result.did_you_mean == "стандарт"
    assert searcher.search("qqqqqqqq").did_you_mean is None


def test_a_fuzzy_best_hit_also_offers_the_correction(searcher: Searcher) -> None:
    result = searcher.search("стнадарт")
    assert result.hits[0].concept.id == "standard"
    assert result.did_you_mean == "стандарт"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("стан", "стандарт"),
        ("халықар", "халықаралық стандарт"),
        ("халыкар", "халықаралық стандарт"),  # Russian keyboard
        ("halyqar", "халықаралық стандарт"),  # Latin
        ("техникалы", "техникалық комитет"),
        ("Inter", "International Electrotechnical Commission"),
        ("ИС", "ИСО"),
        ("is", "ISO"),
    ],
)
def test_autocomplete_any_prefix_in_any_script(searcher: Searcher, prefix: str, expected: str) -> None:
    texts = [s.text for s in searcher.suggest(prefix)]
    assert expected in texts
    assert len(texts) <= 10


def test_autocomplete_ranks_shorter_completions_first_and_filters_by_language(searcher: Searcher) -> None:
    texts = [s.text for s in searcher.suggest("стандарт")]
    assert texts[0] == "стандарт"
    assert texts.index("стандарт") < texts.index("стандарттау")
    assert {s.lang for s in searcher.suggest("Inter", lang="en")} == {"en"}
    assert len(searcher.suggest("с", limit=3)) == 3
    found = searcher.suggest("ИСО")
    assert {(s.concept_id, s.lang) for s in found} >= {("iso", "kk")}


def test_a_filter_that_matches_nothing_finds_nothing(searcher: Searcher) -> None:
    assert ids(searcher, "стандарт", subjects=["no-such-subject"]) == []
    assert ids(searcher, "стандрт", statuses=["superseded"]) == []
    assert ids(searcher, "жұмыс органы", subjects=["law"]) == []
