"""A path argument that does not exist, or is the wrong kind, is unusable input: exit 1 and one located line.

Every command that takes a path behaves the same, whether click checks the
path or the command does: ``Error: <path>: …`` on standard error, exit
status 1, never a usage message, never a traceback.  Exit status 2 is left
for a wrong command line (unknown option, bad value, missing argument).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from tests.conftest import FIXTURES

TEXT = FIXTURES / "texts" / "en.txt"
PAIRS = FIXTURES / "texts" / "kk-ru.tsv"
SMALL = FIXTURES / "small"

#: (command line, the path it must name); {missing} does not exist, {dir} is a directory, {file} a file.
CASES = [
    (["check", "{missing}"], "{missing}"),
    (["check", "{file}"], "{file}"),
    (["coverage", "{missing}"], "{missing}"),
    (["coverage", str(SMALL), "--ignore", "{missing}"], "{missing}"),
    (["coverage", str(SMALL), "--ignore", "{dir}"], "{dir}"),
    (["recognize", "{missing}", "--lang", "en", "--termbase", str(SMALL)], "{missing}"),
    (["recognize", "{dir}", "--lang", "en", "--termbase", str(SMALL)], "{dir}"),
    (["recognize", str(TEXT), "--lang", "en", "--termbase", "{missing}"], "{missing}"),
    (["check-translation", "{missing}", "--termbase", str(SMALL)], "{missing}"),
    (["check-translation", "{dir}", "--termbase", str(SMALL)], "{dir}"),
    (["check-translation", str(PAIRS), "--termbase", "{missing}"], "{missing}"),
    (["doc-glossary", "{missing}", "--lang", "en", "-o", "{out}", "--termbase", str(SMALL)], "{missing}"),
    (["doc-glossary", str(TEXT), "--lang", "en", "-o", "{out}", "--termbase", "{missing}"], "{missing}"),
    (["doc-glossary", str(TEXT), "--lang", "en", "-o", "{dir}", "--termbase", str(SMALL)], "{dir}"),
    (["doc-glossary", str(TEXT), "--lang", "en", "-o", "{missing}/g.tbx", "--termbase", str(SMALL)], "{missing}"),
    (["export", "--format", "tbx", "--termbase", "{missing}", "-o", "-"], "{missing}"),
    (["export", "--format", "tbx", "--termbase", "{file}", "-o", "-"], "{file}"),
    (["export", "--format", "tbx", "--termbase", str(SMALL), "-o", "{dir}"], "{dir}"),
    (["export", "--format", "tbx", "--termbase", str(SMALL), "-o", "{missing}/x.tbx"], "{missing}"),
    (["import", "{missing}", "--into", "{out}"], "{missing}"),
    (["import", "{dir}", "--into", "{out}"], "{dir}"),
    (["import", str(FIXTURES / "formats" / "external-dtd.tbx"), "--into", "{file}"], "{file}"),
    (["import", str(FIXTURES / "formats" / "external-dtd.tbx"), "--into", "{missing}", "--merge"], "{missing}"),
    (["search", "x", "--termbase", "{missing}", "--index", "{out}"], "{missing}"),
    (["search", "x", "--termbase", "{file}", "--index", "{out}"], "{file}"),
    (["build", "--termbase", "{missing}", "--index", "{out}"], "{missing}"),
    (["build", "--termbase", "{file}", "--index", "{out}"], "{file}"),
    (["build", "--termbase", str(SMALL), "--index", "{file}"], "{file}"),
    (["serve", "--termbase", "{missing}", "--index", "{out}"], "{missing}"),
    (["serve", "--termbase", "{file}", "--index", "{out}"], "{file}"),
]


@pytest.mark.parametrize(("args", "named"), CASES, ids=[" ".join(a[:1] + a[-2:]) for a, _ in CASES])
def test_a_missing_or_wrong_kind_path_exits_1_naming_it(args: list[str], named: str, tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("x\n", encoding="utf-8")
    places = {"missing": tmp_path / "missing", "dir": tmp_path / "dir", "file": tmp_path / "file"}
    places["out"] = tmp_path / "out"
    result = CliRunner().invoke(main, [arg.format(**places) for arg in args])
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    assert "Usage:" not in result.output
    path = named.format(**places)
    if args[0] == "check":  # check lists problems rather than failing: a located finding, no Error line
        assert result.output.startswith(f"{path}: "), result.output
    else:
        error = [line for line in result.output.splitlines() if line.startswith("Error: ")]
        assert error, result.output
        assert error[-1].startswith(f"Error: {path}"), result.output


def test_a_wrong_command_line_still_exits_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(TEXT)]).exit_code == 2  # --into missing
    assert runner.invoke(main, ["export", "--format", "nope", "-o", "-"]).exit_code == 2
    assert runner.invoke(main, ["check", "--no-such-option"]).exit_code == 2
