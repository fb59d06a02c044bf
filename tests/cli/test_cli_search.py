"""``glossary build`` and ``glossary search`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "search"
BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"


def test_build_then_if_stale_skips(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["build", "--termbase", str(FIXTURE), "--index", str(tmp_path), "--procs", "2"])
    assert first.exit_code == 0, first.output
    assert "indexed 8 concepts" in first.output
    again = runner.invoke(main, ["build", "--termbase", str(FIXTURE), "--index", str(tmp_path), "--if-stale"])
    assert again.exit_code == 0 and "up to date" in again.output


def test_build_refuses_a_broken_term_base_with_file_and_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--termbase", str(BROKEN), "--index", str(tmp_path)])
    assert result.exit_code == 1
    assert "concepts/" in result.output and "not indexed" in result.output
    assert "Traceback" not in result.output


def test_search_prints_matches_with_equivalents_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["search", "--termbase", str(FIXTURE), "--index", str(tmp_path)]
    text = runner.invoke(main, [*base, "халы0аралы0 стандарт", "--target", "en", "--limit", "2"])
    assert text.exit_code == 0, text.output
    assert "1. international-standard  [kk exact: халықаралық стандарт]" in text.output
    assert "en: international standard" in text.output
    as_json = runner.invoke(main, [*base, "ТК", "--json", "--subject", "law", "--lang", "ru"])
    body = json.loads(as_json.output)
    assert [r["id"] for r in body["results"]] == ["labour-code"]


def test_search_reports_nothing_found_and_bad_options(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["search", "--termbase", str(FIXTURE), "--index", str(tmp_path)]
    nothing = runner.invoke(main, [*base, "стндрт"])
    assert nothing.exit_code == 1
    assert "Did you mean: стандарт?" in nothing.output
    bad = runner.invoke(main, [*base, "x", "--subject", "nope"])
    assert bad.exit_code == 2 and "--subject" in bad.output and "nope" in bad.output
