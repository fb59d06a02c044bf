"""What makes loading fast must not change what is loaded: scalar types, the collector, the file order."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import yaml

from glossary.termbase.files import yaml_files
from glossary.termbase.load import load_termbase
from glossary.termbase.scripts import mixed_script_words, scripts_of
from glossary.termbase.write import write_termbase
from glossary.termbase.yamlnodes import NodeLoader


def composed_tag(text: str, loader: type) -> str:
    node = yaml.compose(f"key: {text}\n", Loader=loader)
    return str(node.value[0][1].tag)


@pytest.mark.parametrize("text", ["yes", "No", "true", "~", "null", "", "1", "-1.5", "0x1F", "2020-01-01", "fullForm"])
def test_remembered_scalar_types_are_pyyaml_s(text: str) -> None:
    expected = composed_tag(text, yaml.SafeLoader)
    assert composed_tag(text, NodeLoader) == expected
    assert composed_tag(text, NodeLoader) == expected  # the second time from memory
    assert composed_tag(f"'{text}'", NodeLoader) == "tag:yaml.org,2002:str"


def test_the_collector_is_restored_after_loading_and_writing(small_termbase_dir: Path, tmp_path: Path) -> None:
    assert gc.isenabled()
    termbase = load_termbase(small_termbase_dir)
    assert gc.isenabled()
    write_termbase(termbase, tmp_path / "copy", copy_files_from=small_termbase_dir)
    assert gc.isenabled()
    gc.disable()
    try:
        load_termbase(small_termbase_dir)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_files_are_found_at_any_depth_in_path_order(tmp_path: Path) -> None:
    for name in ("b.yaml", "a/z.yaml", "a-b/x.yaml", ".hidden.yaml", "notes.txt", "a/deeper/y.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    expected = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.glob("**/*.yaml")) if "loop" not in str(p)]
    found = yaml_files(tmp_path)  # the link back to the top is not followed into a loop
    assert found == expected
    assert found[1:3] == ["a/deeper/y.yaml", "a/z.yaml"]  # "a/…" before "a-b/…", as sorting paths puts them


def test_the_quick_mixed_script_check_agrees_with_letter_names() -> None:
    texts = ["стандарт", "standard", "стaндарт", "IT-маман", "naïve ұйым", "Ʃ-ұйым", "ǅemal", "ИСОs", "1-ші"]
    for text in texts:
        slow = [w for w in text.replace("-", " ").split() if {"LATIN", "CYRILLIC"} <= scripts_of(w)]
        assert mixed_script_words(text) == slow, text
