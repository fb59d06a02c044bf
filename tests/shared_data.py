"""The ../shared folder beside the project: real-world data that some tests read.

A test that reads it must carry the ``slow`` marker, so that ``-m "not slow"``
never needs the folder.  When it is missing, those tests fail under CI
(``CI=true``) and skip with the reason on a developer's machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

# The test being run, set by the hooks in tests/conftest.py.  It lives here, not in conftest.py,
# because pytest imports conftest.py a second time under another name for the test modules.
_running: list[pytest.Item] = []


def start_test(item: pytest.Item) -> None:
    _running[:] = [item]


def end_test() -> None:
    _running.clear()


def in_ci() -> bool:
    """Whether this run is CI's (GitHub Actions and most others set ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def require_shared(path: Path) -> Path:
    """``path`` if it exists; else a failure under CI, and a skip with the reason elsewhere."""
    if path.exists():
        return path
    reason = f"{path} does not exist: these tests need the ../shared folder beside the project (expected at {SHARED})"
    if in_ci():
        pytest.fail(f"{reason}; CI must run them, so check ../shared out before running the tests", pytrace=False)
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    """A file under ../shared, for a test marked ``slow`` (checked, so that a new test cannot forget it)."""
    item = _running[0] if _running else None
    if item is not None and item.get_closest_marker("slow") is None:
        pytest.fail(f"{item.nodeid} reads ../shared, so it must be marked @pytest.mark.slow", pytrace=False)
    return require_shared(SHARED.joinpath(*parts))
