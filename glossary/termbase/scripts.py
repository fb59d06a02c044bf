"""Detect words that mix Latin and Cyrillic letters.

A Latin "а", "о", "с" or "е" inside a Cyrillic word looks identical on
screen but makes the word unsearchable, so the loader warns about it.
Each part of a joined word is judged on its own: "IT-маман" and "ISO/ИСО" are fine.

The loader asks this of every term, so the common cases are answered
without looking at letter names: an ASCII text has no Cyrillic, and a text
of Cyrillic-block letters and ASCII non-letters has no Latin letter.
"""

from __future__ import annotations

import re
import unicodedata

from glossary.text.tokens import word_parts

#: Character → the first word of its Unicode name for letters (LATIN, CYRILLIC, …), "" for the rest.
_SCRIPT_OF_CHAR: dict[str, str] = {}
_MIXED = frozenset(("LATIN", "CYRILLIC"))
#: A character that may be a Latin letter: an ASCII letter, or anything beyond ASCII and the Cyrillic blocks.
_MAYBE_LATIN = re.compile(r"[A-Za-z]|[^\x00-\x7f\u0400-\u052f]")


def _script(char: str) -> str:
    script = _SCRIPT_OF_CHAR.get(char)
    if script is None:
        script = unicodedata.name(char, "").split(" ", 1)[0] if char.isalpha() else ""
        _SCRIPT_OF_CHAR[char] = script
    return script


def scripts_of(word: str) -> set[str]:
    """The alphabets (LATIN, CYRILLIC, …) whose letters occur in ``word``."""
    found = {_script(char) for char in set(word)}
    found.discard("")
    return found


def mixed_script_words(text: str) -> list[str]:
    """The parts of words of ``text`` (between hyphens, slashes …) that contain both Latin and Cyrillic letters."""
    if text.isascii() or not _MAYBE_LATIN.search(text) or not scripts_of(text) >= _MIXED:
        return []
    return [part.text for part in word_parts(text) if scripts_of(part.text) >= _MIXED]
