"""A rule-based Kazakh stemmer for search: strips case, possessive and plural suffixes.

Only inflection is stripped, each variant only after the letters that license it and only in
harmony with the stem, so ``стандарттардың`` → ``стандарт`` while ``стандарттау``
(standardization) stays itself.  An abbreviation with a hyphenated ending (``ИСО-ның``) gives
the abbreviation.  When several analyses are possible, a lexicon of known stems (e.g. the term
base's own terms) picks; otherwise the deepest analysis that passes every guard wins.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from glossary.text.fold import fold
from glossary.text.kazakh_suffixes import (
    ABBREVIATION_ENDINGS,
    BACK_VOWELS,
    FRONT_VOWELS,
    SUFFIXES,
    VOWELS,
    Harmony,
    Slot,
    Suffix,
    folded_suffixes,
)

MIN_STEM = 2
_CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]+")
# Two-consonant endings a stem may have (native: жұрт, ант, қорқ; loans: центр, механизм, индекс).
# fmt: off
_FINAL_CLUSTERS = frozenset({
    "рт", "лт", "нт", "йт", "рқ", "рк", "йқ", "йк", "ст", "рд", "нк", "нд", "кт", "рм", "лм", "рс",
    "ск", "зм", "нг", "тр", "пт", "фт", "кс", "мп", "лп", "рп", "сп", "нц", "лк", "рг", "рн", "рл",
    "лд", "рф", "мб", "сс", "лл", "мм", "бр", "др", "гр", "фр", "вр", "ль", "нь", "рь", "сь", "ть",
    "зь", "мь", "пь", "вь",
})
# fmt: on


@dataclass(frozen=True)
class _Alphabet:
    """The suffix table and letter classes for exact Kazakh spelling, or for folded spelling."""

    suffixes_by_last_letter: dict[str, tuple[Suffix, ...]]
    vowels: frozenset[str]
    back: frozenset[str]
    front: frozenset[str]
    clusters: frozenset[str]
    restore_after: dict[str, frozenset[str]]  # г/ғ/б back to к/қ/п after these vowels

    @classmethod
    def build(cls, suffixes: tuple[Suffix, ...], folded: bool) -> _Alphabet:
        by_last: dict[str, list[Suffix]] = {}
        for suffix in suffixes:
            by_last.setdefault(suffix.form[-1], []).append(suffix)
        if folded:
            # After folding, а ә, о ө, у ұ ү, и і look alike: only ы/я (back) and е (front) tell.
            back, front = frozenset("ыя"), frozenset("е")
            restore = {"г": frozenset("аеиыя"), "б": frozenset("аеиыя")}
        else:
            back, front = BACK_VOWELS, FRONT_VOWELS
            restore = {"ғ": VOWELS, "г": frozenset("әеэөүі"), "б": frozenset("аәеэыіөү")}
        return cls(
            suffixes_by_last_letter={k: tuple(sorted(v, key=lambda s: -len(s.form))) for k, v in by_last.items()},
            vowels=frozenset(fold("".join(VOWELS))) | VOWELS if folded else VOWELS,
            back=back,
            front=front,
            clusters=frozenset(fold(c) for c in _FINAL_CLUSTERS) if folded else _FINAL_CLUSTERS,
            restore_after=restore,
        )

    def harmony(self, stem: str) -> Harmony:
        """The harmony of the last vowel that tells (и, у, ю do not); ANY if it is ambiguous."""
        for char in reversed(stem):
            if char in "иую":
                continue
            if char in self.back:
                return Harmony.BACK
            if char in self.front:
                return Harmony.FRONT
            if char in self.vowels:
                return Harmony.ANY
        return Harmony.ANY

    def acceptable_stem(self, stem: str) -> bool:
        if len(stem) < MIN_STEM or not any(char in self.vowels for char in stem):
            return False
        ending = stem[-2:]
        return ending[0] in self.vowels or ending[1] in self.vowels or ending in self.clusters

    def restored(self, stem: str) -> str | None:
        """The stem with its final voiced consonant restored (ынтымақтастығ-ын → ынтымақтастық)."""
        last = stem[-1]
        if last in self.restore_after and len(stem) > 1 and stem[-2] in self.restore_after[last]:
            return stem[:-1] + {"ғ": "қ", "г": "к", "б": "п"}[last]
        return None


_EXACT = _Alphabet.build(SUFFIXES, folded=False)
_FOLDED = _Alphabet.build(folded_suffixes(), folded=True)
_STRIPPABLE_ENDINGS = ABBREVIATION_ENDINGS | frozenset(fold(form) for form in ABBREVIATION_ENDINGS)


def _licensed(suffix: Suffix, stem: str, alphabet: _Alphabet) -> bool:
    if not suffix.needs_px3 and stem[-1] not in suffix.after:
        return False
    if suffix.harmony is not Harmony.ANY:
        stem_harmony = alphabet.harmony(stem)
        if stem_harmony is not Harmony.ANY and stem_harmony is not suffix.harmony:
            return False
    if suffix.px3 and suffix.vowel_initial and stem[-1] in "шщ":
        return False  # -шы/-ші makes agent nouns (өндіруші): derivational, kept
    if suffix.px3 and not suffix.vowel_initial and stem[-1] in "ыіи":
        return False  # stems rarely end in ы/і: жұмыс-ы-н, not жұмы-сы-н
    return alphabet.acceptable_stem(stem)


def _analyses(word: str, alphabet: _Alphabet) -> list[str]:
    """Every stem reachable by stripping suffixes in the order case → possessive → plural."""
    found: list[str] = []

    def strip(form: str, below: int, need_px3: bool) -> None:
        for suffix in alphabet.suffixes_by_last_letter.get(form[-1], ()):
            if suffix.slot.value >= below or (need_px3 and not suffix.px3):
                continue
            if not form.endswith(suffix.form) or len(form) <= len(suffix.form):
                continue
            stem = form[: -len(suffix.form)]
            if not _licensed(suffix, stem, alphabet):
                continue
            if suffix.needs_px3:
                strip(stem, Slot.CASE.value, need_px3=True)
                continue
            if suffix.vowel_initial:
                restored = alphabet.restored(stem)
                if restored is not None:
                    found.append(restored)
            found.append(stem)
            strip(stem, suffix.slot.value, need_px3=False)

    strip(word, Slot.CASE.value + 1, need_px3=False)
    return found


def _choose(word: str, analyses: list[str], lexicon: Container[str] | None) -> str:
    if lexicon is not None:
        known = [stem for stem in [word, *analyses] if stem in lexicon]
        if known:
            return max(known, key=len)
    if not analyses:
        return word
    return min(analyses, key=len)


def _strip_abbreviation_ending(lower: str) -> str | None:
    """``исо-ның`` → ``исо``; None when the part after the last hyphen is not a suffix chain."""
    head, _, tail = lower.rpartition("-")
    if head and tail and _is_suffix_chain(tail):
        return head
    return None


@lru_cache(maxsize=4096)
def _is_suffix_chain(tail: str) -> bool:
    if not tail:
        return True
    return any(tail.startswith(form) and _is_suffix_chain(tail[len(form) :]) for form in _STRIPPABLE_ENDINGS)


def _stem(word: str, lexicon: Container[str] | None, alphabet: _Alphabet) -> str:
    lower = word.lower()
    if "-" in lower:
        abbreviation = _strip_abbreviation_ending(lower)
        if abbreviation is not None:
            return abbreviation
        head, _, tail = lower.rpartition("-")
        return f"{head}-{_stem(tail, lexicon, alphabet)}" if tail else lower
    if not _CYRILLIC_WORD.fullmatch(lower):
        return lower
    if word.isupper() and len(word) <= 5:
        return lower  # an abbreviation (ТМД, ГОСТ) is not inflected without a hyphen
    return _choose(lower, _analyses(lower, alphabet), lexicon)


@lru_cache(maxsize=200_000)
def _stem_cached(word: str) -> str:
    return _stem(word, None, _EXACT)


@lru_cache(maxsize=200_000)
def _stem_folded_cached(word: str) -> str:
    return _stem(word, None, _FOLDED)


def stem_kk(word: str, lexicon: Container[str] | None = None) -> str:
    """The lower-cased stem of a Kazakh word: inflection stripped, derivation kept.

    >>> stem_kk("стандарттардың"), stem_kk("стандарттау"), stem_kk("ИСО-ның")
    ('стандарт', 'стандарттау', 'исо')
    """
    if lexicon is None:
        return _stem_cached(word)
    return _stem(word, lexicon, _EXACT)


def stem_kk_folded(word: str, lexicon: Container[str] | None = None) -> str:
    """The stem of a word already passed through :func:`fold` (Kazakh typed without Kazakh letters).

    Folded spelling loses ә/а, і/и, ұ/ү/у …, so harmony is judged only where a vowel still tells;
    the result is a folded key.  A term and a query folded the same way always get the same key.
    """
    if lexicon is None:
        return _stem_folded_cached(word)
    return _stem(word, lexicon, _FOLDED)
