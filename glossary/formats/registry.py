"""Every exchange format by name, and the format of a file by its extension or root element."""

from __future__ import annotations

from pathlib import Path

from glossary.formats.base import Format, FormatError
from glossary.formats.csv_bilingual import OmegatTsvFormat, WeblateCsvFormat
from glossary.formats.csv_multi import CsvExcelFormat, CsvFormat
from glossary.formats.html_dictionary import HtmlDictionaryFormat
from glossary.formats.safexml import root_of
from glossary.formats.skos import SkosJsonLdFormat, SkosTurtleFormat
from glossary.formats.tbx2 import Tbx2Format
from glossary.formats.tbx3 import Tbx3Format

REGISTRY: dict[str, type[Format]] = {
    cls.name: cls
    for cls in (
        Tbx3Format,
        Tbx2Format,
        CsvFormat,
        CsvExcelFormat,
        WeblateCsvFormat,
        OmegatTsvFormat,
        SkosTurtleFormat,
        SkosJsonLdFormat,
        HtmlDictionaryFormat,
    )
}


def get_format(name: str) -> Format:
    """The format registered as ``name``; :class:`KeyError` lists the known names."""
    try:
        return REGISTRY[name]()
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(REGISTRY)}") from None


def format_for_path(path: str | Path) -> Format:
    """Guess a file's format from its extension, and for ``.tbx`` from its root element (v2 or v3)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".tbx" and path.is_file():
        return Tbx2Format() if root_of(path).name == "martif" else Tbx3Format()
    for cls in REGISTRY.values():
        if suffix in cls.extensions and cls.importable:
            return cls()
    raise FormatError(str(path), f"cannot tell the format from the extension {suffix!r}; give --format")
