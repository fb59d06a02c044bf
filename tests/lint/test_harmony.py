"""The suffix-harmony rule: forms Kazakh grammar allows after an abbreviation, number or code, and forms it does not."""

from __future__ import annotations

import pytest

from glossary.lint.harmony import expected, fits, is_abbreviation_or_code
from glossary.lint.readings import last_number_word, spoken_forms

TMD = ("Тәуелсіз Мемлекеттер Достастығы",)

RIGHT = [
    # genitive, dative, accusative, locative, ablative, instrumental, plural, chains
    ("ИСО", "ның"), ("ИСО", "ға"), ("ИСО", "ны"), ("ИСО", "да"), ("ИСО", "дан"), ("ИСО", "мен"), ("ИСО", "лар"),
    ("МАК", "тың"), ("МАК", "қа"), ("МАК", "ты"), ("МАК", "та"), ("МАК", "тан"), ("МАК", "пен"),
    ("ГОСТ", "тың"), ("ГОСТ", "қа"), ("ГОСТ", "ты"), ("ГОСТ", "та"), ("ГОСТ", "тан"), ("ГОСТ", "пен"),
    ("ГОСТ", "тар"), ("ГОСТ", "тарды"), ("ГОСТ", "тардың"), ("ГОСТ", "тарға"),
    ("МЭК", "тің"), ("МЭК", "ке"), ("МЭК", "ті"), ("МЭК", "те"), ("МЭК", "тен"), ("МЭК", "пен"), ("МЭК", "тер"),
    ("ДСҰ", "ның"), ("ДСҰ", "ға"), ("ДСҰ", "ны"), ("ДСҰ", "да"), ("ДСҰ", "дан"), ("ДСҰ", "мен"),
    ("БҰҰ", "ның"), ("ЮНЕСКО", "ның"), ("ХЭК", "тің"), ("ИСО/МЭК", "тің"),
    ("9001", "ге"), ("9000", "ға"), ("176", "ның"), ("1906", "да"), ("1992", "ге"), ("2000", "нан"),
    ("144", "тен"), ("160", "тан"), ("9001:2000", "ға"), ("1.0-92", "ге"),
    ("ISO", "ның"), ("ISO", "ға"),
]  # fmt: skip
WRONG = [
    ("ГОСТ", "ның"), ("ИСО", "тың"), ("ДСҰ", "ге"), ("МАК", "тің"), ("МЭК", "тың"), ("ИСО", "нің"),
    ("ИСО", "ге"), ("ИСО", "дың"), ("ГОСТ", "ға"), ("ГОСТ", "дар"), ("МАК", "ке"), ("ДСҰ", "нің"),
    ("ДСҰ", "ден"), ("ГОСТ", "бен"), ("9001", "ға"), ("1906", "де"), ("176", "нің"), ("ИСО", "лер"),
]  # fmt: skip


@pytest.mark.parametrize(("stem", "tail"), RIGHT)
def test_forms_grammar_allows_pass(stem: str, tail: str) -> None:
    assert fits(stem, tail) is True, f"{stem}-{tail} is right Kazakh"


@pytest.mark.parametrize(("stem", "tail"), WRONG)
def test_forms_no_reading_allows_are_found(stem: str, tail: str) -> None:
    assert fits(stem, tail) is False, f"{stem}-{tail} breaks harmony or assimilation"


def test_an_abbreviation_that_is_no_word_may_follow_its_full_form() -> None:
    """ТМД has no vowel to read it by: «… Достастығы» gives ТМД-ның and ТМД-ға; the letter names give ТМД-нің."""
    assert fits("ТМД", "ның", TMD) and fits("ТМД", "ға", TMD) and fits("ТМД", "нің", TMD)
    assert fits("ТМД", "ның") is False  # without the full form only the letter names are left
    assert fits("ТМД", "тың", TMD) is False


def test_what_is_not_a_suffix_chain_is_not_judged() -> None:
    assert fits("ИСО", "МЭК") is None
    assert fits("ИСО", "шы") is None
    assert not is_abbreviation_or_code("ғылыми")
    assert is_abbreviation_or_code("ИСО") and is_abbreviation_or_code("9001") and is_abbreviation_or_code("ТК-176")


def test_the_message_names_the_right_variant() -> None:
    assert expected("ГОСТ", "ның")[0] == "тың"
    assert expected("ДСҰ", "ге") == ["ға"]
    assert expected("ГОСТ", "дарды")[0] == "тарды"


@pytest.mark.parametrize(
    ("number", "word"),
    [
        (1, "бір"),
        (9001, "бір"),
        (1990, "тоқсан"),
        (2000, "мың"),
        (176, "алты"),
        (300, "жүз"),
        (10**6, "миллион"),
        (0, "нөл"),
    ],
)
def test_numbers_are_read_by_their_last_word(number: int, word: str) -> None:
    assert last_number_word(number) == word


def test_readings_of_an_abbreviation() -> None:
    assert spoken_forms("ГОСТ") == ["гост", "те"]
    assert spoken_forms("ТМД", TMD) == ["де", "достастығы"]
    assert spoken_forms("ISO") == ["ісо", "оу"]
