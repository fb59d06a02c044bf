"""The bundled term base must always load cleanly, whatever it holds at the moment."""

from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import check_termbase


def test_bundled_termbase_has_no_errors_or_warnings() -> None:
    _, problems = check_termbase(BUNDLED_TERMBASE)
    assert [str(p) for p in problems] == []
