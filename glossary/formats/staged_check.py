"""Check a freshly written, sharded term base on several cores, with the same result as one ``check_termbase``.

Re-loading what an import wrote is most of an import's time: composing the
YAML of a million concepts is CPU-bound, and a loader reads one file after
another.  Shards are independent, except that a relation may name a concept
in another shard, so each worker checks its own run of shards in a *view*: a
sibling folder linking the term base's files (so ``../`` paths resolve as
they do from the term base itself) with only those shards, plus a stub file
listing the concepts of other shards that those relate to, as ``id`` with no
languages, so that the relations resolve.  Problems found in the stub are
dropped (its concepts are checked, as themselves, by their own worker);
problems outside ``concepts/`` come from the first worker only.  Duplicate
concept ids cannot span workers: the term base is a mapping from id to
concept, and a concept whose id differs from its key stops the split.

The split relies on what :func:`~glossary.termbase.write_termbase` guarantees:
shards hold the concepts in the term base's order, :data:`SHARD_SIZE` each.
When anything does not fit (a layout of one file per concept, a concept whose
id is not its key, a platform without ``fork``, a program running other
threads, a worker that fails), the whole base is checked in this process, as
before.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from glossary.model import Concept, Termbase
from glossary.termbase.files import yaml_files
from glossary.termbase.load import check_termbase
from glossary.termbase.progress import Progress
from glossary.termbase.write import SHARD_SIZE, dump_yaml, shard_names
from glossary.termbase.yamlemit import Unsupported, emit_document
from glossary.termbase.yamlnodes import Problem

#: Below this many shards one process checks everything (a worker's start-up would not pay).
MIN_SHARDS = 20
MAX_WORKERS = 4
#: Sorts after every shard; lists the concepts other workers check.
STUB_NAME = "~other-concepts.yaml"
#: Seconds between reading the workers' counts for the progress line.
POLL = 0.2


def check_written(
    staged: Path, termbase: Termbase, *, workers: int | None = None, progress: Progress | None = None
) -> list[Problem]:
    """The errors ``check_termbase(staged)`` finds, found by ``workers`` processes (default: one per core, ≤ 4)."""
    workers = workers if workers is not None else min(MAX_WORKERS, _cores())
    groups = _groups(staged, termbase, workers)
    if groups is not None:
        try:
            return _in_parallel(staged, termbase, groups, progress)
        except _WorkerFailed:
            pass
    _, problems = check_termbase(staged, progress=progress)
    return [p for p in problems if p.severity == "error"]


class _WorkerFailed(Exception):
    """A worker died or raised: the base is checked in this process instead."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def other_threads_running() -> bool:
    """Whether this program runs other threads: forking it could copy a lock one of them holds."""
    return threading.active_count() > 1


def _groups(staged: Path, termbase: Termbase, workers: int) -> list[list[str]] | None:
    """The shard files of each worker, in order; None when the base must be checked in one process."""
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods() or other_threads_running():
        return None
    files = yaml_files(staged / "concepts")
    count = math.ceil(len(termbase.concepts) / SHARD_SIZE)
    if len(files) < MIN_SHARDS or files != shard_names(count):
        return None
    if any(key != concept.id for key, concept in termbase.concepts.items()):
        return None
    per = math.ceil(len(files) / workers)
    return [files[i : i + per] for i in range(0, len(files), per)]


def _in_parallel(staged: Path, termbase: Termbase, groups: list[list[str]], progress: Progress | None) -> list[Problem]:
    context = multiprocessing.get_context("fork")
    counters = [context.Value("q", 0, lock=False) for _ in groups]
    concepts = list(termbase.concepts.values())
    views: list[Path] = []
    running: list[tuple[Any, Connection]] = []
    try:
        start = 0
        for group in groups:
            end = start + len(group) * SHARD_SIZE
            views.append(_view(staged, group, _elsewhere(concepts[start:end], termbase)))
            start = end
        gc.freeze()  # a worker's collections then leave the parent's objects alone (not copied, not walked)
        try:
            for view, counter in zip(views, counters, strict=True):
                receive, send = context.Pipe(duplex=False)
                process = context.Process(target=_work, args=(view, counter, send), daemon=True)
                process.start()
                send.close()
                running.append((process, receive))
        finally:
            gc.unfreeze()
        results = _collect(running, counters, sum(map(len, groups)), progress)
    finally:
        for process, _ in running:
            if process.is_alive():
                process.kill()
            process.join()
        for view in views:
            shutil.rmtree(view, ignore_errors=True)
    errors: list[Problem] = []
    for n, problems in enumerate(results):
        errors.extend(
            p for p in problems if p.file != f"concepts/{STUB_NAME}" and (n == 0 or p.file.startswith("concepts/"))
        )
    return sorted(errors, key=lambda p: (p.file, p.line, p.field))


def _elsewhere(concepts: list[Concept], termbase: Termbase) -> list[str]:
    """The concepts of other shards that ``concepts`` relate to: the only ones a worker must know exist."""
    own = {concept.id for concept in concepts}
    targets = {relation.target for concept in concepts for relation in concept.relations}
    return sorted(t for t in targets if t not in own and t in termbase.concepts)


def _view(staged: Path, shards: list[str], others: list[str]) -> Path:
    """A sibling of ``staged`` that links its files, with only ``shards`` and a stub of the ``others`` concepts."""
    view = Path(tempfile.mkdtemp(prefix=f"{staged.name}.check-", dir=staged.parent))
    for entry in staged.iterdir():
        if entry.name != "concepts":
            (view / entry.name).symlink_to(entry.resolve())
    concepts = view / "concepts"
    concepts.mkdir()
    for name in shards:
        (concepts / name).symlink_to((staged / "concepts" / name).resolve())
    if others:
        (concepts / STUB_NAME).write_text("".join(map(_stub, others)), encoding="utf-8")
    return view


def _stub(concept_id: str) -> str:
    item = [{"id": concept_id, "languages": {}}]
    try:
        return emit_document(item)
    except Unsupported:
        return dump_yaml(item)


def _work(view: Path, counter: Any, send: Connection) -> None:
    """In a worker: check the view, send back its errors (or the exception)."""

    def count(done: int, total: int | None) -> None:
        counter.value = done

    try:
        _, problems = check_termbase(view, progress=count)
        send.send([p for p in problems if p.severity == "error"])
    except BaseException as error:  # reported to the parent, which then checks in-process instead
        send.send(error)
    finally:
        send.close()


def _collect(
    running: list[tuple[Any, Connection]], counters: list[Any], total: int, progress: Progress | None
) -> list[list[Problem]]:
    """Each worker's errors, in order; shows the files checked so far while they run."""
    results: list[list[Problem] | None] = [None] * len(running)
    while any(r is None for r in results):
        for n, (process, receive) in enumerate(running):
            if results[n] is not None:
                continue
            if receive.poll():
                try:
                    answer = receive.recv()
                except EOFError as error:
                    raise _WorkerFailed from error
                if isinstance(answer, BaseException):
                    raise _WorkerFailed from answer
                results[n] = answer
            elif not process.is_alive() and not receive.poll():
                raise _WorkerFailed
        if progress is not None:
            progress(min(total, sum(c.value for c in counters)), total)
        if any(r is None for r in results):
            time.sleep(POLL)
    if progress is not None:
        progress(total, total)
    return [r for r in results if r is not None]
