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


#: Characters outside the alphabet sort after every letter of it: they are shifted past its ranks.
_OUTSIDE = 0x80
_LAST_CHAR = 0x10FFFF


def sort_string(text: str, lang: str) -> str:
    """:func:`sort_key` as one string, which compares exactly as ``sort_key`` does.

    A build sorts every term of a language by it; a string is a tenth of the
    memory of a tuple of tuples, and sorts faster.
    """
    order = alphabet(lang)
    chars = []
    for char in text.casefold():
        index = order.find(char)
        chars.append(chr(1 + index) if index >= 0 else chr(min(_OUTSIDE + ord(char), _LAST_CHAR)))
    return "".join(chars)
