"""open_termbase reads a directory or any importable file; import_into reads, merges, checks and stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary.formats import (
    ExportOptions,
    Format,
    FormatError,
    ImportOptions,
    ImportReport,
    ImportResult,
    export_termbase,
    get_format,
    import_into,
    open_termbase,
)
from glossary.model import Concept, LanguageSection, Term, Termbase
from glossary.termbase import TermbaseInvalid, load_termbase
from tests.conftest import FIXTURES


def _export(termbase_dir: Path, name: str, target: Path) -> Path:
    termbase = load_termbase(termbase_dir)
    with target.open("wb") as out:
        export_termbase(get_format(name), termbase.concepts.values, out, ExportOptions(info=termbase))
    return target


def _tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_open_termbase_reads_a_directory_like_load_termbase(small_termbase_dir: Path) -> None:
    assert open_termbase(small_termbase_dir) == load_termbase(small_termbase_dir)
    assert open_termbase(str(small_termbase_dir)).concepts.keys() == load_termbase(small_termbase_dir).concepts.keys()


def test_open_termbase_reads_a_tbx_file(small_termbase_dir: Path, tmp_path: Path) -> None:
    opened = open_termbase(_export(small_termbase_dir, "tbx", tmp_path / "small.tbx"))
    assert opened.concepts == load_termbase(small_termbase_dir).concepts


def test_open_termbase_reads_a_csv_file(small_termbase_dir: Path, tmp_path: Path) -> None:
    original = load_termbase(small_termbase_dir)
    opened = open_termbase(_export(small_termbase_dir, "csv", tmp_path / "small.csv"))
    assert list(opened.concepts) == list(original.concepts)
    assert [t.text for _, t in opened.concepts["standard"].terms("kk")] == [
        t.text for _, t in original.concepts["standard"].terms("kk")
    ]


def test_open_termbase_on_a_missing_path_says_it_is_not_a_term_base(tmp_path: Path) -> None:
    with pytest.raises(TermbaseInvalid) as raised:
        open_termbase(tmp_path / "nowhere")
    assert [p.message for p in raised.value.problems] == ["not a term-base directory"]
    assert str(tmp_path / "nowhere") in str(raised.value)


def test_open_termbase_on_a_malformed_file_names_file_and_line() -> None:
    path = FIXTURES / "formats" / "malformed.tbx"
    with pytest.raises(FormatError) as raised:
        open_termbase(path)
    assert raised.value.file == str(path)
    assert raised.value.line > 0
    assert str(raised.value).startswith(f"{path}:{raised.value.line}")


def test_open_termbase_on_an_unknown_extension_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "terms.docx"
    path.write_bytes(b"PK")
    with pytest.raises(FormatError, match="cannot tell the format"):
        open_termbase(path)


def test_open_termbase_reports_a_broken_directory_with_every_problem(broken_termbase_dir: Path) -> None:
    with pytest.raises(TermbaseInvalid) as raised:
        open_termbase(broken_termbase_dir)
    assert any(p.file.startswith("concepts/") and p.line for p in raised.value.problems)


def test_import_into_a_new_directory_writes_and_reports(small_termbase_dir: Path, tmp_path: Path) -> None:
    tbx = _export(small_termbase_dir, "tbx", tmp_path / "small.tbx")
    outcome = import_into(tbx, tmp_path / "base")
    assert outcome.written and outcome.errors == [] and outcome.merge is None
    assert outcome.lines()[0] == f"{tbx}: {outcome.report.concepts} concepts, {outcome.report.terms} terms"
    assert not any(line.startswith("merge:") for line in outcome.lines())
    assert load_termbase(tmp_path / "base").concepts == load_termbase(small_termbase_dir).concepts
    assert len(outcome.termbase) == len(load_termbase(small_termbase_dir))


def test_import_into_without_merge_refuses_a_non_empty_directory(small_termbase_dir: Path, tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(small_termbase_dir, base)
    before = _tree(base)
    tbx = _export(small_termbase_dir, "tbx", tmp_path / "small.tbx")
    with pytest.raises(FileExistsError):
        import_into(tbx, base)
    assert _tree(base) == before
    (tmp_path / "empty").mkdir()
    assert import_into(tbx, tmp_path / "empty").written


def test_import_into_with_merge_adds_reports_conflicts_and_keeps_existing(
    small_termbase_dir: Path, tmp_path: Path
) -> None:
    base = tmp_path / "base"
    shutil.copytree(small_termbase_dir, base)
    incoming = tmp_path / "incoming.csv"
    incoming.write_text(
        "id,en,subjects\r\nstandard,norm,standardization\r\nnew-one,new term,standardization\r\n", encoding="utf-8"
    )
    outcome = import_into(incoming, base, merge=True)
    assert outcome.written
    assert outcome.merge is not None
    assert (outcome.merge.added, outcome.merge.unchanged) == (1, 0)
    assert [(c.kind, c.id) for c in outcome.merge.conflicts] == [("concept", "standard")]
    assert "merge: 1 added, 0 unchanged, 1 conflict(s)" in outcome.lines()
    assert any(line.startswith("  conflict: concept 'standard'") for line in outcome.lines())
    merged = load_termbase(base)
    assert [t.text for _, t in merged.concepts["standard"].terms("en")] == ["standard"]
    assert [t.text for _, t in merged.concepts["new-one"].terms("en")] == ["new term"]
    assert merged.sources["notes"].sentences  # sentence files carried over


def test_import_into_with_merge_uses_the_given_loader(small_termbase_dir: Path, tmp_path: Path) -> None:
    tbx = _export(small_termbase_dir, "tbx", tmp_path / "small.tbx")
    seen: list[Path] = []

    def load(path: Path) -> Termbase:
        seen.append(path)
        return load_termbase(small_termbase_dir)

    outcome = import_into(tbx, tmp_path / "base", merge=True, load=load)
    assert seen == [tmp_path / "base"]
    assert outcome.merge is not None and outcome.merge.conflicts == []
    assert outcome.merge.unchanged == len(load_termbase(small_termbase_dir))


def test_import_into_refuses_to_merge_into_a_broken_term_base(broken_termbase_dir: Path, tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(broken_termbase_dir, base)
    before = _tree(base)
    with pytest.raises(TermbaseInvalid):
        import_into(FIXTURES / "formats" / "malformed.tbx", base, merge=True)
    assert _tree(base) == before


def test_import_into_of_a_malformed_file_raises_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FormatError):
        import_into(FIXTURES / "formats" / "malformed.tbx", tmp_path / "base")
    assert list(tmp_path.iterdir()) == []


class _Invalid(Format):
    """A reader that returns a term base ``glossary check`` rejects (an id with a space)."""

    name, label, extensions, mimetype, importable = "invalid", "Invalid", (".x",), "text/plain", True

    def import_(self, source: Path, options: ImportOptions | None = None) -> ImportResult:
        concept = Concept("bad id", languages={"kk": LanguageSection("kk", (Term("стандарт"),))})
        return ImportResult(
            Termbase(languages=("kk",), concepts={concept.id: concept}), ImportReport(str(source), 1, 1)
        )


def test_import_into_returns_the_errors_and_leaves_the_target_untouched(
    small_termbase_dir: Path, tmp_path: Path
) -> None:
    base = tmp_path / "base"
    shutil.copytree(small_termbase_dir, base)
    before = _tree(base)
    outcome = import_into(tmp_path / "any.x", base, fmt=_Invalid(), merge=True)
    assert not outcome.written
    assert [(p.field, p.severity) for p in outcome.errors] == [("id", "error")]
    assert "bad id" in outcome.termbase.concepts
    assert _tree(base) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base"]  # no staging folder left
