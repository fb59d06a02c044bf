"""Repair of wrong-layout digits, OCR letter confusions, line-break hyphens and missing spaces."""

from __future__ import annotations

import pytest

from glossary.text.repair import repair, repair_query


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("халы0аралы0", "халықаралық"),
        ("09рыл5ан", "құрылған"),
        ("мекемелерд34", "мекемелердің"),
        ("ма0сатында ат0ару", "мақсатында атқару"),
        ("0азақстан", "қазақстан"),
    ],
)
def test_wrong_layout_digits_inside_words_become_kazakh_letters(broken: str, fixed: str) -> None:
    assert repair(broken).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        "1921 жылы",
        "ИСО 9001",
        "ГОСТ-1.0-92",
        "2,500",
        "30%",
        "ТК 12",
        "3,5%",
        "400дейі",  # a number with an ending, not a word
        "200-ден",
        "3ші",
        "бұйымдар12 %",
        "ИСО-9000 1987 ж",
        "ISO 9000",
        "0",
        "9001",
        "ТК22",
        "1.0-92 2.5",
    ],
)
def test_numbers_codes_and_years_are_never_touched(text: str) -> None:
    assert repair(text).text == text
    assert repair(text).changes == []


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("үйым", "ұйым"),  # back-vowel word: ұ
        ("Үйымының", "Ұйымының"),
        ("үлттық", "ұлттық"),
        ("шүғылданады", "шұғылданады"),
        ("халықаральщ", "халықаралық"),  # ь+щ read for ы+қ
        ("ңайтадан", "қайтадан"),  # no Kazakh word starts with ң
        ("жәнө", "және"),  # ө only in a first syllable
        ("(БҮҮ)", "(БҰҰ)"),
    ],
)
def test_ocr_confusions_are_decided_by_vowel_harmony(broken: str, fixed: str) -> None:
    assert repair(broken).text == fixed


@pytest.mark.parametrize(
    "word",
    ["үйлестіру", "Үкіметаралық", "жүйысін", "дүниежүзілік", "мәжбүр", "ұлттың", "космостың", "Өңделетін", "ның"],
)
def test_words_that_already_agree_or_are_mixed_compounds_stay(word: str) -> None:
    assert repair(word).text == word


def test_line_break_hyphens_are_joined_but_real_hyphens_and_dashes_kept() -> None:
    assert repair("стан- дарттау").text == "стандарттау"
    assert repair("КСРО- да").text == "КСРО-да"
    assert repair("ИСО-ның ГОСТ-1.0-92 азық-түлік").text == "ИСО-ның ГОСТ-1.0-92 азық-түлік"
    assert repair("ДЕВКО- дамып келе").text == "ДЕВКО- дамып келе"
    # "стандарттау" is a word of its own in this text, so "қызметі- стандарттау" is a dash
    assert repair("қызметі- стандарттау саласында, стандарттау").text == "қызметі- стандарттау саласында, стандарттау"


def test_missing_spaces_after_full_stops_and_commas_are_inserted() -> None:
    assert repair("қамтылады.Сондықтан").text == "қамтылады. Сондықтан"
    assert repair("халықаралық,аймақтық").text == "халықаралық, аймақтық"
    assert repair("Е.О 3.ИСО 2,5").text == "Е.О 3.ИСО 2,5"


def test_latin_lookalike_letters_inside_cyrillic_words_become_cyrillic() -> None:
    assert repair("стaндарт").text == "стандарт"  # Latin a
    assert repair("ISO standard").text == "ISO standard"
    assert repair("ISО 9001").text == "ISO 9001"  # Cyrillic О in a Latin word


def test_changes_record_offsets_into_the_input_and_replay_to_the_output() -> None:
    text = "Стандарттау  жөнінідегі ма0сатында 09рыл5ан.Бұл стан- дарттау"
    result = repair(text)
    rebuilt, position = [], 0
    for change in result.changes:
        assert text[change.start : change.end] == change.old
        rebuilt += [text[position : change.start], change.new]
        position = change.end
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == result.text
    assert {c.rule for c in result.changes} == {
        "whitespace",
        "layout-digit",
        "space-after-full-stop",
        "line-break-hyphen",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("9001", "9001"),
        ("0", "0"),
        ("ISO 9000", "ISO 9000"),
        ("стандарт", "стандарт"),
        ("  халы0аралы0 ", "халықаралық"),
        ("", ""),
        ("-", "-"),
        ("стандартизация", "стандартизация"),
        ("ң", "ң"),
        ("үйым", "ұйым"),
    ],
)
def test_queries_are_repaired_safely(query: str, expected: str) -> None:
    assert repair_query(query) == expected


def test_arbitrary_input_never_crashes_and_never_changes_numbers() -> None:
    """Seeded random strings of letters, digits and punctuation: edits replay exactly, and every run of digits
    that stands apart from letters comes out unchanged."""
    import random
    import re

    rng = random.Random(20261123)
    alphabet = "абвгқұүіңғәөһщьИСОТКМЭК" + "abcoeISO" + "0123456789" + " .,-/%\t\n«»()–"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        result = repair(text)
        rebuilt, position = [], 0
        for change in result.changes:
            assert text[change.start : change.end] == change.old
            rebuilt += [text[position : change.start], change.new]
            position = change.end
        rebuilt.append(text[position:])
        assert "".join(rebuilt) == result.text
        standalone = re.compile(r"(?<!\w)[\d.,%/-]*\d[\d.,%/-]*(?!\w)")
        assert standalone.findall(text) == standalone.findall(result.text), text
        repair_query(text)
