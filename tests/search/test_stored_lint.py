"""Each concept's findings in the generation's side file: compact, and read back unchanged."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from glossary.lint.findings import Finding, LintReport
from glossary.search.stored_lint import LINT_FILE, decode_findings, encode_findings, read_findings, write_findings

GOST = Finding(
    "concepts/gost.yaml",
    13,
    "languages.kk.terms[0].usage_note",
    "«ГОСТ-ның»: the suffix does not agree",
    "suffix-harmony",
    "error",
    "gost",
    kind="suffix",
    subject="ГОСТ-ның",
    hint="ГОСТ-тың, ГОСТ-нің",
)
IN_A_SHARD = Finding(
    "concepts/shard-0001.yaml", 420, "languages.ru.terms", "no preferred term in ru", "gap", "warning", "gost"
)


def test_findings_come_back_unchanged_whichever_file_they_are_in(tmp_path: Path) -> None:
    other = Finding("concepts/iso.yaml", 3, "languages.en.definition", "circular", "circular", "error", "iso")
    write_findings(LintReport([GOST, other, IN_A_SHARD], concepts_checked=5), tmp_path)
    assert read_findings(tmp_path, "gost") == (GOST, IN_A_SHARD)
    assert read_findings(tmp_path, "iso") == (other,)


def test_a_generation_named_by_a_relative_path_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``glossary serve --index index`` names the index relative to the working directory."""
    (tmp_path / "gen").mkdir()
    write_findings(LintReport([GOST], concepts_checked=1), tmp_path / "gen")
    monkeypatch.chdir(tmp_path)
    assert read_findings(Path("gen"), "gost") == (GOST,)


def test_a_concept_without_findings_or_a_generation_without_lint_has_none(tmp_path: Path) -> None:
    assert read_findings(tmp_path, "gost") == ()  # no side file: built without lint
    write_findings(LintReport([GOST], concepts_checked=2), tmp_path)
    assert read_findings(tmp_path, "iso") == ()
    write_findings(LintReport([], concepts_checked=2), tmp_path)  # a clean base: an empty file, rebuilt
    assert read_findings(tmp_path, "gost") == ()


def test_a_row_is_compact_json_without_keys_or_the_concepts_own_file() -> None:
    stored = encode_findings("gost", [GOST])
    assert json.loads(stored)[0][:2] == ["", 13]
    assert '"rule"' not in stored and "ГОСТ-ның" in stored  # positional; not escaped
    assert decode_findings("gost", stored) == (GOST,)


def test_findings_repeated_across_concepts_cost_a_few_bytes_each(tmp_path: Path) -> None:
    """The same gap in 5,000 concepts: the file stays far smaller than the findings' JSON."""
    gap = Finding("", 0, "languages.ru.terms", "no preferred term in ru", "gap", "error", "", kind="no-preferred")
    findings = [replace(gap, concept_id=f"c{n}", file=f"concepts/c{n}.yaml") for n in range(5000)]
    write_findings(LintReport(findings, concepts_checked=5000), tmp_path)
    as_json = sum(len(encode_findings(f.concept_id, [f]).encode()) for f in findings)
    assert (tmp_path / LINT_FILE).stat().st_size < as_json / 3
    assert read_findings(tmp_path, "c4321") == (findings[4321],)
