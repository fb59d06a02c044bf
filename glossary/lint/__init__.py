"""Terminology QA that knows Kazakh: the content errors ``check`` cannot see.

``check`` validates structure; ``lint`` reads what the authors wrote.  Rules:

- ``suffix-harmony``: a Kazakh suffix after a hyphen fits how the abbreviation,
  number or code before it is read (ИСО-ның, МАК-тың, ГОСТ-тың, ДСҰ-ға);
- ``discouraged-term``: no deprecated or superseded term in the authors' prose;
- ``script``: abbreviations in the prose's own script (СЕН in Russian, not CEN);
- ``circular``: a definition does not begin with or build on its own term (ISO 704);
- ``year``: a dated designation and its definition agree on the year;
- ``language``: definitions, usage notes and notes are written in the language they are filed under;
- ``siblings``: sibling concepts name a shared head noun the same way (a warning);
- ``gap``: every language section has a preferred term; definitions in more than one language;
  every note in every language of the term base (warnings).

The morphology is the project's own: the recognizer finds inflected terms, and
the suffix licences come from the stemmer's suffix table.

>>> from glossary.paths import BUNDLED_TERMBASE
>>> lint_termbase(BUNDLED_TERMBASE).errors
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from glossary.lint import definitions, discouraged, harmony, language, scripts, structure
from glossary.lint.context import LintContext
from glossary.lint.findings import ERROR, WARNING, Finding, LintReport
from glossary.lint.locate import FieldLines
from glossary.lint.prose import DEFINITION, authored
from glossary.model import Termbase
from glossary.termbase.load import load_termbase

RULES = (
    harmony.RULE,
    discouraged.RULE,
    scripts.RULE,
    definitions.CIRCULAR,
    definitions.YEAR,
    language.RULE,
    structure.SIBLINGS,
    structure.GAP,
)

__all__ = ["ERROR", "RULES", "WARNING", "Finding", "LintReport", "lint", "lint_termbase"]


def lint_termbase(directory: str | Path) -> LintReport:
    """Lint the term base in ``directory``; raises :class:`~glossary.termbase.TermbaseInvalid` if it does not load."""
    directory = Path(directory)
    return lint(load_termbase(directory), directory)


def lint(termbase: Termbase, source_dir: Path | None = None) -> LintReport:
    """Every finding for ``termbase``; ``source_dir``'s YAML files locate them (else line 0).

    The files are read again only for the concepts with findings, and only
    their field lines are kept: a clean concept costs nothing to locate.
    """
    context = LintContext(termbase)
    found = list(_findings(termbase, context))
    lines = FieldLines(source_dir, only={f.concept_id for f in found}) if source_dir is not None and found else None
    findings = [_locate(f, lines) for f in found]
    findings.sort(key=lambda f: (f.file, f.line, f.field, f.rule))
    return LintReport(findings, len(termbase.concepts))


def _findings(termbase: Termbase, context: LintContext) -> Iterator[Finding]:
    for concept in termbase.concepts.values():
        for prose in authored(concept):
            yield from harmony.check(prose, context.expansions)
            yield from discouraged.check(prose, context)
            yield from scripts.check(prose, context)
            yield from language.check(prose)
            if prose.kind == DEFINITION:
                yield from definitions.check_circular(prose, concept, context)
                yield from definitions.check_year(prose, concept)
        yield from structure.check_gaps(concept, termbase.languages)
        yield from language.check_translated(concept, termbase.languages)
    yield from structure.check_siblings(termbase)


def _locate(finding: Finding, lines: FieldLines | None) -> Finding:
    if lines is None:
        return replace(finding, file=f"concepts/{finding.concept_id}.yaml")
    file, line = lines.locate(finding.concept_id, finding.field)
    return replace(finding, file=file, line=line)
