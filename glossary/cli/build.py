"""``glossary build``: compile a YAML term base into the search index."""

from __future__ import annotations

import time
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import index_option, termbase_option
from glossary.cli.progress import ProgressDisplay, quiet_option
from glossary.paths import default_index_dir, default_termbase


@click.command()
@termbase_option
@index_option
@click.option(
    "--if-stale",
    is_flag=True,
    help="Do nothing when the index is up to date with the YAML files and the analysis code.",
)
@click.option(
    "--procs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for analysis and indexing; >1 also writes one index segment per process.",
)
@click.option(
    "--no-lint",
    "no_lint",
    is_flag=True,
    help="Do not run lint on the term base: the About and concept pages then show no lint results (faster).",
)
@quiet_option
def build(  # noqa: PLR0917 - click passes one parameter per option
    termbase: Path | None, index_dir: Path | None, if_stale: bool, procs: int, no_lint: bool, quiet: bool
) -> None:
    """Build the search index of a term base, atomically (readers never see a half-built index).

    The build also runs lint on the term base and stores its findings with the index, for the pages to show.
    """
    from glossary.search import build_index, index_is_stale

    directory = termbase or default_termbase()
    target = index_dir or default_index_dir(directory)
    if if_stale and not index_is_stale(directory, target):
        click.echo(f"{target}: index is up to date")
        return
    started = time.perf_counter()
    with ProgressDisplay(quiet=quiet) as display:
        loaded = load_or_exit(directory, refusal="not indexed", progress=display.step("reading YAML", "files"))
        loaded_at = time.perf_counter()
        generation = build_index(
            loaded, target, procs=procs, source_dir=directory, lint=not no_lint, progress=display.step("indexing")
        )
    done = time.perf_counter()
    click.echo(
        f"{target}: indexed {len(loaded)} concepts in {done - loaded_at:.2f} s "
        f"(loading YAML took {loaded_at - started:.2f} s) -> {generation.name}"
    )
