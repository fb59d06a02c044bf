"""The progress line: drawn on a terminal only, throttled, with a correct rate and ETA, ended by a summary."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary.cli.progress as progress_module
from glossary.cli import main
from glossary.cli.progress import ProgressDisplay, clock_text, counted
from tests.conftest import FIXTURES


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def screen(raw: str) -> list[str]:
    """What a terminal shows: each line as its last ``\\r`` rewrite left it (trailing padding dropped)."""
    return [line.rsplit("\r", 1)[-1].rstrip() for line in raw.split("\n")]


def test_rate_eta_throttling_and_the_final_line() -> None:
    stream, clock = FakeTerminal(), FakeClock()
    display = ProgressDisplay(stream=stream, clock=clock)
    step = display.step("reading YAML", "files")
    step(0, 1000)
    clock.now += 0.1
    step(50, 1000)
    assert stream.getvalue() == ""  # nothing before the first interval
    clock.now += 0.15  # 0.25 s in
    step(250, 1000)
    assert stream.getvalue() == "\rreading YAML: 250/1,000 files (25%), 1,000/s, ETA 0:01"
    clock.now += 0.1  # 0.1 s after the last redraw: throttled
    step(350, 1000)
    assert stream.getvalue().count("\r") == 1
    clock.now += 0.15  # 0.5 s in: 500 done, 1,000/s, 500 left
    step(500, 1000)
    assert screen(stream.getvalue()) == ["reading YAML: 500/1,000 files (50%), 1,000/s, ETA 0:01"]
    clock.now += 1.5
    step(1000, 1000)  # done: the summary line, and a newline for what is printed next
    assert screen(stream.getvalue()) == ["reading YAML: 1,000 files in 0:02, 500/s", ""]
    step(1000, 1000)
    display.close()
    assert stream.getvalue().count("\n") == 1


def test_eta_of_a_long_job_and_a_count_without_total() -> None:
    stream, clock = FakeTerminal(), FakeClock()
    with ProgressDisplay(stream=stream, clock=clock) as display:
        step = display.step("indexing")
        clock.now += 10
        step(1000, 1_000_000)  # 100/s: 999,000 left take 9,990 s
        assert screen(stream.getvalue())[-1] == "indexing: 1,000/1,000,000 concepts (0%), 100/s, ETA 2:46:30"
        other = display.step("exporting", "concepts read")  # the previous step's line is ended
        assert stream.getvalue().endswith("\n")
        clock.now += 2
        other(300, None)
    assert screen(stream.getvalue())[-2:] == ["exporting: 300 concepts read in 0:02, 150/s", ""]


def test_a_short_step_shows_nothing() -> None:
    stream, clock = FakeTerminal(), FakeClock()
    with ProgressDisplay(stream=stream, clock=clock) as display:
        step = display.step("writing")
        clock.now += 0.05
        step(10, 10)
    assert stream.getvalue() == ""


@pytest.mark.parametrize(("stream", "quiet"), [(io.StringIO(), False), (FakeTerminal(), True)])
def test_quiet_or_not_a_terminal_shows_nothing(stream: io.StringIO, quiet: bool) -> None:
    clock = FakeClock()
    with ProgressDisplay(stream=stream, quiet=quiet, clock=clock) as display:
        step = display.step("indexing")
        for done in range(0, 100, 10):
            clock.now += 1
            step(done, 100)
    assert stream.getvalue() == ""


def test_counted_reports_each_item_over_every_pass() -> None:
    calls: list[tuple[int, int | None]] = []
    items = counted(lambda: ["a", "b"], 4, lambda done, total: calls.append((done, total)))
    assert list(items()) == ["a", "b"] and list(items()) == ["a", "b"]
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 59.6, 75, 3725)] == ["0:00", "1:00", "1:15", "1:02:05"]


@pytest.fixture
def drawn_every_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """Redraw on every callback, so that even the tiny fixtures would show progress."""
    monkeypatch.setattr(progress_module, "INTERVAL", 0.0)


@pytest.fixture
def on_a_terminal(monkeypatch: pytest.MonkeyPatch, drawn_every_call: None) -> None:
    monkeypatch.setattr(progress_module, "is_terminal", lambda stream: True)


def commands(tmp_path: Path) -> list[list[str]]:
    small = str(FIXTURES / "small")
    return [
        ["build", "--termbase", small, "--index", str(tmp_path / "index"), "--no-lint"],
        ["import", str(tmp_path / "small.tbx"), "--into", str(tmp_path / "imported")],
        ["export", "--format", "tbx", "--termbase", small, "-o", str(tmp_path / "out.tbx")],
        ["check", small],
        ["lint", small],
    ]


def run_all(tmp_path: Path, *extra: str) -> list[str]:
    runner = CliRunner()
    small = str(FIXTURES / "small")
    made = runner.invoke(main, ["export", "--format", "tbx", "--termbase", small, "-o", str(tmp_path / "small.tbx")])
    assert made.exit_code == 0
    errors = []
    for args in commands(tmp_path):
        result = runner.invoke(main, [*args, *extra])
        assert result.exit_code == 0, result.output
        errors.append(result.stderr)
    return errors


def test_commands_show_progress_on_a_terminal(tmp_path: Path, on_a_terminal: None) -> None:
    build, import_, export, check, lint = run_all(tmp_path)
    assert "\rreading YAML: " in build and "\rindexing: " in build
    assert "\rreading tbx: " in import_ and "\rwriting: " in import_ and "\rchecking: " in import_
    assert "\rreading YAML: " in export and "\rexporting: " in export
    assert "\rreading YAML: " in check and "\rreading YAML: " in lint


def test_reading_a_csv_file_shows_its_count(tmp_path: Path, on_a_terminal: None) -> None:
    source = tmp_path / "terms.csv"
    source.write_text("id,en,kk\n" + "".join(f"c{n},term {n},сөз {n}\n" for n in range(30)), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "--into", str(tmp_path / "tb")])
    assert result.exit_code == 0, result.output
    assert screen(result.stderr)[0].startswith("reading csv: 30 concepts in 0:00, ")


def test_quiet_commands_show_no_progress_on_a_terminal(tmp_path: Path, on_a_terminal: None) -> None:
    assert all("\r" not in stderr for stderr in run_all(tmp_path, "--quiet"))


def test_commands_show_no_progress_when_not_on_a_terminal(tmp_path: Path, drawn_every_call: None) -> None:
    assert all("\r" not in stderr for stderr in run_all(tmp_path))
