"""The contract every exchange format follows, and the records import returns.

A format is a class that declares its name, file extensions, mimetype and a
human label, writes concepts to a binary stream one at a time (so memory
stays flat however large the term base), and, where the layout can carry a
term base back, reads one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, ClassVar, Protocol

from glossary.errors import LocatedError
from glossary.model import Concept, SourceText, Subject, Termbase

#: TBX needs at least one entry, so an export that selects nothing is an error, not an invalid file.
NOTHING_TO_EXPORT = "no concept matches the export's languages and filters; a TBX file needs at least one entry"


class FormatError(LocatedError):
    """Bad input to an import: the message names the file, and the line and field when known."""

    def __init__(self, file: str, message: str, *, line: int = 0, field: str = "") -> None:
        super().__init__(file, line, field, message)

    @property
    def detail(self) -> str:
        """The message without its location, to re-raise it under another file name."""
        return self.message


class TermbaseInfo(Protocol):
    """Term-base metadata an export can carry; :class:`Termbase` and the index's info both fit."""

    name: str
    description: str
    languages: tuple[str, ...]
    subjects: Mapping[str, Subject]
    sources: Mapping[str, SourceText]


@dataclass(frozen=True)
class ExportOptions:
    """What to export.

    ``languages`` restricts the language sections (empty: all).  Bilingual
    layouts use ``source_lang`` and ``target_lang`` (defaulting to the first
    two of ``languages``).  ``subjects``, ``statuses`` and ``ids`` filter
    concepts and terms (see :func:`glossary.formats.filters.filter_concepts`).
    ``exported_ids`` is the set of concept ids in the export when it is a
    subset, so that cross-references never point outside the file; ``None``
    means every relation target is exported too.  ``formula_escape`` guards
    spreadsheet cells (``None``: the layout's default).
    """

    languages: tuple[str, ...] = ()
    source_lang: str | None = None
    target_lang: str | None = None
    subjects: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    info: TermbaseInfo | None = None
    exported_ids: frozenset[str] | None = None
    formula_escape: bool | None = None
    bom: bool = False

    @property
    def filtered(self) -> bool:
        return bool(self.languages or self.subjects or self.statuses or self.ids)

    def pair(self, available: Iterable[str] = ()) -> tuple[str, str]:
        """The (source, target) pair for bilingual layouts."""
        pool = list(self.languages) or list(available)
        source = self.source_lang or (pool[0] if pool else None)
        target = self.target_lang or next((code for code in pool if code != source), None)
        if not source or not target or source == target:
            raise ValueError("a bilingual export needs two different languages: give source_lang and target_lang")
        return source, target


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file.

    ``name`` names the new term base.  Bilingual layouts that do not record
    their languages (Weblate CSV, OmegaT TSV) need ``source_lang`` and
    ``target_lang``.  ``column_map`` renames a CSV file's header columns to
    ours (e.g. ``{"English": "en"}``).  ``formula_escape`` undoes
    spreadsheet-formula escaping (``None``: when the file starts with a BOM).
    ``known_sources`` and ``known_subjects`` (those of the term base being
    merged into) let citations and subject ids keep their ids.
    """

    name: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    column_map: Mapping[str, str] = field(default_factory=dict)
    formula_escape: bool | None = None
    known_sources: Mapping[str, SourceText] = field(default_factory=dict)
    known_subjects: Mapping[str, Subject] = field(default_factory=dict)


@dataclass
class ImportReport:
    """What an import did with every piece of its input; nothing is dropped without a count here."""

    file: str = ""
    concepts: int = 0
    terms: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    kept_as_notes: Counter[str] = field(default_factory=Counter)
    converted: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = [f"{self.file}: {self.concepts} concepts, {self.terms} terms"]
        for title, counter in (
            ("not mapped (dropped)", self.unmapped),
            ("kept as notes", self.kept_as_notes),
            ("converted", self.converted),
        ):
            if counter:
                out.append(f"  {title}:")
                out.extend(f"    {count:>7}  {what}" for what, count in counter.most_common())
        return out


@dataclass
class ImportResult:
    termbase: Termbase
    report: ImportReport


class Format:
    """Base class: subclasses set the metadata and override :meth:`export` (and :meth:`import_`)."""

    name: ClassVar[str]
    label: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]
    mimetype: ClassVar[str]
    #: True when :meth:`import_` is implemented.
    importable: ClassVar[bool] = False
    #: True when one file holds exactly two languages.
    bilingual: ClassVar[bool] = False

    def export(self, concepts: Iterable[Concept], out: IO[bytes], options: ExportOptions) -> None:
        raise NotImplementedError

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        raise FormatError(str(source), f"the {self.name} format cannot be imported")
