"""The project's one definition of a word, and the analysis of each word into the keys search compares.

A word is a run of letters and digits, joined across a hyphen, slash or apostrophe when
letters or digits follow (ИСО-ның, ISO/IEC, O'Brien), across a dot, comma or colon
between digits (1.0-92, 3,5, 9001:2000), and across invisible soft hyphens and zero-width characters
(which the word's lemma and key then leave out).  Everything else (punctuation, emoji, control characters)
separates words.

Search keys, the recognizer, highlighting and the coverage report all split text with
:data:`WORD_PATTERN` (through :func:`words`, :func:`tokenize` or :func:`analyze`), so a span
one of them reports is a span the others see as whole words.  Checks that look inside a word
(mixed scripts, OCR repairs of each part of "ИСО-ның") use :func:`word_parts`: the same
letters, split at the joiners.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from glossary.text.fold import fold
from glossary.text.kazakh_stem import stem_kk, stem_kk_folded
from glossary.text.lemmatize import lemma
from glossary.text.translit import has_latin, latin_to_kk

_LETTERS = r"(?:[^\W_]|[\u0300-\u036f])+"
# Invisible characters that PDFs and web pages leave inside words: soft hyphen, zero-width space/joiners.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
#: A word: letters and digits, joined across hyphens, slashes, apostrophes, invisible characters,
#: and dots, commas or colons between digits.  Use :func:`words`; the pattern itself is public for
#: loops that need only offsets (the recognizer's keyer) and must not build a Token per word.
WORD_PATTERN = re.compile(rf"{_LETTERS}(?:(?:[-‐‑/'’ʼ{_INVISIBLE}]|(?<=\d)[.,:](?=\d)){_LETTERS})*")
#: A part of a word: the same letters and digits, without the joiners (ИСО-ның → ИСО, ның).
_PART = re.compile(_LETTERS)
_REMOVE_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE, None))


@dataclass(frozen=True, slots=True)
class Token:
    """A word and where it is in the original text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AnalyzedToken:
    """A word with its lemma and its folded key (the key that Latin and Russian-keyboard input meet)."""

    text: str
    start: int
    end: int
    lemma: str
    folded: str


def words(text: str) -> Iterator[Token]:
    """The words of ``text`` with their offsets, one at a time.

    >>> [w.text for w in words("ИСО-ның ISO/IEC 9001:2015 стандарты.")]
    ['ИСО-ның', 'ISO/IEC', '9001:2015', 'стандарты']
    """
    for match in WORD_PATTERN.finditer(text):
        yield Token(match.group(), match.start(), match.end())


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their offsets, as a list."""
    return list(words(text))


def word_parts(text: str) -> Iterator[Token]:
    """The parts of the words of ``text``, split at the joiners, with offsets into ``text``.

    For checks that judge each part on its own: "IT-маман" does not mix scripts although
    the word does, and the ending of "ИСО-ның" is repaired apart from the abbreviation.

    >>> [p.text for p in word_parts("ИСО-ның ISO/IEC 9001:2015")]
    ['ИСО', 'ның', 'ISO', 'IEC', '9001', '2015']
    """
    for match in _PART.finditer(text):
        yield Token(match.group(), match.start(), match.end())


def kazakh_lexicon(terms: Iterable[str]) -> frozenset[str]:
    """The words of Kazakh terms, as written and folded: the stems the Kazakh stemmer prefers.

    With it an ambiguous cut picks a word the term base knows (кеңесі → кеңес, not кеңе;
    органы → орган).  Terms and texts must be keyed with the same lexicon to meet.
    """
    lexicon: set[str] = set()
    for term in terms:
        for token in words(term):
            lower = token.text.lower()
            lexicon.update((lower, fold(lower)))
    return canonical_lexicon(frozenset(lexicon))


#: One object per distinct lexicon, so that the per-word caches, keyed by it, compare it by identity.
_LEXICONS: dict[frozenset[str], frozenset[str]] = {}
_MAX_LEXICONS = 16


def canonical_lexicon(lexicon: frozenset[str]) -> frozenset[str]:
    """The one object standing for ``lexicon`` in this process.

    The caches of :func:`analyze` and the search keys take the lexicon as part of their key; two
    equal lexicons that are different objects (one built, one read back from an index's meta)
    would be compared element by element on every cache hit.
    """
    canonical = _LEXICONS.get(lexicon)
    if canonical is None:
        if len(_LEXICONS) >= _MAX_LEXICONS:
            _LEXICONS.clear()
        canonical = _LEXICONS[lexicon] = lexicon
    return canonical


@lru_cache(maxsize=200_000)
def folded_key(word: str, lang: str, lexicon: frozenset[str] | None = None) -> str:
    """The key under which ``word`` is found whichever way it was typed.

    Kazakh is read into Cyrillic first when it contains Latin letters, then folded and stemmed
    in folded spelling, so "halyqaralyq", "халыкаралык" and "халықаралық" share one key.
    The Kazakh stemmer is applied until the key stops changing: a term whose dictionary form
    looks inflected (сауда, read as сау-да) then shares its key with its real inflections
    (саудадағы → сауда → сау), which matters more to search than the lemma being right.
    A verb form keys as its verbal noun (стандартталған → стандарттау), the form terms are
    written in; ``lexicon`` (see :func:`kazakh_lexicon`) settles ambiguous cuts.
    """
    if lang == "kk":
        cyrillic = latin_to_kk(word) if has_latin(word) else word
        if cyrillic.isupper() and len(cyrillic) <= 5:
            return fold(cyrillic)  # an abbreviation: ТМД, ИСО
        key, previous = fold(cyrillic), ""
        while key != previous:
            previous, key = key, stem_kk_folded(key, lexicon)
        return key
    return fold(lemma(word, lang))


# No real word is this long; longer runs (base64, hashes, garbage) are keyed as they are.
MAX_ANALYZED_LENGTH = 80


@lru_cache(maxsize=200_000)
def _keys(word: str, lang: str, lexicon: frozenset[str] | None = None) -> tuple[str, str]:
    visible = word.translate(_REMOVE_INVISIBLE)
    if len(visible) > MAX_ANALYZED_LENGTH:
        return visible.lower(), fold(visible)
    if lang == "kk" and lexicon is not None:
        return stem_kk(visible, lexicon), folded_key(visible, lang, lexicon)
    return lemma(visible, lang), folded_key(visible, lang)


def analyze(text: str, lang: str, lexicon: frozenset[str] | None = None) -> list[AnalyzedToken]:
    """Tokenize ``text`` and give each word its lemma and folded key in ``lang``.

    Deterministic for a given ``lexicon`` (Kazakh only; see :func:`kazakh_lexicon`), and cached
    per word: repeated words cost a dictionary lookup.
    """
    analyzed = []
    for match in WORD_PATTERN.finditer(text):
        word = match.group()
        word_lemma, folded = _keys(word, lang, lexicon)
        analyzed.append(AnalyzedToken(word, match.start(), match.end(), word_lemma, folded))
    return analyzed
