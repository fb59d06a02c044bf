"""The language rule: prose filed under a language is written in it; quoted forms of other languages are fine."""

from __future__ import annotations

import pytest

from glossary.lint.language import check
from glossary.lint.prose import NOTE, USAGE_NOTE, Prose


def findings(lang: str, text: str, kind: str = USAGE_NOTE) -> list[str]:
    return [f.message for f in check(Prose("c", lang, "f", text, kind))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("kk", "Дефис арқылы жалғанады: ГОСТ-тың, ГОСТ-қа; дереккөздегі «ГОСТ-ның» жазылуы қате."),
        ("kk", "ИСО 9000 сериясы."),  # too short to tell Kazakh from Russian
        ("ru", "Казахский вариант «стандарттау жөніндегі комитет» предпочтителен."),
        ("en", "The source writes «ИСО-ның» with a hyphen, as Kazakh does."),
        ("ru", "Обозначение ISO используется в латинице только в обозначениях стандартов ИСО и в ссылках."),
    ],
)
def test_text_in_its_own_language_passes(lang: str, text: str) -> None:
    assert findings(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "says"),
    [
        ("kk", "Declined with a hyphen after the abbreviation, as the sources do.", "Latin"),
        ("ru", "Declined with a hyphen after the abbreviation, as the sources do.", "Latin"),
        ("en", "Склоняется через дефис после аббревиатуры, как в источниках.", "not written in English"),
        ("ru", "Бұл атау мәтінде дефис арқылы жалғанады және солай жазылады.", "Kazakh letters"),
        ("kk", "Это название склоняется через дефис после аббревиатуры во всех текстах источника.", "reads as Russian"),
    ],
)
def test_text_in_another_language_is_found(lang: str, text: str, says: str) -> None:
    [message] = findings(lang, text, NOTE)
    assert says in message
