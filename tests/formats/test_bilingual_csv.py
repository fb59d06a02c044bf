"""Weblate glossary CSV and OmegaT TSV: what each carries survives a round trip; their shape is what the tools read."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from glossary.formats import FormatError, get_format
from glossary.formats.base import ImportOptions
from glossary.model import Termbase
from tests.formats.contract import FormatContract, termbase_named
from tests.formats.projections import omegat_lines, weblate_rows


class TestWeblateCsv(FormatContract):
    format_name = "weblate-csv"

    def carried(self, termbase: Termbase) -> Any:
        return weblate_rows(termbase, self.pair)


class TestOmegatTsv(FormatContract):
    format_name = "omegat-tsv"

    def carried(self, termbase: Termbase) -> Any:
        return omegat_lines(termbase, self.pair)


def test_weblate_header_and_context_is_the_concept_id() -> None:
    termbase = termbase_named("small")
    data = TestWeblateCsv().export_bytes(termbase).decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[0] == ["source", "target", "context", "developer_comments"]
    assert rows[2][:3] == ["Халықаралық стандарттау ұйымы", "Международная организация по стандартизации", "iso"]


def test_omegat_lines_have_three_tab_separated_fields_and_no_header() -> None:
    data = TestOmegatTsv().export_bytes(termbase_named("adversarial")).decode("utf-8")
    lines = data.split("\n")[:-1]
    assert all(line.count("\t") == 2 for line in lines)
    assert '"тырнақшалы" термин' in [line.split("\t")[0] for line in lines]


@pytest.mark.parametrize("name", ["weblate-csv", "omegat-tsv"])
def test_bilingual_import_needs_its_languages(tmp_path: Path, name: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text("source,target\r\na,b\r\n", encoding="utf-8")
    with pytest.raises(FormatError, match="give the source and target language"):
        get_format(name).import_(path)


def test_weblate_extra_columns_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("source,target,context,flags\r\nstandard,стандарт,std,read-only\r\n", encoding="utf-8")
    result = get_format("weblate-csv").import_(path, ImportOptions(source_lang="en", target_lang="ru"))
    assert result.report.unmapped["column 'flags'"] == 1
    assert [t.text for t in result.termbase.concepts["std"].languages["ru"].terms] == ["стандарт"]


def test_an_omegat_field_past_the_csv_field_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    from glossary.formats.cells import MAX_FIELD_CHARS

    path = tmp_path / "huge.tsv"
    path.write_text("a\tb\n" + "a\t" + "b" * (MAX_FIELD_CHARS + 1) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match="longer than") as caught:
        get_format("omegat-tsv").import_(path, ImportOptions(source_lang="kk", target_lang="ru"))
    assert (caught.value.file, caught.value.line) == (str(path), 2)
