"""Language ranges as people type them, matched to a term base's real tags (RFC 4647)."""

from __future__ import annotations

import pytest

from glossary.languages import UnknownLanguage, best_language, find_language, match_languages, split_ranges

SUSE_LIKE = ("en-us", "de-de", "de-at", "es-419", "es-es", "pt-br", "zh-cn", "zh-tw", "sv")


def test_a_range_selects_every_tag_it_is_a_prefix_of() -> None:
    # RFC 4647 §3.3.1: "de" matches "de", "de-DE", "de-Latn-DE", ... but not "den" or "deu"
    assert match_languages(["de"], ("de-DE", "de-Latn-DE", "de-Deva", "den", "deu", "en")) == [
        "de-DE",
        "de-Latn-DE",
        "de-Deva",
    ]
    assert match_languages(["en", "de"], SUSE_LIKE) == ["en-us", "de-de", "de-at"]
    assert match_languages(["zh"], SUSE_LIKE) == ["zh-cn", "zh-tw"]


def test_matching_ignores_case_and_reads_an_underscore_as_a_hyphen() -> None:
    assert match_languages(["en-US"], SUSE_LIKE) == ["en-us"]
    assert match_languages(["DE"], SUSE_LIKE) == ["de-de", "de-at"]
    assert match_languages(["pt_BR"], SUSE_LIKE) == ["pt-br"]
    assert best_language("EN-us", SUSE_LIKE) == "en-us"
    assert match_languages(["kk"], ("KK", "ru")) == ["KK"]  # the base's own spelling comes back


def test_an_exact_tag_wins_over_a_prefix_match() -> None:
    available = ("de-at", "de", "de-de")
    assert match_languages(["de"], available) == ["de"]
    assert best_language("de", available) == "de"
    assert best_language("de", ("de-at", "de-de")) == "de-at"  # else the first in the base's order
    assert match_languages(["de-de"], available) == ["de-de"]


def test_lookup_truncates_a_longer_range_to_a_tag_the_base_has() -> None:
    # RFC 4647 §3.4: de-ch-1996 → de-ch → de; a singleton is dropped with the subtag it introduces
    assert best_language("de-CH-1996", ("en", "de")) == "de"
    assert best_language("kk-Cyrl-KZ", ("kk", "ru", "en")) == "kk"
    assert best_language("zh-Hant-CN-x-private1", ("zh-hant", "zh")) == "zh-hant"
    assert match_languages(["en-GB"], ("en", "en-us")) == ["en"]
    assert find_language("en-GB", ("en-us",)) is None  # a sibling region is not a match


def test_the_wildcard_selects_every_tag_but_is_not_one_language() -> None:
    assert match_languages(["*"], SUSE_LIKE) == list(SUSE_LIKE)
    assert find_language("*", SUSE_LIKE) is None
    with pytest.raises(UnknownLanguage):
        best_language("*", SUSE_LIKE)


def test_ranges_keep_their_order_and_select_a_tag_once() -> None:
    assert match_languages(["de-at", "de", "en"], SUSE_LIKE) == ["de-at", "de-de", "en-us"]
    assert match_languages(["", " en "], SUSE_LIKE) == ["en-us"]
    assert match_languages([], SUSE_LIKE) == []


def test_a_range_that_matches_nothing_names_itself_and_the_tags_there_are() -> None:
    with pytest.raises(UnknownLanguage) as caught:
        match_languages(["en", "fr"], SUSE_LIKE)
    assert caught.value.language_range == "fr"
    assert str(caught.value) == f"no language matches 'fr'; available: {', '.join(SUSE_LIKE)}"
    assert find_language("d", ("de",)) is None  # a range matches whole subtags only
    assert find_language("deu", ("de",)) is None
    with pytest.raises(UnknownLanguage, match="available: kk, ru, en"):
        best_language("fr", ("kk", "ru", "en"))


def test_split_ranges_accepts_repeated_and_comma_separated_values() -> None:
    assert split_ranges(["en,de", None, " kk ", ",,"]) == ["en", "de", "kk"]
