import pytest

from glossary.text.fold import fold
from glossary.text.translit import has_latin, kk_to_latin, latin_to_kk


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Қазақстан Республикасы", "Qazaqstan Respublikasy"),
        ("халықаралық стандарт", "halyqaralyq standart"),
        ("бір данышпан кісі", "bır danyşpan kısı"),
        ("үйіне келіп қоныпты", "üiıne kelıp qonypty"),
        ("ұйым", "ūiym"),
        ("шаруашылық", "şaruaşylyq"),
        ("чемпион", "çempion"),
        ("Әлем", "Älem"),
        ("жаңа ғылым", "jaña ğylym"),
        ("Ілияс", "Iliias"),
        ("Иран", "İran"),
        ("ИСО-ның", "İSO-nyñ"),
    ],
)
def test_official_2021_alphabet_both_ways(cyrillic, latin):
    assert kk_to_latin(cyrillic) == latin
    assert latin_to_kk(latin) == cyrillic


@pytest.mark.parametrize("word", ["сый", "қиын", "бие", "киіз", "қоян", "ұя", "аю", "Япония", "Азия", "сертификация"])
def test_round_trip_of_letters_written_with_i(word):
    assert latin_to_kk(kk_to_latin(word)) == word


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("halyqaralyq", "халықаралық"),
        ("khalykaralyk", "халықаралық"),
        ("Qazaqstan", "Қазақстан"),
        ("shaharynyng", "шаһарының"),
        ("zhana", "жаңа"),
        ("Yaponiya", "Япония"),
        ("sertifikatsiya", "сертификация"),
        ("ekonomika", "экономика"),
        ("g'ylym", "ғылым"),
        ("ūiym", "ұйым"),
        ("auyl", "ауыл"),  # y after u is ы, not й
        ("Respublikasynyng", "Республикасының"),
        ("Kengesi", "Кеңесі"),  # plain ASCII: ng is ң
        ("Dmitrii", "Дмитрий"),
        ("Revoliutsiia", "Революция"),
        ("Armian", "Армян"),
        ("biudjet", "бюджет"),
        ("material", "материал"),
    ],
)
def test_tolerant_reading_reaches_the_same_folded_word(typed, term):
    assert fold(latin_to_kk(typed)) == fold(term)


@pytest.mark.parametrize(("official", "term"), [("Ashanağa", "асханаға"), ("Angliiağa", "Англияға")])
def test_words_in_official_letters_read_sh_and_ng_as_two_letters(official, term):
    assert fold(latin_to_kk(official)) == fold(term)


def test_case_is_kept():
    assert latin_to_kk("ISO") == "ІСО"
    assert fold(latin_to_kk("ISO")) == fold("ИСО")
    assert latin_to_kk("SHYMKENT") == "ШЫМКЕНТ"
    assert kk_to_latin("ШЫМКЕНТ") == "ŞYMKENT"


def test_non_letters_pass_through():
    assert latin_to_kk("9001:2015, «x»!") == "9001:2015, «кс»!"
    assert kk_to_latin("9001 — №5") == "9001 — №5"


def test_has_latin():
    assert has_latin("ISO стандарты")
    assert has_latin("ñ")
    assert not has_latin("стандарт 9001")
    assert not has_latin("")


def test_roman_numerals_are_not_read_as_kazakh():
    assert latin_to_kk("XXI ғасыр, IV тарау") == "XXI ғасыр, IV тарау"
    assert latin_to_kk("Ivan") == "Іван"
