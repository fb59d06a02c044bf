"""Turn running text into the key sequence the recognizer matches on.

Each word becomes a small tuple of alternative keys (its folded lemma, then
its folded surface form), so that an inflected form in the text and the
dictionary form of a term meet on the same key.  Punctuation between two
words becomes a *gap* item of its own, so that a multi-word term never
matches across a full stop or a bracket, yet "ISO/IEC" still matches
"ISO / IEC".  Analysis is cached per distinct word: running text repeats
its words, and lemmatizing is the expensive step.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary.text.fold import fold
from glossary.text.tokens import analyze, tokenize

#: Prefix of a gap item's key; never the first character of a folded word.
GAP = "\x00"

#: How many distinct words a keyer remembers before it starts afresh.
CACHE_LIMIT = 400_000


@dataclass(frozen=True, slots=True)
class KeyedText:
    """A text as parallel lists: one item per word or per punctuation gap.

    ``starts``/``ends`` are character offsets into the original text;
    ``words[i]`` is False for gap items, which can neither start nor end a match.
    """

    keys: list[tuple[str, ...]]
    starts: list[int]
    ends: list[int]
    words: list[bool]


class Keyer:
    """Analyzes words of one language into match keys, with a per-word cache."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._cache: dict[str, tuple[str, ...]] = {}

    def word_keys(self, word: str) -> tuple[str, ...]:
        """The alternative keys of one word: folded lemma first, then the folded surface form."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        keys: list[str] = []
        for token in analyze(word, self.lang):
            if token.folded and token.folded not in keys:
                keys.append(token.folded)
            break
        surface = fold(word)
        if surface and surface not in keys:
            keys.append(surface)
        result = tuple(keys) or (word.lower(),)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = result
        return result

    def keyed(self, text: str) -> KeyedText:
        """Split ``text`` into word and gap items with their keys and original offsets."""
        keys: list[tuple[str, ...]] = []
        starts: list[int] = []
        ends: list[int] = []
        words: list[bool] = []
        word_keys = self.word_keys
        previous_end = -1
        for token in tokenize(text):
            start = token.start
            if previous_end >= 0 and start > previous_end:
                gap = "".join(text[previous_end:start].split())
                if gap:
                    keys.append((GAP + gap,))
                    starts.append(previous_end)
                    ends.append(start)
                    words.append(False)
            keys.append(word_keys(token.text))
            starts.append(start)
            ends.append(token.end)
            words.append(True)
            previous_end = token.end
        return KeyedText(keys, starts, ends, words)
