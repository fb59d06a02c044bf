"""What ``glossary check`` refuses so that every page can be served safely: link schemes and id lengths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.model import ID_MAX_LENGTH, Concept, LanguageSection, Term
from glossary.termbase.load import check_termbase, load_termbase
from glossary.termbase.write import concept_filename, write_termbase


@pytest.fixture
def base(small_termbase_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "tb"
    shutil.copytree(small_termbase_dir, target)
    return target


def errors(directory: Path) -> list[str]:
    _, problems = check_termbase(directory)
    return [str(p) for p in problems if p.severity == "error"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:x",
        "file:///etc/passwd",
    ],
)
def test_a_source_url_other_than_http_or_https_is_refused_with_file_line_and_field(base: Path, url: str) -> None:
    sources = base / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8") + f"evil:\n  title: Evil\n  url: '{url}'\n", encoding="utf-8"
    )
    line = sources.read_text(encoding="utf-8").splitlines().index(f"  url: '{url}'") + 1
    assert errors(base) == [
        f"sources.yaml:{line} evil.url: {url!r} is not a web address; a link must start with http:// or https://"
    ]


def test_http_and_https_source_urls_and_an_empty_one_pass(base: Path) -> None:
    sources = base / "sources.yaml"
    extra = "a:\n  title: A\n  url: https://example.org/a?b=1&c=2\nb:\n  title: B\n  url: http://example.org\n"
    sources.write_text(sources.read_text(encoding="utf-8") + extra + "c:\n  title: C\n  url: ''\n", encoding="utf-8")
    termbase = load_termbase(base)
    assert termbase.sources["a"].url == "https://example.org/a?b=1&c=2"
    assert termbase.sources["c"].url == ""


def test_check_exits_1_on_a_javascript_url_without_a_traceback(base: Path) -> None:
    sources = base / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + "x:\n  title: X\n  url: javascript:alert(1)\n")
    result = CliRunner().invoke(main, ["check", str(base)])
    assert result.exit_code == 1
    assert "sources.yaml:" in result.output and "x.url: 'javascript:alert(1)' is not a web address" in result.output
    assert "Traceback" not in result.output


def test_a_concept_id_longer_than_the_cap_is_refused_with_its_line(base: Path) -> None:
    long_id = "a" * 10_000
    (base / "concepts" / "long.yaml").write_text(
        f"id: {long_id}\nlanguages:\n  en:\n    terms: [{{text: long}}]\n", encoding="utf-8"
    )
    assert errors(base) == [
        f"concepts/long.yaml:1 id: the id is 10000 characters long; an id has at most {ID_MAX_LENGTH}"
    ]


def test_an_id_of_exactly_the_cap_passes(base: Path) -> None:
    longest = "ж" * ID_MAX_LENGTH
    (base / "concepts" / "long.yaml").write_text(
        f"id: {longest}\nlanguages:\n  en:\n    terms: [{{text: long}}]\n", encoding="utf-8"
    )
    assert longest in load_termbase(base).concepts


def test_source_and_subject_ids_are_capped_too(base: Path) -> None:
    long_id = "s" * (ID_MAX_LENGTH + 1)
    sources, subjects = base / "sources.yaml", base / "subjects.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + f"{long_id}:\n  title: Long\n", encoding="utf-8")
    subjects.write_text(subjects.read_text(encoding="utf-8") + f"{long_id}:\n  labels: {{en: Long}}\n")
    message = f"the id is {ID_MAX_LENGTH + 1} characters long; an id has at most {ID_MAX_LENGTH}"
    found = errors(base)
    assert any(m.startswith("sources.yaml:") and m.endswith(f" {long_id}: {message}") for m in found), found
    assert any(m.startswith("subjects.yaml:") and m.endswith(f" {long_id}: {message}") for m in found), found


@pytest.mark.parametrize("letter", ["a", "ж", "中", "𝐀"])
def test_the_longest_id_still_makes_a_file_name_the_file_system_accepts(letter: str, tmp_path: Path) -> None:
    """File names are capped in bytes (255 on most file systems), ids in characters of up to 4 bytes."""
    concept_id = letter * ID_MAX_LENGTH
    concept = Concept(concept_id, languages={"en": LanguageSection("en", (Term("word"),))})
    name = concept_filename(concept, set())
    assert len(name.encode("utf-8")) <= 240
    from glossary.model import Termbase

    write_termbase(Termbase(languages=("en",), concepts={concept_id: concept}), tmp_path / "out")
    assert list(load_termbase(tmp_path / "out").concepts) == [concept_id]
