"""One located-error shape, ``file:line field: message``, for the loader, the formats and bilingual input."""

import pytest

from glossary.errors import Located, LocatedError, located
from glossary.formats.base import FormatError
from glossary.termbase.yamlnodes import Problem
from glossary.tools.bilingual import BilingualError


@pytest.mark.parametrize(
    ("line", "field", "shown"),
    [
        (12, "terms[0]", "a.yaml:12 terms[0]: bad"),
        (12, "", "a.yaml:12: bad"),
        (0, "terms[0]", "a.yaml terms[0]: bad"),
        (None, "", "a.yaml: bad"),
    ],
)
def test_located_leaves_out_what_is_unknown(line: int | None, field: str, shown: str) -> None:
    assert located("a.yaml", line, field, "bad") == shown
    assert str(LocatedError("a.yaml", line, field, "bad")) == shown


def test_format_error_is_located() -> None:
    error = FormatError("in.csv", "no header row", line=3, field="ru")
    assert isinstance(error, LocatedError)
    assert str(error) == "in.csv:3 ru: no header row"
    assert (error.file, error.line, error.field, error.message, error.detail) == (
        "in.csv",
        3,
        "ru",
        "no header row",
        "no header row",
    )
    assert str(FormatError("in.tbx", "not a TBX file")) == "in.tbx: not a TBX file"


def test_bilingual_error_is_located_and_still_a_value_error() -> None:
    error = BilingualError("a.tsv", 2, "encoding", "not UTF-8 text (byte 5)")
    assert isinstance(error, LocatedError)
    assert isinstance(error, ValueError)
    assert str(error) == "a.tsv:2 encoding: not UTF-8 text (byte 5)"
    assert str(BilingualError("a.tsv", None, "file", "empty")) == "a.tsv file: empty"


def test_problem_is_located_and_marks_warnings() -> None:
    error = Problem("concepts/x.yaml", 4, "languages.kk", "unknown language")
    warning = Problem("concepts/x.yaml", 4, "languages.kk.terms[0].text", "mixes scripts", "warning")
    assert isinstance(error, Located)
    assert str(error) == "concepts/x.yaml:4 languages.kk: unknown language"
    assert str(warning) == "concepts/x.yaml:4 languages.kk.terms[0].text: warning: mixes scripts"
    assert str(Problem("sources.yaml", 0, "", "file is missing")) == "sources.yaml: file is missing"
    assert sorted([warning, error]) == [error, warning]
