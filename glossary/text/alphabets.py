"""Alphabetical order per language, for the A–Z browse pages and the printable dictionary (html export).

Each language sorts in its own alphabet: Kazakh puts ә after а and і after ы,
which no code-point sort does.  It lives in the core, not in ``web/``,
because an export format sorts by it too.
"""

from __future__ import annotations

ALPHABETS: dict[str, str] = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
#: The bucket for terms that start with a digit or a letter outside the alphabet.
OTHER = "#"


def alphabet(lang: str) -> str:
    return ALPHABETS.get(lang, ALPHABETS["en"])


def first_letter(text: str, lang: str) -> str:
    """The A–Z bucket a term belongs to in ``lang``."""
    head = text[:1].casefold()
    return head if head and head in alphabet(lang) else OTHER


def sort_key(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Order by the language's alphabet; other characters sort after it by code point."""
    order = alphabet(lang)
    key = []
    for char in text.casefold():
        index = order.find(char)
        key.append((0, index) if index >= 0 else (1, ord(char)))
    return tuple(key)
