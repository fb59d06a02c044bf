"""Sentence splitting of typed, unevenly punctuated Kazakh text."""

from __future__ import annotations

from glossary.text.sentences import split_sentences


def test_full_stops_with_and_without_a_following_space_end_sentences() -> None:
    assert split_sentences("қамтылады.Сондықтан бар. Бұл жоқ") == ["қамтылады.", "Сондықтан бар.", "Бұл жоқ"]
    assert split_sentences("болуы керек.2000 жылдың басында") == ["болуы керек.", "2000 жылдың басында"]


def test_line_breaks_always_end_sentences() -> None:
    assert split_sentences("Бірінші жол\nЕкінші жол\n\n") == ["Бірінші жол", "Екінші жол"]


def test_abbreviations_initials_and_numbers_do_not_end_sentences() -> None:
    text = "Бес жылда (1992-1997 жж.) Кеңестің шешімі 1992 ж. Қабылданды, ГОСТ-1.0-92 және 2.5 т.б. бар. Е.О құрылды."
    assert split_sentences(text) == [
        "Бес жылда (1992-1997 жж.) Кеңестің шешімі 1992 ж. Қабылданды, ГОСТ-1.0-92 және 2.5 т.б. бар.",
        "Е.О құрылды.",
    ]


def test_a_list_abbreviation_before_a_capital_ends_the_sentence() -> None:
    assert split_sentences("стандарттары 3,5% т.б.ИСО-ның құрылымы") == ["стандарттары 3,5% т.б.", "ИСО-ның құрылымы"]
    assert split_sentences("(ТК 39) ж.б. ТК күрделі") == ["(ТК 39) ж.б.", "ТК күрделі"]


def test_list_bullets_tabs_and_semicolons_separate_items() -> None:
    text = "әзірлеу.-\tзаңнамалық метрология\nОлар: \tСТАКО-зерттеу;\tДЕВКО- көмек.\tКелесі"
    assert split_sentences(text) == [
        "әзірлеу.",
        "заңнамалық метрология",
        "Олар:",
        "СТАКО-зерттеу;",
        "ДЕВКО- көмек.",
        "Келесі",
    ]


def test_a_heading_followed_by_a_tab_is_its_own_sentence() -> None:
    assert split_sentences("Кең көлемді стандарттау \tҰлттық стандарттарда бар") == [
        "Кең көлемді стандарттау",
        "Ұлттық стандарттарда бар",
    ]


def test_lower_case_after_a_colon_or_tab_continues_the_sentence() -> None:
    assert split_sentences("Мұның бағыты:-\tөлшеу құралдары") == ["Мұның бағыты:-\tөлшеу құралдары"]
    assert split_sentences("комитеттер :\t1/стандарттың") == ["комитеттер :\t1/стандарттың"]


def test_no_empty_sentences_and_no_line_breaks_inside_one() -> None:
    for sentence in split_sentences(" .\n\n\t- \r\nА\u2028Б. "):
        assert sentence and sentence == sentence.strip()
        assert len(sentence.splitlines()) == 1


def test_list_numbers_and_common_abbreviations_stay_with_their_sentence() -> None:
    assert split_sentences("1. Бірінші. 2. Екінші.") == ["1. Бірінші.", "2. Екінші."]
    assert split_sentences("Prof. Smith came. See Fig. 2.") == ["Prof. Smith came.", "See Fig. 2."]
    assert split_sentences("1991 жылы құрылды. 1993 жылы кеңейді.") == ["1991 жылы құрылды.", "1993 жылы кеңейді."]
