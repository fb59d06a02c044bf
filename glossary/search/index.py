"""Build the search index of a term base, atomically, and tell when it is stale.

Layout of an index directory::

    current -> gen-<time>     a symlink naming the live generation
    gen-<time>/               a Whoosh index plus ``meta.json``
    gen-<time>/listings/      the sorted listing keys, one file per field (see below)

    .gen-<time>.lock          held by the build writing gen-<time>, while it writes

A build writes a new generation beside the live one and then replaces the
``current`` symlink with ``os.replace``, which is atomic: a reader sees the old
index or the new one, never half of one.  The previous generation is kept so
that a worker still reading it is not disturbed; older ones are removed.

While it writes, a build holds an exclusive ``flock`` on its generation's lock
file.  The kernel releases that lock when the process ends, however it ends
(``kill -9`` included), so a generation that is neither live nor previous and
whose lock is free was abandoned: the next build removes it, while a
generation another build is still writing stays.

``sentences/`` holds the source sentences' own index (see :mod:`glossary.search.sentences`).

``listings/`` holds the keys that are only ever read in order, never as postings:
``complete`` (autocomplete), ``browse_L`` and ``subject_order`` (the A–Z and
subject listings of :mod:`glossary.search.browse`), each a
:mod:`glossary.search.sorted_keys` file.  Kept out of Whoosh's term
dictionary, they cost their bytes plus an offset instead of about 73 bytes
more per key, and no Whoosh indexing time.

``aggregates.json`` holds the counts the about and browse pages show (see
:mod:`glossary.search.aggregates`), so that no page counts per request.

``meta.json`` holds what pages need besides concepts (name, description,
languages, subjects, sources with their sentences, the counts of the term
base's lint report) and the fingerprint of the YAML it was built from, so the
server never re-reads YAML.

``lint.sqlite`` holds each concept's lint findings, for its page alone (see
:mod:`glossary.search.stored_lint`).
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from glossary.model import Concept, Termbase
from glossary.search.aggregates import KeyLetters, compute_aggregates, read_aggregates, write_aggregates
from glossary.search.browse import COMPLETE, ListingKeys, listing_fields
from glossary.search.codec import GlossaryCodec
from glossary.search.keys import surface_key, term_keys, text_keys
from glossary.search.schema import build_schema, complete_key, reliability_keys, whole_term_keys
from glossary.search.sentences import write_sentence_index
from glossary.search.sorted_keys import KeyFiles
from glossary.search.stored_lint import write_findings
from glossary.serialize import concept_to_dict, source_to_dict, subject_to_dict
from glossary.termbase.fingerprint import termbase_fingerprint as fingerprint_files
from glossary.termbase.load import load_termbase
from glossary.termbase.progress import Progress
from glossary.text.tokens import canonical_lexicon, kazakh_lexicon

CURRENT = "current"
META_FILE = "meta.json"
GENERATION_PREFIX = "gen-"
LOCK_FILE = ".build.lock"
#: Digests of the term base's files by size and modification time (see :mod:`glossary.termbase.fingerprint`).
FINGERPRINT_CACHE = ".termbase-files.json"
WRITER_LOCK_SUFFIX = ".lock"
#: The folder of a generation that holds its sorted listing keys.
LISTINGS = "listings"
#: The layout of a generation (fields, files beside the index); a generation of another format is stale.
#: 2: ``aggregates.json`` and the ``browse_L`` / ``subject_order`` listing keys.
#: 3: the listing keys (``complete``, ``browse_L``, ``subject_order``) in ``listings/``, not in Whoosh;
#:    each concept's lint findings in ``lint.sqlite``, only their counts in ``meta.json``; segments written with
#:    :class:`glossary.search.codec.GlossaryCodec` (short posting lists in the term dictionary).
INDEX_FORMAT = 3
#: Modules whose code decides what the keys are; a change to any of them makes every index stale.
#: Named as modules, not files, so that a move is caught: a name that no longer imports is an error.
#: ``glossary.lint`` is here because its findings are stored with the index (see :func:`lint_meta`),
#: ``glossary.serialize`` because it decides the stored concept's shape (a new term field such as
#: ``reliability`` must reach pages without a YAML edit).
ANALYSIS_MODULES = (
    "glossary.text",
    "glossary.search.keys",
    "glossary.search.schema",
    "glossary.search.index",
    "glossary.search.sentences",
    "glossary.search.aggregates",
    "glossary.search.browse",
    "glossary.search.stored_lint",
    "glossary.search.sorted_keys",
    "glossary.lint",
    "glossary.serialize",
)


def live_generation(index_dir: Path) -> Path | None:
    """The directory of the live index, or None when nothing was built yet."""
    link = Path(index_dir) / CURRENT
    try:
        target = link.readlink()
    except OSError:
        return None
    path = Path(index_dir) / target
    return path if (path / META_FILE).exists() else None


def writer_lock_path(generation: Path) -> Path:
    """The lock file a build holds while it writes ``generation``: ``.gen-….lock`` beside it.

    It lies outside the generation so that it exists, locked, before the
    generation's folder does: no build ever sees that folder unlocked while
    its writer lives.
    """
    return generation.with_name(f".{generation.name}{WRITER_LOCK_SUFFIX}")


@contextmanager
def holding_writer_lock(generation: Path) -> Iterator[None]:
    """Hold ``generation``'s writer lock for the block; other builds leave the generation alone meanwhile.

    ``flock`` locks belong to the open file, not the process, so a second
    open of the same file (another build, or this process's own check) sees
    the lock as taken.
    """
    path = writer_lock_path(generation)
    while True:
        handle = path.open("a")
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.fstat(handle.fileno()).st_ino == path.stat().st_ino:
                break
        except FileNotFoundError:
            pass
        # Another build's clean-up removed the file between our open and our lock: lock a fresh one.
        handle.close()
    with handle:
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def remove_if_abandoned(generation: Path) -> bool:
    """Remove ``generation`` and its lock file unless a live build holds the lock; True when removed.

    The removal happens while holding the lock, so a build that opened the
    lock file just before cannot lock it until the file is gone, and then
    sees that and locks a fresh one (see :func:`holding_writer_lock`).
    """
    path = writer_lock_path(generation)
    try:
        handle = path.open("r")
    except FileNotFoundError:
        shutil.rmtree(generation, ignore_errors=True)
        return True
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        shutil.rmtree(generation, ignore_errors=True)
        path.unlink(missing_ok=True)
    return True


def read_meta(generation: Path) -> dict[str, Any]:
    with (generation / META_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def analyzer_version() -> str:
    """A hash of the code that turns text into keys (glossary/text and the index modules)."""
    digest = hashlib.sha256()
    for path in analysis_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analysis_files(modules: Iterable[str] = ANALYSIS_MODULES) -> list[Path]:
    """The source files of ``modules`` (a package stands for all its modules); a missing one raises."""
    files: list[Path] = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise RuntimeError(f"analyzer_version: module {name} is gone; update ANALYSIS_MODULES")
        origin = Path(spec.origin)
        files.extend(sorted(origin.parent.glob("*.py")) if spec.submodule_search_locations else [origin])
    return files


def termbase_fingerprint(termbase_dir: Path, index_dir: Path | None = None) -> str:
    """A hash of every YAML file of a term base and of the sentence files its sources name.

    With ``index_dir``, the files' digests are cached there, so an unchanged file is not read again.
    """
    return fingerprint_files(termbase_dir, Path(index_dir) / FINGERPRINT_CACHE if index_dir is not None else None)


def index_is_stale(termbase_dir: Path, index_dir: Path) -> bool:
    """True when there is no index, or it was built from other YAML or by other analysis code."""
    generation = live_generation(Path(index_dir))
    if generation is None:
        return True
    try:
        meta = read_meta(generation)
    except (OSError, ValueError):
        return True
    return (
        meta.get("format") != INDEX_FORMAT
        or read_aggregates(generation) is None
        or meta.get("fingerprint") != termbase_fingerprint(termbase_dir, index_dir)
        or meta.get("analyzer_version") != analyzer_version()
    )


def concept_document(concept: Concept, kk_lexicon: frozenset[str] | None = None) -> dict[str, Any]:
    """The Whoosh document of one concept: its keys per language and the stored concept.

    Its ``complete`` entry holds the concept's autocomplete keys, computed here
    with the other keys (in the analysis workers); the build moves them into
    the ``complete`` listing file, not into Whoosh.
    """
    doc: dict[str, Any] = {
        "id": concept.id,
        "data": json.dumps(concept_to_dict(concept), ensure_ascii=False, separators=(",", ":")),
    }
    if concept.subjects:
        doc["subject"] = list(concept.subjects)
    statuses = {term.status for _, term in concept.terms()}
    if statuses:
        doc["status"] = sorted(statuses)
    rated = [term.reliability for _, term in concept.terms() if term.reliability is not None]
    if rated:
        doc["reliability"] = reliability_keys(max(rated))
    complete: list[str] = []
    texts: dict[str, list[str]] = {}
    for lang, section in concept.languages.items():
        whole: list[str] = []
        words: list[str] = []
        text = texts.setdefault(lang, [])
        for term in section.terms:
            keys = term_keys(term.text, lang, kk_lexicon)
            whole.extend(whole_term_keys(keys.exact, keys.lemma, keys.folded))
            words.extend(keys.words)
            complete.append(complete_key(surface_key(term.text), lang, term.text, concept.id))
            for context in term.contexts:
                text.extend(text_keys(context.text, lang, kk_lexicon))
        if section.definition is not None:
            text.extend(text_keys(section.definition.text, lang, kk_lexicon))
        for name, found in (("term", whole), ("words", words)):
            values = [v for v in dict.fromkeys(found) if v]
            if values:
                doc[f"{name}_{lang}"] = values
    for note in concept.notes:
        if note.lang and note.lang in concept.languages:
            texts[note.lang].extend(text_keys(note.text, note.lang, kk_lexicon))
    for lang, keys in texts.items():
        if keys:
            doc[f"text_{lang}"] = keys
    doc[COMPLETE] = complete
    return doc


def termbase_kk_lexicon(concepts: Iterable[Concept]) -> frozenset[str]:
    """The Kazakh stemmer's lexicon from a term base: the words of its Kazakh terms."""
    sections = (concept.languages.get("kk") for concept in concepts)
    return kazakh_lexicon(term.text for section in sections if section is not None for term in section.terms)


def meta_kk_lexicon(meta: dict[str, Any]) -> frozenset[str] | None:
    """The lexicon an index generation was keyed with (None for a generation built before it was stored)."""
    words = meta.get("kk_lexicon")
    return canonical_lexicon(frozenset(words)) if words else None


def lint_meta(termbase: Termbase, source_dir: Path | None, generation: Path) -> dict[str, Any]:
    """Lint ``termbase``: the counts for ``meta.json``; each concept's findings go to ``generation``'s side file.

    Run at build time so that the About page and the concept pages show the
    QA of exactly the term base they serve, without linting per request.  The
    findings stay out of ``meta.json``, which every worker reads whole when it
    opens the index (see :mod:`glossary.search.stored_lint`).
    """
    from glossary.lint import lint

    report = lint(termbase, source_dir)
    write_findings(report, generation)
    return report.summary()


def _meta(termbase: Termbase, languages: tuple[str, ...], fingerprint: str | None) -> dict[str, Any]:
    sources = {}
    for source_id, source in termbase.sources.items():
        entry = source_to_dict(source)
        entry["sentences"] = list(source.sentences)
        if source.original_sentences:
            entry["original_sentences"] = list(source.original_sentences)
        sources[source_id] = entry
    return {
        "format": INDEX_FORMAT,
        "name": termbase.name,
        "description": termbase.description,
        "name_by_lang": dict(termbase.name_by_lang),
        "description_by_lang": dict(termbase.description_by_lang),
        "languages": list(languages),
        "subjects": {sid: subject_to_dict(subject) for sid, subject in termbase.subjects.items()},
        "sources": sources,
        "concept_count": len(termbase),
        "fingerprint": fingerprint,
        "analyzer_version": analyzer_version(),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


# Concepts handed to forked analysis workers without pickling them (set just before the pool forks).
_FORK_CONCEPTS: list[Concept] = []
_FORK_LEXICON: frozenset[str] | None = None


def _documents_of_slice(bounds: tuple[int, int]) -> list[dict[str, Any]]:
    start, end = bounds
    return [concept_document(c, _FORK_LEXICON) for c in _FORK_CONCEPTS[start:end]]


def _documents(
    concepts: list[Concept], procs: int, kk_lexicon: frozenset[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Concept documents in order; with ``procs`` > 1 the analysis runs in forked worker processes."""
    if procs <= 1 or len(concepts) < 2000 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (concept_document(concept, kk_lexicon) for concept in concepts)
        return
    global _FORK_CONCEPTS, _FORK_LEXICON  # the fork start method shares them with workers for free
    _FORK_CONCEPTS, _FORK_LEXICON = concepts, kk_lexicon
    step = 500
    slices = [(i, min(i + step, len(concepts))) for i in range(0, len(concepts), step)]
    try:
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            for batch in pool.imap(_documents_of_slice, slices):
                yield from batch
    finally:
        _FORK_CONCEPTS, _FORK_LEXICON = [], None


def build_index(
    termbase: Termbase,
    index_dir: Path,
    *,
    procs: int = 1,
    source_dir: Path | None = None,
    multisegment: bool | None = None,
    lint: bool = True,
    progress: Progress | None = None,
) -> Path:
    """Index ``termbase`` into a new generation under ``index_dir`` and make it live; return its path.

    ``procs`` > 1 analyses concepts in that many processes.  ``multisegment``
    (default: ``procs`` > 1) lets Whoosh write one segment per process
    instead of merging them, which is faster to build and a little slower to
    search.  ``source_dir`` is the term-base directory, whose fingerprint is
    recorded for :func:`index_is_stale`, and where lint locates its findings.
    ``lint=False`` skips the lint report: the pages then show no QA.
    ``progress`` is told how many concepts are indexed.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    generation = index_dir / f"{GENERATION_PREFIX}{time.time_ns():x}-{os.getpid()}"
    with holding_writer_lock(generation):
        generation.mkdir()
        try:
            _write_generation(termbase, generation, procs, source_dir, multisegment, lint=lint, progress=progress)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        # Builds into the same directory take turns at the swap and the clean-up.
        with (index_dir / LOCK_FILE).open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            previous = live_generation(index_dir)
            _swap(index_dir, generation)
            _remove_old_generations(index_dir, keep={generation.name, previous.name if previous else ""})
    return generation


def _write_generation(
    termbase: Termbase,
    generation: Path,
    procs: int,
    source_dir: Path | None,
    multisegment: bool | None,
    *,
    lint: bool,
    progress: Progress | None = None,
) -> None:
    """Write the Whoosh index, the listing files and ``meta.json`` of ``termbase`` into the empty folder ``generation``."""
    languages = termbase.used_languages()
    ix = whoosh_index.create_in(str(generation), build_schema(languages))
    if multisegment is None:
        multisegment = procs > 1
    writer_procs = procs if multisegment else 1
    # Most keys name one concept: their posting lists live in the term dictionary (see glossary.search.codec),
    # and the rest are short blocks that compressing would slow down more than it shrinks them.
    # compound=False: Whoosh reads a compound segment's parts into private memory in every process
    # (BytesIO copies); separate files are read through the page cache that all workers share.
    writer = ix.writer(
        procs=writer_procs,
        multisegment=multisegment,
        limitmb=256,
        codec=GlossaryCodec(),
        compound=False,
    )
    concepts = list(termbase)
    kk_lexicon = termbase_kk_lexicon(concepts)
    listing_keys = ListingKeys(concepts, languages)
    listings = KeyFiles(generation / LISTINGS)
    key_letters = KeyLetters()
    try:
        for done, (doc, keys) in enumerate(zip(_documents(concepts, procs, kk_lexicon), listing_keys, strict=True), 1):
            keys[COMPLETE] = doc.pop(COMPLETE)
            listings.add(keys)
            key_letters.add(doc)
            writer.add_document(**doc)
            if progress is not None:
                progress(done, len(concepts))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    del listing_keys
    listings.finish(listing_fields(languages))  # one whole sorted file per field, however many segments
    write_sentence_index(termbase, generation, languages)
    write_aggregates(compute_aggregates(concepts, languages, key_letters), generation)
    fingerprint = termbase_fingerprint(source_dir, generation.parent) if source_dir is not None else None
    meta = _meta(termbase, languages, fingerprint)
    meta["kk_lexicon"] = sorted(kk_lexicon)  # the searcher keys queries with the lexicon the index was keyed with
    if lint:
        meta["lint"] = lint_meta(termbase, source_dir, generation)
    (generation / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def ensure_index(
    termbase_dir: Path,
    index_dir: Path,
    *,
    load: Callable[[Path], Termbase] = load_termbase,
    procs: int = 1,
) -> bool:
    """Build the index of ``termbase_dir`` when it is missing or stale; True when it was built.

    The YAML is read only when a build is needed, through ``load``: by default
    :func:`~glossary.termbase.load_termbase`, which raises
    :class:`~glossary.termbase.TermbaseInvalid` with every problem.  A caller
    that reports errors its own way (the CLI exits with a message) passes its
    own loader.
    """
    if not index_is_stale(termbase_dir, index_dir):
        return False
    build_index(load(Path(termbase_dir)), index_dir, procs=procs, source_dir=Path(termbase_dir))
    return True


def _swap(index_dir: Path, generation: Path) -> None:
    temporary = index_dir / f".{CURRENT}-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(generation.name)
    temporary.replace(index_dir / CURRENT)


def _remove_old_generations(index_dir: Path, keep: Iterable[str]) -> None:
    """Remove every generation that is not kept (the live and the previous one) and is not being written.

    Run under the build lock.  A generation whose writer was killed has a
    free lock, so it goes too, with its lock file; so does a lock file left
    without its generation.
    """
    kept = {name for name in keep if name}
    for path in index_dir.glob(f"{GENERATION_PREFIX}*"):
        if path.name not in kept and path.is_dir():
            remove_if_abandoned(path)
    for lock in index_dir.glob(f".{GENERATION_PREFIX}*{WRITER_LOCK_SUFFIX}"):
        generation = lock.with_name(lock.name[1 : -len(WRITER_LOCK_SUFFIX)])
        if generation.name not in kept and not generation.exists():
            remove_if_abandoned(generation)
