"""Sorted lists of string keys in one compact file each, read in place.

The A–Z, subject and autocomplete listings need only sorted keys: a seek to
a key and the keys after it.  Whoosh's term dictionary would keep them as
terms with postings, about 73 bytes of overhead per key and pure-Python
work per unique term at build time; here a key costs its UTF-8 bytes plus a
4-byte offset.  The file is read where a request needs it (a binary search,
then a block of keys), never loaded: every process serving the index shares
one copy in the page cache, and no key becomes a Python object until asked
for.

Layout (little-endian)::

    header    magic "GLOSKEYS", version u32, offset width u32 (4 or 8), count u64, blob length u64
    blob      the keys' UTF-8 bytes, concatenated, in byte order, no duplicates
    offsets   count + 1 unsigned ints of the header's width: key i is blob[offsets[i]:offsets[i + 1]]

Byte order of UTF-8 is code-point order, the order Python compares ``str``
in and the order Whoosh kept its terms in.  The offsets come last so that a
writer streams the keys and learns the count and width only at the end.
"""

from __future__ import annotations

import heapq
import os
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

MAGIC = b"GLOSKEYS"
VERSION = 1
HEADER = struct.Struct("<8sIIQQ")
#: Offsets are 4 bytes while the blob fits in 4 GiB, else 8.
_WIDTHS = {4: "I", 8: "Q"}
#: A reader keeps the keys its binary searches probe in their first this many steps (at most 2¹⁰ - 1 keys):
#: every search passes through the same few, so a seek then reads about log2(count) - 10 keys.
CACHED_LEVELS = 10
#: Keys a sorter holds in memory before it writes them out as a sorted run.
RUN_KEYS = 262_144
SUFFIX = ".keys"


class CorruptKeys(ValueError):
    """A key file that is truncated, of another format or inconsistent; the message names the file."""


def _encode(key: str) -> bytes:
    # surrogatepass: a stray surrogate in a query still encodes, in code-point order.
    return key.encode("utf-8", "surrogatepass")


