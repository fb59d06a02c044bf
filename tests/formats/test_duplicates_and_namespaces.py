"""Duplicate concept ids are reported one by one and handled as asked; a TBX's namespace must fit its dialect."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.formats import DuplicateIds, FormatError, ImportOptions, format_for_path

TBX3 = "urn:iso:std:iso:30042:ed-2"


def _tbx(ids: list[str], *, xmlns: str | None = TBX3, root: str = "tbx") -> str:
    entry, section, holder = (
        ("conceptEntry", "langSec", "termSec") if root == "tbx" else ("termEntry", "langSet", "tig")
    )
    namespace = f' xmlns="{xmlns}"' if xmlns is not None else ""
    lines = [f'<{root}{namespace} type="TBX-Basic" xml:lang="en">', "<text><body>"]
    lines += [
        f'<{entry} id="{cid}"><{section} xml:lang="en"><{holder}><term>term {n}</term></{holder}></{section}></{entry}>'
        for n, cid in enumerate(ids, 1)
    ]
    lines += ["</body></text>", f"</{root}>", ""]
    return "\n".join(lines)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_tbx_ids_fail_by_default_listing_each_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.tbx", _tbx(["a", "x", "x", "b", "x"]))
    with pytest.raises(DuplicateIds) as caught:
        format_for_path(path).import_(path)
    error = caught.value
    assert error.file == str(path)
    assert [(d.id, d.line, d.first_line) for d in error.duplicates] == [("x", 5, 4), ("x", 7, 4)]
    assert error.line == 5
    assert "duplicate concept id 'x'" in str(error)


def test_duplicates_can_be_renamed_or_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.tbx", _tbx(["x", "x", "x"]))
    renamed = format_for_path(path).import_(path, ImportOptions(on_duplicate="rename"))
    assert list(renamed.termbase.concepts) == ["x", "x-2", "x-3"]
    assert [(d.line, d.new_id) for d in renamed.report.duplicates] == [(4, "x-2"), (5, "x-3")]
    assert any("x-2" in line and ":4" in line for line in renamed.report.lines())
    skipped = format_for_path(path).import_(path, ImportOptions(on_duplicate="skip"))
    assert list(skipped.termbase.concepts) == ["x"]
    assert [(d.line, d.new_id) for d in skipped.report.duplicates] == [(4, None), (5, None)]


def test_duplicate_csv_ids_follow_the_same_option(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.csv", "id,en\nx,one\nx,two\ny,three\nx,four\n")
    with pytest.raises(DuplicateIds) as caught:
        format_for_path(path).import_(path)
    assert [(d.id, d.line, d.first_line) for d in caught.value.duplicates] == [("x", 3, 2), ("x", 5, 2)]
    renamed = format_for_path(path).import_(path, ImportOptions(on_duplicate="rename"))
    assert list(renamed.termbase.concepts) == ["x", "x-2", "y", "x-3"]
    skipped = format_for_path(path).import_(path, ImportOptions(on_duplicate="skip"))
    assert [t.text for _, t in skipped.termbase.concepts["x"].terms()] == ["one"]


def test_ten_thousand_copies_are_each_reported_and_renamed_quickly(tmp_path: Path) -> None:
    path = _write(tmp_path, "many.tbx", _tbx(["same"] * 10_000))
    started = time.perf_counter()
    result = format_for_path(path).import_(path, ImportOptions(on_duplicate="rename"))
    assert time.perf_counter() - started < 10
    assert len(result.report.duplicates) == 9_999
    assert "same-10000" in result.termbase.concepts
    printed = result.report.lines()
    assert sum("duplicate concept id" in line for line in printed) == 20
    assert any("and 9979 more" in line for line in printed)


def test_the_cli_fails_on_duplicates_listing_20_then_a_count(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.tbx", _tbx(["x"] * 31))
    into = tmp_path / "new"
    result = CliRunner().invoke(main, ["import", str(path), "--into", str(into)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{path}:4 id: duplicate concept id 'x' (first at line 3)" in result.output
    assert sum("duplicate concept id 'x'" in line for line in result.output.splitlines()) == 20 + 1
    assert "… and 10 more" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith(f"Error: {path}:4")
    assert not into.exists()
    renamed = CliRunner().invoke(main, ["import", str(path), "--into", str(into), "--on-duplicate", "rename"])
    assert renamed.exit_code == 0, renamed.output
    assert "written, 31 concepts" in renamed.output
    bad = CliRunner().invoke(main, ["import", str(path), "--into", str(into), "--on-duplicate", "keep"])
    assert bad.exit_code == 2


@pytest.mark.parametrize(("xmlns", "shown"), [(None, "no namespace"), ("urn:example:other", "urn:example:other")])
def test_a_tbx_v3_root_outside_its_namespace_is_an_error(tmp_path: Path, xmlns: str | None, shown: str) -> None:
    path = _write(tmp_path, "ns.tbx", _tbx(["a"], xmlns=xmlns))
    with pytest.raises(FormatError, match=TBX3) as caught:
        format_for_path(path).import_(path)
    assert (caught.value.file, caught.value.line) == (str(path), 1)
    assert shown in caught.value.message
    result = CliRunner().invoke(main, ["import", str(path), "--into", str(tmp_path / "new")])
    assert result.exit_code == 1
    assert f"Error: {path}:1" in result.output


def test_a_tbx_v2_martif_has_no_namespace_and_one_is_warned_about(tmp_path: Path) -> None:
    plain = _write(tmp_path, "v2.tbx", _tbx(["a"], xmlns=None, root="martif"))
    assert format_for_path(plain).import_(plain).report.warnings == []
    spaced = _write(tmp_path, "v2ns.tbx", _tbx(["a"], xmlns="urn:example:tbx2", root="martif"))
    result = format_for_path(spaced).import_(spaced)
    assert len(result.termbase) == 1
    assert result.report.warnings == [f"{spaced}:1: <martif> in namespace 'urn:example:tbx2'; TBX v2 has none"]
    assert result.report.warnings[0] in result.report.lines()
