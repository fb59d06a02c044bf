"""The bundled base's concept relations are coherent as a concept system (ISO 704), as SKOS also requires."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from glossary.model import Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase


@pytest.fixture(scope="module")
def bundled() -> Termbase:
    return load_termbase(BUNDLED_TERMBASE)


def links(termbase: Termbase, kind: str) -> Iterator[tuple[str, str]]:
    for concept in termbase.concepts.values():
        for relation in concept.relations:
            if relation.type == kind:
                yield concept.id, relation.target


def above(termbase: Termbase, start: str) -> set[str]:
    """Every concept above ``start`` through broader links, and through the inverse of narrower ones."""
    up: dict[str, set[str]] = {}
    for lower, upper in links(termbase, "broader"):
        up.setdefault(lower, set()).add(upper)
    for upper, lower in links(termbase, "narrower"):
        up.setdefault(lower, set()).add(upper)
    seen: set[str] = set()
    todo = [start]
    while todo:
        for upper in up.get(todo.pop(), ()):
            if upper not in seen:
                seen.add(upper)
                todo.append(upper)
    return seen


def test_no_related_link_is_also_hierarchical(bundled: Termbase) -> None:
    """SKOS S27 and ISO 704: an associative link joins concepts that are not above or below each other."""
    clashes = [(a, b) for a, b in links(bundled, "related") if b in above(bundled, a) or a in above(bundled, b)]
    assert clashes == []


def test_the_hierarchy_has_no_cycle(bundled: Termbase) -> None:
    assert [concept for concept in bundled.concepts if concept in above(bundled, concept)] == []
