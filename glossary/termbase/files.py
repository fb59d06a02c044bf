"""The YAML files of a term-base folder, found with ``os.scandir`` and named as strings.

A big term base has tens of thousands of concept files; ``Path.rglob`` and
sorting ``Path`` objects cost more than reading some of them.  The order is
the one sorting the paths gives (folder by folder), so the first of two
concepts with one id stays the same.
"""

from __future__ import annotations

import os
from pathlib import Path


def yaml_files(folder: str | os.PathLike[str], *, suffix: str = ".yaml") -> list[str]:
    """Names of the ``*.yaml`` files under ``folder`` (at any depth), relative to it, ``/``-separated, sorted.

    Like ``Path.rglob``, it includes hidden files and follows symbolic links to folders
    (each folder is read once, so a link to a parent does not loop).
    """
    found: list[str] = []
    pending = [("", os.fspath(folder))]
    seen: set[tuple[int, int]] = set()
    try:
        top = Path(folder).stat()
        seen.add((top.st_dev, top.st_ino))
    except OSError:
        return []
    while pending:
        prefix, path = pending.pop()
        try:
            with os.scandir(path) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            name = prefix + entry.name
            if entry.name.endswith(suffix) and _is_file(entry):
                found.append(name)
            elif _is_dir(entry) and _first_visit(entry, seen):
                pending.append((name + "/", entry.path))
    found.sort(key=lambda name: name.split("/"))
    return found


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _first_visit(entry: os.DirEntry[str], seen: set[tuple[int, int]]) -> bool:
    try:
        info = entry.stat()
    except OSError:
        return False
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
