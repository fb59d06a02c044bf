"""A hash of everything a term base is built from, that reads only the files that changed.

``glossary build --if-stale`` compares this hash with the one the index was
built from.  Hashing a big term base means reading all of it, so each file's
SHA-256 is kept in a cache file (next to the index) with the file's size and
modification time, and a file is read again only when those changed, as
``git status`` and ``make`` judge files.  A file modified in the same
instant as it was hashed could keep both, so a digest is cached only once its
file is a few seconds old.

The files are every ``*.yaml`` file of the term base and the sentence files
that ``sources.yaml`` names (they may lie outside it, e.g. ``../corpus/…``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

import yaml

from glossary.termbase.files import yaml_files

CACHE_VERSION = 1
#: A digest is cached only for a file last modified at least this long before it was hashed.
SETTLED_NS = 3_000_000_000
MISSING = "<missing>"


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, in hex."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def termbase_fingerprint(termbase_dir: str | os.PathLike[str], cache_file: Path | None = None) -> str:
    """A hash of the term base's YAML files and of the sentence files its sources name.

    With ``cache_file``, digests of files whose size and modification time
    are those recorded there are reused, and the cache is brought up to date
    (silently skipped when it cannot be written, e.g. on a read-only index).
    """
    root = Path(termbase_dir)
    cache = _read_cache(cache_file, root)
    fresh: dict[str, list[Any]] = {}
    now = time.time_ns()

    def digest_of(name: str) -> tuple[str, list[Any] | None]:
        path = root / name
        try:
            info = path.stat()
        except OSError:
            return MISSING, None
        known = cache.get(name)
        if known and known[0] == info.st_size and known[1] == info.st_mtime_ns:
            fresh[name] = known
            return str(known[2]), known
        try:
            digest = file_digest(path)
        except OSError:
            return MISSING, None
        entry: list[Any] = [info.st_size, info.st_mtime_ns, digest]
        if now - info.st_mtime_ns >= SETTLED_NS:
            fresh[name] = entry
        return digest, entry

    total = hashlib.sha256()
    names = yaml_files(root) if root.is_dir() else []
    sentence_files: list[str] = []
    for name in names:
        digest, entry = digest_of(name)
        if name == "sources.yaml" and entry is not None:
            if len(entry) < 4:  # the sentence files it names, kept with its digest
                entry.append(_sentence_files(root / name))
            sentence_files = list(entry[3])
        total.update(f"{name}\0{digest}\n".encode())
    for name in sentence_files:
        digest, _ = digest_of(name)
        total.update(f"{name}\0{digest}\n".encode())
    if cache_file is not None and fresh != cache:
        _write_cache(cache_file, root, fresh)
    return total.hexdigest()[:32]


def _sentence_files(sources_yaml: Path) -> list[str]:
    try:
        with sources_yaml.open(encoding="utf-8-sig") as handle:
            entries = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    names: list[str] = []
    for entry in entries.values() if isinstance(entries, dict) else ():
        for key in ("file", "original"):
            if isinstance(entry, dict) and isinstance(entry.get(key), str):
                names.append(entry[key])
    return names


def _read_cache(cache_file: Path | None, root: Path) -> dict[str, list[Any]]:
    if cache_file is None:
        return {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or data.get("termbase") != _identity(root):
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _write_cache(cache_file: Path, root: Path, files: dict[str, list[Any]]) -> None:
    data = {"version": CACHE_VERSION, "termbase": _identity(root), "files": files}
    temporary = cache_file.with_name(f".{cache_file.name}.{os.getpid()}")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(cache_file)
    except OSError:
        temporary.unlink(missing_ok=True)


def _identity(root: Path) -> str:
    return str(root.resolve())
