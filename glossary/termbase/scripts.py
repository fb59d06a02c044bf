"""Detect words that mix Latin and Cyrillic letters.

A Latin "а", "о", "с" or "е" inside a Cyrillic word looks identical on
screen but makes the word unsearchable, so the loader warns about it.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"\w+")


def scripts_of(word: str) -> set[str]:
    """The alphabets (LATIN, CYRILLIC, …) whose letters occur in ``word``."""
    found = set()
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split(" ", 1)[0])
    return found


def mixed_script_words(text: str) -> list[str]:
    """Words of ``text`` that contain both Latin and Cyrillic letters."""
    return [w for w in WORD.findall(text) if {"LATIN", "CYRILLIC"} <= scripts_of(w)]
