"""Rule ``script``: an abbreviation written in the other script where the base has one in the prose's own.

Russian and Kazakh prose names bodies in Cyrillic when the base gives a
Cyrillic term (СЕН, not CEN, in a Russian definition); English prose names
them in Latin letters.  Kazakh and Russian notes are judged too (a form under
discussion goes in quotation marks); English notes are not, since they
discuss the Kazakh and Russian forms by design.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary.lint.context import LintContext
from glossary.lint.findings import ERROR, Finding
from glossary.lint.prose import CONTEXT, DEFINITION, NOTE, USAGE_NOTE, Prose
from glossary.text.tokens import word_parts
from glossary.text.translit import has_latin

RULE = "script"
CYRILLIC_LANGUAGES = frozenset({"kk", "ru", "ky", "tt", "ba", "uk", "be", "bg", "sr", "mk", "mn", "tg"})


# Designations keep the issuer's Latin letters: interstate standards are «ГОСТ ISO/IEC 17000-2012»,
# and «ISO 9001:2015», «OIML V 1» are codes, not names.
_DESIGNATION_BEFORE = re.compile(r"(?:ГОСТ(?: Р)?|СТ РК|ҚР СТ|СТБ|ДСТУ)[\s\u00a0]+(?:[A-Z]+/)*$")
_DESIGNATION_AFTER = re.compile(r"^(?:/[A-Z]+)*[\s\u00a0]+(?:[A-Z][\s\u00a0])?\d")
# A Latin gloss in brackets after the Cyrillic name: «ИСО нұсқаулығы (ISO Guide)».
_LATIN_GLOSS = re.compile(r"\([^()А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]*\)")


def _exempt(text: str, start: int, end: int) -> bool:
    if _DESIGNATION_BEFORE.search(text[max(0, start - 20) : start]) or _DESIGNATION_AFTER.match(text[end : end + 12]):
        return True
    return any(m.start() < start and end < m.end() for m in _LATIN_GLOSS.finditer(text))


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def check(prose: Prose, context: LintContext) -> Iterator[Finding]:
    if prose.kind not in (DEFINITION, CONTEXT, NOTE, USAGE_NOTE) or prose.lang is None:
        return
    wants_latin = prose.lang not in CYRILLIC_LANGUAGES
    if wants_latin and prose.kind in (NOTE, USAGE_NOTE):
        return  # English notes discuss the Kazakh and Russian forms (ГОСТ Р ИСО 9001, «МАК-тың») by design
    for part in word_parts(prose.text):
        word = part.text
        if not _is_acronym(word) or has_latin(word) == wants_latin or not prose.in_use(part.start, part.end):
            continue
        if _exempt(prose.text, part.start, part.end):
            continue
        for _, concept in context.by_term_text.get(word, []):
            section = concept.languages.get(prose.lang)
            terms = section.terms if section else ()
            if any(t.text == word for t in terms):
                break  # the form is itself a term of this language (ILAC in Kazakh)
            # An abbreviation is only wrong where the language has its own (CEN → СЕН; DIS has none).
            own = [t.text for t in terms if _is_acronym(t.text) and has_latin(t.text) == wants_latin]
            if own:
                yield Finding(
                    "",
                    0,
                    prose.field,
                    f"«{word}» is in the wrong script for {prose.lang}; {concept.id} has «{own[0]}»",
                    RULE,
                    ERROR,
                    prose.concept_id,
                    kind="script",
                    subject=word,
                    hint=own[0],
                )
                break
