"""Rules on definitions: ``circular`` (ISO 704) and ``year`` (the designation's year against the text's).

ISO 704 asks that a definition not repeat its term: one that begins with the
term, or is built on the term's own single word as its genus («стандарттау —
стандарттау жұмысы»), defines nothing.  A standard designated with its year
(ISO 9000-2:1993, ГОСТ 1.0-92) must not be said to appear in another year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary.lint.context import LintContext
from glossary.lint.findings import ERROR, WARNING, Finding
from glossary.lint.prose import Prose
from glossary.model import Concept
from glossary.text.tokens import analyze

CIRCULAR = "circular"
YEAR = "year"
# ISO 9000-2:1993 → 1993; ГОСТ 1.0-92 → 1992 (two digits after a hyphen that ends the designation).
_DESIGNATION_YEAR = re.compile(r"(?<=\d):((?:19|20)\d\d)\b|(?<=\d)-(\d\d)$")
_STANDALONE_YEAR = re.compile(r"(?<![\d:./-])((?:19|20)\d\d)(?![\d])")


def designation_years(concept: Concept) -> set[int]:
    years: set[int] = set()
    for _, term in concept.terms():
        for match in _DESIGNATION_YEAR.finditer(term.text):
            four, two = match.groups()
            if four:
                years.add(int(four))
            elif two:
                years.add(1900 + int(two) if int(two) >= 50 else 2000 + int(two))
    return years


def check_year(prose: Prose, concept: Concept) -> Iterator[Finding]:
    years = designation_years(concept)
    if not years:
        return
    stated = {int(m.group(1)) for m in _STANDALONE_YEAR.finditer(prose.text) if prose.in_use(m.start(1), m.end(1))}
    if stated and not stated & years:
        yield Finding(
            "",
            0,
            prose.field,
            f"the designation gives {', '.join(map(str, sorted(years)))}, the definition says "
            f"{', '.join(map(str, sorted(stated)))}",
            YEAR,
            ERROR,
            concept.id,
            kind="year",
            subject=", ".join(map(str, sorted(stated))),
            hint=", ".join(map(str, sorted(years))),
        )


def check_circular(prose: Prose, concept: Concept, context: LintContext) -> Iterator[Finding]:
    lang = prose.lang
    section = concept.languages.get(lang) if lang else None
    if section is None or not section.terms or lang is None:
        return
    first_word = next(iter(analyze(prose.text, lang)), None)
    if first_word is None:
        return
    own = [o for o in context.recognizer(lang).find(prose.text) if o.concept_id == concept.id]
    opening = next((o for o in own if o.start <= first_word.start < o.end), None)
    if opening is not None:
        yield Finding(
            "",
            0,
            prose.field,
            f"the definition begins with its own term «{opening.surface}» (ISO 704: a definition must not repeat it)",
            CIRCULAR,
            ERROR,
            concept.id,
            kind="begins-with-term",
            subject=opening.surface,
        )
        return
    for term in section.terms:
        keys = analyze(term.text, lang)
        if len(keys) == 1 and not term.is_abbreviation and keys[0].folded == first_word.folded:
            yield Finding(
                "",
                0,
                prose.field,
                f"the definition is built on its own term «{term.text}» as its genus (ISO 704)",
                CIRCULAR,
                ERROR,
                concept.id,
                kind="built-on-term",
                subject=term.text,
            )
            return
    # Only the defining clause counts (what follows a semicolon is added information), and a proper
    # name may recur in its own definition; a common noun used to define itself may not.
    clause_end = prose.text.find(";") if ";" in prose.text else len(prose.text)
    repeated = [
        o for o in own if o.end <= clause_end and not o.term.is_abbreviation and o.term.part_of_speech != "properNoun"
    ]
    if repeated:
        yield Finding(
            "",
            0,
            prose.field,
            f"the definition repeats its own term «{repeated[0].surface}» (ISO 704)",
            CIRCULAR,
            WARNING,
            concept.id,
            kind="repeats-term",
            subject=repeated[0].surface,
        )
