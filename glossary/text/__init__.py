"""Text analysis for search and recognition: folding, transliteration, stemming, tokens.

>>> from glossary.text import analyze
>>> [t.folded for t in analyze("halyqaralyq standart", "kk")] == [
...     t.folded for t in analyze("Халықаралық стандарттардың", "kk")]
True
"""

from glossary.text.fold import fold
from glossary.text.kazakh_stem import stem_kk, stem_kk_folded
from glossary.text.lemmatize import lemma
from glossary.text.tokens import WORD_PATTERN, AnalyzedToken, Token, analyze, folded_key, tokenize, word_parts, words
from glossary.text.translit import has_latin, kk_to_latin, latin_to_kk

__all__ = [
    "WORD_PATTERN",
    "AnalyzedToken",
    "Token",
    "analyze",
    "fold",
    "folded_key",
    "has_latin",
    "kk_to_latin",
    "latin_to_kk",
    "lemma",
    "stem_kk",
    "stem_kk_folded",
    "tokenize",
    "word_parts",
    "words",
]
