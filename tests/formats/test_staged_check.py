"""Checking a written base on several processes finds exactly the errors one ``check_termbase`` finds."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from glossary.formats import staged_check
from glossary.formats.staged_check import check_written
from glossary.model import Concept, LanguageSection, Relation, SourceText, Subject, Term, Termbase
from glossary.termbase.load import check_termbase
from glossary.termbase.write import write_termbase

SIZE = 2500  # three shards


def _base(*, broken: bool) -> Termbase:
    concepts = {}
    for n in range(SIZE):
        subjects = ("law",) if n % 7 else ()
        relations = (Relation("related", f"c{(n + 1200) % SIZE}"),)  # a concept of another shard
        languages = {
            "en": LanguageSection("en", (Term(f"term {n}"),)),
            "kk": LanguageSection("kk", (Term(f"сөз {n}"),)),
        }
        if broken and n == 2300:
            subjects = ("nowhere",)
        if broken and n == 10:
            relations = (Relation("related", "missing"),)
        if broken and n == 1500:
            languages["xx-nonsense-code"] = LanguageSection("xx-nonsense-code", (Term("x"),))
        concepts[f"c{n}"] = Concept(f"c{n}", subjects, languages, relations=relations)
    sources = {"s": SourceText("s", title="" if broken else "A source")}
    return Termbase(name="t", concepts=concepts, subjects={"law": Subject("law", {"en": "Law"})}, sources=sources)


@pytest.fixture
def in_the_parent(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Folders this process checks itself (a worker's calls happen in another process and are not listed)."""
    checked: list[Path] = []

    def spy(directory: Any, **kwargs: Any) -> Any:
        checked.append(Path(directory))
        return check_termbase(directory, **kwargs)

    monkeypatch.setattr(staged_check, "check_termbase", spy)
    monkeypatch.setattr(staged_check, "MIN_SHARDS", 2)
    return checked


@pytest.mark.parametrize("broken", [False, True])
def test_workers_find_the_errors_one_check_finds(
    broken: bool, tmp_path: Path, in_the_parent: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Earlier tests of the suite can leave threads behind (Playwright's), which makes the check refuse to fork;
    # the forked workers only run the loader, which takes none of those threads' locks.
    monkeypatch.setattr(staged_check, "other_threads_running", lambda: False)
    termbase = _base(broken=broken)
    write_termbase(termbase, tmp_path / "tb", shards=True)
    expected = [p for p in check_termbase(tmp_path / "tb")[1] if p.severity == "error"]
    seen: list[tuple[int, int | None]] = []
    found = check_written(tmp_path / "tb", termbase, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert in_the_parent == []  # the workers did the checking
    assert found == expected
    assert bool(found) == broken
    if broken:  # one of each: a relation, a subject, a language in different shards, and sources.yaml once
        assert [(p.file, p.field) for p in found] == [
            ("concepts/shard-0001.yaml", "relations[0].target"),
            ("concepts/shard-0002.yaml", "languages.xx-nonsense-code"),
            ("concepts/shard-0003.yaml", "subjects[0]"),
            ("sources.yaml", "s.title"),
        ]
    assert seen[-1] == (3, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tb"]  # the views are gone


def test_one_file_per_concept_is_checked_in_this_process(tmp_path: Path, in_the_parent: list[Path]) -> None:
    termbase = _base(broken=True)
    write_termbase(termbase, tmp_path / "tb", shards=False)
    assert check_written(tmp_path / "tb", termbase, workers=2)
    assert in_the_parent == [tmp_path / "tb"]


def test_a_failing_worker_leaves_the_check_to_this_process(
    tmp_path: Path, in_the_parent: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staged_check, "other_threads_running", lambda: False)  # as above: let it fork
    termbase = _base(broken=True)
    write_termbase(termbase, tmp_path / "tb", shards=True)

    def fail_in_views(directory: Any, **kwargs: Any) -> Any:
        if ".check-" in str(directory):
            raise MemoryError("worker out of memory")
        in_the_parent.append(Path(directory))
        return check_termbase(directory, **kwargs)

    monkeypatch.setattr(staged_check, "check_termbase", fail_in_views)
    expected = [p for p in check_termbase(tmp_path / "tb")[1] if p.severity == "error"]
    assert check_written(tmp_path / "tb", termbase, workers=2) == expected
    assert in_the_parent == [tmp_path / "tb"]


def test_a_program_with_other_threads_is_not_forked(tmp_path: Path, in_the_parent: list[Path]) -> None:
    termbase = _base(broken=False)
    write_termbase(termbase, tmp_path / "tb", shards=True)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert check_written(tmp_path / "tb", termbase, workers=2) == []
    finally:
        stop.set()
        other.join()
    assert in_the_parent == [tmp_path / "tb"]
