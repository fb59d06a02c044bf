"""Kazakh Cyrillic ↔ Latin: the official 2021 alphabet, and a tolerant reading of how people type.

Latin output follows the alphabet presented in January 2021 (Ä Ğ Q Ñ Ö Ū Ü Ş Ç; Y = Ы,
I ı = І, İ i = И/Й).  Latin input is read tolerantly: the official letters, the 2017/2018
drafts (apostrophes, acutes), and plain ASCII ("sh", "ch", "zh", "kh", "gh", "ng", "ya",
"yu", "q" or "k" for қ).  Where ASCII is ambiguous (i = і or и, a = а or ә), the reading
picks one letter; :func:`glossary.text.fold.fold` then makes both choices compare equal.
"""

from __future__ import annotations

import re
import unicodedata

_TO_LATIN = {
    "а": "a",
    "ә": "ä",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ğ",
    "д": "d",
    "е": "e",
    "ё": "io",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ñ",
    "о": "o",
    "ө": "ö",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "ū",
    "ү": "ü",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "ç",
    "ш": "ş",
    "щ": "şş",
    "ъ": "",
    "ы": "y",
    "і": "ı",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}

# Lower-case Latin letters (official 2021, earlier drafts, plain ASCII) read as one Cyrillic letter.
_SINGLE = {
    "a": "а",
    "ä": "ә",
    "á": "ә",
    "b": "б",
    "c": "к",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "é": "е",
    "f": "ф",
    "g": "г",
    "ğ": "ғ",
    "ǵ": "ғ",
    "h": "х",
    "ı": "і",
    "ï": "и",
    "í": "и",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ñ": "ң",
    "ń": "ң",
    "ŋ": "ң",
    "o": "о",
    "ö": "ө",
    "ó": "ө",
    "p": "п",
    "q": "қ",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "ū": "ұ",
    "ü": "ү",
    "ú": "ү",
    "ý": "у",
    "v": "в",
    "w": "у",
    "x": "кс",
    "z": "з",
}

# Multi-letter spellings, longest first.  Context-dependent ones (ng, ts, ia, i, y) are in code.
_DIGRAPHS = (
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("gh", "ғ"),
    ("ya", "я"),
    ("yu", "ю"),
)
_APOSTROPHES = "'’ʼ`"
# 2017 draft: a letter followed by an apostrophe.
_APOSTROPHE_LETTERS = {"a": "ә", "g": "ғ", "n": "ң", "o": "ө", "u": "ү", "i": "і", "s": "ш", "c": "ч", "y": "ы"}
_LATIN_VOWELS = frozenset("aäáeéıiïíoöóuūüúýy")


_NON_CYRILLIC = re.compile(r"[\u0400-\u04ff\s\d]+")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def has_latin(text: str) -> bool:
    """Whether ``text`` contains at least one Latin letter."""
    if text.isascii():
        return _LATIN_LETTER.search(text) is not None
    return any(
        char.isalpha() and unicodedata.name(char, "").startswith("LATIN") for char in _NON_CYRILLIC.sub("", text)
    )


def kk_to_latin(text: str) -> str:
    """Write Kazakh Cyrillic ``text`` in the official 2021 Latin alphabet; other characters pass through.

    >>> kk_to_latin("Қазақстан Республикасы")
    'Qazaqstan Respublikasy'
    """
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = _TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
        elif char == lower or not latin:
            out.append(latin)
        elif lower == "і":
            out.append("I")
        elif lower in "ий":
            out.append("İ")
        elif len(latin) > 1 and _next_is_upper(text, index):
            out.append(latin.upper())
        else:
            out.append(latin[0].upper() + latin[1:])
    return "".join(out)


def _next_is_upper(text: str, index: int) -> bool:
    following = text[index + 1 : index + 2]
    return following.isupper()


def _lower_latin(char: str) -> str:
    """Lower-case one Latin letter the Kazakh way: I is the capital of ı, İ of i."""
    if char == "I":
        return "ı"
    if char == "İ":
        return "i"
    lower = char.lower()
    return lower if len(lower) == 1 else char


