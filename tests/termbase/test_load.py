from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.model import Source, parse_locator
from glossary.termbase.load import TermbaseInvalid, check_termbase, load_termbase


def test_small_base_loads_every_field(small_termbase_dir: Path) -> None:
    tb = load_termbase(small_termbase_dir)
    assert list(tb.concepts) == ["iso-council", "iso", "standard"]
    iso = tb.concepts["iso"]
    assert iso.subjects == ("organizations",)
    kk = iso.languages["kk"]
    assert [t.text for t in kk.terms] == ["Халықаралық стандарттау ұйымы", "ИСО"]
    assert kk.terms[1].type == "acronym" and kk.terms[1].case_sensitive
    assert kk.definition is not None and kk.definition.source == Source("notes", 2)
    assert iso.notes[0].sources == (Source("notes", 2),)
    assert iso.relations[0].target == "iso-council"
    standard = tb.concepts["standard"]
    assert standard.languages["kk"].terms[0].contexts[0].source == Source("notes", 1)
    assert standard.languages["kk"].terms[0].part_of_speech == "noun"
    assert tb.sources["notes"].sentence(3) == "ИСО кеңесі ұйымның жұмысын басқарады."
    assert tb.subjects["organizations"].parent == "standardization"
    assert tb.languages == ("kk", "ru", "en")


def messages(directory: Path) -> list[str]:
    _, problems = check_termbase(directory)
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    "expected",
    [
        "concepts/a.yaml:2 subjects[0]: unknown subject 'standardisation'",
        "concepts/a.yaml:7 languages.kk.definition.source: source 'notes' has 3 sentences; there is no sentence 99",
        "concepts/a.yaml:10 languages.kk.terms[0].type: 'fullform' is not one of fullForm, acronym",
        "concepts/a.yaml:11 languages.kk.terms[0].status: 'prefered' is not one of preferred, admitted, deprecated, "
        "superseded",
        "concepts/a.yaml:12 languages.kk.terms[1].text: must not be empty",
        "concepts/a.yaml:13 languages.kk.terms[2].text: warning: word 'стaндарт' mixes Latin and Cyrillic letters",
        "concepts/a.yaml:15 languages.xx: unknown language 'xx'",
        "concepts/a.yaml:19 languages.ru.terms[0].colour: unknown field",
        "concepts/a.yaml:21 relations[0].target: relation to missing concept 'nowhere'",
        "concepts/a.yaml:22 relations[1].type: 'sibling' is not one of broader, narrower, related",
        "concepts/b.yaml:1 id: duplicate concept id 'alpha', first defined in concepts/a.yaml",
        "concepts/b.yaml:8 languages.en.terms[0].contexts[0].source: unknown source 'nosuchtext'",
        "concepts/b.yaml:9 languages.en.terms[1]: term 'standard' is listed twice",
        "concepts/c.yaml:5 languages.en.terms[0].text: expected text, found a list",
        "concepts/c.yaml:7 languages.en.terms[1].case_sensitive: expected true or false, found 'maybe'",
        "concepts/d.yaml:6: invalid YAML",
    ],
)
def test_every_error_kind_is_reported_with_file_line_and_field(broken_termbase_dir: Path, expected: str) -> None:
    assert any(m.startswith(expected) for m in messages(broken_termbase_dir)), messages(broken_termbase_dir)


def test_load_raises_with_all_errors(broken_termbase_dir: Path) -> None:
    with pytest.raises(TermbaseInvalid) as info:
        load_termbase(broken_termbase_dir)
    assert len([p for p in info.value.problems if p.severity == "error"]) == 16


def test_missing_files_and_folders_are_errors(tmp_path: Path) -> None:
    assert messages(tmp_path) == [
        "concepts/: folder is missing",
        "sources.yaml: file is missing",
        "subjects.yaml: file is missing",
    ]
    assert messages(tmp_path / "nope") == [f"{tmp_path / 'nope'}: not a term-base directory"]


def test_non_utf8_and_wrong_shapes(tmp_path: Path) -> None:
    (tmp_path / "concepts").mkdir()
    (tmp_path / "sources.yaml").write_bytes(b"x: \xff\n")
    (tmp_path / "subjects.yaml").write_text("- a list\n", encoding="utf-8")
    (tmp_path / "concepts" / "x.yaml").write_text("id: x\nlanguages: {en: {terms: [{text: a}]}}\n", encoding="utf-8")
    found = messages(tmp_path)
    assert "sources.yaml: not valid UTF-8 (byte 3)" in found
    assert "subjects.yaml:1: expected a mapping, found a list" in found


def test_source_without_sentence_file_cannot_be_cited_by_sentence(small_termbase_dir: Path, tmp_path: Path) -> None:
    import shutil

    base = tmp_path / "tb"
    shutil.copytree(small_termbase_dir, base)
    path = base / "concepts" / "standard.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("source: project", "source: project:3"), encoding="utf-8")
    assert any("source 'project' has no sentence file" in m for m in messages(base))


def test_parse_locator() -> None:
    assert parse_locator("seed-1:12") == Source("seed-1", 12)
    assert parse_locator("ISO 8402") == Source("ISO 8402")


def test_check_command_exit_codes(small_termbase_dir: Path, broken_termbase_dir: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["check", str(small_termbase_dir)])
    assert ok.exit_code == 0 and "OK, 3 concepts" in ok.output
    bad = runner.invoke(main, ["check", str(broken_termbase_dir)])
    assert bad.exit_code == 1
    assert "concepts/a.yaml:11 languages.kk.terms[0].status: 'prefered'" in bad.output
    assert "16 error(s)" in bad.output
    assert "Traceback" not in bad.output
