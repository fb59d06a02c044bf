"""The language of text whose language the term base does not record, for the ``lang`` attribute.

Terms, definitions and notes carry their language; source titles, notes
and sentences do not (a source is not tagged with one). A screen reader
reads a Kazakh sentence on an English page with an English voice unless
the markup says otherwise, so such text gets a language from its letters.
"""

from __future__ import annotations

from glossary.model import Concept

#: Letters of the Kazakh Cyrillic alphabet that Russian lacks.
KAZAKH_ONLY = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
#: Below this many words, Cyrillic without a Kazakh-only letter may still be Kazakh.
SHORT_WORDS = 4


def text_lang(text: str, page_lang: str) -> str:
    """``kk`` if ``text`` has a Kazakh-only letter, ``ru`` if it is otherwise Cyrillic, ``en`` if Latin.

    Cyrillic without a Kazakh-only letter is Russian, except a few words on
    a Kazakh page (short Kazakh words such as «стандарт» have none; a longer
    Kazakh text nearly always has one). Text without letters keeps the
    page's language.
    """
    cyrillic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if char in KAZAKH_ONLY:
            return "kk"
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii():
            latin += 1
    if not cyrillic and not latin:
        return page_lang
    if cyrillic >= latin:
        return "kk" if page_lang == "kk" and len(text.split()) < SHORT_WORDS else "ru"
    return "en"


def label_lang(concept: Concept, lang: str) -> str:
    """The language of ``concept.label(lang)``: ``lang``, or the one it falls back to."""
    section = concept.languages.get(lang)
    if section and section.preferred:
        return lang
    for code, section in concept.languages.items():
        if section.preferred:
            return code
    return lang
