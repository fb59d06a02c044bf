"""``glossary check``: validate a term base and print every problem."""

from __future__ import annotations

from pathlib import Path

import click

from glossary.cli.progress import ProgressDisplay, quiet_option
from glossary.paths import default_termbase
from glossary.termbase import check_termbase


@click.command()
@click.argument("termbase", required=False, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings (such as mixed-script words) as errors.")
@quiet_option
def check(termbase: Path | None, strict: bool, quiet: bool) -> None:
    """Validate TERMBASE and print every error with its file:line and field.

    Exits with status 1 when there is any error (or any warning, with --strict).
    """
    directory = termbase or default_termbase()
    with ProgressDisplay(quiet=quiet) as display:
        loaded, problems = check_termbase(directory, progress=display.step("reading YAML", "files"))
    errors = [p for p in problems if p.severity == "error" or strict]
    for problem in problems:
        click.echo(str(problem), err=problem in errors)
    if errors:
        click.echo(f"{directory}: {len(errors)} error(s)", err=True)
        raise SystemExit(1)
    warnings = len(problems)
    click.echo(f"{directory}: OK, {len(loaded)} concepts" + (f", {warnings} warning(s)" if warnings else ""))
