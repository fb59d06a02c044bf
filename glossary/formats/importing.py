"""Term bases from files: open any of them, or import one into a YAML directory.

These are the workflows the CLI and other callers share.  They live in
``glossary.formats`` rather than ``glossary.termbase`` because they need the
formats registry, which itself builds on ``glossary.termbase`` (loading,
validating, atomic writing): imports stay one-way, termbase ← formats.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from glossary.formats.base import Format, FormatError, ImportOptions, ImportReport
from glossary.formats.merge import MergeResult
from glossary.formats.merge import merge as merge_termbases
from glossary.formats.registry import format_for_path
from glossary.formats.store import store_checked
from glossary.model import Termbase
from glossary.termbase.load import load_termbase
from glossary.termbase.progress import Phases
from glossary.termbase.write import is_sharded
from glossary.termbase.yamlnodes import Problem, collector_paused


def open_termbase(path: str | Path) -> Termbase:
    """The term base at ``path``: a YAML term-base directory, or a file any importable format reads.

    A file's format comes from its extension (and a ``.tbx`` file's root
    element).  Errors are located: :class:`~glossary.formats.FormatError` names
    the file, line and field of a bad file (also one whose extension no
    format knows); :class:`~glossary.termbase.TermbaseInvalid` carries every
    problem of a directory, and is what a path that does not exist raises.
    """
    path = Path(path)
    if not path.is_file():
        return load_termbase(path)
    try:
        return format_for_path(path).import_(path).termbase
    except ValueError as error:  # a reader's stray ValueError still names the file
        raise FormatError(str(path), str(error)) from error


@dataclass
class ImportOutcome:
    """What :func:`import_into` did; the term base was written only when ``errors`` is empty."""

    into: Path
    report: ImportReport
    #: The term base written, or refused: the merged one when merging.
    termbase: Termbase
    merge: MergeResult | None = None
    #: Problems that kept the result from being written (as ``glossary check`` reports them).
    errors: list[Problem] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        """What the reader mapped, kept and dropped, then the merge's counts and conflicts."""
        return [*self.report.lines(), *(self.merge.lines() if self.merge else ())]


def import_into(
    file: str | Path,
    into: str | Path,
    *,
    fmt: Format | None = None,
    options: ImportOptions | None = None,
    merge: bool = False,
    load: Callable[[Path], Termbase] = load_termbase,
    shards: bool | None = None,
    progress: Phases | None = None,
) -> ImportOutcome:
    """Import ``file`` into the YAML term base ``into``: read, optionally merge, validate, store atomically.

    Without ``merge``, ``into`` must be missing or empty (else
    :class:`FileExistsError`).  With it, the term base at ``into`` is read
    through ``load`` (default :func:`~glossary.termbase.load_termbase`, which
    raises :class:`~glossary.termbase.TermbaseInvalid`); its sources and
    subjects keep their ids, existing content wins every clash, and clashes
    are reported in :attr:`ImportOutcome.merge`.  ``fmt`` defaults to the
    file's format (:func:`format_for_path`); a bad file raises
    :class:`FormatError`.  The result is written only if it passes the checks
    of ``glossary check``; otherwise ``into`` is untouched and the errors are
    returned.  ``shards`` chooses the layout (default: the layout of the base
    merged into if it has shards, else by size, see
    :func:`~glossary.termbase.write_termbase`); ``progress`` follows the steps
    ("reading <format>" in entries, "writing" in concepts, "checking" in files).
    """
    file, into = Path(file), Path(into)
    existing = load(into) if merge else None
    if existing is None and into.exists() and any(into.iterdir()):
        raise FileExistsError(errno.EEXIST, "already exists and is not empty; merge into it instead", str(into))
    options = options or ImportOptions()
    fmt = fmt or format_for_path(file)
    if progress is not None and options.progress is None:
        options = replace(options, progress=progress(f"reading {fmt.name}"))
    if existing is not None:
        options = replace(options, known_sources=existing.sources, known_subjects=existing.subjects)
    with collector_paused():  # a big file makes as many objects as a big term base (see collector_paused)
        result = fmt.import_(file, options)
    termbase, merged = result.termbase, None
    if existing is not None:
        merged = merge_termbases(existing, result.termbase)
        termbase = merged.termbase
    if existing is not None and shards is None:  # a merge keeps the layout the base has
        shards = is_sharded(into) or None
    errors = store_checked(
        termbase, into, copy_files_from=into if existing is not None else None, shards=shards, progress=progress
    )
    return ImportOutcome(into, result.report, termbase, merged, errors)
