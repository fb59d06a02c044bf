"""The bundled term base passes ``glossary lint`` with no error (CI runs this with every other test)."""

from __future__ import annotations

from glossary.lint import lint_termbase
from glossary.paths import BUNDLED_TERMBASE


def test_the_bundled_term_base_has_no_lint_errors() -> None:
    report = lint_termbase(BUNDLED_TERMBASE)
    assert [str(f) for f in report.errors] == []
    assert report.concepts_checked >= 145
