"""YAML is only data: the loader composes nodes and never constructs objects, so a Python tag runs nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary.termbase.load import check_termbase


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_tags_run_nothing_and_the_value_is_reported_with_its_line(
    small_termbase_dir: Path, tmp_path: Path, tag: str
) -> None:
    base = tmp_path / "tb"
    shutil.copytree(small_termbase_dir, base)
    marker = tmp_path / "executed"
    (base / "concepts" / "evil.yaml").write_text(
        f"id: evil\nlanguages:\n  en:\n    terms:\n      - text: {tag} ['touch {marker}']\n", encoding="utf-8"
    )
    _, problems = check_termbase(base)
    found = [str(p) for p in problems if p.file == "concepts/evil.yaml"]
    assert found and all(m.startswith("concepts/evil.yaml:5") for m in found), found
    assert not marker.exists()
