"""Loose word matching for display: which words of a term a query hit, where a term sits in a sentence.

Search itself is the index's job; this only decides what to highlight, so
a shared prefix of folded words (Kazakh letters folded, case ignored) is enough.
Words are the tokenizer's (:func:`glossary.text.tokens.words`), the same words search
and the recognizer see, so a mark covers "ИСО-ның", "ISO/IEC" or "9001:2000" whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from glossary.search.keys import MAX_QUERY_WORDS, clean_query
from glossary.text.fold import fold
from glossary.text.tokens import words
from glossary.text.translit import has_latin, latin_to_kk


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=4096)
def _keys(word: str) -> frozenset[str]:
    """The word folded, plus its Cyrillic reading when it has Latin letters (cached: terms repeat across hits)."""
    keys = {fold(word)}
    if has_latin(word):
        keys.add(fold(latin_to_kk(word)))
    return frozenset(keys)


def _keys_match(candidate: frozenset[str], wanted: frozenset[str], min_prefix: int) -> bool:
    for a in candidate:
        for b in wanted:
            if a == b or _common_prefix(a, b) >= min(len(a), len(b), min_prefix):
                return True
    return False


def words_match(candidate: str, wanted: str, *, min_prefix: int = 4) -> bool:
    """True when two words share a folded prefix long enough to be the same word inflected."""
    return _keys_match(_keys(candidate), _keys(wanted), min_prefix)


def query_keys(query: str) -> list[frozenset[str]]:
    """The keys of the words worth highlighting: those of the cleaned query, each once, as many as search uses.

    Bounding by the cleaned query keeps highlighting linear in the term's
    length whatever was typed (2,000 one-letter words once took 9 s a page).
    """
    keys: list[frozenset[str]] = []
    for word in words(clean_query(query)):
        found = _keys(word.text)
        if found not in keys:
            keys.append(found)
            if len(keys) == MAX_QUERY_WORDS:
                break
    return keys


def highlight(text: str, query: str) -> list[Segment]:
    """Split ``text`` into segments, marking the words that the query's words match."""
    wanted = query_keys(query)
    segments: list[Segment] = []
    pos = 0
    for word in words(text):
        keys = _keys(word.text)
        if any(_keys_match(keys, w, 4) for w in wanted):
            if word.start > pos:
                segments.append(Segment(text[pos : word.start]))
            segments.append(Segment(word.text, marked=True))
            pos = word.end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return _merge(segments)


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring marked words (and the space between them) into one mark."""
    merged: list[Segment] = []
    for seg in segments:
        if merged and seg.marked and merged[-1].marked:
            merged[-1] = Segment(merged[-1].text + seg.text, True)
        elif len(merged) >= 2 and seg.marked and merged[-2].marked and not merged[-1].text.strip():
            gap = merged.pop()
            merged[-1] = Segment(merged[-1].text + gap.text + seg.text, True)
        else:
            merged.append(seg)
    return merged


#: Characters of context kept on each side of the keyword, as in a concordance.
KWIC_SPAN = 60


@dataclass(frozen=True)
class Kwic:
    """A context sentence split around its keyword, for a keyword-in-context table."""

    left: str
    keyword: str
    right: str

    @property
    def short_left(self) -> str:
        """The left context cut to about :data:`KWIC_SPAN` characters at a word boundary."""
        if len(self.left) <= KWIC_SPAN:
            return self.left
        cut = self.left[-KWIC_SPAN:]
        return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut

    @property
    def short_right(self) -> str:
        if len(self.right) <= KWIC_SPAN:
            return self.right
        cut = self.right[:KWIC_SPAN]
        return (cut[: cut.rfind(" ")] if " " in cut.strip() else cut) + "…"


def kwic(sentence: str, term: str) -> Kwic | None:
    """Find ``term`` (possibly inflected) in ``sentence``; None when it is not there."""
    if len(sentence.casefold()) == len(sentence):  # casefolding kept offsets (no ß-like letters)
        folded, wanted = sentence.casefold(), term.casefold()
        start = folded.find(wanted)
        while start >= 0:
            if start == 0 or not sentence[start - 1].isalnum():
                end = start + len(term)
                while end < len(sentence) and sentence[end].isalnum():
                    end += 1  # an inflected form: the whole word is the keyword
                return Kwic(sentence[:start], sentence[start:end], sentence[end:])
            start = folded.find(wanted, start + 1)
    term_words = [word.text for word in words(term)]
    tokens = list(words(sentence))
    n = len(term_words)
    for i in range(len(tokens) - n + 1):
        window = tokens[i : i + n]
        if n and all(
            words_match(tok.text, word, min_prefix=max(3, len(word) - 2))
            for tok, word in zip(window, term_words, strict=True)
        ):
            start, end = window[0].start, window[-1].end
            return Kwic(sentence[:start], sentence[start:end], sentence[end:])
    return None
