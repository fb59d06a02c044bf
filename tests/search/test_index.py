"""The index build: atomic swap, staleness, what it stores, and parallel builds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import glossary.search.index as index_module
from glossary.model import Concept, LanguageSection, Term, Termbase
from glossary.search.index import (
    CURRENT,
    build_index,
    holding_writer_lock,
    index_is_stale,
    live_generation,
    read_meta,
)
from glossary.search.searcher import IndexMissing, Searcher
from glossary.termbase.load import load_termbase

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def termbase_copy(tmp_path: Path) -> Path:
    """A writable copy of the search fixture, so tests can change its YAML."""
    target = tmp_path / "termbase"
    shutil.copytree(FIXTURES / "search", target)
    return target


def test_build_makes_a_live_generation_and_is_then_fresh(termbase_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    assert index_is_stale(termbase_copy, index_dir)
    generation = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert (index_dir / CURRENT).is_symlink()
    assert live_generation(index_dir) == generation
    assert not index_is_stale(termbase_copy, index_dir)


def test_changing_yaml_or_sentences_makes_the_index_stale(termbase_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    sentences = termbase_copy / "notes.sentences.txt"
    sentences.write_text(sentences.read_text(encoding="utf-8") + "Тағы бір сөйлем.\n", encoding="utf-8")
    assert index_is_stale(termbase_copy, index_dir)
    build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert not index_is_stale(termbase_copy, index_dir)
    concept_file = termbase_copy / "concepts" / "standard.yaml"
    concept_file.write_text(concept_file.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert index_is_stale(termbase_copy, index_dir)


def test_rebuild_swaps_while_an_open_searcher_keeps_working(termbase_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    first = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    searcher = Searcher(index_dir)
    assert searcher.search("стандарт").hits[0].concept.id == "standard"

    (termbase_copy / "concepts" / "labour-code.yaml").unlink()
    second = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert second != first and first.exists(), "the previous generation is kept for readers still on it"
    assert searcher.concept("labour-code") is not None, "an open searcher reads its own generation"
    searcher.refresh()
    assert searcher.concept("labour-code") is None
    assert searcher.info.concept_count == 7

    third = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert not first.exists(), "generations older than the previous one are removed"
    assert sorted(p.name for p in index_dir.glob("gen-*")) == sorted([second.name, third.name])


def test_a_failed_build_leaves_the_live_index_alone(
    termbase_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    live = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)

    def broken(concept: Concept, *lexicon: object) -> dict[str, object]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(index_module, "concept_document", broken)
    with pytest.raises(RuntimeError):
        build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert live_generation(index_dir) == live
    assert [p.name for p in index_dir.glob("gen-*")] == [live.name]


def test_the_index_stores_everything_pages_need(termbase_copy: Path, tmp_path: Path) -> None:
    termbase = load_termbase(termbase_copy)
    build_index(termbase, tmp_path / "index", source_dir=termbase_copy)
    searcher = Searcher(tmp_path / "index")
    assert [c.id for c in searcher.concepts()] == [c.id for c in termbase]
    for concept in termbase:
        assert searcher.concept(concept.id) == concept
    info = searcher.info
    assert (info.name, info.description, info.languages) == (termbase.name, termbase.description, ("kk", "ru", "en"))
    assert info.subjects == termbase.subjects
    assert info.sources["notes"].sentences == termbase.sources["notes"].sentences
    assert info.sources["notes"].sentence(2).startswith("Техникалық комитет")
    assert info.concept_count == len(termbase)


def test_opening_a_directory_without_an_index_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="glossary build"):
        Searcher(tmp_path)


def _generated(count: int) -> Termbase:
    """A term base of ``count`` distinct concepts with Kazakh, Russian and English terms."""
    concepts = {}
    for n in range(count):
        concept = Concept(
            id=f"c{n}",
            languages={
                "kk": LanguageSection("kk", (Term(f"стандарт {n}", status="preferred"),)),
                "ru": LanguageSection("ru", (Term(f"норматив {n}"),)),
                "en": LanguageSection("en", (Term(f"term number {n}"),)),
            },
        )
        concepts[concept.id] = concept
    return Termbase(name="generated", languages=("kk", "ru", "en"), concepts=concepts)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel analysis uses fork")
def test_a_parallel_multisegment_build_finds_the_same(tmp_path: Path) -> None:
    termbase = _generated(2600)
    build_index(termbase, tmp_path / "one")
    build_index(termbase, tmp_path / "two", procs=2)
    single, parallel = Searcher(tmp_path / "one"), Searcher(tmp_path / "two")
    for query in ("стандарт 2599", "норматив 7", "term number 1234", "c17"):
        assert [h.concept.id for h in single.search(query).hits] == [h.concept.id for h in parallel.search(query).hits]
    assert parallel.search("стандарт 2599").hits[0].concept.id == "c2599"
    # Whoosh deals documents out to its writer processes in batches, so only the set is the same.
    assert sorted(c.id for c in parallel.concepts()) == sorted(termbase.concepts)


def test_a_build_leaves_a_newer_generation_still_being_written_alone(termbase_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    second = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    in_progress = index_dir / "gen-ffffffffffffffff-1"  # another build writing: it holds its writer lock
    with holding_writer_lock(in_progress):
        in_progress.mkdir()
        third = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
        assert sorted(p.name for p in index_dir.glob("gen-*")) == sorted([second.name, third.name, in_progress.name])
    fourth = build_index(load_termbase(termbase_copy), index_dir, source_dir=termbase_copy)
    assert sorted(p.name for p in index_dir.glob("gen-*")) == sorted([third.name, fourth.name]), "once unlocked, gone"


def test_analyzer_version_covers_every_analysis_module() -> None:
    """A moved or renamed analysis module is an error, not a silently weaker staleness check."""
    from glossary.search.index import ANALYSIS_MODULES, analysis_files, analyzer_version

    files = analysis_files()
    assert any(path.name == "kazakh_stem.py" for path in files)
    assert len(files) >= len(ANALYSIS_MODULES)
    assert len(analyzer_version()) == 16
    with pytest.raises(RuntimeError, match=r"glossary\.no_such_module"):
        analysis_files(("glossary.no_such_module",))


def test_the_build_lints_the_term_base_and_stores_the_findings(tmp_path: Path) -> None:
    """The pages show the QA of exactly the base they serve: the counts in the meta, findings per concept."""
    planted = FIXTURES / "lint" / "planted"
    build_index(load_termbase(planted), tmp_path / "index", source_dir=planted)
    searcher = Searcher(tmp_path / "index")
    lint = searcher.info.lint
    assert lint is not None
    assert (lint.concepts, lint.errors, lint.warnings) == (15, 12, 2)
    assert lint.rules["suffix-harmony"] == 4 and sum(lint.rules.values()) == 14
    (gost,) = searcher.lint_findings("gost")
    assert (gost.rule, gost.severity, gost.kind, gost.subject) == ("suffix-harmony", "error", "suffix", "ГОСТ-ның")
    assert gost.field == "languages.kk.terms[0].usage_note" and gost.file == "concepts/gost.yaml" and gost.line == 13
    assert searcher.lint_findings("no-such-concept") == ()


def test_each_concepts_findings_come_back_from_its_document_exactly_as_lint_gave_them(tmp_path: Path) -> None:
    from glossary.lint import lint_termbase

    planted = FIXTURES / "lint" / "planted"
    build_index(load_termbase(planted), tmp_path / "index", source_dir=planted)
    searcher = Searcher(tmp_path / "index")
    report = lint_termbase(planted)
    clean = [c for c in load_termbase(planted).concepts if not report.for_concept(c)]
    assert clean, "the planted base has clean concepts"
    for concept_id in load_termbase(planted).concepts:
        assert list(searcher.lint_findings(concept_id)) == report.for_concept(concept_id), concept_id
    for concept_id in clean:
        assert searcher.lint_findings(concept_id) == ()


def test_meta_json_holds_the_lint_counts_but_no_finding(tmp_path: Path) -> None:
    """Every worker parses meta.json when it opens the index: per-concept findings there grow with the base."""
    planted = FIXTURES / "lint" / "planted"
    generation = build_index(load_termbase(planted), tmp_path / "index", source_dir=planted)
    meta = read_meta(generation)
    assert set(meta["lint"]) == {"concepts", "errors", "warnings", "rules"}
    text = (generation / "meta.json").read_text(encoding="utf-8")
    assert "usage_note" not in text and "suffix does not agree" not in text


def test_a_build_without_lint_stores_none(termbase_copy: Path, tmp_path: Path) -> None:
    build_index(load_termbase(termbase_copy), tmp_path / "index", source_dir=termbase_copy, lint=False)
    searcher = Searcher(tmp_path / "index")
    assert searcher.info.lint is None
    assert all(searcher.lint_findings(c.id) == () for c in searcher.concepts())


def test_a_change_to_lint_makes_the_index_stale() -> None:
    from glossary.search.index import analysis_files

    assert any(path.parent.name == "lint" and path.name == "harmony.py" for path in analysis_files())
