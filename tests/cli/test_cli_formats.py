"""`glossary export` and `glossary import`: options, exit codes, and errors without tracebacks."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small"
ADVERSARIAL = FIXTURES / "formats" / "adversarial"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_export_then_import_gives_the_same_term_base(tmp_path: Path) -> None:
    code, _ = run("export", "--format", "tbx", "--termbase", str(ADVERSARIAL), "-o", str(tmp_path / "a.tbx"))
    assert code == 0
    code, output = run("import", str(tmp_path / "a.tbx"), "--into", str(tmp_path / "base"))
    assert code == 0, output
    original, imported = load_termbase(ADVERSARIAL), load_termbase(tmp_path / "base")
    assert imported.concepts == original.concepts
    assert imported.languages == original.languages
    assert {k: v.sentences for k, v in imported.sources.items()} == {
        k: v.sentences for k, v in original.sources.items()
    }


def test_export_to_stdout_with_filters() -> None:
    code, output = run(
        "export",
        "--format",
        "csv",
        "--termbase",
        str(SMALL),
        "--langs",
        "kk,en",
        "--subject",
        "standardization",
        "-o",
        "-",
    )
    assert code == 0
    lines = output.strip().splitlines()
    assert lines[0].startswith("id,subjects,kk,")
    assert ",ru," not in lines[0]
    assert [line.split(",")[0] for line in lines[1:]] == ["standard"]


def test_bilingual_export_takes_the_pair_and_ids() -> None:
    code, output = run(
        "export", "--format", "omegat-tsv", "--termbase", str(SMALL), "--source-lang", "en", "--target-lang", "kk",
        "--ids", "iso,standard", "--status", "preferred", "-o", "-",
    )  # fmt: skip
    assert code == 0
    assert output.splitlines()[0].split("\t")[:2] == [
        "International Organization for Standardization",
        "Халықаралық стандарттау ұйымы",
    ]
    assert "ISO Council" not in output


def test_import_of_hostile_or_malformed_input_exits_1_naming_the_file(tmp_path: Path) -> None:
    for name in ("xxe.tbx", "malformed.tbx"):
        path = FIXTURES / "formats" / name
        code, output = run("import", str(path), "--into", str(tmp_path / name))
        assert code == 1
        assert f"{path}:" in output
        assert not (tmp_path / name).exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("id,kk,kk:status\na,x,prefered\n", encoding="utf-8")
    code, output = run("import", str(bad), "--into", str(tmp_path / "b"))
    assert code == 1
    assert f"{bad}:2 kk:status: 'prefered' is not one of" in output


def test_import_refuses_to_overwrite_without_merge(tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(SMALL, base)
    run("export", "--format", "tbx", "--termbase", str(SMALL), "-o", str(tmp_path / "s.tbx"))
    code, output = run("import", str(tmp_path / "s.tbx"), "--into", str(base))
    assert code == 1
    assert "--merge" in output


def test_merge_reports_conflicts_and_keeps_existing_content(tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(SMALL, base)
    incoming = tmp_path / "incoming.csv"
    incoming.write_text(
        "id,en,subjects\r\nstandard,norm,standardization\r\nnew-one,new term,standardization\r\n", encoding="utf-8"
    )
    code, output = run("import", str(incoming), "--into", str(base), "--merge")
    assert code == 0, output
    assert "merge: 1 added, 0 unchanged, 1 conflict(s)" in output
    assert "concept 'standard'" in output
    merged = load_termbase(base)
    assert [t.text for _, t in merged.concepts["standard"].terms("en")] == ["standard"]
    assert [t.text for _, t in merged.concepts["new-one"].terms("en")] == ["new term"]
    assert merged.sources["notes"].sentences  # sentence files carried over


def test_import_weblate_csv_with_languages_and_a_column_map(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("Term,Translation,context\r\nstandard,стандарт,std\r\n", encoding="utf-8")
    code, output = run(
        "import", str(path), "--into", str(tmp_path / "g"), "--format", "weblate-csv", "--source-lang", "en",
        "--target-lang", "kk", "--map", "Term=source", "--map", "Translation=target", "--name", "Weblate glossary",
    )  # fmt: skip
    assert code == 0, output
    imported = load_termbase(tmp_path / "g")
    assert imported.name == "Weblate glossary"
    assert [t.text for _, t in imported.concepts["std"].terms("kk")] == ["стандарт"]


def test_an_export_that_selects_nothing_is_an_error_not_an_invalid_file(tmp_path: Path) -> None:
    target = tmp_path / "none.tbx"
    code, output = run("export", "--format", "tbx", "--termbase", str(SMALL), "--ids", "no-such-id", "-o", str(target))
    assert code == 1
    assert "no concept matches" in output
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