def latin_to_kk(text: str) -> str:
    """Read Latin-script Kazakh (official 2021 or plain ASCII) as Cyrillic; other characters pass through.

    >>> latin_to_kk("Halyqaralyq standart")
    'Халықаралық стандарт'
    >>> latin_to_kk("khalykaralyk")
    'халыкаралык'

    Roman numerals (XXI, IV) are left as they are.
    """
    low = "".join(_lower_latin(char) for char in text)
    upper = [char != low_char for char, low_char in zip(text, low, strict=True)]
    official = _official_words(text)
    out: list[str] = []
    pos = 0
    while pos < len(low):
        numeral = _ROMAN_NUMERAL.match(text, pos) if pos == 0 or not text[pos - 1].isalpha() else None
        if numeral:
            out.append(numeral.group())
            pos = numeral.end()
            continue
        cyrillic, width = _read_one(low, pos, official[pos])
        if upper[pos]:
            cyrillic = cyrillic[:1].upper() + (cyrillic[1:].upper() if _all_upper(upper, pos, width) else cyrillic[1:])
        out.append(cyrillic)
        pos += width
    return "".join(out)


_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]{2,}(?![^\W\d_])")


def _all_upper(upper: list[bool], pos: int, width: int) -> bool:
    following = upper[pos + 1 : pos + width + 1]
    return bool(following) and all(following)


# Letters only the official alphabet has (capital I is also plain ASCII, so it does not count).
_OFFICIAL_ONLY = frozenset("äğñöūüşçıÄĞÑÖŪÜŞÇ")


def _official_words(text: str) -> list[bool]:
    """Per character: is it inside a word spelled with the official letters (so "sh", "ng" are two letters)?"""
    flags = [False] * len(text)
    start = 0
    for index in range(len(text) + 1):
        if index == len(text) or not text[index].isalpha():
            if any(char in _OFFICIAL_ONLY for char in text[start:index]):
                flags[start:index] = [True] * (index - start)
            start = index + 1
    return flags


def _read_one(low: str, pos: int, official: bool = False) -> tuple[str, int]:
    """The Cyrillic reading of the Latin spelling at ``low[pos]`` and how many characters it used.

    In a word that uses official letters (ş, ñ, ğ …), "sh", "ng", "gh" are two letters
    (Asha-na, Angliia); in plain ASCII they stand for ш, ң, ғ.
    """
    char = low[pos]
    prev = low[pos - 1] if pos > 0 else ""
    nxt = low[pos + 1] if pos + 1 < len(low) else ""
    after = low[pos + 2] if pos + 2 < len(low) else ""
    if char not in _SINGLE and char not in "iy":
        return char, 1
    if nxt and nxt in _APOSTROPHES and char in _APOSTROPHE_LETTERS and (after.isalpha() or not after):
        return _APOSTROPHE_LETTERS[char], 2
    for spelling, cyrillic in _DIGRAPHS:
        if low.startswith(spelling, pos) and not (official and spelling[1] == "h"):
            return cyrillic, len(spelling)
    word_start = not prev.isalpha()
    if not official and char == "n" and nxt == "g" and after != "h":
        return "ң", 2
    if char == "t" and nxt == "s" and (word_start or (after == "i" and low[pos + 3 : pos + 4] in _LATIN_VOWELS)):
        return "ц", 2
    if char in "iı" and nxt and nxt in "au" and (word_start or prev in _LATIN_VOWELS):
        return ("я" if nxt == "a" else "ю"), 2
    if char == "i":
        if prev in _LATIN_VOWELS and (prev not in "iïí" or not nxt.isalpha() or nxt not in _LATIN_VOWELS):
            return "й", 1  # қалайын, сый, Дарий
        return "и", 1
    if char == "y":
        if prev in _LATIN_VOWELS and prev not in "iïíyuw":  # but ауыл is a-u-y-l
            return "й", 1
        return "ы", 1
    return _SINGLE[char], 1
