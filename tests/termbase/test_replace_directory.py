"""replace_directory swaps a finished directory into place: the old one or the new one, never a mixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import termbase
from glossary.termbase import replace_directory


def _folder(path: Path, **files: str) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def test_the_package_exports_its_public_api() -> None:
    assert set(termbase.__all__) == {
        "TermbaseInvalid",
        "check_termbase",
        "load_termbase",
        "replace_directory",
        "write_termbase",
    }


def test_a_missing_target_is_created(tmp_path: Path) -> None:
    staging = _folder(tmp_path / ".new", a="1")
    replace_directory(staging, tmp_path / "target")
    assert (tmp_path / "target" / "a").read_text(encoding="utf-8") == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]


def test_an_existing_target_is_replaced_whole(tmp_path: Path) -> None:
    target = _folder(tmp_path / "target", old="x", shared="old")
    staging = _folder(tmp_path / ".new", shared="new")
    replace_directory(staging, target)
    assert sorted(p.name for p in target.iterdir()) == ["shared"]
    assert (target / "shared").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]  # the retired copy is gone


def test_a_failed_rename_puts_the_old_target_back(tmp_path: Path) -> None:
    target = _folder(tmp_path / "target", old="x")
    with pytest.raises(FileNotFoundError):
        replace_directory(tmp_path / ".never-written", target)
    assert (target / "old").read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]
