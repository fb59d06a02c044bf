"""Rule ``script``: an abbreviation written in the other script where the base has one in the prose's own.

Russian and Kazakh prose names bodies in Cyrillic when the base gives a
Cyrillic term (СЕН, not CEN, in a Russian definition); English prose names
them in Latin letters.  Only definitions and authored contexts are judged:
notes and usage notes discuss the forms of other languages by design.
"""

from __future__ import annotations

from collections.abc import Iterator

from glossary.lint.context import LintContext
from glossary.lint.findings import ERROR, Finding
from glossary.lint.prose import CONTEXT, DEFINITION, Prose
from glossary.text.tokens import word_parts
from glossary.text.translit import has_latin

RULE = "script"
CYRILLIC_LANGUAGES = frozenset({"kk", "ru", "ky", "tt", "ba", "uk", "be", "bg", "sr", "mk", "mn", "tg"})


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def check(prose: Prose, context: LintContext) -> Iterator[Finding]:
    if prose.kind not in (DEFINITION, CONTEXT) or prose.lang is None:
        return
    wants_latin = prose.lang not in CYRILLIC_LANGUAGES
    for part in word_parts(prose.text):
        word = part.text
        if not _is_acronym(word) or has_latin(word) == wants_latin or not prose.in_use(part.start, part.end):
            continue
        for _, concept in context.by_term_text.get(word, []):
            section = concept.languages.get(prose.lang)
            terms = section.terms if section else ()
            own = [
                t.text for t in sorted(terms, key=lambda t: not t.is_abbreviation) if has_latin(t.text) == wants_latin
            ]
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
