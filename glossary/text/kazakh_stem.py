"""A rule-based Kazakh stemmer for search: strips case, possessive and plural suffixes, and conjugation.

A verb form gives its root (стандартталған → стандартта; see :mod:`glossary.text.kazakh_verbs`),
or, in the folded spelling search keys use, its verbal noun (стандарттау), the form terms are in.

Only inflection is stripped, each variant only after the letters that license it and only in
harmony with the stem, so ``стандарттардың`` → ``стандарт`` while ``стандарттау``
(standardization) stays itself.  An abbreviation with a hyphenated ending (``ИСО-ның``) gives
the abbreviation.  When several analyses are possible, a lexicon of known stems (e.g. the term
base's own terms) picks; otherwise the deepest analysis that passes every guard wins.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, replace
from functools import lru_cache

from glossary.text.fold import fold
from glossary.text.kazakh_closed_class import IRREGULAR, UNINFLECTED
from glossary.text.kazakh_suffixes import (
    ABBREVIATION_ENDINGS,
    BACK_VOWELS,
    FRONT_VOWELS,
    LOANWORD_LETTERS,
    SUFFIXES,
    VOWELS,
    Harmony,
    Slot,
    Suffix,
    folded_suffixes,
)
from glossary.text.kazakh_verbs import EXACT_VERBS, FOLDED_VERBS, VerbSpelling, verb_roots, verbal_noun
from glossary.text.kazakh_word_stems import WORD_STEMS

MIN_STEM = 2
#: The lower-case letters of the Kazakh Cyrillic alphabet: a word with any other character is not stemmed.
_KAZAKH_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
# Two-consonant endings a stem may have (native: жұрт, ант, қорқ; loans: центр, механизм, индекс).
# fmt: off
_FINAL_CLUSTERS = frozenset({
    "рт", "лт", "нт", "йт", "рқ", "рк", "йқ", "йк", "ст", "рд", "нк", "нд", "кт", "рм", "лм", "рс",
    "ск", "зм", "нг", "тр", "пт", "фт", "кс", "мп", "лп", "рп", "сп", "нц", "рл",
    "лд", "рф", "мб", "сс", "лл", "мм", "бр", "др", "гр", "фр", "вр", "ль", "нь", "рь", "сь", "ть",
    "зь", "мь", "пь", "вь",
})
# fmt: on
# Endings left when a vowel-initial suffix drops a stem's last high vowel: халық → халқы, орын → орны.
_ELIDING_CLUSTERS = frozenset({"лқ", "лк", "рн", "йн"})


@dataclass(frozen=True)
class _Alphabet:
    """The suffix table and letter classes for exact Kazakh spelling, or for folded spelling."""

    suffixes_by_last_letter: dict[str, tuple[tuple[str, int, Suffix], ...]]  # (form, slot rank, suffix)
    vowels: frozenset[str]
    back: frozenset[str]
    front: frozenset[str]
    clusters: frozenset[str]
    restore_after: dict[str, frozenset[str]]  # г/ғ/б back to к/қ/п after these vowels
    uninflected: frozenset[str]
    irregular: dict[str, str]
    # Stems that end like a suffix (маңызды, кісі, орын), kept when reached.  Lemmas only: search keys
    # meet their lemmas more often without them (маңызды keys as маңыз on every side), as with -лы.
    word_stems: frozenset[str]
    syllabic: frozenset[str]  # vowels and у: a consonant for licensing (тау-дың) but it carries a syllable
    # Read -лы/-лі as the adjective suffix (пайдалы) rather than л + possessive (тәуекел-і)?  Right more
    # often for lemmas, but search keys meet their lemmas more often without it (the adjective then
    # keys as its noun-like stem on every side), so folded keys do not.
    keeps_ly_adjectives: bool
    verbs: VerbSpelling
    # Give a verb form as its -у noun (стандартталған → стандарттау) rather than its root (стандартта)?
    # Search keys do, so that a form meets the verbal-noun term; lemmas give the root, as dictionaries do.
    verbs_as_nouns: bool

    @classmethod
    def build(cls, suffixes: tuple[Suffix, ...], folded: bool) -> _Alphabet:
        by_last: dict[str, list[Suffix]] = {}
        for suffix in suffixes:
            by_last.setdefault(suffix.form[-1], []).append(suffix)
        if folded:
            # After folding, а ә, о ө, у ұ ү, и і look alike: only ы/я (back) and е (front) tell.
            back, front = frozenset("ыя"), frozenset("е")
            restore = {"г": frozenset("аеиыя"), "б": frozenset("аеиыяо")}
        else:
            back, front = BACK_VOWELS, FRONT_VOWELS
            restore = {"ғ": VOWELS, "г": frozenset("әеэөүі"), "б": frozenset("аәеэыіөүоұ")}
        return cls(
            suffixes_by_last_letter={
                k: tuple((s.form, s.slot.value, s) for s in sorted(v, key=lambda s: -len(s.form)))
                for k, v in by_last.items()
            },
            vowels=frozenset(fold("".join(VOWELS))) | VOWELS if folded else VOWELS,
            back=back,
            front=front,
            clusters=frozenset(fold(c) for c in _FINAL_CLUSTERS) if folded else _FINAL_CLUSTERS,
            restore_after=restore,
            uninflected=frozenset(fold(word) for word in UNINFLECTED) if folded else UNINFLECTED,
            irregular={fold(k): fold(v) for k, v in IRREGULAR.items()} if folded else IRREGULAR,
            word_stems=frozenset() if folded else WORD_STEMS,
            syllabic=(frozenset(fold("".join(VOWELS))) | VOWELS if folded else VOWELS) | {"у"},
            keeps_ly_adjectives=not folded,
            verbs=FOLDED_VERBS if folded else EXACT_VERBS,
            verbs_as_nouns=folded,
        )

    def harmony(self, stem: str) -> Harmony:
        """The harmony of the last vowel that tells; ANY if it is ambiguous.

        у is a consonant after a vowel (тау) and at the end of a verbal noun (келу), so it is
        skipped there; before a consonant in a loanword (ресурс, форум) it is a back vowel.
        """
        folded = "ә" not in self.front
        for index in range(len(stem) - 1, -1, -1):
            char = stem[index]
            if char == "и":
                return Harmony.ANY  # тарих-ы but саммит-ке: и does not tell
            if char in "ую":
                if index == len(stem) - 1 or (index > 0 and stem[index - 1] in self.vowels):
                    continue
                return Harmony.ANY if folded else Harmony.BACK  # folded у may be ү (түр) as well
            if char in self.back:
                return Harmony.BACK
            if char in self.front:
                return Harmony.FRONT
            if char in self.vowels:
                return Harmony.ANY
        return Harmony.ANY

    def acceptable_stem(self, stem: str) -> bool:
        """Long enough, has a vowel, and does not end in a consonant cluster Kazakh words never end in."""
        syllabic = self.syllabic
        if len(stem) < MIN_STEM or syllabic.isdisjoint(stem):
            return False
        if len(stem) == MIN_STEM and stem[-1] in self.vowels and stem[-1] not in "иу":
            return False  # two-letter stems are closed syllables (ел, үй, ат; folded үй is уи) or end in у (су)
        ending = stem.replace("ь", "")[-2:]  # the soft sign is silent: фильм ends in лм
        return ending[0] in syllabic or ending[1] in syllabic or ending in self.clusters

    def unelided(self, stem: str, suffix: Suffix) -> str | None:
        """халқ-ы → халық, орн-ы → орын: put back the high vowel a vowel-initial suffix drops."""
        if stem[-2:] in _ELIDING_CLUSTERS:
            vowel = "ы" if suffix.harmony is Harmony.BACK else ("і" if "ә" in self.front else "и")
            return stem[:-1] + vowel + stem[-1]
        return None

    def restored(self, stem: str) -> str | None:
        """The stem with its final voiced consonant restored (ынтымақтастығ-ын → ынтымақтастық)."""
        last = stem[-1]
        if last in self.restore_after and len(stem) > 1 and stem[-2] in self.restore_after[last]:
            return stem[:-1] + {"ғ": "қ", "г": "к", "б": "п"}[last]
        return None


# Clusters a noun ends in only by eliding a high vowel before a vowel (ерік → еркі, ырық → ырқы), which
# :meth:`_Alphabet.unelided` does not undo: a vowel-initial possessive is not cut after them, so the
# adjectives in -ын/-ін (еркін, жарқын, айқын, жойқын, серпін) stay whole.
_NO_PX3_AFTER = frozenset({"рқ", "рк", "йқ", "йк", "рп"})

# Before a final ы/і: agent nouns (басшы-сы) and deverbal nouns (белгі-сі, күлкі-сі, қорытынды-сы).
_YI_STEM_LETTERS = frozenset("шгкд")

_AFTER_VOWEL_ACCUSATIVE = frozenset({"ны", "ні", "ни"})
_CASE = Slot.CASE.value
_OUTERMOST = max(slot.value for slot in Slot) + 1
_FIRST_PLURAL_AFTER_VOWEL = frozenset({"мыз", "міз"})

_EXACT = _Alphabet.build(SUFFIXES, folded=False)
_FOLDED = _Alphabet.build(folded_suffixes(), folded=True)
# The rules alone, without the common-word list: how scripts/measure_stemmer.py shows what the list adds.
_EXACT_RULES_ONLY = replace(_EXACT, word_stems=frozenset())
_STRIPPABLE_ENDINGS = ABBREVIATION_ENDINGS | frozenset(fold(form) for form in ABBREVIATION_ENDINGS)


def _licensed(suffix: Suffix, stem: str, alphabet: _Alphabet) -> bool:
    last = stem[-2] if stem[-1] == "ь" and len(stem) > 1 else stem[-1]  # модуль-дер: ь is silent
    if not suffix.needs_px3 and last not in suffix.after:
        return False
    if suffix.harmony is not Harmony.ANY and not LOANWORD_LETTERS.intersection(stem):
        stem_harmony = alphabet.harmony(stem)
        if stem_harmony is not Harmony.ANY and stem_harmony is not suffix.harmony:
            return False
    if suffix.px3 and suffix.vowel_initial and stem[-1] == "ш" and len(stem) >= 4 and stem[-2] not in "ыіи":
        return False  # -шы/-ші makes agent nouns (өндіруші): kept; but көрсеткіш-і, өтініш-і are px3
    if (
        (suffix.px3 or suffix.form in _AFTER_VOWEL_ACCUSATIVE)
        and not suffix.vowel_initial
        and stem[-1] in "ыіи"
        and (len(stem) < 4 or stem[-2] not in _YI_STEM_LETTERS)
    ):
        return False  # few stems end in ы/і (жұмыс-ы-н, not жұмы-сы-н) but agent nouns and -ғы/-гі nouns do
    if (
        alphabet.keeps_ly_adjectives
        and suffix.px3
        and suffix.vowel_initial
        and stem[-1] == "л"
        and _adjective_base(stem[:-1], alphabet)
        and not _looks_borrowed(stem, alphabet)
    ):
        return False  # -лы/-лі makes adjectives (пайдалы, шектеулі, дәстүрлі): kept; but материал-ы is px3
    if suffix.px3 and suffix.vowel_initial and stem[-2:] in _NO_PX3_AFTER:
        return False
    if suffix.px3 and suffix.vowel_initial and stem.endswith("ұл") and len(stem) > 2:
        return False  # a patronymic (Әбішұлы, Назарбайұлы) is a name of its own, ending in ұлы "son of"
    if suffix.form in _FIRST_PLURAL_AFTER_VOWEL and len(stem) < 3:
        return False  # тамыз, семіз are not та-мыз, се-міз
    return alphabet.acceptable_stem(stem)


_VOWEL_PAIRS = re.compile(r"[иэе][ао]|[ао][ао]")


def _looks_borrowed(stem: str, alphabet: _Alphabet) -> bool:
    """Loanword signs Kazakh words lack: в ф ч…, two vowels in a row (материал), о/ө after the first syllable
    (протокол, персонал), back and front vowels mixed (модель)."""
    if not LOANWORD_LETTERS.isdisjoint(stem) or _VOWEL_PAIRS.search(stem):
        return True
    vowels = [char for char in stem if char in alphabet.vowels and char not in "иуюя"]
    if any(char in "оө" for char in vowels[1:]):
        return True
    return not alphabet.back.isdisjoint(vowels) and not alphabet.front.isdisjoint(vowels)


def _adjective_base(base: str, alphabet: _Alphabet) -> bool:
    """Whether ``base`` + -лы/-лі reads as a derived adjective rather than a stem in л + px3."""
    syllables = sum(char in alphabet.vowels for char in base)
    return syllables >= 2 or (syllables >= 1 and base[-1:] in ("у", "р"))


def _softened(stem: str, suffix: Suffix, alphabet: _Alphabet) -> bool:
    """Whether a borrowed stem in л before a front vowel-initial suffix lost its soft sign (модель → моделі):
    a loanword in hard л takes back suffixes (материал-ы, протокол-ы), so the front one marks the ь."""
    return (
        suffix.vowel_initial
        and suffix.harmony is Harmony.FRONT
        and stem[-1] == "л"
        and len(stem) > 2
        and stem[-2] in alphabet.vowels  # модел-, корол-, but not қадірл-і (қадірлі)
        and "ә" in alphabet.front  # exact spelling only: folded е/и do not tell front from back
        and _looks_borrowed(stem, alphabet)
    )


def _analyses(word: str, alphabet: _Alphabet) -> list[str]:
    """Every stem reachable by stripping suffixes in the order predicate → case → possessive → plural."""
    found: list[str] = []

    def strip(form: str, below: int, need_px3: bool, no_px3: bool = False) -> None:
        for suffix_form, rank, suffix in alphabet.suffixes_by_last_letter.get(form[-1], ()):
            if rank >= below or (need_px3 and not suffix.px3) or (no_px3 and suffix.px3):
                continue
            if not form.endswith(suffix_form) or len(form) <= len(suffix_form):
                continue
            stem = form[: -len(suffix_form)]
            if _softened(stem, suffix, alphabet):
                stem += "ь"  # модел-і → модель, корол-і → король: the soft sign drops before a vowel
            elif suffix_form[0] == "т" and stem.endswith("ис") and "ә" in alphabet.front:
                stem += "т"  # журналис-тер → журналист: a final т of -ист merges into the suffix's т
            if not _licensed(suffix, stem, alphabet):
                unelided = alphabet.unelided(stem, suffix) if suffix.px3 and suffix.vowel_initial else None
                if unelided is not None and _licensed(suffix, unelided, alphabet):
                    found.append(unelided)
                continue
            if suffix.needs_px3:
                strip(stem, _CASE, need_px3=True)
                continue
            if suffix.vowel_initial:
                restored = alphabet.restored(stem)
                if restored is not None:
                    found.append(restored)
            found.append(stem)
            strip(stem, rank, need_px3=False, no_px3=suffix.not_after_px3)

    strip(word, _OUTERMOST, need_px3=False)
    return found


def _verb_roots(word: str, analyses: list[str], alphabet: _Alphabet) -> list[str]:
    """Verb roots of the word itself, then of its nominal analyses (жасалғаны → жасалған → жаса)."""
    roots = verb_roots(word, alphabet.verbs, alphabet.acceptable_stem)
    for candidate in dict.fromkeys(analyses):
        noun_too = candidate[:-1] in analyses  # теңген-і or теңге-ні
        roots.extend(
            verb_roots(candidate, alphabet.verbs, alphabet.acceptable_stem, participles_only=True, marked_only=noun_too)
        )
    return list(dict.fromkeys(roots))


def _choose(
    word: str, analyses: list[str], roots: list[str], alphabet: _Alphabet, lexicon: Container[str] | None
) -> str:
    """The deepest cut the lexicon knows; else the word if it knows it; else the verb reading, else the
    deepest nominal analysis.  Cuts first: a lexicon of term words also holds inflected words of
    multi-word terms (жазбаша түрде), which must not stop түрде from meeting түр."""
    if lexicon is not None:
        known = [stem for stem in analyses if stem in lexicon]
        known += [root for root in roots if root in lexicon or verbal_noun(root, alphabet.verbs) in lexicon]
        if known:
            return _as_output(min(known, key=len), roots, alphabet)
        if word in lexicon:
            return word
    if roots:
        return _as_output(roots[0], roots, alphabet)
    if not analyses:
        return word
    return min(analyses, key=len)


def _as_output(stem: str, roots: list[str], alphabet: _Alphabet) -> str:
    if alphabet.verbs_as_nouns and stem in roots:
        return verbal_noun(stem, alphabet.verbs)
    return stem


_PREDICATE_AFTER_VOWEL = ("мын", "мін", "мыз", "міз")


def _without_predicate(word: str) -> str:
    """қуаныштымын → қуанышты: the 1st-person predicate after a vowel, which the suffix table leaves out
    (it reads like px3 + accusative, сенім-і-н); tried only against the known stems."""
    if word.endswith(_PREDICATE_AFTER_VOWEL) and len(word) > 4 and word[-4] in VOWELS:
        return word[:-3]
    return word


_HYPHENS = "-‐‑"
_APOSTROPHES = "'’ʼ"
_JOINERS = frozenset(_HYPHENS + _APOSTROPHES)


def _split_at_last_joiner(lower: str) -> tuple[str, str, str]:
    """``исо-ның`` → (``исо``, ``-``, ``ның``); the joiner is a hyphen or an apostrophe (ИСО'ның)."""
    index = max(lower.rfind(char) for char in _HYPHENS + _APOSTROPHES)
    return lower[:index], lower[index], lower[index + 1 :]


@lru_cache(maxsize=4096)
def _is_suffix_chain(tail: str) -> bool:
    if not tail:
        return True
    return any(tail.startswith(form) and _is_suffix_chain(tail[len(form) :]) for form in _STRIPPABLE_ENDINGS)


_PERCENTAGE = re.compile(r"(\d+(?:[.,]\d+)?)%")


def _stem(word: str, lexicon: Container[str] | None, alphabet: _Alphabet) -> str:
    stem = _stem_word(word, lexicon, alphabet)
    percentage = _PERCENTAGE.fullmatch(stem)
    return percentage.group(1) if percentage else stem  # 36%-ы → 36: the number is the lemma, as for 2020-ның


def _stem_word(word: str, lexicon: Container[str] | None, alphabet: _Alphabet) -> str:
    lower = word.lower()
    if not _JOINERS.isdisjoint(lower):
        head, joiner, tail = _split_at_last_joiner(lower)
        if head and tail and _is_suffix_chain(tail):
            return head  # an abbreviation or a number with its ending: ИСО-ның, ТК-ға, 2020-ның
        if joiner in _APOSTROPHES or not tail:
            return lower
        return f"{head}{joiner}{_stem_word(tail, lexicon, alphabet)}"  # a compound: its last part inflects
    if not lower or not _KAZAKH_LETTERS.issuperset(lower):
        return lower
    if word.isupper() and len(word) <= 5:
        return lower  # an abbreviation (ТМД, ГОСТ) is not inflected without a hyphen
    if lower in alphabet.irregular:
        return alphabet.irregular[lower]
    if lower in alphabet.uninflected:
        return lower
    analyses = _analyses(lower, alphabet)
    known = [stem for stem in (lower, *analyses, _without_predicate(lower)) if stem in alphabet.word_stems]
    if known:
        return max(known, key=len)
    stem = _choose(lower, analyses, _verb_roots(lower, analyses, alphabet), alphabet, lexicon)
    return alphabet.irregular.get(stem, stem)


@lru_cache(maxsize=200_000)
def _stem_cached(word: str) -> str:
    return _stem(word, None, _EXACT)


@lru_cache(maxsize=200_000)
def _stem_folded_cached(word: str) -> str:
    return _stem(word, None, _FOLDED)


def stem_kk(word: str, lexicon: Container[str] | None = None, *, common_words: bool = True) -> str:
    """The lower-cased stem of a Kazakh word: inflection stripped, derivation kept.

    ``common_words=False`` leaves out the list of common words that end like a suffix
    (:mod:`glossary.text.kazakh_word_stems`), to measure the rules alone.

    >>> stem_kk("стандарттардың"), stem_kk("стандарттау"), stem_kk("ИСО-ның")
    ('стандарт', 'стандарттау', 'исо')
    """
    if not common_words:
        return _stem(word, lexicon, _EXACT_RULES_ONLY)
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
