"""Export filters: language subsets and pairs, subjects, statuses, ids, and dangling references."""

from __future__ import annotations

from glossary.formats.filters import filter_concepts, prune_relations, select
from tests.formats.contract import termbase_named


def test_languages_cut_sections_and_notes() -> None:
    concepts = {c.id: c for c in filter_concepts(termbase_named("adversarial").concepts.values(), languages=("ru",))}
    quotes = concepts["quotes"]
    assert set(quotes.languages) == {"ru"}
    assert {n.lang for n in quotes.notes} == {"ru", None}


def test_statuses_drop_terms_and_then_empty_concepts() -> None:
    termbase = termbase_named("small")
    kept = list(filter_concepts(termbase.concepts.values(), statuses=("deprecated",)))
    assert kept == []
    adversarial = termbase_named("adversarial")
    kept = list(filter_concepts(adversarial.concepts.values(), statuses=("deprecated",)))
    assert [c.id for c in kept] == ["quotes"]
    assert [t.text for _, t in kept[0].terms()] == ["=формула"]


def test_subjects_and_ids() -> None:
    concepts = termbase_named("small").concepts.values()
    assert [c.id for c in filter_concepts(concepts, subjects=("organizations",))] == ["iso-council", "iso"]
    assert [c.id for c in filter_concepts(concepts, ids=("standard",))] == ["standard"]


def test_required_language_for_a_pair() -> None:
    concepts = termbase_named("adversarial").concepts.values()
    ids = [c.id for c in filter_concepts(concepts, languages=("en", "ru"), required=("en",))]
    assert "2024-numeric" not in ids
    assert "_underscore" in ids


def test_select_reports_exported_ids_only_when_filtering() -> None:
    termbase = termbase_named("small")
    _, everything = select(termbase.concepts.values)
    assert everything is None
    chosen, exported = select(termbase.concepts.values, ids=("iso",))
    assert exported == frozenset({"iso"})
    assert [prune_relations(c, exported).relations for c in chosen] == [()]
