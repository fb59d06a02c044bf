"""``glossary lint`` on a term base it has never seen: every planted defect found, its corrected twin clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.lint import RULES, lint, lint_termbase
from glossary.lint.prose import NOTE, Prose
from glossary.termbase import load_termbase

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lint"

#: (file:line, field, rule) of every defect planted in fixtures/lint/planted (see its twin, fixtures/lint/clean).
PLANTED = {
    ("concepts/cis.yaml:6", "languages.kk.definition.text", "language"),
    ("concepts/codex.yaml:6", "languages.kk.definition.text", "discouraged-term"),
    ("concepts/codex.yaml:23", "notes[0].text", "gap"),
    ("concepts/copolco.yaml:9", "languages.kk.terms[0].text", "siblings"),
    ("concepts/european-standard.yaml:12", "languages.ru.definition.text", "script"),
    ("concepts/european-standard.yaml:18", "languages.en.definition.text", "script"),
    ("concepts/gost.yaml:13", "languages.kk.terms[0].usage_note", "suffix-harmony"),
    ("concepts/iso-9000-2.yaml:18", "languages.en.definition.text", "year"),
    ("concepts/iso.yaml:6", "languages.kk.definition.text", "suffix-harmony"),
    ("concepts/mak.yaml:6", "languages.kk.definition.text", "suffix-harmony"),
    ("concepts/standardization.yaml:6", "languages.kk.definition.text", "circular"),
    ("concepts/standardization.yaml:12", "languages.ru.definition.text", "circular"),
    ("concepts/tc.yaml:15", "languages.ru.terms", "gap"),
    ("concepts/wto.yaml:6", "languages.kk.definition.text", "suffix-harmony"),
}


def test_every_planted_defect_is_found_and_nothing_else() -> None:
    report = lint_termbase(FIXTURES / "planted")
    found = {(f"{f.file}:{f.line}", f.field, f.rule) for f in report.findings}
    assert found == PLANTED
    assert {f.rule for f in report.warnings} == {"siblings", "gap"}


def test_the_corrected_twin_is_clean() -> None:
    """The same base with every defect corrected, and the right forms the rules must accept, has no finding."""
    report = lint_termbase(FIXTURES / "clean")
    assert report.findings == []
    assert report.concepts_checked == 15


def test_every_rule_is_exercised_by_the_fixture() -> None:
    assert {rule for _, _, rule in PLANTED} == set(RULES)


def test_quotations_from_sources_and_quoted_mentions_are_not_judged() -> None:
    """gost quotes the source's «ГОСТ-ның» in a sentence context and in quotation marks; fao's own note names
    its deprecated form; codex's note quotes it."""
    report = lint_termbase(FIXTURES / "clean")
    assert not report.for_concept("gost") and not report.for_concept("fao") and not report.for_concept("codex")
    prose = Prose("x", "kk", "notes[0].text", "Дереккөз «ГОСТ-ның» деп жазады, бірақ ГОСТ-тың дұрыс.", NOTE)
    assert prose.in_use(prose.text.index("ГОСТ-тың"), prose.text.index("ГОСТ-тың") + 8)
    assert not prose.in_use(prose.text.index("ГОСТ-ның"), prose.text.index("ГОСТ-ның") + 8)


def test_lint_without_files_locates_by_concept() -> None:
    report = lint(load_termbase(FIXTURES / "planted"))
    assert {f.file for f in report.findings} >= {"concepts/gost.yaml"}
    assert all(f.line == 0 for f in report.findings)


def test_cli_prints_located_findings_and_exits_1_on_errors() -> None:
    result = CliRunner().invoke(main, ["lint", str(FIXTURES / "planted")])
    assert result.exit_code == 1
    assert "concepts/gost.yaml:13 languages.kk.terms[0].usage_note: «ГОСТ-ның»" in result.output
    assert "[suffix-harmony]" in result.output and "12 error(s), 2 warning(s)" in result.output
    assert "Traceback" not in result.output


def test_cli_json_gives_the_same_findings_as_data() -> None:
    result = CliRunner().invoke(main, ["lint", "--json", str(FIXTURES / "planted")])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["errors"], data["warnings"]) == (12, 2)
    assert {(f"{f['file']}:{f['line']}", f["field"], f["rule"]) for f in data["findings"]} == PLANTED
    assert data["rules"]["suffix-harmony"] == 4


def test_cli_clean_base_exits_0_and_strict_fails_on_warnings() -> None:
    assert CliRunner().invoke(main, ["lint", str(FIXTURES / "clean")]).exit_code == 0
    planted_warnings_only = CliRunner().invoke(main, ["lint", "--strict", str(FIXTURES / "clean")])
    assert planted_warnings_only.exit_code == 0


def test_cli_refuses_a_broken_term_base_with_located_problems(tmp_path: Path) -> None:
    (tmp_path / "concepts").mkdir()
    (tmp_path / "termbase.yaml").write_text("name: x\nlanguages: [kk]\n", encoding="utf-8")
    (tmp_path / "concepts" / "a.yaml").write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path)])
    assert result.exit_code == 1
    assert "concepts/a.yaml:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["planted", "clean"])
def test_findings_are_sorted_by_place(kind: str) -> None:
    findings = lint_termbase(FIXTURES / kind).findings
    assert findings == sorted(findings, key=lambda f: (f.file, f.line, f.field, f.rule))


def test_every_finding_carries_what_a_shell_needs_to_word_it_in_another_language() -> None:
    """The web words findings in kk, ru and en from ``rule``, ``kind``, ``subject`` and ``hint``, not ``message``."""
    findings = lint_termbase(FIXTURES / "planted").findings
    assert all(f.kind and f.subject for f in findings), [f for f in findings if not (f.kind and f.subject)]
    harmony = next(f for f in findings if f.concept_id == "wto")
    assert (harmony.kind, harmony.subject, harmony.hint) == ("suffix", "ДСҰ-ге", "ДСҰ-ға")
