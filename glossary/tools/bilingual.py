"""Read source/target segment pairs: bilingual TSV/CSV tables and XLIFF (1.2, also 2.x).

Every problem is a :class:`BilingualError` naming the file, the line and the
field, so a translator can go straight to it.

Tables: the delimiter is a tab when the first non-empty line holds one, else
a comma, else a semicolon.  The first row is a header when every one of its
cells is a column name (``source``, ``target``, ``id``, ``note``, …) or a
language code (``kk``, ``ru``, ``en-GB``); the source column is then the one
named ``source`` or the source language, the target column the one named
``target`` or the target language, and language-code headers also give the
languages.  Without a header the first column is the source and the second
the target; further columns are ignored.

XLIFF is parsed without DTDs, entities or network access, and only up to
:data:`MAX_BYTES`; a document whose DTD declares entities is refused, in
whatever encoding (the parsed document is inspected, as
:mod:`glossary.formats.safexml` does for TBX).  Inline markup keeps the text it wraps (``<g>``, ``<mrk>``,
``<pc>``) and drops native code (``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from glossary.errors import LocatedError
from glossary.formats.safexml import (
    ENTITY_REFUSAL,
    PROLOG_BYTES,
    declares_entities,
    entity_line,
    entity_reference,
    entity_refusal,
)

#: The largest bilingual file read, in bytes.
MAX_BYTES = 20 * 1024 * 1024

_HEADER_NAMES = {
    "source": "source",
    "src": "source",
    "target": "target",
    "tgt": "target",
    "translation": "target",
    "id": "id",
    "key": "id",
    "note": None,
    "notes": None,
    "comment": None,
    "context": None,
}
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$", re.IGNORECASE)
#: Inline elements whose content is native code (markup of the original format), not text.
_CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it"})


class BilingualError(LocatedError, ValueError):
    """Bad bilingual input, located by file, line and field (always given)."""


@dataclass(frozen=True)
class Segment:
    """One source sentence (or paragraph) and its translation; ``line`` is where it starts in the file."""

    id: str
    source: str
    target: str
    line: int


@dataclass(frozen=True)
class Bilingual:
    segments: list[Segment]
    source_lang: str | None = None
    target_lang: str | None = None


def read_bilingual(path: Path, *, source_lang: str | None = None, target_lang: str | None = None) -> Bilingual:
    """Read a TSV/CSV or XLIFF file; the kind is told by extension, else by content."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise BilingualError(str(path), None, "file", error.strerror or str(error)) from error
    return parse_bilingual(data, path.name, source_lang=source_lang, target_lang=target_lang)


def parse_bilingual(
    data: bytes, name: str, *, source_lang: str | None = None, target_lang: str | None = None
) -> Bilingual:
    """Parse the bytes of a bilingual file called ``name`` (used for the kind and in errors)."""
    if len(data) > MAX_BYTES:
        raise BilingualError(name, None, "file", f"larger than the limit of {MAX_BYTES // (1024 * 1024)} MB")
    suffix = Path(name).suffix.lower()
    if suffix in {".xlf", ".xliff", ".sdlxliff", ".mqxliff"} or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return read_xliff(data, name)
    return read_table(_decode(data, name), name, source_lang=source_lang, target_lang=target_lang)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BilingualError(name, line, "encoding", f"not UTF-8 text (byte {error.start})") from error


