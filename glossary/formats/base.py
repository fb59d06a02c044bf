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
from typing import IO, ClassVar, Literal, Protocol

from glossary.errors import LocatedError
from glossary.formats.iate import ReliabilityScale
from glossary.model import Concept, SourceText, Subject, Termbase
from glossary.termbase.progress import Progress

#: What an import does with a concept id the file already used: the CLI's ``--on-duplicate``.
OnDuplicate = Literal["rename", "skip", "fail"]
ON_DUPLICATE: tuple[OnDuplicate, ...] = ("rename", "skip", "fail")
#: How many duplicates (or other per-item lines) a report prints before "… and N more".
PRINTED_ITEMS = 20

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


@dataclass(frozen=True)
class Duplicate:
    """A concept id seen again at ``line`` (first at ``first_line``); ``new_id`` when it was renamed."""

    id: str
    line: int
    first_line: int
    new_id: str | None = None

    def describe(self, file: str) -> str:
        done = f"; renamed {self.new_id!r}" if self.new_id else ""
        return f"{file}:{self.line} id: duplicate concept id {self.id!r} (first at line {self.first_line}){done}"


class DuplicateIds(FormatError):
    """The file uses concept ids more than once (``on_duplicate="fail"``); ``duplicates`` lists every one."""

    def __init__(self, file: str, duplicates: list[Duplicate]) -> None:
        first = duplicates[0]
        more = f" ({len(duplicates)} duplicates in all)" if len(duplicates) > 1 else ""
        message = f"duplicate concept id {first.id!r} (first at line {first.first_line}){more}"
        super().__init__(file, message, line=first.line, field="id")
        self.duplicates = duplicates


def capped(lines: list[str], limit: int = PRINTED_ITEMS) -> list[str]:
    """The first ``limit`` lines, then "… and N more" when there are more."""
    return lines if len(lines) <= limit else [*lines[:limit], f"… and {len(lines) - limit} more"]


class DuplicateTracker:
    """Where each concept id was first seen, to report a repeat with both lines."""

    def __init__(self) -> None:
        self.first_lines: dict[str, int] = {}

    def repeat(self, concept_id: str, line: int) -> Duplicate | None:
        """A :class:`Duplicate` when ``concept_id`` was seen before; else None, and it is remembered."""
        if concept_id in self.first_lines:
            return Duplicate(concept_id, line, self.first_lines[concept_id])
        self.first_lines[concept_id] = line
        return None


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
    spreadsheet cells (``None``: the layout's default).  ``base_uri`` is
    where the linked-data formats root their URIs (``<base>/concept/<id>``;
    empty: a placeholder, see :mod:`glossary.formats.skos_vocab`).
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
    base_uri: str = ""

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
    ``on_duplicate`` says what to do with a concept id the file used before:
    ``"fail"`` raises :class:`DuplicateIds` listing every repeat, ``"skip"``
    keeps the first entry, ``"rename"`` gives the repeat a fresh id
    (``x-2``, ``x-3``…); skipped and renamed ones are listed in the report.
    ``reliability_scale`` says whether TBX ``reliabilityCode`` values are
    IATE's 1–4 grades (see :mod:`glossary.formats.iate`).  ``progress`` is
    told how many entries have been read (the total is not known while a
    file is parsed), so that a big file shows its progress.
    """

    name: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    column_map: Mapping[str, str] = field(default_factory=dict)
    formula_escape: bool | None = None
    known_sources: Mapping[str, SourceText] = field(default_factory=dict)
    known_subjects: Mapping[str, Subject] = field(default_factory=dict)
    on_duplicate: OnDuplicate = "fail"
    reliability_scale: ReliabilityScale = "auto"
    progress: Progress | None = field(default=None, compare=False)


@dataclass
class ImportReport:
    """What an import did with every piece of its input; nothing is dropped without a count here."""

    file: str = ""
    concepts: int = 0
    terms: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    kept_as_notes: Counter[str] = field(default_factory=Counter)
    converted: Counter[str] = field(default_factory=Counter)
    #: Every repeated concept id, skipped or renamed (all of them; :meth:`lines` prints the first few).
    duplicates: list[Duplicate] = field(default_factory=list)
    #: Things worth a look that did not stop the import, each a located line.
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.file}: {self.concepts} concepts, {self.terms} terms", *self.warnings]
        out.extend(capped([d.describe(self.file) for d in self.duplicates]))
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
