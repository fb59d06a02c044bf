"""The words of the printable dictionary's own page (title, "Definition", "Source"…) in Kazakh, Russian and English.

The core never imports Flask, so the web interface's gettext catalogues are
out of reach here, and an exported file must not depend on the server's
locale anyway: the page's language follows the dictionary's sort language
(see :mod:`glossary.formats.html_dictionary`).  The labels are few and
fixed, so a typed table is the simplest honest mechanism: a missing word is
a type error, and ``tests/formats/test_html_dictionary.py`` checks that the
three tables are complete and different.  Language names and dates come
from CLDR (Babel, already a dependency of the core), so any language the
term base has gets a name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date


@dataclass(frozen=True)
class PageLabels:
    """Every word the dictionary page prints; ``{…}`` fields are filled with :meth:`str.format`."""

    #: The page's title when the term base has no name.
    title: str
    letters: str
    #: The heading of the letter group for words that start outside the alphabet (digits, Latin in Kazakh).
    other: str
    languages: str
    #: ``{count}``: the number of concepts.
    concepts: str
    #: ``{date}``: the generation date, written as CLDR writes a long date in the page's language.
    generated: str
    definition: str
    source: str
    sources: str
    #: ``{n}``: a sentence number of a cited text.
    sentence: str
    #: Before the headword a cross-reference points to (an abbreviation or synonym sends the reader there).
    see: str
    deprecated: str
    superseded: str

    def status(self, status: str) -> str:
        """The mark of a term the reader should not use; empty for preferred and admitted terms."""
        return {"deprecated": self.deprecated, "superseded": self.superseded}.get(status, "")


LABELS: dict[str, PageLabels] = {
    "kk": PageLabels(
        title="Терминологиялық сөздік",
        letters="Әріптер",
        other="Басқа",
        languages="Тілдер",
        concepts="Ұғымдар саны: {count}",
        generated="Жасалған күні: {date}",
        definition="Анықтама",
        source="Дереккөз",
        sources="Дереккөздер",
        sentence="{n}-сөйлем",
        see="қараңыз:",
        deprecated="ұсынылмайды",
        superseded="ескірген",
    ),
    "ru": PageLabels(
        title="Терминологический словарь",
        letters="Буквы",
        other="Другое",
        languages="Языки",
        concepts="Число понятий: {count}",
        generated="Дата составления: {date}",
        definition="Определение",
        source="Источник",
        sources="Источники",
        sentence="предложение {n}",
        see="см.",
        deprecated="не рекомендуется",
        superseded="устаревший",
    ),
    "en": PageLabels(
        title="Terminology dictionary",
        letters="Letters",
        other="Other",
        languages="Languages",
        concepts="Concepts: {count}",
        generated="Generated on {date}",
        definition="Definition",
        source="Source",
        sources="Sources",
        sentence="sentence {n}",
        see="see",
        deprecated="deprecated",
        superseded="superseded",
    ),
}
#: The page language for a sort language without a table of its own.
FALLBACK = "en"


def page_language(lang: str) -> str:
    """The page's language for a sort language: its primary subtag when there is a table for it (``kk-KZ`` → kk)."""
    primary = lang.split("-", maxsplit=1)[0].lower()
    return primary if primary in LABELS else FALLBACK


def language_name(code: str, page_lang: str) -> str:
    """``ru`` as the page's language names it (орыс тілі, русский, Russian); the code itself when CLDR has no name."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(page_lang)
    except (UnknownLocaleError, ValueError, TypeError):
        name = None
    return name or code


def long_date(day: dt.date, page_lang: str) -> str:
    return format_date(day, format="long", locale=page_lang)
