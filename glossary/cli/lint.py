"""``glossary lint``: terminology QA of a term base's content (see :mod:`glossary.lint`)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.progress import ProgressDisplay, quiet_option
from glossary.lint import RULES, lint
from glossary.paths import default_termbase


@click.command(name="lint")
@click.argument("termbase", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings and their counts as JSON.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@quiet_option
def lint_command(termbase: Path | None, as_json: bool, strict: bool, quiet: bool) -> None:
    """Check the content of TERMBASE: Kazakh suffixes after hyphens, discouraged terms used in prose,
    abbreviations in the wrong script, circular definitions, designation years, sibling names, gaps.

    Prints each finding as file:line field: message [rule].  Exits with
    status 1 when there is any error (or any warning, with --strict).
    """
    directory = termbase or default_termbase()
    with ProgressDisplay(quiet=quiet) as display:
        loaded = load_or_exit(directory, progress=display.step("reading YAML", "files"))
    report = lint(loaded, directory)
    failing = report.findings if strict else report.errors
    if as_json:
        click.echo(json.dumps({"termbase": str(directory), **report.to_dict()}, ensure_ascii=False, indent=2))
    else:
        for finding in report.findings:
            click.echo(str(finding), err=finding in failing)
        counts = ", ".join(f"{rule} {n}" for rule, n in report.by_rule().items())
        click.echo(
            f"{directory}: {report.concepts_checked} concepts, {len(report.errors)} error(s), "
            f"{len(report.warnings)} warning(s)" + (f" ({counts})" if counts else "") + f"; rules: {', '.join(RULES)}",
            err=bool(failing),
        )
    if failing:
        raise SystemExit(1)
