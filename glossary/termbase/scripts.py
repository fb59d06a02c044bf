"""Detect words that mix Latin and Cyrillic letters.

A Latin "а", "о", "с" or "е" inside a Cyrillic word looks identical on
screen but makes the word unsearchable, so the loader warns about it.
Each part of a joined word is judged on its own: "IT-маман" and "ISO/ИСО" are fine.
"""

from __future__ import annotations

import unicodedata

from glossary.text.tokens import word_parts


def scripts_of(word: str) -> set[str]:
    """The alphabets (LATIN, CYRILLIC, …) whose letters occur in ``word``."""
    found = set()
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split(" ", 1)[0])
    return found


def mixed_script_words(text: str) -> list[str]:
    """The parts of words of ``text`` (between hyphens, slashes …) that contain both Latin and Cyrillic letters."""
    return [part.text for part in word_parts(text) if {"LATIN", "CYRILLIC"} <= scripts_of(part.text)]
