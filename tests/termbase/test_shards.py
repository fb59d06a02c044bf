"""Concept files that hold a list of concepts (shards): loaded, checked and linted with file:line, written in place."""

from __future__ import annotations

import os
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.formats import ExportOptions, export_termbase, get_format, import_into
from glossary.lint import lint_termbase
from glossary.model import Concept, Definition, LanguageSection, Relation, Term, Termbase
from glossary.termbase import write as termbase_writer
from glossary.termbase.load import check_termbase, load_termbase
from glossary.termbase.write import shard_names, write_termbase
from tests.conftest import FIXTURES


def as_list_item(text: str) -> str:
    """A concept file's YAML as one item of a YAML list: "- " before the first line, two spaces before the rest."""
    lines = text.rstrip("\n").split("\n")
    return "\n".join(["- " + lines[0], *("  " + line for line in lines[1:])]) + "\n"


def shard_of(source: Path, target: Path, name: str = "all.yaml") -> dict[str, int]:
    """Copy the term base ``source`` to ``target`` with all its concept files joined into one list file.

    Returns the list file's line on which each former file starts.
    """
    shutil.copytree(source, target)
    files = sorted((target / "concepts").glob("*.yaml"))
    starts, text, line = {}, "", 1
    for path in files:
        starts[f"concepts/{path.name}"] = line
        item = as_list_item(path.read_text(encoding="utf-8"))
        text += item
        line += item.count("\n")
        path.unlink()
    (target / "concepts" / name).write_text(text, encoding="utf-8")
    return starts


THREE = """\
- id: first
  languages:
    en:
      terms: [{text: first}]
- id: second
  languages:
    en:
      terms: [{text: second}]
- id: third
  languages:
    en:
      terms:
        - text: third
          type: fullform
"""


def minimal_base(tmp_path: Path, concepts: dict[str, str]) -> Path:
    base = tmp_path / "tb"
    (base / "concepts").mkdir(parents=True)
    (base / "termbase.yaml").write_text("name: t\nlanguages: [en]\n", encoding="utf-8")
    (base / "sources.yaml").write_text("{}\n", encoding="utf-8")
    (base / "subjects.yaml").write_text("{}\n", encoding="utf-8")
    for name, text in concepts.items():
        (base / "concepts" / name).write_text(text, encoding="utf-8")
    return base


def test_a_list_file_loads_every_concept_in_order(tmp_path: Path) -> None:
    base = minimal_base(tmp_path, {"shard-0001.yaml": THREE.replace("fullform", "fullForm")})
    assert list(load_termbase(base).concepts) == ["first", "second", "third"]


def test_an_error_in_the_third_concept_of_a_list_names_its_line(tmp_path: Path) -> None:
    base = minimal_base(tmp_path, {"shard-0001.yaml": THREE})
    _, problems = check_termbase(base)
    assert len(problems) == 1
    assert str(problems[0]).startswith("concepts/shard-0001.yaml:14 languages.en.terms[0].type: 'fullform' is not")


def test_list_entries_that_are_no_concepts_and_duplicate_ids_are_located(tmp_path: Path) -> None:
    duplicate = "- id: first\n  languages: {en: {terms: [{text: again}]}}\n- just text\n"
    base = minimal_base(tmp_path, {"a.yaml": THREE.replace("fullform", "fullForm"), "b.yaml": duplicate})
    messages = [str(p) for p in check_termbase(base)[1]]
    assert "concepts/b.yaml:1 id: duplicate concept id 'first', first defined in concepts/a.yaml:1" in messages
    assert "concepts/b.yaml:3: expected a mapping, found 'just text'" in messages


def test_check_finds_the_broken_fixture_s_errors_at_their_lines_in_one_list_file(
    broken_termbase_dir: Path, tmp_path: Path
) -> None:
    """Every problem of the per-file fixture, moved into a list file, is reported at its shifted line."""
    copy = tmp_path / "copy"
    shutil.copytree(broken_termbase_dir, copy)
    for problem in check_termbase(copy)[1]:  # a file that is no YAML would spoil the whole list: leave it out
        if problem.message.startswith("invalid YAML"):
            (copy / problem.file).unlink()
    per_file = [p for p in check_termbase(copy)[1] if p.file.startswith("concepts/")]
    assert len(per_file) > 10
    starts = shard_of(copy, tmp_path / "sharded")
    expected = set()
    for p in per_file:
        message = p.message
        for name, start in starts.items():  # "first defined in concepts/a.yaml" now names the list file and line
            message = message.replace(f"first defined in {name}", f"first defined in concepts/all.yaml:{start}")
        expected.add((starts[p.file] + p.line - 1, p.field, message))
    found = [p for p in check_termbase(tmp_path / "sharded")[1] if p.file.startswith("concepts/")]
    assert {p.file for p in found} == {"concepts/all.yaml"}
    assert {(p.line, p.field, p.message) for p in found} == expected


