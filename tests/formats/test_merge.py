"""Merging never overwrites: existing concepts, sources and subjects win, clashes are listed."""

from __future__ import annotations

from dataclasses import replace

from glossary.formats.merge import Conflict, merge
from glossary.model import Concept, LanguageSection, SourceText, Subject, Term, Termbase
from tests.formats.contract import termbase_named


def test_identical_content_is_unchanged_and_new_content_is_added() -> None:
    existing = termbase_named("small")
    extra = Concept("extra", languages={"de": LanguageSection("de", (Term("Norm"),))})
    incoming = replace(existing, concepts={**existing.concepts, "extra": extra})
    result = merge(existing, incoming)
    assert (result.added, result.unchanged, result.conflicts) == (1, 3, [])
    assert "de" in result.termbase.languages
    assert result.termbase.concepts["extra"] == extra


def test_clashes_are_reported_and_existing_content_kept() -> None:
    existing = termbase_named("small")
    changed = replace(existing.concepts["iso"], subjects=())
    incoming = Termbase(
        concepts={"iso": changed},
        sources={"notes": SourceText("notes", "Another title"), "new": SourceText("new", "New source")},
        subjects={"organizations": Subject("organizations", {"en": "Orgs"})},
    )
    result = merge(existing, incoming)
    assert result.conflicts == [
        Conflict("concept", "iso"),
        Conflict("source", "notes"),
        Conflict("subject", "organizations"),
    ]
    assert result.termbase.concepts["iso"] == existing.concepts["iso"]
    assert result.termbase.sources["notes"] == existing.sources["notes"]
    assert "new" in result.termbase.sources
    assert "already present with different content" in str(result.conflicts[0])
