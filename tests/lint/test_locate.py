"""Locating findings reads the concept files again, but keeps the field lines only of the concepts asked for."""

from __future__ import annotations

from pathlib import Path

from glossary.lint import lint
from glossary.lint.locate import FieldLines
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

PLANTED = FIXTURES / "lint" / "planted"


def first_concept_ids(directory: Path) -> list[str]:
    return sorted(load_termbase(directory).concepts)[:2]


def test_only_the_concepts_asked_for_keep_their_lines() -> None:
    kept, other = first_concept_ids(PLANTED)
    lines = FieldLines(PLANTED, only={kept})
    file, line = lines.locate(kept, "id")
    assert file.startswith("concepts/") and line >= 1
    assert lines.locate(other, "id") == (f"concepts/{other}.yaml", 0)  # not kept: no line


def test_lint_locates_every_finding_with_the_lines_it_kept() -> None:
    report = lint(load_termbase(PLANTED), PLANTED)
    assert report.findings
    assert all(finding.line >= 1 for finding in report.findings), [str(f) for f in report.findings if not f.line]
