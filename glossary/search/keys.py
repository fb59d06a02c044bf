"""Turn terms, texts and queries into the keys the index stores.

The same functions run when the index is built and when a query arrives, so
a query and a term meet exactly when their keys are equal.  Three keys per
whole term, from strict to tolerant:

- ``exact``: the term lower-cased, spaces collapsed ("исо", "international organization for standardization");
- ``lemma``: the lemmas of its words ("стандарттардың" → "стандарт");
- ``folded``: folded lemmas of the Cyrillic form, so that Russian-keyboard
  ("халыкаралык") and Latin ("halyqaralyq") Kazakh meet "халықаралық".

``words`` are the folded lemmas of single words, for partial and fuzzy matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from glossary.text.fold import fold
from glossary.text.repair import repair_query
from glossary.text.tokens import analyze
from glossary.text.translit import has_latin, kk_to_latin, latin_to_kk

#: Only this much of a query is analysed; the rest of a 10,000-character paste cannot improve a term lookup.
MAX_QUERY_CHARS = 200
#: At most this many words of a query take part in partial, fuzzy and full-text matching.
MAX_QUERY_WORDS = 12

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class TermKeys:
    exact: str
    lemma: str
    folded: str
    words: tuple[str, ...]


def whole(text: str) -> str:
    """Lower-case and collapse whitespace: the exact key of a term or a query."""
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=200_000)
def term_keys(text: str, lang: str, kk_lexicon: frozenset[str] | None = None) -> TermKeys:
    """The keys of one term (or of one query read as a term) in ``lang``.

    ``kk_lexicon``: the term base's Kazakh words, which settle the Kazakh stemmer's ambiguous cuts
    (see :func:`glossary.text.tokens.kazakh_lexicon`); an index and its queries use the same one.
    """
    tokens = analyze(text, lang, kk_lexicon)
    lemmas = [t.lemma for t in tokens if t.lemma]
    folded = [t.folded for t in tokens if t.folded]
    return TermKeys(
        exact=whole(text),
        lemma=" ".join(lemmas),
        folded=" ".join(folded),
        words=tuple(dict.fromkeys(folded)),
    )


@lru_cache(maxsize=20_000)
def text_keys(text: str, lang: str, kk_lexicon: frozenset[str] | None = None) -> tuple[str, ...]:
    """Folded lemmas of every word of a running text (definitions and contexts), repeats kept.

    Cached: naming the language a full-text hit matched in re-reads its definition.
    """
    return tuple(t.folded for t in analyze(text, lang, kk_lexicon) if t.folded)


def surface_key(text: str) -> str:
    """The autocomplete key of a term: folded surface form, not lemmatized (people type the start of a term)."""
    return fold(whole(text))


def clean_query(text: str) -> str:
    """Make any user input a plain one-line query: no control characters, bounded length, layout repaired."""
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text[: MAX_QUERY_CHARS * 4])
    text = whole(text)[:MAX_QUERY_CHARS].strip()
    if not text:
        return ""
    return whole(repair_query(text))


def query_variants(query: str, lang: str) -> list[tuple[str, bool]]:
    """The query as read in ``lang``: ``(text, transliterated)``; Latin Kazakh adds its Cyrillic reading."""
    variants = [(query, False)]
    if lang == "kk" and has_latin(query):
        cyrillic = whole(latin_to_kk(query))
        if cyrillic and cyrillic != query:
            variants.append((cyrillic, True))
    return variants


def prefix_keys(prefix: str) -> list[str]:
    """Autocomplete lookup keys for a typed prefix: its folded form and its reading in the other script."""
    keys = [surface_key(prefix)]
    if has_latin(prefix):
        keys.append(surface_key(latin_to_kk(prefix)))
    elif any("\u0400" <= ch <= "\u04ff" for ch in prefix):
        keys.append(surface_key(kk_to_latin(prefix)))
    return [k for k in dict.fromkeys(keys) if k]
