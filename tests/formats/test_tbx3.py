"""TBX-Basic v3: lossless round trip, and every export passes the official LTAC validator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from glossary.formats import ExportOptions, get_format
from glossary.formats.tbxread import read_tbx
from tests.conftest import ROOT, shared_path
from tests.formats.contract import FormatContract, termbase_named


class TestTbx3(FormatContract):
    format_name = "tbx"


def validate(paths: list[Path]) -> str:
    validator = shared_path("tbx", "validate_tbx.py")
    python = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(
        [str(python if python.exists() else sys.executable), str(validator), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    return result.stdout + result.stderr


def export_to(path: Path, termbase_name: str, **options: object) -> Path:
    termbase = termbase_named(termbase_name)
    path.write_bytes(TestTbx3().export_bytes(termbase, ExportOptions(info=termbase, **options)))  # type: ignore[arg-type]
    return path


@pytest.mark.slow
def test_every_export_option_passes_the_ltac_validator(tmp_path: Path) -> None:
    files = [
        export_to(tmp_path / "bundled.tbx", "bundled"),
        export_to(tmp_path / "small.tbx", "small"),
        export_to(tmp_path / "adversarial.tbx", "adversarial"),
        export_to(tmp_path / "langs-kk.tbx", "adversarial", languages=("kk",)),
        export_to(tmp_path / "pair-kk-ru.tbx", "small", languages=("kk", "ru"), source_lang="kk", target_lang="ru"),
        export_to(tmp_path / "subject.tbx", "small", subjects=("standardization",)),
        export_to(tmp_path / "status.tbx", "adversarial", statuses=("admitted",)),
        export_to(tmp_path / "ids.tbx", "adversarial", ids=("quotes", "2024-numeric")),
    ]
    output = validate(files)
    assert output.count("PASS:") == len(files), output
    assert "FAIL" not in output, output


def test_a_filtered_export_drops_references_to_concepts_left_out(tmp_path: Path) -> None:
    path = export_to(tmp_path / "ids.tbx", "adversarial", ids=("quotes", "2024-numeric"))
    concepts = read_tbx(path).termbase.concepts
    assert set(concepts) == {"quotes", "2024-numeric"}
    assert [r.target for r in concepts["quotes"].relations] == ["2024-numeric"]


def test_language_filter_keeps_only_those_sections(tmp_path: Path) -> None:
    path = export_to(tmp_path / "kk.tbx", "adversarial", languages=("kk",))
    concepts = read_tbx(path).termbase.concepts
    assert all(set(c.languages) == {"kk"} for c in concepts.values())
    assert "_underscore" not in concepts  # it has no Kazakh term


@pytest.mark.slow
def test_ltac_sample_imports_with_its_extras_reported() -> None:
    sample = shared_path("tbx", "samples", "ltac", "basic", "Example_Astronomy_DCA_VALID.tbx")
    result = get_format("tbx").import_(sample)
    report = result.report
    assert result.termbase.concepts
    assert report.unmapped["entry/transacGrp"] > 0  # transaction history has no place in the model
    assert report.kept_as_notes["entry/xref[@type='xGraphic']"] > 0
    open_cluster = next(iter(result.termbase.concepts.values()))
    assert open_cluster.languages["en"].definition is not None
    assert open_cluster.languages["en"].definition.source is not None


@pytest.mark.parametrize("name", ["small", "adversarial"])
def test_export_is_valid_xml_with_one_entry_per_concept(tmp_path: Path, name: str) -> None:
    from lxml import etree

    path = export_to(tmp_path / "x.tbx", name)
    tree = etree.parse(str(path))
    entries = tree.findall(".//{urn:iso:std:iso:30042:ed-2}conceptEntry")
    assert len(entries) == len(termbase_named(name).concepts)
