"""A build killed with SIGKILL leaves a generation the next build removes; a live build's generation survives.

Each build holds a lock on its generation while it writes it; the kernel
releases the lock of a killed process, so "not locked and not live" means
abandoned.  These tests run real builds in subprocesses, slowed down by a
patched analysis step until the test lets them go on.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.search.index import build_index, holding_writer_lock, live_generation, writer_lock_path
from glossary.search.searcher import Searcher
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES, ROOT

#: A build that stops in the analysis of its first concept until the file ``argv[3]`` exists.
SLOW_BUILD = """
import sys, time
from pathlib import Path
import glossary.search.index as index
from glossary.termbase.load import load_termbase

go = Path(sys.argv[3])
analyse = index.concept_document

def slow(concept, *lexicon):
    while not go.exists():
        time.sleep(0.02)
    return analyse(concept, *lexicon)

index.concept_document = slow
index.build_index(load_termbase(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.fixture
def termbase_dir(tmp_path: Path) -> Path:
    target = tmp_path / "termbase"
    shutil.copytree(FIXTURES / "search", target)
    return target


@pytest.fixture
def slow_builds(tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Builds started in subprocesses; any still running when the test ends is killed."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def start_slow_build(termbase_dir: Path, index_dir: Path, go: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", SLOW_BUILD, str(termbase_dir), str(index_dir), str(go)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for_new_generation(index_dir: Path, known: set[str], process: subprocess.Popen[bytes]) -> Path:
    """The generation the subprocess started writing, once it holds its lock."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        fresh = [p for p in index_dir.glob("gen-*") if p.name not in known and writer_lock_path(p).exists()]
        if fresh:
            return fresh[0]
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the build in the subprocess never started a generation")


def generations(index_dir: Path) -> set[str]:
    return {p.name for p in index_dir.glob("gen-*")}


def test_the_next_build_removes_the_generation_of_a_build_killed_with_sigkill(
    termbase_dir: Path, tmp_path: Path, slow_builds: list[subprocess.Popen[bytes]]
) -> None:
    index_dir = tmp_path / "index"
    first = build_index(load_termbase(termbase_dir), index_dir)
    killed = start_slow_build(termbase_dir, index_dir, tmp_path / "never")
    slow_builds.append(killed)
    abandoned = wait_for_new_generation(index_dir, {first.name}, killed)
    os.kill(killed.pid, signal.SIGKILL)
    killed.communicate(timeout=10)
    assert killed.returncode == -signal.SIGKILL
    assert abandoned.exists(), "kill -9 runs no clean-up: the half-written generation stays behind"

    second = build_index(load_termbase(termbase_dir), index_dir)
    assert not abandoned.exists()
    assert not writer_lock_path(abandoned).exists()
    assert generations(index_dir) == {first.name, second.name}, "the previous generation stays for readers"
    assert live_generation(index_dir) == second


def test_a_build_running_beside_another_keeps_its_generation_and_then_goes_live(
    termbase_dir: Path, tmp_path: Path, slow_builds: list[subprocess.Popen[bytes]]
) -> None:
    index_dir = tmp_path / "index"
    first = build_index(load_termbase(termbase_dir), index_dir)
    reader = Searcher(index_dir)
    go = tmp_path / "go"
    running = start_slow_build(termbase_dir, index_dir, go)
    slow_builds.append(running)
    in_progress = wait_for_new_generation(index_dir, {first.name}, running)

    second = build_index(load_termbase(termbase_dir), index_dir)
    third = build_index(load_termbase(termbase_dir), index_dir)
    assert in_progress.exists(), "a generation whose writer is alive is never removed"
    assert generations(index_dir) == {second.name, third.name, in_progress.name}

    go.touch()
    _, errors = running.communicate(timeout=60)
    assert running.returncode == 0, errors.decode()
    assert live_generation(index_dir) == in_progress
    assert generations(index_dir) == {third.name, in_progress.name}
    assert not writer_lock_path(in_progress).exists()
    reader.refresh()
    assert reader.search("стандарт").hits, "readers follow the swap"
    reader.close()


def test_a_lock_file_without_its_generation_goes_unless_a_build_holds_it(termbase_dir: Path, tmp_path: Path) -> None:
    """A build killed between locking and creating its folder leaves only the lock file."""
    index_dir = tmp_path / "index"
    build_index(load_termbase(termbase_dir), index_dir)
    stray = writer_lock_path(index_dir / "gen-0000000000000001-1")
    stray.touch()
    starting = index_dir / "gen-ffffffffffffffff-1"
    with holding_writer_lock(starting):
        build_index(load_termbase(termbase_dir), index_dir)
        assert not stray.exists()
        assert writer_lock_path(starting).exists(), "a build about to create its folder keeps its lock file"
    assert not writer_lock_path(starting).exists()
