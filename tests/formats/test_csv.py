"""Multilingual CSV (plain and Excel flavour): round trip, RFC 4180 shape, BOM, formula escaping, header mapping."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from glossary.formats import ExportOptions, FormatError, get_format
from glossary.formats.base import ImportOptions
from glossary.formats.csv_multi import header_for
from glossary.model import Termbase
from tests.formats.contract import FormatContract, termbase_named, without_empty_sections


class TestCsv(FormatContract):
    """Carried: concepts and the declared languages; not the metadata, source descriptions or subject labels."""

    format_name = "csv"

    def import_options(self, termbase: Termbase) -> ImportOptions:
        # merging into the original keeps citation ids: what `glossary import --merge` does
        return ImportOptions(known_sources=termbase.sources, known_subjects=termbase.subjects)

    def carried(self, termbase: Termbase) -> Any:
        concepts = {cid: without_empty_sections(c) for cid, c in termbase.concepts.items()}
        return {"languages": termbase.languages, "concepts": concepts}


class TestCsvExcel(TestCsv):
    format_name = "csv-excel"


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_header_and_one_row_per_concept() -> None:
    termbase = termbase_named("small")
    rows = rows_of(TestCsv().export_bytes(termbase))
    assert rows[0] == header_for(["kk", "ru", "en"])
    assert [row[0] for row in rows[1:]] == list(termbase.concepts)


def test_rfc4180_crlf_and_quoting() -> None:
    data = TestCsv().export_bytes(termbase_named("adversarial"))
    assert data.count(b"\r\n") >= 6
    assert not data.startswith(b"\xef\xbb\xbf")
    row = next(r for r in rows_of(data) if r[0] == "quotes")
    assert '"тырнақшалы" термин' in row[2]
    assert "\n" in row[header_for(["kk", "ru", "en", "de"]).index("kk:definition")]


def test_excel_layout_has_bom_and_escapes_formulas() -> None:
    termbase = termbase_named("adversarial")
    data = TestCsvExcel().export_bytes(termbase)
    assert data.startswith(b"\xef\xbb\xbf")
    row = next(r for r in rows_of(data) if r[0] == "quotes")
    ru_terms = row[header_for(["kk", "ru", "en", "de"]).index("ru")]
    assert ru_terms.startswith("'=формула")
    plain = next(r for r in rows_of(TestCsv().export_bytes(termbase)) if r[0] == "quotes")
    assert plain[header_for(["kk", "ru", "en", "de"]).index("ru")].startswith("=формула")


def test_formula_escaping_can_be_turned_on_for_plain_csv() -> None:
    termbase = termbase_named("adversarial")
    data = TestCsv().export_bytes(termbase, ExportOptions(info=termbase, formula_escape=True))
    for row in rows_of(data)[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def write(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_with_a_header_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "ID,Kazakh,Russian,Kazakh definition\r\nstd,стандарт|стандарттар,стандарт,Құжат.\r\n")
    mapping = {"ID": "id", "Kazakh": "kk", "Russian": "ru", "Kazakh definition": "kk:definition"}
    result = get_format("csv").import_(path, ImportOptions(column_map=mapping))
    concept = result.termbase.concepts["std"]
    assert [t.text for t in concept.languages["kk"].terms] == ["стандарт", "стандарттар"]
    assert concept.languages["kk"].definition is not None
    assert concept.languages["kk"].definition.text == "Құжат."
    assert result.termbase.languages == ("kk", "ru")


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        ("id,kk,kk:status\r\na,x,prefered\r\n", 2, "kk:status", "'prefered' is not one of"),
        ("id,kk\r\na,x\r\nb,y,z\r\n", 3, "", "has 3 fields; the header has 2"),
        ("id,kk,Colour\r\na,x,red\r\n", 1, "Colour", "unknown column"),
        ("kk\r\nx\r\n", 1, "id", "no 'id' column"),
        ("id,kk\r\nbad id,x\r\n", 2, "id", "not a valid concept id"),
        ('id,kk\r\na,"unterminated\r\n', 2, "", "malformed CSV"),
        ("id,kk,relations\r\na,x,cousin:b\r\n", 2, "relations", "is not 'broader|narrower|related:target-id'"),
    ],
)
def test_malformed_csv_names_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(FormatError) as caught:
        get_format("csv").import_(path)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert message in error.detail


def test_invalid_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,kk\r\na,x\r\nb,caf\xe9\r\n".encode("latin-1"))
    with pytest.raises(FormatError, match="not valid UTF-8") as caught:
        get_format("csv").import_(path)
    assert caught.value.line == 3
