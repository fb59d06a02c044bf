"""Shared fixtures: small term bases, and the location of ../shared when it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def small_termbase_dir() -> Path:
    return FIXTURES / "small"


@pytest.fixture
def broken_termbase_dir() -> Path:
    return FIXTURES / "broken"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip with a clear reason when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is not beside the project: {path} does not exist")
    return path
