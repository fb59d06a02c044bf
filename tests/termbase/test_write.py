from pathlib import Path

import pytest

from glossary.termbase import write as termbase_writer
from glossary.termbase.load import load_termbase
from glossary.termbase.write import write_termbase


def test_write_then_load_gives_the_same_term_base(small_termbase_dir: Path, tmp_path: Path) -> None:
    original = load_termbase(small_termbase_dir)
    write_termbase(original, tmp_path / "copy", copy_files_from=small_termbase_dir)
    again = load_termbase(tmp_path / "copy")
    assert again.concepts == original.concepts
    assert again.sources == original.sources
    assert again.subjects == original.subjects
    assert again.languages == original.languages


def test_failed_write_leaves_the_old_base_untouched(
    small_termbase_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tb = load_termbase(small_termbase_dir)
    target = tmp_path / "tb"
    write_termbase(tb, target, copy_files_from=small_termbase_dir)
    before = sorted(p.relative_to(target) for p in target.rglob("*"))

    def explode(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(termbase_writer, "concept_to_dict", explode)
    with pytest.raises(OSError):
        write_termbase(tb, target)
    assert sorted(p.relative_to(target) for p in target.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["tb"]  # no staging folder left behind


def test_file_names_are_safe_and_unique() -> None:
    from glossary.model import Concept

    taken: set[str] = set()
    names = [termbase_writer.concept_filename(Concept(i), taken) for i in ("A/b", "a_b", "..", "ISO 9001")]
    assert names == ["A_b.yaml", "a_b-2.yaml", "concept.yaml", "ISO_9001.yaml"]
