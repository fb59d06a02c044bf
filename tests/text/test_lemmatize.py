import csv

import pytest

from glossary.text.lemmatize import lemma
from tests.conftest import shared_path


@pytest.mark.slow
def test_russian_forms_from_the_shared_list():
    with shared_path("nlp", "ru_forms.tsv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    wrong = [(form, expected, lemma(form, "ru")) for form, expected, *_ in rows if lemma(form, "ru") != expected]
    assert wrong == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("standards", "standard"),
        ("committees", "committee"),
        ("Organizations", "organization"),
        ("standardization", "standardization"),
        ("organization", "organization"),
    ],
)
def test_english_keeps_derivations_apart(word, expected):
    assert lemma(word, "en") == expected


def test_kazakh_uses_the_stemmer():
    assert lemma("Стандарттардың", "kk") == "стандарт"


def test_other_languages_and_non_words_are_lower_cased():
    assert lemma("Normen", "de") == "normen"
    assert lemma("ISO", "ru") == "iso"
    assert lemma("9001", "en") == "9001"


def test_latin_lookalike_letters_inside_cyrillic_words_are_read_as_cyrillic():
    assert lemma("стaндарттардың", "kk") == "стандарт"  # Latin a
    assert lemma("стaндартизации", "ru") == "стандартизация"
    assert lemma("ISO-ның", "kk") == "iso"  # a real Latin word stays Latin


def test_english_possessive_is_dropped():
    assert lemma("ISO's", "en") == "iso"
    assert lemma("committee’s", "en") == "committee"


def test_english_words_inside_russian_text_get_english_lemmas():
    assert lemma("Standards", "ru") == "standard"


def test_a_word_with_kazakh_only_letters_is_not_given_a_russian_lemma():
    """pymorphy guesses at unknown words (өлшем → өлш); a Kazakh word is left whole, and costs no analysis."""
    assert lemma("өлшем", "ru") == "өлшем"
    assert lemma("Қазақстанның", "ru") == "қазақстанның"
    assert lemma("стандартов", "ru") == "стандарт"
