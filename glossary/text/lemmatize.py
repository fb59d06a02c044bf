"""Dictionary forms for search: Kazakh by suffix stripping, Russian by pymorphy3, English by simplemma.

English deliberately avoids Snowball and Porter stemmers: they merge "standardization" into
"standard" and "organization" into "organ", which a glossary must keep apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from glossary.text.kazakh_stem import stem_kk

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

_morph: MorphAnalyzer | None = None


def _russian_analyzer() -> MorphAnalyzer:
    """One MorphAnalyzer per process, created on first use: loading its dictionaries takes ~0.3 s."""
    global _morph  # noqa: PLW0603 - a lazily created process-wide singleton
    if _morph is None:
        import pymorphy3

        _morph = pymorphy3.MorphAnalyzer(lang="ru")
    return _morph


#: Letters of Kazakh that Russian lacks: a word with one is not Russian, and pymorphy would only guess at it.
_KAZAKH_ONLY = frozenset("әғқңөұүһі")


def _lemma_ru(word: str) -> str:
    if not any("а" <= char <= "я" or char == "ё" for char in word):
        return _lemma_en(word)  # an English word or a code inside Russian text
    if not _KAZAKH_ONLY.isdisjoint(word):
        return word  # a Kazakh word (a name in Russian text, or a query tried in every language): costly, no lemma
    parses = _russian_analyzer().parse(word)
    return parses[0].normal_form if parses else word


def _lemma_en(word: str) -> str:
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]  # ISO's → iso
    if not word.isascii() or not any(char.isalpha() for char in word):
        return word
    import simplemma

    return simplemma.lemmatize(word, lang="en").lower()


# Latin letters that look like Cyrillic ones; a Cyrillic word typed with one of them is unsearchable.
_HOMOGLYPHS = str.maketrans("aceopxykmthbACEOPXYKMTHB", "асеорхукмтнвАСЕОРХУКМТНВ")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def _fix_homoglyphs(word: str) -> str:
    """стaндарт (with a Latin a) → стандарт, when every Latin letter of a Cyrillic word has a Cyrillic twin."""
    if _CYRILLIC.search(word) and _LATIN.search(word):
        fixed = word.translate(_HOMOGLYPHS)
        if not _LATIN.search(fixed):
            return fixed
    return word


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The lower-cased dictionary form of ``word`` in ``lang`` (kk, ru, en; others: lower-cased word).

    >>> lemma("стандарттардың", "kk"), lemma("стандартизации", "ru"), lemma("standards", "en")
    ('стандарт', 'стандартизация', 'standard')
    """
    if lang in ("kk", "ru"):
        word = _fix_homoglyphs(word)
    lower = word.lower()
    if lang == "kk":
        return stem_kk(word)
    if lang == "ru":
        return _lemma_ru(lower)
    if lang == "en":
        return _lemma_en(lower)
    return lower
