"""How an abbreviation, a number or a code is read aloud, which decides the suffix after its hyphen.

Kazakh attaches a suffix to what is heard: ИСО is read as a word ("исо", so
ИСО-ның), ГОСТ as a word ending in т (ГОСТ-тың), ТМД letter by letter or by
its full form «Тәуелсіз Мемлекеттер Достастығы» (ТМД-ның, ТМД-ға), 9001 as
«тоғыз мың бір» (9001-ге).  A form is right when ANY plausible reading
licenses it, so a finding is a form that no reading allows.
"""

from __future__ import annotations

import re

from glossary.text.kazakh_suffixes import BACK_VOWELS, FRONT_VOWELS, Harmony
from glossary.text.translit import has_latin, latin_to_kk

# The names of the letters, as the Kazakh alphabet teaches them.
KAZAKH_LETTER_NAMES = {
    "а": "а", "ә": "ә", "б": "бе", "в": "ве", "г": "ге", "ғ": "ғе", "д": "де", "е": "е", "ё": "ё",
    "ж": "же", "з": "зе", "и": "и", "й": "и", "к": "ка", "қ": "қа", "л": "эл", "м": "эм", "н": "эн",
    "ң": "эң", "о": "о", "ө": "ө", "п": "пе", "р": "эр", "с": "эс", "т": "те", "у": "у", "ұ": "ұ",
    "ү": "ү", "ф": "эф", "х": "ха", "һ": "һа", "ц": "це", "ч": "че", "ш": "ша", "щ": "ща", "ы": "ы",
    "і": "і", "э": "э", "ю": "ю", "я": "я",
}  # fmt: skip
# Latin letters as Kazakh and Russian speakers spell them out (I-Ti, ай-ти).
LATIN_LETTER_NAMES = {
    "a": "эй", "b": "би", "c": "си", "d": "ди", "e": "и", "f": "эф", "g": "джи", "h": "эйч", "i": "ай",
    "j": "джей", "k": "кей", "l": "эл", "m": "эм", "n": "эн", "o": "оу", "p": "пи", "q": "кью", "r": "ар",
    "s": "эс", "t": "ти", "u": "ю", "v": "ви", "w": "дабл-ю", "x": "экс", "y": "уай", "z": "зед",
}  # fmt: skip

_UNITS = ("", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_SCALES = ((10**9, "миллиард"), (10**6, "миллион"), (10**3, "мың"))
_LAST_NUMBER = re.compile(r"(\d+)\D*$")
# Vowels that do not tell back from front on their own (и = ый/ій, у = ұу/үу, ю = йұ/йү).
_NEUTRAL = frozenset("иую")


def last_number_word(number: int) -> str:
    """The last word of ``number`` said in Kazakh: 9001 → «бір», 1990 → «тоқсан», 2000 → «мың»."""
    if number == 0:
        return "нөл"
    if number % 10:
        return _UNITS[number % 10]
    if number % 100:
        return _TENS[number % 100 // 10]
    if number % 1000:
        return "жүз"
    for scale, word in reversed(_SCALES):
        if number % (scale * 1000) or scale == 10**9:
            return word
    return "миллиард"  # pragma: no cover - the loop always returns


def spoken_forms(stem: str, expansions: tuple[str, ...] = ()) -> list[str]:
    """Plausible spoken forms of ``stem`` (lower case, Cyrillic), the last sound of each deciding the suffix.

    ``expansions`` are full forms of the abbreviation (from the term base), whose last word
    a reader may follow when the letters cannot be read as a word: ТМД → «… Достастығы».
    МАК can (as «мак»), so МАК-тың, never МАК-тің after «… кеңес».
    """
    forms: list[str] = []
    number = _LAST_NUMBER.search(stem)
    if number and not any(ch.isalpha() for ch in stem[number.start() :]):
        forms.append(last_number_word(int(number.group(1)[-12:])))
    else:
        letters = [ch for ch in stem.lower() if ch.isalpha()]
        if not letters:
            return forms
        word = latin_to_kk(stem).lower() if has_latin(stem) else "".join(letters)
        names = LATIN_LETTER_NAMES if has_latin(stem) else KAZAKH_LETTER_NAMES
        letter = names.get(letters[-1], letters[-1])
        if harmony_of(word) is not Harmony.ANY:  # it can be read as a word: ИСО, МАК, ГОСТ
            return [word, letter]
        forms.append(letter)  # ТМД, ҚР: only letter by letter, or by the full form
    for expansion in expansions:
        last = expansion.split()[-1].lower() if expansion.split() else ""
        if last and not has_latin(last):
            forms.append(last)
    return [form for form in forms if form]


def harmony_of(spoken: str) -> Harmony:
    """Back or front by the last vowel that tells (ANY when none does: «тмд», «ти»)."""
    for char in reversed(spoken):
        if char in _NEUTRAL:
            continue
        if char in BACK_VOWELS:
            return Harmony.BACK
        if char in FRONT_VOWELS:
            return Harmony.FRONT
    return Harmony.ANY


def final_letter(spoken: str) -> str:
    """The letter the next suffix assimilates to (a soft sign is silent: модуль → л)."""
    letters = [ch for ch in spoken if ch.isalpha()]
    if not letters:
        return ""
    if letters[-1] in "ьъ" and len(letters) > 1:
        return letters[-2]
    return letters[-1]
