"""Sorted key files: byte order, seeks at every edge, prefixes, any Unicode, the empty list, damaged files."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from glossary.search.sorted_keys import (
    HEADER,
    CorruptKeys,
    KeyFiles,
    KeySorter,
    SortedKeys,
    SortedKeysWriter,
    open_key_files,
    write_sorted_keys,
)

SEP = "\x1f"
KEYS = [
    "а" + SEP + "00000001" + SEP + "ақпарат",
    "а" + SEP + "00000000" + SEP + "адам",
    "ә" + SEP + "00000000" + SEP + "әліпби",
    "ы" + SEP + "00000000" + SEP + "ыдыс",
    "і" + SEP + "00000000" + SEP + "іс",
    "ё" + SEP + "00000000" + SEP + "ёж",
    "z" + SEP + "00000000" + SEP + "zebra",
    "a",
    "ab",
    "abc",
    "b",
    "",
    "日本",
    "🙂 emoji",
]


def written(tmp_path: Path, keys: list[str], name: str = "k.keys") -> SortedKeys:
    write_sorted_keys(tmp_path / name, keys)
    return SortedKeys(tmp_path / name)


def test_keys_come_back_in_utf8_byte_order_without_duplicates(tmp_path: Path) -> None:
    with written(tmp_path, [*KEYS, *KEYS[:5]]) as keys:
        assert list(keys) == sorted(KEYS, key=lambda key: key.encode())
        assert len(keys) == len(KEYS)
        # Code-point order is byte order: Kazakh ә (U+04D9) and і (U+0456) sort after the Russian alphabet.
        assert list(keys) == sorted(KEYS)
        assert [keys[i] for i in range(len(keys))] == list(keys)


def test_bisect_at_every_edge(tmp_path: Path) -> None:
    words = ["b", "d", "f"]
    with written(tmp_path, words) as keys:
        assert keys.bisect_left("") == 0
        assert keys.bisect_left("a") == 0
        assert keys.bisect_left("b") == 0
        assert keys.bisect_left("c") == 1
        assert keys.bisect_left("d") == 1
        assert keys.bisect_left("f") == 2
        assert keys.bisect_left("g") == 3
        assert keys.bisect_left("\U0010ffff") == 3
        assert list(keys.keys_from("c")) == ["d", "f"]
        assert list(keys.keys_from("f")) == ["f"]
        assert list(keys.keys_from("fa")) == []
        assert list(keys.keys_from("")) == words


def test_bisect_agrees_with_a_sorted_list_on_random_keys(tmp_path: Path) -> None:
    rng = random.Random(11)
    alphabet = "aбәі\x1f0🙂"
    keys = {"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(5000)}
    ordered = sorted(keys)
    with written(tmp_path, list(keys)) as sorted_keys:
        assert list(sorted_keys) == ordered
        for _ in range(300):
            probe = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
            expected = next((i for i, key in enumerate(ordered) if key >= probe), len(ordered))
            assert sorted_keys.bisect_left(probe) == expected


def test_prefix_expansion(tmp_path: Path) -> None:
    with written(tmp_path, KEYS) as keys:
        assert list(keys.expand_prefix("a")) == ["a", "ab", "abc"]
        assert list(keys.expand_prefix("ab")) == ["ab", "abc"]
        assert list(keys.expand_prefix("abcd")) == []
        assert list(keys.expand_prefix("а" + SEP)) == [KEYS[1], KEYS[0]]  # Cyrillic а, not Latin a
        assert list(keys.expand_prefix("ә")) == [KEYS[2]]
        assert list(keys.expand_prefix("🙂")) == ["🙂 emoji"]
        assert list(keys.expand_prefix("")) == list(keys)
        assert list(keys.expand_prefix("\U0010ffff")) == []


def test_an_empty_list_works(tmp_path: Path) -> None:
    with written(tmp_path, []) as keys:
        assert len(keys) == 0
        assert list(keys) == []
        assert keys.bisect_left("a") == 0
        assert list(keys.keys_from("")) == []
        assert list(keys.expand_prefix("")) == []
        with pytest.raises(IndexError):
            keys[0]


def test_runs_merge_into_one_sorted_file(tmp_path: Path) -> None:
    """A sorter that spills runs (here every 7 keys) writes the same file as one that sorts in memory."""
    rng = random.Random(5)
    keys = [f"{rng.choice('абв')}{SEP}{rng.randrange(50):08d}" for _ in range(200)]
    sorter = KeySorter(tmp_path / "runs.keys", run_keys=7)
    sorter.add_all(keys)
    assert sorter.finish() == len(set(keys))
    write_sorted_keys(tmp_path / "memory.keys", keys)
    assert (tmp_path / "runs.keys").read_bytes() == (tmp_path / "memory.keys").read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["memory.keys", "runs.keys"]  # runs removed


def test_key_files_write_one_file_per_field_and_open_them_all(tmp_path: Path) -> None:
    files = KeyFiles(tmp_path / "listings", run_keys=3)
    files.add({"browse_kk": ["б", "а", "в", "г"], "complete": ["x"]})
    files.add({"browse_kk": ["ә"]})
    assert files.finish(["complete", "subject_order"]) == {"browse_kk": 5, "complete": 1, "subject_order": 0}
    opened = open_key_files(tmp_path / "listings")
    try:
        assert sorted(opened) == ["browse_kk", "complete", "subject_order"]
        assert list(opened["browse_kk"]) == ["а", "б", "в", "г", "ә"]
        assert len(opened["subject_order"]) == 0
    finally:
        for keys in opened.values():
            keys.close()


def test_the_writer_refuses_keys_out_of_order(tmp_path: Path) -> None:
    writer = SortedKeysWriter(tmp_path / "k.keys")
    writer.add(b"b")
    with pytest.raises(ValueError, match="out of order"):
        writer.add(b"a")
    with pytest.raises(ValueError, match="out of order"):
        writer.add(b"b")
    writer.abort()
    assert not (tmp_path / "k.keys").exists()


def test_closing(tmp_path: Path) -> None:
    keys = written(tmp_path, ["a"])
    assert not keys.closed
    keys.close()
    assert keys.closed
    with pytest.raises(ValueError):
        list(keys)


@pytest.mark.parametrize("cut", [0, 5, HEADER.size - 1, HEADER.size, HEADER.size + 3, -1])
def test_a_truncated_file_is_an_error_naming_it(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "browse_kk.keys"
    write_sorted_keys(path, ["адам", "ақпарат", "әліпби"])
    data = path.read_bytes()
    path.write_bytes(data[:cut])
    with pytest.raises(CorruptKeys, match=r"browse_kk\.keys"):
        SortedKeys(path)


def test_another_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "complete.keys"
    path.write_bytes(b"not a key file at all, though long enough for a header")
    with pytest.raises(CorruptKeys, match=r"complete\.keys: not a key file"):
        SortedKeys(path)


def test_damaged_offsets_and_bytes_are_errors_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "k.keys"
    write_sorted_keys(path, ["ab", "cd", "ef"])
    data = bytearray(path.read_bytes())
    offsets_at = HEADER.size + 6
    struct.pack_into("<I", data, offsets_at + 4, 5)  # key 0 ends after key 1 starts
    struct.pack_into("<I", data, offsets_at + 8, 4)
    path.write_bytes(bytes(data))
    with SortedKeys(path) as keys, pytest.raises(CorruptKeys, match=r"k\.keys: offsets of key 1"):
        list(keys)
    struct.pack_into("<I", data, offsets_at + 12, 99)  # the last offset past the keys
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptKeys, match=r"k\.keys: offsets do not span"):
        SortedKeys(path)
    write_sorted_keys(path, ["ab", "cd"])
    data = bytearray(path.read_bytes())
    data[HEADER.size] = 0xFF  # not UTF-8
    path.write_bytes(bytes(data))
    with SortedKeys(path) as keys, pytest.raises(CorruptKeys, match=r"k\.keys: key 0 is not UTF-8"):
        list(keys)


def test_a_file_cut_short_while_open_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "complete.keys"
    write_sorted_keys(path, ["адам", "ақпарат", "әліпби"])
    with SortedKeys(path) as keys:
        with path.open("r+b") as handle:
            handle.truncate(HEADER.size + 4)
        with pytest.raises(CorruptKeys, match=r"complete\.keys: ends before byte"):
            list(keys)


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        SortedKeys(tmp_path / "nothing.keys")
