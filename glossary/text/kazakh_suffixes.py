"""The Kazakh inflectional suffixes the stemmer strips, with the stem endings that license each variant.

Kazakh picks a suffix variant by the last sound of what it attaches to (assimilation) and by
the last vowel (harmony).  Each row below is one variant: its written form, its slot
(plural → possessive → case, read from the end of the word backwards), its harmony, and the
set of final letters after which it may appear.  Nothing derivational is listed: -у, -лық,
-шы, -лы, -сыз … are part of the term and stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from glossary.text.fold import fold

VOWELS = frozenset("аәеэиоөұүыіюяё")
BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әеэөүі")
# Letters found only in loanwords, whose suffixes often ignore harmony (Назарбаев-тың).
LOANWORD_LETTERS = frozenset("вфцчщьъёэ")
VOICELESS = frozenset("кқпстфхһцчшщ")
# Voiced obstruents end only loanwords (клуб, диалог); spoken devoiced, they take either variant.
VOICED_OBSTRUENTS = frozenset("бвгғд")
SONORANTS_RJU = frozenset("рйу")
NASALS = frozenset("мнң")
ZJ = frozenset("зж")
L = frozenset("л")

AFTER_VOICELESS = VOICELESS | VOICED_OBSTRUENTS
AFTER_VOICED = L | SONORANTS_RJU | NASALS | ZJ | VOICED_OBSTRUENTS


class Slot(Enum):
    """Where a suffix sits; stripping goes predicate → case → possessive → plural."""

    PREDICATE = 4
    CASE = 3
    POSSESSIVE = 2
    PLURAL = 1


class Harmony(Enum):
    BACK = "back"
    FRONT = "front"
    ANY = "any"


@dataclass(frozen=True)
class Suffix:
    form: str
    slot: Slot
    harmony: Harmony
    after: frozenset[str]  # final letters of the stem that license this variant
    needs_px3: bool = False  # only after a 3rd-person possessive (сапасы-н, саласы-на)
    px3: bool = False  # is a 3rd-person possessive
    not_after_px3: bool = False  # a 3rd-person possessive takes the н-form instead (сала-сы-на, not сала-сы-ға)

    @property
    def vowel_initial(self) -> bool:
        return self.form[0] in VOWELS


def _pair(back: str, front: str, slot: Slot, after: frozenset[str], **flags: bool) -> list[Suffix]:
    return [Suffix(back, slot, Harmony.BACK, after, **flags), Suffix(front, slot, Harmony.FRONT, after, **flags)]


_NOTHING: frozenset[str] = frozenset()
_CONSONANTS = VOICELESS | AFTER_VOICED

SUFFIXES: tuple[Suffix, ...] = tuple(
    # plural
    _pair("лар", "лер", Slot.PLURAL, VOWELS | SONORANTS_RJU)
    + _pair("дар", "дер", Slot.PLURAL, L | NASALS | ZJ | VOICED_OBSTRUENTS)
    + _pair("тар", "тер", Slot.PLURAL, AFTER_VOICELESS)
    # possessive: 3rd person, 1st plural (еліміз), 2nd polite (еліңіз).  1st/2nd singular
    # (-ым, -ың) are left alone: they would read ұйым as ұй-ым.
    + _pair("сы", "сі", Slot.POSSESSIVE, VOWELS, px3=True)
    + _pair("ы", "і", Slot.POSSESSIVE, _CONSONANTS, px3=True)
    + _pair("мыз", "міз", Slot.POSSESSIVE, VOWELS)
    + _pair("ымыз", "іміз", Slot.POSSESSIVE, _CONSONANTS)
    + _pair("ңыз", "ңіз", Slot.POSSESSIVE, VOWELS)
    + _pair("ыңыз", "іңіз", Slot.POSSESSIVE, _CONSONANTS)
    # genitive
    + _pair("ның", "нің", Slot.CASE, VOWELS | NASALS)
    + _pair("дың", "дің", Slot.CASE, L | SONORANTS_RJU | ZJ | VOICED_OBSTRUENTS)
    + _pair("тың", "тің", Slot.CASE, AFTER_VOICELESS)
    # accusative
    + _pair("ны", "ні", Slot.CASE, VOWELS, not_after_px3=True)
    + _pair("ды", "ді", Slot.CASE, AFTER_VOICED)
    + _pair("ты", "ті", Slot.CASE, AFTER_VOICELESS)
    + [Suffix("н", Slot.CASE, Harmony.ANY, _NOTHING, needs_px3=True)]
    # dative
    + _pair("ға", "ге", Slot.CASE, VOWELS | AFTER_VOICED, not_after_px3=True)
    + _pair("қа", "ке", Slot.CASE, AFTER_VOICELESS)
    + _pair("на", "не", Slot.CASE, _NOTHING, needs_px3=True)
    # locative, and locative + -ғы/-гі ("саласындағы": the one in the field)
    + _pair("да", "де", Slot.CASE, VOWELS | AFTER_VOICED, not_after_px3=True)
    + _pair("та", "те", Slot.CASE, AFTER_VOICELESS)
    + _pair("нда", "нде", Slot.CASE, _NOTHING, needs_px3=True)
    + _pair("дағы", "дегі", Slot.CASE, VOWELS | AFTER_VOICED, not_after_px3=True)
    + _pair("тағы", "тегі", Slot.CASE, AFTER_VOICELESS)
    + _pair("ндағы", "ндегі", Slot.CASE, _NOTHING, needs_px3=True)
    # ablative
    + _pair("дан", "ден", Slot.CASE, VOWELS | L | SONORANTS_RJU | ZJ | VOICED_OBSTRUENTS, not_after_px3=True)
    + _pair("нан", "нен", Slot.CASE, NASALS)
    + _pair("нан", "нен", Slot.CASE, _NOTHING, needs_px3=True)
    + _pair("тан", "тен", Slot.CASE, AFTER_VOICELESS)
    # instrumental: front only in the standard spelling
    + [
        Suffix(form, Slot.CASE, Harmony.ANY, after)
        for forms, after in (
            (("мен", "менен"), VOWELS | L | SONORANTS_RJU | NASALS),
            (("бен", "бенен"), ZJ | VOICED_OBSTRUENTS),
            (("пен", "пенен"), AFTER_VOICELESS),
        )
        for form in forms
    ]
    # predicate: "I am / we are …" after a consonant (тиіспіз, дайынбыз).  After a vowel (-мын,
    # -мыз) it reads like px3 + accusative of a stem in -м (сенім-і-н), which is far more common;
    # 2nd person -сыз would eat the derivational -сыз (қауіпсіз).
    + _pair("бын", "бін", Slot.PREDICATE, NASALS | ZJ | VOICED_OBSTRUENTS)
    + _pair("пын", "пін", Slot.PREDICATE, AFTER_VOICELESS)
    + _pair("быз", "біз", Slot.PREDICATE, NASALS | ZJ | VOICED_OBSTRUENTS)
    + _pair("пыз", "піз", Slot.PREDICATE, AFTER_VOICELESS)
)

# Every written form of any suffix: what may follow a hyphen after an abbreviation (ИСО-ның,
# ИСО-ң, ГОСТ-тың), where harmony and assimilation follow the letters' names, not their spelling.
ABBREVIATION_ENDINGS = frozenset({suffix.form for suffix in SUFFIXES} | {"ң"})


def folded_suffixes() -> tuple[Suffix, ...]:
    """The same table for text typed without Kazakh letters (fold applied to forms and licences)."""
    return tuple(
        Suffix(
            fold(suffix.form),
            suffix.slot,
            suffix.harmony,
            frozenset(fold("".join(suffix.after))),
            suffix.needs_px3,
            suffix.px3,
            suffix.not_after_px3,
        )
        for suffix in SUFFIXES
    )
