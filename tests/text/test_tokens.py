import csv

import pytest

from glossary.text.lemmatize import lemma
from glossary.text.tokens import AnalyzedToken, Token, analyze, folded_key, tokenize
from tests.conftest import shared_path


def test_offsets_point_into_the_original_text():
    text = "  ИСО-ның «стандарттары»,  ISO/IEC 9001:2015 және 1.0-92!"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["ИСО-ның", "стандарттары", "ISO/IEC", "9001:2015", "және", "1.0-92"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_apostrophes_join_and_trailing_punctuation_does_not():
    assert [t.text for t in tokenize("O'Brien's g'ylym. Сөз-")] == ["O'Brien's", "g'ylym", "Сөз"]


def test_numbers_keep_decimal_separators_only_between_digits():
    assert [t.text for t in tokenize("3,5 мм. Бөлім 2.")] == ["3,5", "мм", "Бөлім", "2"]


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\x1b[0m", "😀👍🏽", "x" * 10_000, "-" * 10_000, "а\u0301", "a'" * 5_000, "ИСО-" * 2_000 + "ның"],
)
@pytest.mark.parametrize("lang", ["kk", "ru", "en", "de"])
def test_any_input_is_safe(text, lang):
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    analyzed = analyze(text, lang)
    assert [(t.text, t.start, t.end) for t in analyzed] == [(t.text, t.start, t.end) for t in tokens]


def test_token_is_frozen():
    token = Token("a", 0, 1)
    with pytest.raises(AttributeError):
        token.text = "b"  # type: ignore[misc]


def test_analyze_gives_lemma_and_folded_key():
    assert analyze("Стандарттардың", "kk") == [AnalyzedToken("Стандарттардың", 0, 14, "стандарт", "стандарт")]
    assert analyze("стандартизации", "ru")[0].lemma == "стандартизация"
    assert analyze("Committees", "en")[0].folded == "committee"


@pytest.mark.parametrize(
    "typed", ["halyqaralyq standart", "халыкаралык стандарт", "khalykaralyk standarttar", "Halyqaralyq standarttardyñ"]
)
def test_kazakh_typed_in_latin_or_without_kazakh_letters_meets_the_term(typed):
    term_keys = [t.folded for t in analyze("халықаралық стандарт", "kk")]
    assert [t.folded for t in analyze(typed, "kk")] == term_keys


def test_soft_hyphen_and_zero_width_characters_stay_inside_the_word():
    text = "стандар\u00adттардың ISO\u200b9001"
    tokens = analyze(text, "kk")
    assert [t.text for t in tokens] == ["стандар\u00adттардың", "ISO\u200b9001"]
    assert tokens[0].lemma == "стандарт" and tokens[0].folded == "стандарт"
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_word_keys_are_cached_per_language_and_equal_an_uncached_analysis():
    text = "Халықаралық стандарттау ұйымының стандарттары"
    kk = [(t.lemma, t.folded) for t in analyze(text, "kk")]
    assert kk == [
        ("халықаралық", "халыкаралык"),
        ("стандарттау", "стандарттау"),
        ("ұйым", "уиым"),
        ("стандарт", "стандарт"),
    ]
    # The cache is keyed by language too: read as English, the same word is not given its Kazakh keys.
    assert analyze(text, "en")[3].lemma == "стандарттары"
    assert [(t.lemma, t.folded) for t in analyze(text, "kk")] == kk
    uncached = [(lemma.__wrapped__(t.text, "kk"), folded_key.__wrapped__(t.text, "kk")) for t in tokenize(text)]
    assert uncached == kk


def test_kazakh_key_is_stable_when_a_dictionary_form_looks_inflected():
    # сауда (trade) reads like сау-да; its real inflections must still share its key
    keys = {analyze(word, "kk")[0].folded for word in ("сауда", "саудадағы", "саудаға", "саудасы")}
    assert len(keys) == 1


@pytest.mark.slow
def test_every_form_in_the_shared_list_shares_its_lemmas_key():
    with shared_path("nlp", "kk_forms.tsv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    wrong = [row[0] for row in rows if analyze(row[0], "kk")[0].folded != analyze(row[1], "kk")[0].folded]
    assert wrong == []


def test_short_upper_case_abbreviation_keeps_its_key():
    assert analyze("ТМД", "kk")[0].folded == "тмд"
    assert analyze("ИСО-ның", "kk")[0].folded == analyze("ISO", "kk")[0].folded == "исо"
