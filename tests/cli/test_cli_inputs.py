"""One way to read the term base (load_or_exit) and one exit-code convention for every command.

0 done; 1 findings or input that cannot be used ("Error: …" after the located
problems); 2 a wrong command line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.cli.inputs import load_or_exit
from glossary.termbase import load_termbase
from tests.conftest import FIXTURES

TEXT = FIXTURES / "texts" / "en.txt"


def _invoke(args: list[str]) -> click.testing.Result:
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    return result


def test_load_or_exit_returns_the_term_base(small_termbase_dir: Path) -> None:
    assert load_or_exit(small_termbase_dir) == load_termbase(small_termbase_dir)


def test_load_or_exit_prints_every_problem_then_one_error(
    broken_termbase_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(click.ClickException) as raised:
        load_or_exit(broken_termbase_dir, refusal="not indexed")
    assert raised.value.exit_code == 1
    assert raised.value.message == (
        f"{broken_termbase_dir}: not indexed, the term base has errors (see `glossary check`)"
    )
    printed = capsys.readouterr().err.splitlines()
    assert "concepts/a.yaml:2 subjects[0]: unknown subject 'standardisation'; add it to subjects.yaml" in printed
    assert any(line.startswith("concepts/d.yaml:6") for line in printed)


def test_load_or_exit_reads_an_importable_file_only_when_asked(small_termbase_dir: Path, tmp_path: Path) -> None:
    tbx = tmp_path / "small.tbx"
    assert _invoke(["export", "--format", "tbx", "--termbase", str(small_termbase_dir), "-o", str(tbx)]).exit_code == 0
    assert load_or_exit(tbx, importable=True).concepts == load_termbase(small_termbase_dir).concepts
    with pytest.raises(click.ClickException, match="the term base has errors"):
        load_or_exit(tbx)  # a directory-only command: a file is no term-base directory


def test_load_or_exit_names_the_file_and_line_of_a_malformed_file() -> None:
    path = FIXTURES / "formats" / "malformed.tbx"
    with pytest.raises(click.ClickException) as raised:
        load_or_exit(path, importable=True)
    assert raised.value.message.startswith(f"{path}:")


def test_load_or_exit_defaults_to_the_configured_term_base(
    small_termbase_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_TERMBASE", str(small_termbase_dir))
    assert load_or_exit(None) == load_termbase(small_termbase_dir)


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (["build", "--index", "{tmp}/i", "--termbase", "{broken}"], "not indexed, "),
        (["serve", "--index", "{tmp}/i", "--termbase", "{broken}"], "cannot serve, "),
        (["search", "x", "--index", "{tmp}/i", "--termbase", "{broken}"], "cannot build the index, "),
        (["export", "--format", "csv", "-o", "-", "--termbase", "{broken}"], "not exported, "),
        (["coverage", "{broken}"], "no coverage report, "),
        (["recognize", str(TEXT), "--lang", "en", "--termbase", "{broken}"], ""),
        (["check-translation", str(FIXTURES / "texts" / "kk-ru.tsv"), "--termbase", "{broken}"], ""),
        (["doc-glossary", str(TEXT), "--lang", "en", "-o", "{tmp}/g.tbx", "--termbase", "{broken}"], ""),
        (
            ["import", str(FIXTURES / "formats" / "no-lang.tbx"), "--into", "{tmp}/b", "--merge"],
            "cannot merge into it, ",
        ),
    ],
)
def test_every_command_refuses_a_broken_term_base_the_same_way(
    args: list[str], refusal: str, broken_termbase_dir: Path, tmp_path: Path
) -> None:
    if "--into" in args:
        shutil.copytree(broken_termbase_dir, tmp_path / "b")
    broken = tmp_path / "b" if "--into" in args else broken_termbase_dir
    result = _invoke([arg.format(tmp=tmp_path, broken=broken_termbase_dir) for arg in args])
    assert result.exit_code == 1
    assert f"Error: {broken}: {refusal}the term base has errors (see `glossary check`)" in result.output
    assert "concepts/b.yaml:1 id: duplicate concept id 'alpha'" in result.output


def test_findings_exit_1_and_a_wrong_command_line_exits_2(small_termbase_dir: Path, tmp_path: Path) -> None:
    base = ["--termbase", str(small_termbase_dir)]
    assert _invoke(["check", str(FIXTURES / "broken")]).exit_code == 1
    assert _invoke(["check", str(small_termbase_dir)]).exit_code == 0
    assert _invoke(["build", *base, "--index", str(tmp_path / "i"), "--procs", "0"]).exit_code == 2
    assert _invoke(["export", "--format", "nope", *base, "-o", "-"]).exit_code == 2
    assert _invoke(["import", str(tmp_path / "missing.tbx"), "--into", str(tmp_path / "b")]).exit_code == 1
    assert _invoke(["import", str(TEXT), "--into", str(tmp_path / "b"), "--map", "nonsense"]).exit_code == 2


def test_unusable_input_files_exit_1_with_an_error_line(small_termbase_dir: Path, tmp_path: Path) -> None:
    malformed = FIXTURES / "formats" / "malformed.tbx"
    imported = _invoke(["import", str(malformed), "--into", str(tmp_path / "b")])
    assert imported.exit_code == 1
    assert f"Error: {malformed}:" in imported.output
    recognized = _invoke(["recognize", str(TEXT), "--lang", "en", "--termbase", str(malformed)])
    assert recognized.exit_code == 1
    assert f"Error: {malformed}:" in recognized.output
    base = tmp_path / "base"
    shutil.copytree(small_termbase_dir, base)
    refused = _invoke(["import", str(malformed), "--into", str(base)])
    assert refused.exit_code == 1
    assert f"Error: {base}: already exists and is not empty; use --merge to add to it" in refused.output
