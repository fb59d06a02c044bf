"""Repair typing and scanning defects in Kazakh text, logging every change.

The two source texts were typed on the wrong keyboard layout in places, were
scanned with OCR that confuses letters across vowel harmony, and keep the
hyphens and missing spaces of their printed layout.  Search reuses the same
repairs on queries, so every rule must be safe on short arbitrary input and
must never touch numbers, codes or years ("1921", "ИСО 9001", "ГОСТ-1.0-92",
"2,500", "30%", "ТК 12").

>>> repair("халы0аралы0 09рыл5ан").text
'халықаралық құрылған'
>>> repair_query("ИСО 9001")
'ИСО 9001'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from glossary.text.tokens import word_parts

__all__ = ["Change", "Repaired", "repair", "repair_query", "text_lexicon"]

# The Kazakh keyboard layout puts these letters on the digit row (unshifted).
LAYOUT_DIGITS = {"2": "ә", "3": "і", "4": "ң", "5": "ғ", "8": "ү", "9": "ұ", "0": "қ"}

BACK_VOWELS = frozenset("аоұы")
FRONT_VOWELS = frozenset("әөүіе")
BACK_CONSONANTS = frozenset("қғ")
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
LATIN_TO_CYRILLIC = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")
CYRILLIC_TO_LATIN = str.maketrans("асеорхуАВСЕНКМОРТХ", "aceopxyABCEHKMOPTX")
CYRILLIC_LOOKALIKES = frozenset("асеорхуАВСЕНКМОРТХ")

# Whole-token OCR misreadings that vowel harmony cannot decide (acronyms have no vowels to go by).
KNOWN_MISREADINGS = {"БҮҮ": "БҰҰ"}

# Endings written straight after a numeral ("400дейі", "3ші", "1990-ы"): such a token is a number, not a word.
NUMERAL_SUFFIX = re.compile(
    r"(?:ы|і|сы|сі|н?шы|н?ші|[ғгқк][аеы]?|[ғгқк]і|[дтн]?[ае]|н?[дт][ае]|[дтн][ае]н|[дтн][ыі]ң|[дтн][ыі]|"
    r"[мбп]ен|[дт][ае][йи]ы?н?|[дт]ей[іи]н?|[лдт][ае]р|[дт]?[ае]ғы|[дт]?егі|н[дт][ае]ғы|н[дт]егі)+"
)
# Case endings written after an acronym with a hyphen ("КСРО-да", "ИСО-ның").
ACRONYM_SUFFIX = re.compile(r"(?:[ндт]?[ыі]ң|[ндт]?[ае]н?|[ғгқк][аеы]|[дт][ыі]|н[ыі]|[мбп]ен|[лдт][ае]р)+")
CYRILLIC_LETTER = re.compile(rf"[{CYRILLIC}]")


@dataclass(frozen=True)
class Change:
    """One edit: ``old`` at ``text[start:end]`` of the input became ``new``, by ``rule``."""

    start: int
    end: int
    old: str
    new: str
    rule: str


@dataclass(frozen=True)
class Repaired:
    """The repaired text and the edits that produced it, in input order."""

    text: str
    changes: list[Change] = field(default_factory=list)


def repair(text: str, *, lexicon: Collection[str] | None = None) -> Repaired:
    """Repair ``text``; ``lexicon`` (lower-case words) decides line-break hyphens, default: the text's own words.

    >>> [c.rule for c in repair("стан- дарттау, қамтылады.Сондықтан").changes]
    ['line-break-hyphen', 'space-after-full-stop']
    """
    words = lexicon if lexicon is not None else text_lexicon(text)
    edits = sorted([*_separator_edits(text, words), *_word_edits(text)], key=lambda c: (c.start, c.end))
    out: list[str] = []
    position = 0
    for change in edits:
        out.append(text[position : change.start])
        out.append(change.new)
        position = change.end
    out.append(text[position:])
    return Repaired("".join(out), edits)


def repair_query(text: str) -> str:
    """Repair a search query the way the corpus was repaired, and trim it.

    >>> repair_query("  9001 ")
    '9001'
    """
    return repair(text).text.strip()


# --- separators: hyphens, spaces ---------------------------------------------------------------

LINE_BREAK_HYPHEN = re.compile(rf"(?<=[{CYRILLIC}])(-|\u00ad)([ \t]*\n?[ \t]*)(?=[{CYRILLIC}])")
MISSING_SPACE_AFTER_STOP = re.compile(rf"(?<=[{CYRILLIC}]{{2}})([.!?])(?=[{CYRILLIC}])")
MISSING_SPACE_AFTER_COMMA = re.compile(rf"(?<=[{CYRILLIC}]),(?=[{CYRILLIC}])")
LOOSE_WHITESPACE = re.compile(r"[^\S\n]{2,}|[^\S\n ]")


def text_lexicon(text: str) -> set[str]:
    """The lower-case words of ``text``, leaving out halves of words split by a line-break hyphen."""
    counts = Counter(part.text.lower() for part in word_parts(text) if not part.text.isdigit())
    for match in LINE_BREAK_HYPHEN.finditer(text):
        for half in (_word_before(text, match.start()), _word_after(text, match.end())):
            counts[half.lower()] -= 1
    return {word for word, count in counts.items() if count > 0}


def _separator_edits(text: str, lexicon: Collection[str]) -> Iterator[Change]:
    joined: list[Change] = []
    for match in LINE_BREAK_HYPHEN.finditer(text):
        if match.group(1) == "-" and not match.group(2):
            continue  # a real hyphen: "ИСО-ның", "азық-түлік"
        glue = _join_hyphenated(_word_before(text, match.start()), _word_after(text, match.end()), lexicon)
        if glue is not None:
            joined.append(Change(match.start(), match.end(), match.group(), glue, "line-break-hyphen"))
    yield from joined
    for match in MISSING_SPACE_AFTER_STOP.finditer(text):
        if _word_before(text, match.start())[-1].islower() and _word_after(text, match.end())[0].isupper():
            yield Change(match.end(), match.end(), "", " ", "space-after-full-stop")
    for match in MISSING_SPACE_AFTER_COMMA.finditer(text):
        yield Change(match.end(), match.end(), "", " ", "space-after-comma")
    for match in LOOSE_WHITESPACE.finditer(text):
        if not any(c.start <= match.start() and match.end() <= c.end for c in joined):
            yield Change(match.start(), match.end(), match.group(), " ", "whitespace")


def _join_hyphenated(left: str, right: str, lexicon: Collection[str]) -> str | None:
    """What "left- right" stands for: "" (one word), "-" (acronym + ending) or None (a dash; leave it)."""
    if left.isupper() and len(left) > 1:
        return "-" if right.islower() and ACRONYM_SUFFIX.fullmatch(right) else None
    if not (left.islower() and right.islower()):
        return None
    joined = (left + right).lower()
    if joined in lexicon or any(word.startswith(joined) for word in lexicon if len(word) > len(joined)):
        return ""
    if right.lower() in lexicon:
        return None  # "қызметі- стандарттау": two words around a dash
    return ""


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    return text[start:index]


def _word_after(text: str, index: int) -> str:
    end = index
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[index:end]


# --- words: layout digits, OCR letters, look-alike Latin letters -----------------------------------


def _word_edits(text: str) -> Iterator[Change]:
    # Parts, not whole words: the ending of "ИСО-ның" is judged apart from the abbreviation.
    for part in word_parts(text):
        after_hyphen = part.start > 0 and text[part.start - 1] in "-–"
        for fixed, rule in _fix_word(part.text, after_hyphen=after_hyphen):
            yield from _diff(part.start, part.text, fixed, rule)


def _fix_word(word: str, *, after_hyphen: bool) -> Iterator[tuple[str, str]]:
    """Yield (word with one rule applied, rule): rules after the first see each other's output."""
    if not CYRILLIC_LETTER.search(word):
        return
    if word in KNOWN_MISREADINGS:
        yield KNOWN_MISREADINGS[word], "ocr-known-misreading"
        return
    if any(c.isdigit() for c in word):
        yield _fix_layout_digits(word), "layout-digit"
        return
    if any("a" <= c.lower() <= "z" for c in word):
        yield _fix_latin_lookalikes(word), "latin-lookalike"
        return
    if word.isupper() or len(word) < 2:
        return
    current = word
    for rule, fix in OCR_RULES:
        fixed = fix(current, after_hyphen)
        if fixed != current:
            yield _only_new(word, current, fixed), rule
            current = fixed


