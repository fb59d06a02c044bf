"""Put an imported term base on disk only if it passes the same checks as ``glossary check``.

The term base is written to a fresh sibling directory (so relative paths
such as ``../corpus/…`` resolve the same), sentence files that came inside
the imported file are written out, the result is loaded back with the
validating loader (on several cores for a big base, see
:mod:`glossary.formats.staged_check`), and only then is it renamed over the
target; on any error the target is untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from glossary.formats.idmap import slug
from glossary.formats.staged_check import check_written
from glossary.model import SourceText, Termbase
from glossary.termbase.progress import Phases
from glossary.termbase.write import replace_directory, write_termbase
from glossary.termbase.yamlnodes import Problem


def store_checked(
    termbase: Termbase,
    directory: Path,
    *,
    copy_files_from: Path | None = None,
    shards: bool | None = None,
    progress: Phases | None = None,
) -> list[Problem]:
    """Write ``termbase`` at ``directory`` if it checks clean; return the errors (empty on success).

    ``shards`` is passed to :func:`~glossary.termbase.write_termbase`; ``progress``
    gets the steps "writing" (concepts) and "checking" (files).
    """
    target = directory.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}.import-", dir=target.parent))
    try:
        sources, files = _sentence_files(termbase, staged)
        write_termbase(
            replace(termbase, sources=sources),
            staged,
            copy_files_from=copy_files_from,
            shards=shards,
            progress=progress("writing") if progress else None,
        )
        for relative, lines in files.items():
            path = staged / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        errors = check_written(staged, termbase, progress=progress("checking") if progress else None)
        if not errors:
            replace_directory(staged, target)
        return errors
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def _sentence_files(termbase: Termbase, staged: Path) -> tuple[dict[str, SourceText], dict[str, tuple[str, ...]]]:
    """Sources whose sentence files are not on disk get them written inside the term base."""
    sources: dict[str, SourceText] = {}
    files: dict[str, tuple[str, ...]] = {}
    for source_id, source in termbase.sources.items():
        changes: dict[str, str] = {}
        for field, lines in (("file", source.sentences), ("original", source.original_sentences)):
            name = getattr(source, field)
            if not lines or (name and (staged / name).resolve().is_file()):
                continue
            inside = name and (staged / name).resolve().is_relative_to(staged.resolve())
            relative = name if inside else f"sentences/{slug(source_id)}.{field}.txt"
            files[relative] = lines
            changes[field] = relative
        sources[source_id] = replace(source, **changes) if changes else source
    return sources, files
