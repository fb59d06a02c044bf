"""Exchange formats: one class per format, all in one registry.

The CLI, the web export page and the API all go through :data:`REGISTRY`::

    fmt = get_format("tbx")
    concepts, exported = select(lambda: termbase.concepts.values(), languages=("kk", "ru"))
    fmt.export(concepts, out, ExportOptions(languages=("kk", "ru"), info=termbase, exported_ids=exported))

or, in one call, :func:`export_termbase`.  The workflows over whole files are
here too: :func:`open_termbase` reads a term-base directory or any importable
file, :func:`import_into` imports a file into a YAML term base (merging and
validating before an atomic write).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import IO

from glossary.formats.base import (
    ON_DUPLICATE,
    Duplicate,
    DuplicateIds,
    ExportOptions,
    Format,
    FormatError,
    ImportOptions,
    ImportReport,
    ImportResult,
    TermbaseInfo,
)
from glossary.formats.filters import filter_concepts, select
from glossary.formats.importing import ImportOutcome, import_into, open_termbase
from glossary.formats.registry import REGISTRY, format_for_path, get_format
from glossary.model import Concept

#: Default bound on an uploaded file's size (the web server may set a lower one).
MAX_UPLOAD = 64 * 1024 * 1024


def import_stream(
    fmt: Format, stream: IO[bytes], shown_as: str, options: ImportOptions | None = None, *, max_bytes: int = MAX_UPLOAD
) -> ImportResult:
    """Import an uploaded file: spooled to a temporary file (at most ``max_bytes``), errors named ``shown_as``."""
    suffix = Path(shown_as).suffix or fmt.extensions[0]
    with tempfile.TemporaryDirectory(prefix="glossary-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        size = 0
        with path.open("wb") as handle:
            while chunk := stream.read(1024 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise FormatError(shown_as, f"larger than the upload limit of {max_bytes} bytes")
                handle.write(chunk)
        try:
            return fmt.import_(path, options)
        except DuplicateIds as exc:
            raise DuplicateIds(shown_as, exc.duplicates) from None
        except FormatError as exc:
            raise FormatError(shown_as, exc.detail, line=exc.line, field=exc.field) from None


def export_termbase(
    fmt: Format, concepts: Callable[[], Iterable[Concept]], out: IO[bytes], options: ExportOptions
) -> None:
    """Filter by ``options`` and stream the export; ``concepts`` is called once, twice when filtering.

    Bilingual formats export the pair ``options.pair(...)`` and only concepts
    with a term in the source language.
    """
    languages, required = options.languages, ()
    if fmt.bilingual:
        source, target = options.pair(options.info.languages if options.info else ())
        languages, required = (source, target), (source,)
        options = replace(options, languages=languages, source_lang=source, target_lang=target)
    chosen, exported = select(
        concepts,
        languages=languages,
        subjects=options.subjects,
        statuses=options.statuses,
        ids=options.ids,
        required=required,
    )
    fmt.export(chosen, out, replace(options, exported_ids=exported))


__all__ = [
    "ON_DUPLICATE",
    "REGISTRY",
    "Duplicate",
    "DuplicateIds",
    "ExportOptions",
    "Format",
    "FormatError",
    "ImportOptions",
    "ImportOutcome",
    "ImportReport",
    "ImportResult",
    "TermbaseInfo",
    "export_termbase",
    "filter_concepts",
    "format_for_path",
    "get_format",
    "import_into",
    "import_stream",
    "open_termbase",
    "select",
]
