"""The ``lang`` given to text the term base does not tag: source texts by their letters, labels by their fallback."""

from __future__ import annotations

import pytest

from glossary.model import Concept, LanguageSection, Term
from web.present.text_lang import label_lang, text_lang


@pytest.mark.parametrize(
    ("text", "page", "expected"),
    [
        ("Стандарт — келісім бойынша әзірленген нормативтік құжат.", "en", "kk"),
        ("Стандарт — келісім бойынша әзірленген нормативтік құжат.", "ru", "kk"),
        ("Нормативный документ, разработанный на основе согласия.", "en", "ru"),
        ("Нормативный документ, разработанный на основе согласия.", "kk", "ru"),
        ("стандарт", "kk", "kk"),  # a short Kazakh word without a Kazakh-only letter
        ("стандарт", "en", "ru"),
        ("A reader on standardization", "kk", "en"),
        ("ISO 9001", "ru", "en"),
        ("2020", "ru", "ru"),
    ],
)
def test_text_lang_reads_the_letters(text: str, page: str, expected: str) -> None:
    assert text_lang(text, page) == expected


def test_label_lang_follows_the_label_fallback() -> None:
    concept = Concept(
        "x",
        languages={
            "ru": LanguageSection("ru", (Term("стандарт", status="preferred"),)),
            "kk": LanguageSection("kk", (Term("стандарт", status="preferred"),)),
        },
    )
    assert label_lang(concept, "kk") == "kk"
    assert label_lang(concept, "en") == "ru"  # concept.label("en") falls back to the first language
    assert concept.label("en") == concept.languages["ru"].terms[0].text
    assert label_lang(Concept("bare"), "en") == "en"