def _only_new(word: str, before: str, after: str) -> str:
    """``word`` with just the letters that changed from ``before`` to ``after`` (all three have one length)."""
    return "".join(a if a != b else w for w, b, a in zip(word, before, after, strict=True))


def _fix_layout_digits(word: str) -> str:
    """ "халы0аралы0" → "халықаралық", unless the token is a number with an ending ("400дейі") or a code."""
    if any(c.isdigit() and c not in LAYOUT_DIGITS for c in word):
        return word
    letters = "".join(c for c in word if not c.isdigit())
    if letters.isupper() or any("a" <= c.lower() <= "z" for c in word):
        return word
    leading = re.match(r"\d+", word)
    tail = word[leading.end() :] if leading else ""
    if (
        leading
        and not any(c.isdigit() for c in tail)
        and (len(leading.group()) >= 3 or NUMERAL_SUFFIX.fullmatch(tail.lower()))
    ):
        return word
    inserted = {LAYOUT_DIGITS[c] for c in word if c.isdigit()}
    harmony = _harmony(letters)
    if harmony == "back" and inserted & {"ә", "і", "ү"}:
        return word
    if harmony == "front" and inserted & {"ұ", "қ", "ғ"}:
        return word
    fixed = "".join(LAYOUT_DIGITS.get(c, c) for c in word)
    if fixed.startswith("ң") or re.search(r"[ңқғ]{3}", fixed):
        return word
    return fixed


