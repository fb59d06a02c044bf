"""Spreadsheet cells: multi-valued cells, formula escaping, and reading CSV with line numbers.

Multi-valued cells
    Items are separated by ``|``; a list inside an item (the contexts of
    one term, the sources of one note) by ``;``.  A literal ``|``, ``;`` or
    ``\\`` inside a value is written ``\\|``, ``\\;``, ``\\\\``.

Formula escaping
    A cell starting with ``=``, ``+``, ``-``, ``@`` or ``'`` gets one extra
    leading ``'`` so that spreadsheets show it as text instead of running
    it; reading strips exactly that one ``'`` again.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from glossary.formats.base import FormatError

MAX_CSV_BYTES = 512 * 1024 * 1024
MAX_FIELD_CHARS = 16 * 1024 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "'")
ITEM, PART, ESCAPE = "|", ";", "\\"

csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))


def escape(value: str) -> str:
    if ESCAPE not in value and ITEM not in value and PART not in value:
        return value
    return value.replace(ESCAPE, ESCAPE * 2).replace(ITEM, ESCAPE + ITEM).replace(PART, ESCAPE + PART)


def join_items(items: Sequence[str]) -> str:
    """One cell from a list of values."""
    return ITEM.join(escape(item) for item in items)


def join_nested(items: Sequence[Sequence[str]]) -> str:
    """One cell from a list of lists (e.g. each term's contexts)."""
    return ITEM.join(PART.join(escape(part) for part in item) for item in items)


def _split(cell: str, separator: str) -> list[str]:
    """Split on unescaped ``separator``, keeping escapes for the next level."""
    out, current, chars = [], [], iter(cell)
    for char in chars:
        if char == ESCAPE:
            current.append(char + next(chars, ""))
        elif char == separator:
            out.append("".join(current))
            current = []
        else:
            current.append(char)
    out.append("".join(current))
    return out


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        out.append(next(chars, "") if char == ESCAPE else char)
    return "".join(out)


def split_items(cell: str) -> list[str]:
    """The values of a multi-valued cell; an empty cell holds none."""
    return [unescape(item) for item in _split(cell, ITEM)] if cell else []


def split_nested(cell: str) -> list[list[str]]:
    """Inverse of :func:`join_nested`; an empty item holds an empty list."""
    if not cell:
        return []
    return [[unescape(p) for p in _split(item, PART)] if item else [] for item in _split(cell, ITEM)]


def guard_formula(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unguard_formula(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


class TextOut:
    """A text view of a binary stream for the csv module that leaves the stream open afterwards."""

    def __init__(self, out: IO[bytes], *, bom: bool = False) -> None:
        self.wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
        if bom:
            self.wrapper.write("\ufeff")

    def __enter__(self) -> io.TextIOWrapper:
        return self.wrapper

    def __exit__(self, *exc: object) -> None:
        self.wrapper.flush()
        self.wrapper.detach()


def read_rows(path: Path, *, delimiter: str = ",", strict: bool = True) -> tuple[bool, Iterator[tuple[int, list[str]]]]:
    """``(had_bom, rows)``: each row with the line it starts on; bad input raises :class:`FormatError`."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_CSV_BYTES else b""
    except OSError as exc:
        raise FormatError(str(path), f"cannot read file: {exc.strerror}") from exc
    if size > MAX_CSV_BYTES:
        raise FormatError(str(path), f"file is {size} bytes; the limit is {MAX_CSV_BYTES}")
    had_bom = raw.startswith(codecs.BOM_UTF8)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FormatError(str(path), f"not valid UTF-8 (byte {exc.start})", line=line) from exc
    if "\x00" in text:
        raise FormatError(
            str(path), "contains a NUL character; not a text file", line=text[: text.index("\x00")].count("\n") + 1
        )

    def rows() -> Iterator[tuple[int, list[str]]]:
        if delimiter == "\t" and not strict:
            for number, line in enumerate(text.splitlines(), 1):
                cells = line.split("\t")
                if any(len(cell) > MAX_FIELD_CHARS for cell in cells):  # the limit csv.reader applies to CSV
                    raise FormatError(str(path), f"a field longer than {MAX_FIELD_CHARS} characters", line=number)
                yield number, cells
            return
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        start = 1
        try:
            for row in reader:
                yield start, row
                start = reader.line_num + 1
        except csv.Error as exc:
            raise FormatError(str(path), f"malformed CSV: {exc}", line=reader.line_num) from exc

    return had_bom, rows()
