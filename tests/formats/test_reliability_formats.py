"""Term reliability (TBX ``reliabilityCode``, 1–10) through YAML, TBX v2/v3 and CSV, and IATE's grades on import."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from glossary.formats import ExportOptions, get_format
from glossary.formats.base import FormatError, ImportOptions
from glossary.formats.tbxread import read_tbx
from glossary.model import Term, reliability_band, reliability_problem
from glossary.termbase.load import check_termbase
from tests.conftest import FIXTURES
from tests.formats.contract import termbase_named

IATE_V2 = FIXTURES / "formats" / "iate" / "iate-v2.tbx"
TBX3_NS = {"t": "urn:iso:std:iso:30042:ed-2"}


def _reliabilities(path: Path, **options: object) -> dict[str, int | None]:
    termbase = read_tbx(path, ImportOptions(**options)).termbase  # type: ignore[arg-type]
    return {term.text: term.reliability for c in termbase.concepts.values() for _, term in c.terms()}


def test_the_scale_and_its_bands() -> None:
    assert reliability_problem(1) is None and reliability_problem(10) is None
    assert reliability_problem(0) and reliability_problem(11) and reliability_problem("9") and reliability_problem(True)
    assert [reliability_band(v) for v in (1, 3, 4, 6, 7, 9, 10)] == [
        "unverified",
        "unverified",
        "minimum",
        "minimum",
        "reliable",
        "reliable",
        "very-reliable",
    ]
    assert Term("x").reliability_band is None
    assert Term("x", reliability=9).reliability_band == "reliable"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("11", "11 is outside the scale 1–10"),
        ("0", "0 is outside the scale 1–10"),
        ('"9"', "expected a whole number from 1 to 10, found '9'"),
        ("9.5", "expected a whole number from 1 to 10, found '9.5'"),
        ("true", "expected a whole number from 1 to 10, found 'true'"),
        ("[9]", "expected a whole number from 1 to 10, found a list"),
    ],
)
def test_yaml_refuses_a_value_off_the_scale_naming_file_line_and_field(
    tmp_path: Path, value: str, message: str
) -> None:
    (tmp_path / "concepts").mkdir()
    (tmp_path / "concepts" / "x.yaml").write_text(
        f"id: x\nlanguages:\n  en:\n    terms:\n      - text: term\n        reliability: {value}\n", encoding="utf-8"
    )
    _, problems = check_termbase(tmp_path)
    errors = [p for p in problems if p.severity == "error" and p.file.endswith("x.yaml")]
    assert [(Path(p.file).name, p.line, p.field, p.message) for p in errors] == [
        ("x.yaml", 6, "languages.en.terms[0].reliability", message)
    ]


def test_yaml_reads_a_reliability(tmp_path: Path) -> None:
    termbase = termbase_named("small")
    terms = {t.text: t.reliability for _, t in termbase.concepts["iso"].terms()}
    assert terms["International Organization for Standardization"] == 10
    assert terms["ISO"] is None


def _export(name: str, termbase_name: str, **options: object) -> bytes:
    termbase = termbase_named(termbase_name)
    buffer = io.BytesIO()
    get_format(name).export(termbase.concepts.values(), buffer, ExportOptions(info=termbase, **options))  # type: ignore[arg-type]
    return buffer.getvalue()


def test_tbx3_writes_a_project_subset_that_tbx_basic_allows() -> None:
    root = etree.fromstring(_export("tbx", "small"))
    found = root.xpath(
        "//t:termSec[t:term='International Organization for Standardization']/t:admin[@type='projectSubset']/text()",
        namespaces=TBX3_NS,
    )
    assert found == ["reliabilityCode=10"]
    assert not root.xpath("//t:descrip[@type='reliabilityCode']", namespaces=TBX3_NS)


def test_tbx2_writes_the_reliability_code_in_the_tig() -> None:
    root = etree.fromstring(_export("tbx2", "small", source_lang="kk", target_lang="en"))
    found = root.xpath("//tig[term='Халықаралық стандарттау ұйымы']/descrip[@type='reliabilityCode']/text()")
    assert found == ["9"]


def test_iate_grades_are_converted_when_the_file_names_iate() -> None:
    result = read_tbx(IATE_V2)
    terms = {t.text: t.reliability for c in result.termbase.concepts.values() for _, t in c.terms()}
    assert terms == {
        "International Organization for Standardization": 10,
        "ISO": 7,
        "Internationale Organisation für Normung": 10,
        "conformity assessment body": 4,
        "Konformitätsbewertungsstelle": 1,
    }
    report = "\n".join(result.report.lines())
    assert "read as IATE's grades 1–4 (the file names IATE and no value exceeds 4)" in report
    assert "1 → 1, 2 → 4, 3 → 7, 4 → 10" in report
    assert result.report.converted["reliabilityCode IATE grade 4 → 10"] == 2


def test_the_scale_option_overrides_detection(tmp_path: Path) -> None:
    assert _reliabilities(IATE_V2, reliability_scale="tbx")["ISO"] == 3
    anonymous = tmp_path / "anonymous.tbx"
    anonymous.write_text(
        IATE_V2.read_text(encoding="utf-8").replace("IATE", "somewhere").replace("Interactive Terminology", "X"),
        encoding="utf-8",
    )
    assert _reliabilities(anonymous)["ISO"] == 3  # not said to be IATE: already on the 1–10 scale
    assert _reliabilities(anonymous, reliability_scale="iate")["ISO"] == 7


def test_an_iate_file_already_on_the_ten_point_scale_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "iate-v3.tbx"
    path.write_text(IATE_V2.read_text(encoding="utf-8").replace(">2</descrip>", ">9</descrip>"), encoding="utf-8")
    result = read_tbx(path)
    terms = {t.text: t.reliability for c in result.termbase.concepts.values() for _, t in c.terms()}
    assert terms["conformity assessment body"] == 9 and terms["ISO"] == 3
    assert not result.report.warnings


def test_an_explicit_iate_scale_drops_values_above_four(tmp_path: Path) -> None:
    path = tmp_path / "mixed.tbx"
    path.write_text(IATE_V2.read_text(encoding="utf-8").replace(">2</descrip>", ">9</descrip>"), encoding="utf-8")
    result = read_tbx(path, ImportOptions(reliability_scale="iate"))
    terms = {t.text: t.reliability for c in result.termbase.concepts.values() for _, t in c.terms()}
    assert terms["conformity assessment body"] is None
    assert result.report.unmapped["reliabilityCode above IATE's grade 4"] == 1


def test_a_code_off_the_scale_is_kept_as_a_note(tmp_path: Path) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(IATE_V2.read_text(encoding="utf-8").replace(">2</descrip>", ">high</descrip>"), encoding="utf-8")
    result = read_tbx(path)
    notes = [n.text for c in result.termbase.concepts.values() for n in c.notes]
    assert "conformity assessment body: reliabilityCode: high" in notes
    assert result.report.kept_as_notes["reliabilityCode not a whole number from 1 to 10"] == 1


def test_csv_carries_it_and_refuses_a_bad_value(tmp_path: Path) -> None:
    text = _export("csv", "small").decode("utf-8")
    header = text.splitlines()[0].split(",")
    assert "en:reliability" in header
    bad = tmp_path / "bad.csv"
    bad.write_text("id,en,en:reliability\r\nx,term,11\r\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        get_format("csv").import_(bad)
    assert (caught.value.line, caught.value.field) == (2, "en:reliability")
    old = tmp_path / "old.csv"
    old.write_text("id,en\r\nx,term\r\n", encoding="utf-8")
    assert get_format("csv").import_(old).termbase.concepts["x"].languages["en"].terms[0].reliability is None