class SortedKeysWriter:
    """Write keys given in strictly increasing byte order to ``path``, streaming; :meth:`finish` completes the file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file: BinaryIO = self.path.open("wb")
        self._file.write(bytes(HEADER.size))
        self._offsets = array("Q", [0])
        self._last: bytes | None = None

    def add(self, key: bytes) -> None:
        """Append one UTF-8 key; it must sort after the previous one."""
        if self._last is not None and key <= self._last:
            raise ValueError(f"{self.path}: keys out of order: {key!r} after {self._last!r}")
        self._file.write(key)
        self._offsets.append(self._offsets[-1] + len(key))
        self._last = key

    def finish(self) -> int:
        """Write the offsets and the header, close the file; return the number of keys."""
        blob = self._offsets[-1]
        width = 4 if blob < 2**32 else 8
        offsets = array(_WIDTHS[width], self._offsets) if width == 4 else self._offsets
        if sys.byteorder == "big":
            offsets.byteswap()
        offsets.tofile(self._file)
        count = len(self._offsets) - 1
        self._file.seek(0)
        self._file.write(HEADER.pack(MAGIC, VERSION, width, count, blob))
        self._file.close()
        return count

    def abort(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


def write_sorted_keys(path: Path, keys: Iterable[str]) -> int:
    """Write ``keys`` (any order, duplicates allowed) sorted and unique to ``path``; return how many."""
    sorter = KeySorter(path)
    for key in keys:
        sorter.add(key)
    return sorter.finish()


class KeySorter:
    """Collect keys in any order and write them sorted and unique to ``path``, in bounded memory.

    Every ``run_keys`` keys are sorted and written beside ``path`` as a run
    (a key file itself); :meth:`finish` merges the runs.  A listing of a
    million concepts thus never holds all its keys in memory.
    """

    def __init__(self, path: Path, run_keys: int = RUN_KEYS) -> None:
        self.path = Path(path)
        self._run_keys = run_keys
        self._pending: list[bytes] = []
        self._runs: list[Path] = []

    def add(self, key: str) -> None:
        self._pending.append(_encode(key))
        if len(self._pending) >= self._run_keys:
            run = self.path.with_name(f".{self.path.name}.run{len(self._runs)}")
            _write_unique(run, sorted(self._pending))
            self._runs.append(run)
            self._pending = []

    def add_all(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.add(key)

    def finish(self) -> int:
        """Write the file; return the number of unique keys."""
        pending = sorted(self._pending)
        self._pending = []
        if not self._runs:
            return _write_unique(self.path, pending)
        runs = [SortedKeys(path) for path in self._runs]
        try:
            return _write_unique(self.path, heapq.merge(pending, *(run.raw_keys() for run in runs)))
        finally:
            for run in runs:
                run.close()
            self.discard_runs()

    def discard_runs(self) -> None:
        for run in self._runs:
            run.unlink(missing_ok=True)
        self._runs = []


def _write_unique(path: Path, ordered: Iterable[bytes]) -> int:
    writer = SortedKeysWriter(path)
    try:
        last = None
        for key in ordered:
            if key != last:
                writer.add(key)
                last = key
    except BaseException:
        writer.abort()
        raise
    return writer.finish()


class SortedKeys:
    """A key file opened read-only: a seek by binary search, then keys in order, read a block at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            size = os.fstat(self._fd).st_size
            if size < HEADER.size:
                raise CorruptKeys(f"{self.path}: truncated key file ({size} bytes, shorter than its header)")
            self._check(size)
        except BaseException:
            self.close()
            raise

    def _check(self, size: int) -> None:
        magic, version, width, count, blob = HEADER.unpack(self._read(HEADER.size, 0))
        if magic != MAGIC or version != VERSION:
            raise CorruptKeys(f"{self.path}: not a key file of version {VERSION} (magic {magic!r}, version {version})")
        if width not in _WIDTHS:
            raise CorruptKeys(f"{self.path}: offset width {width} is neither 4 nor 8")
        expected = HEADER.size + blob + (count + 1) * width
        if size != expected:
            raise CorruptKeys(f"{self.path}: {size} bytes where its header promises {expected}: truncated or damaged")
        self._code = _WIDTHS[width]
        self._width = width
        self._count = count
        self._blob = blob
        self._offsets_at = HEADER.size + blob
        self._probes: dict[int, bytes] = {}
        if self._offsets(0, 0)[0] != 0 or self._offsets(count, 0)[0] != blob:
            raise CorruptKeys(f"{self.path}: offsets do not span the keys: damaged")

    # -- reading -----------------------------------------------------------------------------------
    # Positional reads, not mmap: the pages stay in the page cache that every process shares, and
    # are not counted in each worker's RSS, as mapped pages are (the kernel maps 64 KB around each
    # page touched, so a binary search would map a few MB of keys into every worker).

    def _read(self, size: int, at: int) -> bytes:
        if self._fd < 0:
            raise ValueError(f"{self.path}: read from a closed key file")
        data = os.pread(self._fd, size, at)
        if len(data) != size:
            raise CorruptKeys(f"{self.path}: ends before byte {at + size}: truncated")
        return data

    def _offsets(self, index: int, keys: int) -> array[int]:
        """The ``keys + 1`` offsets that bound keys ``index`` to ``index + keys``."""
        offsets = array(self._code, self._read((keys + 1) * self._width, self._offsets_at + index * self._width))
        if sys.byteorder == "big":
            offsets.byteswap()
        return offsets

    def _block(self, index: int, keys: int) -> list[bytes]:
        """Keys ``index`` to ``index + keys`` (fewer at the end): two reads, whatever ``keys`` is."""
        keys = min(keys, self._count - index)
        if keys <= 0:
            return []
        offsets = self._offsets(index, keys)
        for i in range(keys):
            if not offsets[i] <= offsets[i + 1] <= self._blob:
                raise CorruptKeys(f"{self.path}: offsets of key {index + i} are out of order: damaged")
        first = offsets[0]
        blob = self._read(offsets[keys] - first, HEADER.size + first)
        return [blob[offsets[i] - first : offsets[i + 1] - first] for i in range(keys)]

    def _raw(self, index: int) -> bytes:
        return self._block(index, 1)[0]

    def _raw_from(self, index: int) -> Iterator[tuple[int, bytes]]:
        """``(position, key bytes)`` from ``index`` on, in blocks that grow: a short prefix reads little."""
        size = 32
        while index < self._count:
            for raw in self._block(index, size):
                yield index, raw
                index += 1
            size = min(size * 2, 1024)

    def _decode(self, index: int, raw: bytes) -> str:
        try:
            return raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise CorruptKeys(f"{self.path}: key {index} is not UTF-8: damaged") from None

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < self._count:
            raise IndexError(f"{self.path}: no key {index} of {self._count}")
        return self._decode(index, self._raw(index))

    def bisect_left(self, key: str) -> int:
        """The position of the first key that sorts at or after ``key`` (``len(self)`` when none does)."""
        wanted = _encode(key)
        low, high, level = 0, self._count, 0
        while low < high:
            middle = (low + high) // 2
            probe = self._probes.get(middle)
            if probe is None:
                probe = self._raw(middle)
                if level < CACHED_LEVELS:
                    self._probes[middle] = probe
            level += 1
            if probe < wanted:
                low = middle + 1
            else:
                high = middle
        return low

    def raw_keys(self, start: int = 0) -> Iterator[bytes]:
        """The keys' UTF-8 bytes from position ``start`` on (what a merge compares)."""
        for _, raw in self._raw_from(max(0, start)):
            yield raw

    def keys_from(self, start: str) -> Iterator[str]:
        """Every key that sorts at or after ``start``, in order, read lazily."""
        for index, raw in self._raw_from(self.bisect_left(start)):
            yield self._decode(index, raw)

    def expand_prefix(self, prefix: str) -> Iterator[str]:
        """The keys starting with ``prefix``, in order."""
        wanted = _encode(prefix)
        for index, raw in self._raw_from(self.bisect_left(prefix)):
            if not raw.startswith(wanted):
                return
            yield self._decode(index, raw)

    def __iter__(self) -> Iterator[str]:
        return self.keys_from("")

    # -- closing -----------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._fd < 0

    def close(self) -> None:
        fd, self._fd = getattr(self, "_fd", -1), -1
        if fd >= 0:
            os.close(fd)

    def __del__(self) -> None:
        self.close()

    def __enter__(self) -> SortedKeys:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def open_key_files(directory: Path) -> dict[str, SortedKeys]:
    """Every key file of ``directory``, by name (without :data:`SUFFIX`); all or none are opened."""
    opened: dict[str, SortedKeys] = {}
    try:
        for path in sorted(Path(directory).glob(f"*{SUFFIX}")):
            opened[path.name[: -len(SUFFIX)]] = SortedKeys(path)
    except BaseException:
        for keys in opened.values():
            keys.close()
        raise
    return opened


class KeyFiles:
    """One :class:`KeySorter` per field, writing ``directory/<field>.keys``: what a build collects its listings in."""

    def __init__(self, directory: Path, run_keys: int = RUN_KEYS) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._run_keys = run_keys
        self._sorters: dict[str, KeySorter] = {}

    def sorter(self, field: str) -> KeySorter:
        sorter = self._sorters.get(field)
        if sorter is None:
            sorter = KeySorter(self.directory / f"{field}{SUFFIX}", self._run_keys)
            self._sorters[field] = sorter
        return sorter

    def add(self, fields: dict[str, list[str]]) -> None:
        """Add each field's keys (a concept's listing keys)."""
        for field, keys in fields.items():
            self.sorter(field).add_all(keys)

    def finish(self, fields: Iterable[str] = ()) -> dict[str, int]:
        """Write every field's file, an empty one for each of ``fields`` that got no key; return the counts."""
        for field in fields:
            self.sorter(field)
        return {field: sorter.finish() for field, sorter in self._sorters.items()}
