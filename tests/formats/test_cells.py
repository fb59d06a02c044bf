"""Multi-valued cells and formula escaping are exact inverses, whatever the text holds."""

from __future__ import annotations

import pytest

from glossary.formats.cells import (
    guard_formula,
    join_items,
    join_nested,
    split_items,
    split_nested,
    unguard_formula,
)

AWKWARD = ["plain", "a|b", "semi;colon", "back\\slash", "\\|", "trailing\\", "", "line\nbreak\ttab", "й"]


@pytest.mark.parametrize("items", [AWKWARD, ["only"], ["", ""], ["|", ";", "\\"]])
def test_items_round_trip(items: list[str]) -> None:
    assert split_items(join_items(items)) == items


def test_an_empty_cell_holds_no_items() -> None:
    assert split_items("") == []


@pytest.mark.parametrize("nested", [[AWKWARD, [], ["x"]], [[], []], [["a;b", "c|d"]]])
def test_nested_round_trip(nested: list[list[str]]) -> None:
    assert split_nested(join_nested(nested)) == nested


@pytest.mark.parametrize("value", ["=1+1", "+7", "-x", "@SUM(A1)", "'quoted", "''", "'=", "plain", "", "a=b"])
def test_formula_guard_round_trips_and_disarms(value: str) -> None:
    guarded = guard_formula(value)
    assert unguard_formula(guarded) == value
    assert not guarded.startswith(("=", "+", "-", "@"))


def test_unguard_leaves_ordinary_apostrophes_alone() -> None:
    assert unguard_formula("'tis") == "'tis"