def _fix_latin_lookalikes(word: str) -> str:
    """A Latin «а», «о», «с» or «е» inside a Cyrillic word looks right but cannot be found: make it Cyrillic
    (and a Cyrillic look-alike inside a mostly Latin word, "ISО", Latin)."""
    latin = [c for c in word if "a" <= c.lower() <= "z"]
    cyrillic = CYRILLIC_LETTER.findall(word)
    if len(latin) > len(cyrillic) and set(cyrillic) <= CYRILLIC_LOOKALIKES:
        return word.translate(CYRILLIC_TO_LATIN)
    if not set(latin) <= set("aceopxyABCEHKMOPTX"):
        return word
    return word.translate(LATIN_TO_CYRILLIC)


def _harmony(word: str) -> str:
    """ "back", "front", "mixed" (loanwords, compounds) or "none": the word's vowel class."""
    lower = word.lower()
    back = any(c in BACK_VOWELS or c in BACK_CONSONANTS for c in lower)
    front = any(c in FRONT_VOWELS for c in lower)
    if back and front:
        return "mixed"
    return "back" if back else "front" if front else "none"


def _rest_harmony(word: str, letters: str) -> str:
    """The harmony of ``word`` leaving out the suspect ``letters``."""
    return _harmony("".join(c for c in word if c.lower() not in letters))


def _swap_case(original: str, replacement: str) -> str:
    return replacement.upper() if original.isupper() else replacement


def _fix_u_letters(word: str, _after_hyphen: bool) -> str:
    """ү in a back-vowel word is ұ ("үйым" → "ұйым"); ұ in a front-vowel word is ү."""
    harmony = _rest_harmony(word, "үұ")
    if harmony == "back":
        return word.replace("ү", "ұ").replace("Ү", "Ұ")
    if harmony == "front" and any(c in word.lower() for c in "әөі"):
        return word.replace("ұ", "ү").replace("Ұ", "Ү")
    return word


def _fix_initial_ng(word: str, after_hyphen: bool) -> str:
    """No Kazakh word begins with ң: a scanned "ңайтадан" is "қайтадан"."""
    if after_hyphen or word[0] not in "ңҢ":
        return word
    harmony = _rest_harmony(word, "ң")
    if harmony == "back":
        return _swap_case(word[0], "қ") + word[1:]
    if harmony == "front":
        return _swap_case(word[0], "к") + word[1:]
    return word


def _fix_shcha(word: str, _after_hyphen: bool) -> str:
    """щ does not occur in Kazakh words: a scanned "халықаральщ" is "халықаралық" (ь+щ read for ы+қ)."""
    lower = word.lower()
    if "щ" not in lower or not any(c in KAZAKH_LETTERS for c in lower):
        return word
    harmony = _rest_harmony(word, "щь")
    if harmony not in ("back", "front"):
        return word
    vowel, consonant = ("ы", "қ") if harmony == "back" else ("і", "к")
    fixed = re.sub("ьщ", vowel + consonant, word)
    return fixed.replace("щ", consonant)


def _fix_non_initial_o_umlaut(word: str, _after_hyphen: bool) -> str:
    """Kazakh spelling writes ө only in the first syllable: "жәнө" is "және"."""
    lower = word.lower()
    vowels = [i for i, c in enumerate(lower) if c in BACK_VOWELS or c in FRONT_VOWELS or c in "иуэюя"]
    if len(vowels) < 2 or lower[vowels[0]] in "өүоу" or not any(c in KAZAKH_LETTERS for c in lower):
        return word
    chars = list(word)
    for i in vowels[1:]:
        if lower[i] == "ө":
            chars[i] = _swap_case(word[i], "е")
    return "".join(chars)


OCR_RULES = (
    ("ocr-vowel-harmony", _fix_u_letters),
    ("ocr-initial-ng", _fix_initial_ng),
    ("ocr-shcha", _fix_shcha),
    ("ocr-o-umlaut", _fix_non_initial_o_umlaut),
)


def _diff(offset: int, old: str, new: str, rule: str) -> Iterator[Change]:
    """Changed stretches of one word (same length: per letter; else the whole word)."""
    if len(old) != len(new):
        yield Change(offset, offset + len(old), old, new, rule)
        return
    i = 0
    while i < len(old):
        if old[i] == new[i]:
            i += 1
            continue
        j = i
        while j < len(old) and old[j] != new[j]:
            j += 1
        yield Change(offset + i, offset + j, old[i:j], new[i:j], rule)
        i = j
