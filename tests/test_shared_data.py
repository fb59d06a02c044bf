"""Tests that need ../shared fail under CI when it is missing, skip with the reason elsewhere, and are marked slow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import shared_data
from tests.shared_data import require_shared, shared_path


def test_missing_shared_data_fails_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"missing.*does not exist.*CI must run them"):
        require_shared(tmp_path / "missing")


@pytest.mark.parametrize("ci", [None, "", "false"])
def test_missing_shared_data_skips_with_the_reason_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match=r"missing does not exist: these tests need the \.\./shared"):
        require_shared(tmp_path / "missing")


def test_present_shared_data_is_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert require_shared(tmp_path) == tmp_path


@pytest.mark.slow
def test_shared_path_looks_under_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared_data, "SHARED", tmp_path / "shared")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"shared/nlp/kk_forms\.tsv does not exist"):
        shared_path("nlp", "kk_forms.tsv")
    (tmp_path / "shared" / "nlp").mkdir(parents=True)
    (tmp_path / "shared" / "nlp" / "kk_forms.tsv").touch()
    assert shared_path("nlp", "kk_forms.tsv") == tmp_path / "shared" / "nlp" / "kk_forms.tsv"


def test_a_test_reading_shared_data_must_be_marked_slow() -> None:
    with pytest.raises(
        pytest.fail.Exception,
        match=r"test_a_test_reading_shared_data_must_be_marked_slow reads \.\./shared, so it must be marked",
    ):
        shared_path("nlp", "kk_forms.tsv")
