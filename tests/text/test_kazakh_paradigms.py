"""Every inflected form of a noun must share the noun's search key.

The forms are generated from the suffix table: plural, 3rd-person possessive and every case,
in the order Kazakh puts them, with the variant each stem's last letter and vowel call for.
This checks that the stemmer's guards (derivational endings, stems in ы/і, loanwords, short
stems) never stop it from reaching the noun.
"""

from __future__ import annotations

import pytest

from glossary.text.kazakh_suffixes import BACK_VOWELS, FRONT_VOWELS, SUFFIXES, VOWELS, Harmony, Slot
from glossary.text.tokens import analyze

NOUNS = [
    "стандарт", "ұйым", "сала", "комитет", "метрология", "сапа", "жүйе", "өндіруші", "басшы",
    "белгі", "халық", "қажеттілік", "ынтымақтастық", "сертификаттау", "талап", "кітап", "құжат",
    "өлшем", "зертхана", "бірлік", "мемлекет", "тарих", "институт", "ресурс", "процесс", "жұмыс",
    "ел", "су", "үй", "нарық", "сәйкестік", "сынақ", "техника", "материал", "энергия", "ақпарат",
    "бағдарлама", "шаруашылық", "қауіпсіздік", "тұтынушы", "сарапшы", "деңгей", "көрсеткіш", "әдіс",
    "сауда", "протокол", "модуль", "өнім", "тәуекел",
]  # fmt: skip


def _harmony(stem: str) -> Harmony:
    for char in reversed(stem):
        if char in BACK_VOWELS:
            return Harmony.BACK
        if char in FRONT_VOWELS:
            return Harmony.FRONT
    return Harmony.ANY


def _variants(stem: str, slot: Slot, *, after_px3: bool = False) -> list[str]:
    harmony = _harmony(stem)
    last = stem.removesuffix("ь")[-1]
    forms = []
    for suffix in SUFFIXES:
        if suffix.slot is not slot or suffix.form in ("мыз", "міз", "ымыз", "іміз", "ңыз", "ңіз", "ыңыз", "іңіз"):
            continue
        if after_px3 and slot is Slot.CASE:
            if suffix.not_after_px3 or (not suffix.needs_px3 and last not in suffix.after):
                continue
        elif suffix.needs_px3 or last not in suffix.after:
            continue
        if suffix.harmony in (Harmony.ANY, harmony) or harmony is Harmony.ANY:
            forms.append(suffix.form)
    return forms


def _soften(stem: str) -> str:
    """қ → ғ, к → г, п → б before a vowel (халық → халқы is elision, left to the analyzer)."""
    if stem.endswith("қ"):
        return stem[:-1] + "ғ"
    if stem.endswith("к") and stem[-2] in "әеөүі":
        return stem[:-1] + "г"
    if stem.endswith("п") and stem[-2] in VOWELS:
        return stem[:-1] + "б"
    return stem


def paradigm(noun: str) -> set[str]:
    bases = [(noun, False)] + [(noun + plural, False) for plural in _variants(noun, Slot.PLURAL)]
    for base, _ in list(bases):
        for px3 in _variants(base, Slot.POSSESSIVE):
            if px3 in ("ы", "і", "сы", "сі"):
                bases.append(((_soften(base) if px3[0] in VOWELS else base) + px3, True))
    forms = set()
    for base, has_px3 in bases:
        forms.add(base)
        forms.update(base + case for case in _variants(base, Slot.CASE, after_px3=has_px3))
    return forms


@pytest.mark.parametrize("noun", NOUNS)
def test_every_form_of_a_noun_shares_its_key(noun):
    key = analyze(noun, "kk")[0].folded
    forms = paradigm(noun)
    assert len(forms) > 20
    assert sorted(form for form in forms if analyze(form, "kk")[0].folded != key) == []
