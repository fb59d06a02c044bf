"""``--if-stale`` reads only the files whose size or modification time changed since they were last hashed."""

from __future__ import annotations

import builtins
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary.termbase.fingerprint as fingerprint_module
from glossary.cli import main
from glossary.search.index import FINGERPRINT_CACHE, build_index, index_is_stale
from glossary.termbase.fingerprint import termbase_fingerprint
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES


def age(directory: Path, seconds: float = 60) -> None:
    """Date every file back, as files not edited in the last few seconds are."""
    past = time.time() - seconds
    for path in directory.rglob("*"):
        os.utime(path, (past, past))


@pytest.fixture
def termbase_copy(tmp_path: Path) -> Path:
    target = tmp_path / "termbase"
    shutil.copytree(FIXTURES / "search", target)
    age(target)
    return target


class ReadSpy:
    """Records every file under ``root`` that is opened, by any of the ways Python opens one."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = str(root.resolve())
        self.opened: list[str] = []
        real_open, real_os_open, real_path_open = builtins.open, os.open, Path.open

        def spy_open(file: object, *args: object, **kwargs: object) -> object:
            self.note(file)
            return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

        def spy_os_open(path: object, *args: object, **kwargs: object) -> int:
            self.note(path)
            return real_os_open(path, *args, **kwargs)  # type: ignore[arg-type]

        def spy_path_open(path: Path, *args: object, **kwargs: object) -> object:
            self.note(path)
            return real_path_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(builtins, "open", spy_open)
        monkeypatch.setattr(os, "open", spy_os_open)
        monkeypatch.setattr(Path, "open", spy_path_open)

    def note(self, path: object) -> None:
        if isinstance(path, (str, os.PathLike)) and os.path.realpath(path).startswith(self.root):
            self.opened.append(os.fspath(path))


def test_an_unchanged_term_base_is_not_read_again(
    termbase_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert (index_dir / FINGERPRINT_CACHE).is_file()
    spy = ReadSpy(termbase_copy, monkeypatch)
    assert not index_is_stale(termbase_copy, index_dir)
    assert spy.opened == []


def test_a_changed_file_is_read_again_and_makes_the_index_stale(
    termbase_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    concept = termbase_copy / "concepts" / "standard.yaml"
    concept.write_text(concept.read_text(encoding="utf-8").replace("standard", "standart", 1), encoding="utf-8")
    spy = ReadSpy(termbase_copy, monkeypatch)
    assert index_is_stale(termbase_copy, index_dir)  # same size, new modification time
    assert spy.opened == [str(concept)]
    sentences = termbase_copy / "notes.sentences.txt"
    sentences.write_text(sentences.read_text(encoding="utf-8") + "Тағы бір сөйлем.\n", encoding="utf-8")
    spy.opened.clear()
    index_is_stale(termbase_copy, index_dir)
    assert str(sentences) in spy.opened and str(termbase_copy / "concepts" / "iso.yaml") not in spy.opened


def test_a_file_edited_just_after_it_was_hashed_is_not_trusted_by_its_date(termbase_copy: Path, tmp_path: Path) -> None:
    """A coarse clock may give an edit the same modification time as the version hashed just before it."""
    cache = tmp_path / "cache.json"
    concept = termbase_copy / "concepts" / "standard.yaml"
    concept.write_text(concept.read_text(encoding="utf-8"), encoding="utf-8")  # edited now
    before = termbase_fingerprint(termbase_copy, cache)
    stamp = concept.stat().st_mtime_ns
    concept.write_text(concept.read_text(encoding="utf-8").replace("standard", "standart", 1), encoding="utf-8")
    os.utime(concept, ns=(stamp, stamp))  # same size, same time
    assert termbase_fingerprint(termbase_copy, cache) != before


def test_the_cache_gives_the_same_fingerprint_as_reading_everything(termbase_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    assert termbase_fingerprint(termbase_copy, cache) == termbase_fingerprint(termbase_copy)
    assert termbase_fingerprint(termbase_copy, cache) == termbase_fingerprint(termbase_copy)
    (termbase_copy / "concepts" / "iso.yaml").unlink()
    assert termbase_fingerprint(termbase_copy, cache) == termbase_fingerprint(termbase_copy)


def test_a_cache_of_another_term_base_or_a_broken_one_is_ignored(termbase_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.json"
    termbase_fingerprint(FIXTURES / "small", cache)
    assert termbase_fingerprint(termbase_copy, cache) == termbase_fingerprint(termbase_copy)
    cache.write_text("{not json", encoding="utf-8")
    assert termbase_fingerprint(termbase_copy, cache) == termbase_fingerprint(termbase_copy)


def test_build_if_stale_neither_loads_nor_hashes_an_unchanged_base(
    termbase_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    runner = CliRunner()
    args = ["build", "--termbase", str(termbase_copy), "--index", str(index_dir), "--if-stale", "--no-lint"]
    assert runner.invoke(main, args).exit_code == 0
    hashed: list[Path] = []
    real_digest = fingerprint_module.file_digest
    monkeypatch.setattr(fingerprint_module, "file_digest", lambda path: hashed.append(path) or real_digest(path))
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and "index is up to date" in result.output
    assert hashed == []
