"""Each language's own letter order: Kazakh's nine letters of its own, ё, ъ and ь in their places."""

from __future__ import annotations

import random

from glossary.text.alphabets import ALPHABETS, OTHER, alphabet, first_letter, sort_key, sort_string

#: One word per letter of the Kazakh alphabet, in the alphabet's order.
KAZAKH_WORDS = [
    "ана", "әке", "бала", "вагон", "газет", "ғалым", "дала", "ел", "ёлка", "жол", "заң", "иық", "йод",
    "кітап", "қала", "лақ", "мектеп", "нан", "ңызылдау", "орын", "өлшем", "пән", "рет", "сөз", "тіл",
    "уақыт", "ұйым", "үкімет", "физика", "хат", "һәм", "цирк", "чемпион", "шам", "щётка", "ъ", "ыдыс",
    "іс", "ь", "экран", "юрист", "ядро",
]  # fmt: skip


def shuffled(words: list[str]) -> list[str]:
    copy = words[:]
    random.Random(15).shuffle(copy)
    return copy


def test_the_kazakh_alphabet_is_the_one_the_issue_gives() -> None:
    assert " ".join(ALPHABETS["kk"]) == (
        "а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я"
    )


def test_kazakh_words_sort_in_the_kazakh_alphabet_from_any_order() -> None:
    assert sorted(shuffled(KAZAKH_WORDS), key=lambda word: sort_key(word, "kk")) == KAZAKH_WORDS
    assert [first_letter(word, "kk") for word in KAZAKH_WORDS] == list(ALPHABETS["kk"])


def test_kazakh_letters_order_inside_words_and_ignore_case() -> None:
    def ordered(*words: str) -> list[str]:
        return sorted(words, key=lambda word: sort_key(word, "kk"))

    assert ordered("кеп", "кең", "кен") == ["кен", "кең", "кеп"]
    assert ordered("тіз", "тыз", "түз", "тұз", "туз") == ["туз", "тұз", "түз", "тыз", "тіз"]
    assert ordered("сэ", "сь", "сі", "сы", "съ") == ["съ", "сы", "сі", "сь", "сэ"]
    assert ordered("ёж", "еж", "жа") == ["еж", "ёж", "жа"]
    assert ordered("Һ", "Ү", "Ә", "А", "Ғ") == ["А", "Ә", "Ғ", "Ү", "Һ"]
    assert ordered("ақ жол", "ақ") == ["ақ", "ақ жол"]  # a prefix first


def test_russian_and_english_orders() -> None:
    russian = ["ель", "ёж", "жук", "съезд", "сыр", "сэр"]
    assert sorted(shuffled(russian), key=lambda word: sort_key(word, "ru")) == russian
    assert first_letter("Ёж", "ru") == "ё"
    english = ["apple", "Banana", "cherry", "zebra"]
    assert sorted(shuffled(english), key=lambda word: sort_key(word, "en")) == english


def test_letters_outside_the_alphabet_go_last_in_their_own_bucket() -> None:
    assert sorted(["ISO", "стандарт"], key=lambda word: sort_key(word, "kk")) == ["стандарт", "ISO"]
    assert first_letter("ISO", "kk") == first_letter("9001", "kk") == first_letter("", "kk") == OTHER
    assert first_letter("қ", "ru") == OTHER  # not a Russian letter
    assert alphabet("de") == ALPHABETS["en"]  # a language without its own table sorts as English


def test_the_compact_sort_string_orders_exactly_as_the_sort_key() -> None:
    """The build sorts a whole language by :func:`sort_string`; it must agree with ``sort_key`` on any text."""
    rng = random.Random(3)
    pool = ALPHABETS["kk"] + ALPHABETS["en"] + "ÄäÖß 0-9'’\U0001f600\uffff\U0010fffe" + "АӘҒІЁ"
    words = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 6))) for _ in range(3000)] + KAZAKH_WORDS
    for lang in ("kk", "ru", "en"):
        by_key = sorted(words, key=lambda word, lang=lang: (sort_key(word, lang), word))
        by_string = sorted(words, key=lambda word, lang=lang: (sort_string(word, lang), word))
        assert by_string == by_key
