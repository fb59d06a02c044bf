"""Untrusted XML: no entity expansion, no DTD or network access, bounded size; clear errors, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.formats import FormatError, format_for_path, get_format
from glossary.formats.safexml import check_prolog, iter_end
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "formats"


@pytest.mark.parametrize(("name", "line"), [("xxe.tbx", 3), ("billion-laughs.tbx", 3)])
def test_entity_declarations_are_refused_naming_file_and_line(name: str, line: int) -> None:
    path = HOSTILE / name
    with pytest.raises(FormatError, match="declares entities") as caught:
        format_for_path(path).import_(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line


def test_an_external_dtd_is_neither_fetched_nor_needed() -> None:
    path = HOSTILE / "external-dtd.tbx"
    result = format_for_path(path).import_(path)
    assert [t.text for _, t in result.termbase.concepts["c1"].terms()] == ["term", "термин"]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("malformed.tbx", 5, "malformed XML"),
        ("undefined-entity.tbx", 3, "entity"),
        ("no-lang.tbx", 5, "language section without xml:lang"),
        ("not-tbx.xml", 2, "not a TBX file"),
    ],
)
def test_malformed_tbx_names_file_and_line(name: str, line: int, message: str) -> None:
    path = HOSTILE / name
    with pytest.raises(FormatError, match=message) as caught:
        get_format("tbx").import_(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line


def test_size_and_element_count_are_bounded(tmp_path: Path) -> None:
    path = HOSTILE / "external-dtd.tbx"
    with pytest.raises(FormatError, match="the limit is 100"):
        check_prolog(path, max_bytes=100)
    with pytest.raises(FormatError, match="more than 5 elements"):
        list(iter_end(path, frozenset({"termEntry"}), max_elements=5))


def test_unknown_extension_asks_for_a_format(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(FormatError, match="give --format"):
        format_for_path(path)


def test_uploads_are_bounded_and_errors_name_the_upload() -> None:
    import io

    from glossary.formats import get_format, import_stream

    data = (HOSTILE / "malformed.tbx").read_bytes()
    with pytest.raises(FormatError, match="upload limit") as caught:
        import_stream(get_format("tbx"), io.BytesIO(data), "mine.tbx", max_bytes=100)
    assert caught.value.file == "mine.tbx"
    with pytest.raises(FormatError) as caught:
        import_stream(get_format("tbx"), io.BytesIO(data), "mine.tbx")
    assert (caught.value.file, caught.value.line) == ("mine.tbx", 5)
    good = (HOSTILE / "external-dtd.tbx").read_bytes()
    assert len(import_stream(get_format("tbx2"), io.BytesIO(good), "ok.tbx").termbase) == 1
