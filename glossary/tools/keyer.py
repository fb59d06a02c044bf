"""Turn running text into the key sequence the recognizer matches on.

Each word becomes one key, its folded lemma (the same key search uses), so
that an inflected form in the text and the dictionary form of a term meet;
identical words always get identical keys, so the exact form needs no key
of its own.  Punctuation between two
words becomes a *gap* key that a multi-word term's path must also pass, so that a multi-word term never
matches across a full stop or a bracket, yet "ISO/IEC" still matches
"ISO / IEC".  Analysis is cached per distinct word: running text repeats
its words, and lemmatizing is the expensive step.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

from glossary.text.fold import fold

# The tokenizer's own word pattern: the same words and offsets as words(), without a Token per word.
from glossary.text.tokens import WORD_PATTERN, analyze
from glossary.text.translit import has_latin, latin_to_kk

#: Prefix of a gap item's key; never the first character of a folded word.
GAP = "\x00"

#: How many distinct words a keyer remembers before it starts afresh.
CACHE_LIMIT = 400_000


@dataclass(frozen=True, slots=True)
class KeyedText:
    """A text's words as parallel lists (key, start, end), plus the punctuation between them.

    ``gaps[i]`` is the gap key before word ``i`` when the text between word
    ``i - 1`` and word ``i`` holds more than whitespace.  Offsets index the original text.
    """

    keys: list[str]
    starts: list[int]
    ends: list[int]
    gaps: dict[int, str]


class Keyer:
    """Analyzes words of one language into match keys, with a per-word cache safe to share between threads.

    The cache is written only under a lock; reads take none, as one ``dict.get`` is atomic (a
    read that races a write or a clear just misses and analyzes the word again).  A word's key
    never changes, so two threads that miss together store the same value.
    """

    def __init__(self, lang: str, lexicon: frozenset[str] | None = None) -> None:
        self.lang = lang
        self.lexicon = lexicon  # the Kazakh stemmer's known stems (the term base's words)
        self._cache: dict[str, str] = {}
        self._writing = Lock()

    def word_key(self, word: str) -> str:
        """The key of one word: its folded lemma (lower-cased word when analysis gives none)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        analyzed = analyze(word, self.lang, self.lexicon)
        key = analyzed[0].folded if analyzed and analyzed[0].folded else fold(word)
        with self._writing:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = key
        return key

    def keyed(self, text: str) -> KeyedText:
        """The words of ``text`` with their keys and offsets, and the punctuation gaps between them."""
        # One match object alive at a time: a list of them would be as many objects for the
        # cyclic garbage collector to track as the text has words.
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for match in WORD_PATTERN.finditer(text):
            start, end = match.span()
            starts.append(start)
            ends.append(end)
            words.append(text[start:end])
        get, word_key = self._cache.get, self.word_key
        keys = [get(word) or word_key(word) for word in words]
        gaps: dict[int, str] = {}
        for index in range(1, len(words)):
            before, after = ends[index - 1], starts[index]
            if after - before == 1 and text[before] == " ":
                continue
            gap = "".join(text[before:after].split())
            if gap:
                gaps[index] = GAP + gap
        return KeyedText(keys, starts, ends, gaps)


def folded_surface(word: str) -> str:
    """A Kazakh word as written, read into Cyrillic when typed in Latin letters, then folded."""
    return fold(latin_to_kk(word) if has_latin(word) else word)
