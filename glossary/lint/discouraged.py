"""Rule ``discouraged-term``: the authors' own prose must not use a deprecated or superseded term.

A term the base tells readers to avoid, met in any inflected form in a
definition, usage note, note or authored context (not in quotation marks,
where it is mentioned rather than used), undermines the advice.  A span that
is also an allowed term of some concept (a homonym) is not reported, nor a
concept's own discouraged term in its own notes, which exist to explain it.
"""

from __future__ import annotations

from collections.abc import Iterator

from glossary.lint.context import LintContext
from glossary.lint.findings import ERROR, Finding
from glossary.lint.prose import NOTE, TERM, USAGE_NOTE, Prose
from glossary.model import DISCOURAGED_STATUSES

RULE = "discouraged-term"


def check(prose: Prose, context: LintContext) -> Iterator[Finding]:
    if prose.kind == TERM or prose.lang is None or prose.lang not in context.termbase.languages:
        return
    for (start, end), occurrences in context.spans(prose.text, prose.lang).items():
        if any(o.term.status not in DISCOURAGED_STATUSES for o in occurrences):
            continue
        if not prose.in_use(start, end):
            continue
        occurrence = occurrences[0]
        if prose.kind in (NOTE, USAGE_NOTE) and occurrence.concept_id == prose.concept_id:
            continue
        concept = context.termbase.concepts[occurrence.concept_id]
        section = concept.languages.get(prose.lang)
        better = f"; use «{section.preferred.text}»" if section and section.preferred else ""
        yield Finding(
            "",
            0,
            prose.field,
            f"«{prose.text[start:end]}» is {occurrence.term.status} in {concept.id} («{occurrence.term.text}»){better}",
            RULE,
            ERROR,
            prose.concept_id,
            kind=occurrence.term.status,
            subject=prose.text[start:end],
            hint=section.preferred.text if section and section.preferred else "",
        )
