"""Write a term base to a YAML directory without ever leaving it half-written.

Everything is written into a fresh sibling directory first; only when every
file is on disk is it renamed into place.  A crash at any point leaves either
the old term base or the new one, never a mixture.

A small term base is written one concept per file, which reviews and diffs
well; a big one (more than :data:`SHARD_THRESHOLD` concepts) as shards of
:data:`SHARD_SIZE` concepts, each a YAML list (``concepts/shard-0001.yaml``…),
so that a million concepts are a thousand files, not a million, and the
import pays one ``fsync`` per shard.  Shards keep the term base's order, so
writing back a base loaded from shards rewrites the same files, and concepts
added by a merge go to the last shards.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from glossary.model import Concept, Termbase
from glossary.serialize import concept_to_dict, source_to_dict, subject_to_dict
from glossary.termbase.yamlemit import Unsupported, emit_document
from glossary.termbase.yamlnodes import collector_paused

try:
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper  # type: ignore[assignment]

UNSAFE_FILENAME = re.compile(r"[^\w.\-]+")
#: File systems cap a name at 255 bytes; a stem this long leaves room for ``-N.yaml``.
MAX_STEM_BYTES = 200
#: A term base with more concepts than this is written as shards.
SHARD_THRESHOLD = 2000
#: Concepts per shard file.
SHARD_SIZE = 1000
SHARD_NAME = re.compile(r"shard-\d{4,}\.yaml")

#: Called with (concepts written so far, total concepts).
Progress = Callable[[int, int | None], None]


class _PlainDumper(SafeDumper):  # type: ignore[misc,valid-type]
    """Writes a value shared by two concepts of a shard twice, never as an ``&anchor``/``*alias`` pair."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100)


def concept_yaml(concept: Concept, *, in_shard: bool = False) -> str:
    """A concept's YAML (as a shard's list item if ``in_shard``), exactly as :func:`dump_yaml` writes it.

    The direct emitter writes nearly every concept; one holding a string it
    cannot prove safe to write plain goes through PyYAML.  A shard is the
    concatenation of its items, as PyYAML writes a list of mappings.
    """
    data = concept_to_dict(concept)
    document: Any = [data] if in_shard else data
    try:
        return emit_document(document)
    except Unsupported:
        return dump_yaml(document)


def concept_filename(concept: Concept, taken: set[str]) -> str:
    """A filesystem-safe, case-insensitively unique file name for a concept."""
    stem = UNSAFE_FILENAME.sub("_", concept.id).strip("._") or "concept"
    stem = stem[:100].encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore")
    name, n = stem, 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.lower())
    return f"{name}.yaml"


def shard_names(count: int) -> list[str]:
    """The file names of ``count`` shards; one width for all, so that they sort in order."""
    width = max(4, len(str(count)))
    return [f"shard-{n:0{width}d}.yaml" for n in range(1, count + 1)]


def is_sharded(directory: str | Path) -> bool:
    """Whether the term base at ``directory`` was written as shards (it has ``concepts/shard-*.yaml``)."""
    folder = Path(directory) / "concepts"
    if not folder.is_dir():
        return False
    with os.scandir(folder) as entries:
        return any(SHARD_NAME.fullmatch(entry.name) for entry in entries)


def write_termbase(
    termbase: Termbase,
    directory: str | Path,
    *,
    copy_files_from: Path | None = None,
    shards: bool | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``termbase`` as a YAML directory at ``directory``, replacing it atomically.

    ``copy_files_from`` names an existing term base whose sentence files
    (``sources.yaml`` ``file:`` entries) are carried over.  ``shards`` chooses
    the layout of ``concepts/`` (default: shards for more than
    :data:`SHARD_THRESHOLD` concepts); ``progress`` is told how many
    concepts are written.
    """
    target = Path(directory).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    if shards is None:
        shards = len(termbase.concepts) > SHARD_THRESHOLD
    try:
        with collector_paused():
            _write_into(termbase, staging, copy_files_from, shards=shards, progress=progress)
        replace_directory(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_into(
    termbase: Termbase, folder: Path, copy_files_from: Path | None, *, shards: bool, progress: Progress | None
) -> None:
    meta: dict[str, Any] = {}
    for key in ("name", "description"):
        versions = getattr(termbase, f"{key}_by_lang")
        if versions:
            meta[key] = dict(versions)
        elif getattr(termbase, key):
            meta[key] = getattr(termbase, key)
    if termbase.languages:
        meta["languages"] = list(termbase.languages)
    if meta:
        _write_file(folder / "termbase.yaml", dump_yaml(meta))
    sources = {sid: source_to_dict(s) for sid, s in termbase.sources.items()}
    _write_file(folder / "sources.yaml", dump_yaml(sources) if sources else "{}\n")
    subjects = {sid: subject_to_dict(s) for sid, s in termbase.subjects.items()}
    _write_file(folder / "subjects.yaml", dump_yaml(subjects) if subjects else "{}\n")
    for source in termbase.sources.values():
        for name in (source.file, source.original):
            if name and copy_files_from is not None and (copy_files_from / name).is_file():
                destination = folder / name
                if destination.resolve().is_relative_to(folder.resolve()):
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(copy_files_from / name, destination)
    concepts = folder / "concepts"
    concepts.mkdir()
    everything = list(termbase.concepts.values())
    if shards:
        parts = [everything[i : i + SHARD_SIZE] for i in range(0, len(everything), SHARD_SIZE)]
        done = 0
        for name, part in zip(shard_names(len(parts)), parts, strict=True):
            _write_file(concepts / name, "".join(concept_yaml(concept, in_shard=True) for concept in part))
            done += len(part)
            if progress is not None:
                progress(done, len(everything))
        return
    taken: set[str] = set()
    for done, concept in enumerate(everything, 1):
        _write_file(concepts / concept_filename(concept, taken), concept_yaml(concept))
        if progress is not None:
            progress(done, len(everything))


def _write_file(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def replace_directory(staging: Path, target: Path) -> None:
    """Rename the finished directory ``staging`` to ``target``, replacing whatever is there.

    An existing ``target`` is moved aside first and removed only once
    ``staging`` is in place (if that rename fails, it is moved back), so a
    reader sees the old directory or the new one, never neither for long nor a
    mixture.  ``staging`` must be a sibling of ``target`` so every rename
    stays on one file system.
    """
    if not target.exists():
        staging.replace(target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    retired.rmdir()
    target.replace(retired)
    try:
        staging.replace(target)
    except BaseException:
        retired.replace(target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