def read_table(text: str, name: str, *, source_lang: str | None = None, target_lang: str | None = None) -> Bilingual:
    """Segments from a bilingual table (see the module docstring for how columns are found)."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        raise BilingualError(name, 1, "file", "no segments: the file is empty")
    delimiter = "\t" if "\t" in first_line else "," if "," in first_line else ";" if ";" in first_line else None
    if delimiter is None:
        raise BilingualError(
            name, 1, "columns", "expected two columns (source and target) separated by a tab, comma or semicolon"
        )
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, quoting=quoting, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise BilingualError(
            name, reader.line_num, "row", f"malformed {_delimiter_name(delimiter)} row: {error}"
        ) from error
    header = _header(rows[0][1]) if rows else None
    source_col, target_col, id_col = 0, 1, None
    if header is not None:
        source_col, target_col, id_col, header_source, header_target = _columns(
            header, rows[0][1], source_lang=source_lang, target_lang=target_lang, name=name, line=rows[0][0]
        )
        source_lang = source_lang or header_source
        target_lang = target_lang or header_target
        rows = rows[1:]
    segments: list[Segment] = []
    for line, row in rows:
        if len(row) <= max(source_col, target_col):
            missing = "target" if len(row) > source_col else "source"
            raise BilingualError(
                name,
                line,
                missing,
                f"missing: the row has {len(row)} column(s), expected the {missing} in column {max(source_col, target_col) + 1}",
            )
        segment_id = row[id_col].strip() if id_col is not None and id_col < len(row) else str(len(segments) + 1)
        segments.append(Segment(segment_id, row[source_col].strip(), row[target_col].strip(), line))
    if not segments:
        raise BilingualError(name, None, "file", "no segments: the file has a header but no rows")
    return Bilingual(segments, source_lang, target_lang)


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "TSV", ",": "CSV", ";": "CSV (semicolon)"}[delimiter]


def _header(cells: list[str]) -> list[str] | None:
    """The normalized header cells, or None when the row is data."""
    names = [cell.strip().lower() for cell in cells]
    if all(cell in _HEADER_NAMES or _LANG_CODE.match(cell) for cell in names):
        return names
    return None


def _columns(
    header: list[str], cells: list[str], *, source_lang: str | None, target_lang: str | None, name: str, line: int
) -> tuple[int, int, int | None, str | None, str | None]:
    """(source column, target column, id column, source language, target language) from a header."""
    named: dict[str, int] = {}
    for index, cell in enumerate(header):
        role = _HEADER_NAMES.get(cell)
        if role is not None:
            named.setdefault(role, index)
    langs = [(index, cell.replace("_", "-")) for index, cell in enumerate(header) if cell not in _HEADER_NAMES]

    def pick(role: str, lang: str | None, taken: int | None) -> tuple[int, str | None]:
        if role in named:
            return named[role], None
        for index, code in langs:
            if lang is not None and code.lower() == lang.lower():
                return index, code
        for index, code in langs:
            if index != taken:
                return index, code
        raise BilingualError(name, line, role, f"no {role} column in the header {cells!r}")

    source_col, header_source = pick("source", source_lang, None)
    target_col, header_target = pick("target", target_lang, source_col)
    if source_col == target_col:
        raise BilingualError(name, line, "target", f"the header {cells!r} names no separate target column")
    return source_col, target_col, named.get("id"), header_source, header_target


def read_xliff(data: bytes, name: str) -> Bilingual:
    """Segments from XLIFF 1.2 ``<trans-unit>`` (or XLIFF 2.x ``<segment>``) source/target pairs."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise BilingualError(name, error.lineno, "XML", error.msg or str(error)) from error
    if declares_entities(root.getroottree().docinfo):
        raise BilingualError(name, entity_line(data[:PROLOG_BYTES]), "DOCTYPE", ENTITY_REFUSAL)
    entity = entity_reference(root)
    if entity is not None:
        raise BilingualError(name, entity.sourceline, "DOCTYPE", entity_refusal(entity))
    if _local(root) != "xliff":
        raise BilingualError(name, root.sourceline, "xliff", f"the root element is <{_local(root)}>, not <xliff>")
    version = root.get("version", "1.2")
    if version.startswith("1."):
        return _xliff1(root, name)
    return _xliff2(root, name)


def _xliff1(root: etree._Element, name: str) -> Bilingual:
    source_lang = target_lang = None
    segments: list[Segment] = []
    for file_element in (e for e in root.iter() if _local(e) == "file"):
        source_lang = source_lang or file_element.get("source-language")
        target_lang = target_lang or file_element.get("target-language")
        for unit in (e for e in file_element.iter() if _local(e) == "trans-unit"):
            if unit.get("translate") == "no":
                continue
            segments.append(_pair(unit, unit.get("id") or str(len(segments) + 1), "trans-unit", name))
    return Bilingual(segments, source_lang, target_lang)


def _xliff2(root: etree._Element, name: str) -> Bilingual:
    segments: list[Segment] = []
    for unit in (e for e in root.iter() if _local(e) == "unit"):
        for number, segment in enumerate((e for e in unit if _local(e) == "segment"), 1):
            segment_id = segment.get("id") or f"{unit.get('id', len(segments) + 1)}.{number}"
            segments.append(_pair(segment, segment_id, "segment", name))
    return Bilingual(segments, root.get("srcLang"), root.get("trgLang"))


def _pair(element: etree._Element, segment_id: str, kind: str, name: str) -> Segment:
    source = next((e for e in element if _local(e) == "source"), None)
    target = next((e for e in element if _local(e) == "target"), None)
    if source is None:
        raise BilingualError(name, element.sourceline, f"{kind}[id={segment_id}].source", "missing <source>")
    return Segment(
        segment_id,
        _inline_text(source, name).strip(),
        _inline_text(target, name).strip() if target is not None else "",
        element.sourceline or 0,
    )


def _inline_text(element: etree._Element, name: str) -> str:
    """The text of a source/target element, keeping wrapped text and dropping native code."""
    parts = [element.text or ""]
    for child in element:
        local = _local(child)
        if local == "cp":
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError as error:
                raise BilingualError(
                    name, child.sourceline, "cp.hex", f"not a hexadecimal code point: {child.get('hex')!r}"
                ) from error
        elif local not in _CODE_ELEMENTS:
            parts.append(_inline_text(child, name))
        parts.append(child.tail or "")
    return "".join(parts)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def segments_from_columns(source: str, target: str) -> Bilingual:
    """Segments from two pasted texts, one segment per line, paired line by line."""
    source_lines = source.splitlines()
    target_lines = target.splitlines()
    count = max(len(source_lines), len(target_lines))
    segments = []
    for index in range(count):
        src = source_lines[index].strip() if index < len(source_lines) else ""
        tgt = target_lines[index].strip() if index < len(target_lines) else ""
        if src or tgt:
            segments.append(Segment(str(index + 1), src, tgt, index + 1))
    return Bilingual(segments)