def test_lint_findings_of_a_list_file_name_the_entry_s_line(tmp_path: Path) -> None:
    planted = FIXTURES / "lint" / "planted"
    starts = shard_of(planted, tmp_path / "sharded")
    expected = {(starts[f.file] + f.line - 1, f.field, f.rule) for f in lint_termbase(planted).findings}
    found = {(f.line, f.field, f.rule) for f in lint_termbase(tmp_path / "sharded").findings}
    assert {f.file for f in lint_termbase(tmp_path / "sharded").findings} == {"concepts/all.yaml"}
    assert found == expected
    third = sorted(starts.values())[2]  # a finding past the second entry is located, not pinned to the top
    assert any(line > third for line, _, _ in found)


def generated(count: int) -> Termbase:
    concepts = {}
    for i in range(count):
        concepts[f"c{i:03d}"] = Concept(
            f"c{i:03d}",
            languages={
                "kk": LanguageSection("kk", (Term(f"термин {i}", status="preferred"),), Definition(f"анықтама {i}")),
                "en": LanguageSection("en", (Term(f"term {i}"), Term(f"T{i}", type="acronym"))),
            },
            relations=(Relation("related", f"c{(i + 1) % count:03d}"),),
        )
    # not in id order: shards keep the term base's order
    return Termbase(name="generated", languages=("kk", "en"), concepts=dict(reversed(concepts.items())))


def test_shards_keep_the_order_and_rewrite_identically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(termbase_writer, "SHARD_SIZE", 10)
    original = generated(25)
    write_termbase(original, tmp_path / "a", shards=True)
    names = sorted(p.name for p in (tmp_path / "a" / "concepts").iterdir())
    assert names == ["shard-0001.yaml", "shard-0002.yaml", "shard-0003.yaml"]
    loaded = load_termbase(tmp_path / "a")
    assert list(loaded.concepts) == list(original.concepts)
    assert loaded.concepts == original.concepts
    write_termbase(loaded, tmp_path / "b", shards=True)
    for name in names:
        assert (tmp_path / "a" / "concepts" / name).read_bytes() == (tmp_path / "b" / "concepts" / name).read_bytes()


def test_shard_names_sort_in_order_however_many() -> None:
    assert shard_names(3) == ["shard-0001.yaml", "shard-0002.yaml", "shard-0003.yaml"]
    many = shard_names(12_000)
    assert many == sorted(many) and many[0] == "shard-00001.yaml"


def test_the_layout_follows_the_size_and_shards_cost_one_fsync_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(termbase_writer, "SHARD_THRESHOLD", 20)
    monkeypatch.setattr(termbase_writer, "SHARD_SIZE", 10)
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(termbase_writer.os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    write_termbase(generated(20), tmp_path / "small")
    assert len(list((tmp_path / "small" / "concepts").iterdir())) == 20
    synced.clear()
    progress: list[tuple[int, int | None]] = []
    write_termbase(generated(25), tmp_path / "big", progress=lambda done, total: progress.append((done, total)))
    assert sorted(p.name for p in (tmp_path / "big" / "concepts").iterdir()) == shard_names(3)
    assert len(synced) == 3 + 3  # three shards, plus termbase.yaml, sources.yaml and subjects.yaml
    assert progress == [(10, 25), (20, 25), (25, 25)]


def _tbx(termbase: Termbase) -> bytes:
    buffer = BytesIO()
    export_termbase(get_format("tbx"), termbase.concepts.values, buffer, ExportOptions(info=termbase))
    return buffer.getvalue()


def test_import_of_shards_then_load_then_export_gives_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(termbase_writer, "SHARD_SIZE", 10)
    exported = tmp_path / "in.tbx"
    exported.write_bytes(_tbx(generated(25)))
    outcome = import_into(exported, tmp_path / "tb", shards=True)
    assert outcome.written
    assert len(list((tmp_path / "tb" / "concepts").iterdir())) == 3
    again = load_termbase(tmp_path / "tb")
    assert _tbx(again) == _tbx(outcome.termbase)
    (tmp_path / "again.tbx").write_bytes(_tbx(again))
    second = import_into(tmp_path / "again.tbx", tmp_path / "tb2", shards=True)
    assert _tbx(load_termbase(tmp_path / "tb2")) == _tbx(again) and second.written


def test_cli_import_shards_and_merge_into_a_sharded_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(termbase_writer, "SHARD_SIZE", 10)
    source = tmp_path / "in.tbx"
    source.write_bytes(_tbx(generated(25)))
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(source), "--into", str(tmp_path / "tb"), "--shards"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tb" / "concepts").iterdir()) == shard_names(3)
    extra = Termbase(name="extra", languages=("kk", "en"), concepts={"new": generated(1).concepts["c000"]})
    extra.concepts["new"] = Concept("new", languages=extra.concepts["new"].languages)
    (tmp_path / "extra.tbx").write_bytes(_tbx(extra))
    merged = runner.invoke(main, ["import", str(tmp_path / "extra.tbx"), "--into", str(tmp_path / "tb"), "--merge"])
    assert merged.exit_code == 0, merged.output
    loaded = load_termbase(tmp_path / "tb")
    assert len(loaded) == 26 and list(loaded.concepts)[-1] == "new"  # added to the last shard
    assert sorted(p.name for p in (tmp_path / "tb" / "concepts").iterdir()) == shard_names(3)  # still shards
    per_file = runner.invoke(main, ["import", str(source), "--into", str(tmp_path / "files"), "--no-shards"])
    assert per_file.exit_code == 0 and len(list((tmp_path / "files" / "concepts").iterdir())) == 25
