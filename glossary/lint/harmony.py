"""Rule ``suffix-harmony``: the Kazakh suffix after a hyphen must fit how the abbreviation, number or code is read.

The licences come from the stemmer's own suffix table (:mod:`glossary.text.kazakh_suffixes`):
which final sounds each variant follows and which harmony it has.  A hyphenated ending is
judged only when it parses as a chain of inflectional suffixes (plural → possessive → case),
so compounds such as ИСО-МЭК or ғылыми-техникалық are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from glossary.lint.findings import ERROR, Finding
from glossary.lint.prose import Prose
from glossary.lint.readings import final_letter, harmony_of, spoken_forms
from glossary.text.kazakh_suffixes import SUFFIXES, Harmony, Slot, Suffix
from glossary.text.tokens import words

RULE = "suffix-harmony"
_HYPHENS = "-‐‑"
_BY_FORM: dict[str, list[Suffix]] = {}
for _suffix in SUFFIXES:
    if _suffix.slot is not Slot.PREDICATE:
        _BY_FORM.setdefault(_suffix.form, []).append(_suffix)


def is_abbreviation_or_code(stem: str) -> bool:
    """ИСО, МАКТ, ISO/IEC, ДСҰ, 9001, 1.0-92: what a hyphen joins a suffix to in running Kazakh text."""
    letters = [ch for ch in stem if ch.isalpha()]
    if not letters:
        return any(ch.isdigit() for ch in stem)
    return sum(ch.isupper() for ch in letters) >= 2 or (stem[-1].isdigit())


def _licensed(suffix: Suffix, spoken: str) -> bool:
    if suffix.needs_px3:
        return False
    if final_letter(spoken) not in suffix.after:
        return False
    harmony = harmony_of(spoken)
    return suffix.harmony is Harmony.ANY or harmony is Harmony.ANY or harmony is suffix.harmony


def _chains(tail: str, after: Suffix | None = None) -> Iterator[list[Suffix]]:
    """Every way to read ``tail`` as suffixes in slot order (licensing not yet checked)."""
    if not tail:
        yield []
        return
    for form, variants in _BY_FORM.items():
        if not tail.startswith(form):
            continue
        for suffix in variants:
            if after is not None and suffix.slot.value <= after.slot.value:
                continue
            for rest in _chains(tail[len(form) :], suffix):
                yield [suffix, *rest]


@lru_cache(maxsize=8192)
def fits(stem: str, tail: str, expansions: tuple[str, ...] = ()) -> bool | None:
    """Whether ``tail`` fits ``stem`` under some reading; None when ``tail`` is not a suffix chain."""
    chains = list(_chains(tail.lower()))
    if not chains:
        return None
    for spoken in spoken_forms(stem, expansions):
        for chain in chains:
            if _chain_fits(chain, spoken):
                return True
    return False


def _chain_fits(chain: list[Suffix], spoken: str) -> bool:
    previous: Suffix | None = None
    before = spoken
    for suffix in chain:
        if previous is not None and previous.px3 and suffix.not_after_px3:
            return False
        if suffix.needs_px3:
            if previous is None or not previous.px3:
                return False
        elif not _licensed(suffix, before):
            return False
        previous, before = suffix, before + suffix.form
    return True


# The variants of one suffix, for suggesting the right one; which variant fits is the table's business.
_VARIANTS = (
    "лар лер дар дер тар тер",
    "ның нің дың дің тың тің",
    "ға ге қа ке",
    "ны ні ды ді ты ті",
    "да де та те",
    "дағы дегі тағы тегі",
    "дан ден тан тен нан нен",
    "мен бен пен",
    "менен бенен пенен",
)
_FAMILY = {form: tuple(group.split()) for group in _VARIANTS for form in group.split()}


def expected(stem: str, tail: str, expansions: tuple[str, ...] = ()) -> list[str]:
    """The variants of the same suffixes that a reading allows (for the message): ГОСТ-ның → ГОСТ-тың."""
    found: list[str] = []
    for chain in _chains(tail.lower()):
        for spoken in spoken_forms(stem, expansions):
            for candidate in _respelled(chain, spoken):
                if candidate not in found:
                    found.append(candidate)
    return found[:3]


def _respelled(chain: list[Suffix], spoken: str) -> Iterator[str]:
    if not chain:
        yield ""
        return
    for form in _FAMILY.get(chain[0].form, (chain[0].form,)):
        for suffix in _BY_FORM.get(form, []):
            if suffix.slot is chain[0].slot and _licensed(suffix, spoken):
                for rest in _respelled(chain[1:], spoken + form):
                    yield form + rest


def check(prose: Prose, expansions: dict[str, tuple[str, ...]]) -> Iterator[Finding]:
    """Findings for every hyphenated suffix in ``prose`` (Kazakh only) that no reading allows."""
    if prose.lang != "kk":
        return
    for word in words(prose.text):
        index = max(word.text.rfind(h) for h in _HYPHENS)
        if index <= 0 or not prose.in_use(word.start, word.end):
            continue
        stem, tail = word.text[:index], word.text[index + 1 :]
        if not tail or not tail.isalpha() or not is_abbreviation_or_code(stem):
            continue
        key = stem.split("/")[-1]
        verdict = fits(key, tail, expansions.get(key, ()))
        if verdict is False:
            better = ", ".join(f"{stem}-{form}" for form in expected(key, tail, expansions.get(key, ())))
            hint = f"; the reading allows {better}" if better else ""
            yield Finding(
                "",
                0,
                prose.field,
                f"«{word.text}»: the suffix does not agree with how «{stem}» is read{hint}",
                RULE,
                ERROR,
                prose.concept_id,
                kind="suffix",
                subject=word.text,
                hint=better,
            )
