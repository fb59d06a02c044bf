"""``glossary coverage``: list the corpus's abbreviations and frequent terms the term base lacks."""

from __future__ import annotations

import json
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import InputPath
from glossary.corpus.coverage import AbbreviationFinding, IgnoreListError, coverage_report, load_ignore_list
from glossary.paths import default_termbase

IGNORE_FILE = "coverage-ignore.yaml"


@click.command()
@click.argument("termbase", required=False, type=InputPath(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
@click.option(
    "--ignore",
    "ignore_path",
    type=InputPath(exists=True, dir_okay=False, path_type=Path),
    help=f"Abbreviations to leave out, with reasons (default: TERMBASE/{IGNORE_FILE} when it exists).",
)
@click.option("--min-count", default=3, show_default=True, help="How often a word sequence must occur to be listed.")
@click.option("--limit", default=40, show_default=True, help="How many uncovered candidate terms to print.")
def coverage(termbase: Path | None, as_json: bool, ignore_path: Path | None, min_count: int, limit: int) -> None:
    """Report abbreviations and frequent candidate terms of TERMBASE's corpus that no term covers.

    The corpus is the sentence files named in sources.yaml. Exits with status 1
    when an abbreviation is neither a term nor on the ignore list.
    """
    directory = termbase or default_termbase()
    loaded = load_or_exit(directory, refusal="no coverage report")
    ignore_path = ignore_path or directory / IGNORE_FILE
    try:
        ignored = load_ignore_list(ignore_path) if ignore_path.exists() else {}
    except IgnoreListError as error:
        raise click.ClickException(str(error)) from error
    report = coverage_report(loaded, ignored, min_count=min_count)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_text(report.abbreviations, report.uncovered_abbreviations, report.ignored_abbreviations)
        click.echo(f"\nFrequent candidate terms not covered ({len(report.uncovered_candidates)}):")
        for candidate in report.uncovered_candidates[:limit]:
            click.echo(f"  {candidate.count:4d}  {candidate.text}")
        click.echo(f"\nPhrases in quotation marks not covered ({len(report.uncovered_quoted)}):")
        for candidate in report.uncovered_quoted[:limit]:
            click.echo(f"  {candidate.count:4d}  {candidate.text}  ({', '.join(candidate.locators[:3])})")
        click.echo(f"\nTerm-shaped words not covered ({len(report.uncovered_words)}):")
        for candidate in report.uncovered_words[:limit]:
            click.echo(f"  {candidate.count:4d}  {candidate.text}  ({', '.join(candidate.locators[:3])})")
    if report.uncovered_abbreviations:
        raise SystemExit(1)


def _print_text(
    found: list[AbbreviationFinding], uncovered: list[AbbreviationFinding], ignored: list[AbbreviationFinding]
) -> None:
    click.echo(f"Abbreviations: {len(found)} found, {len(uncovered)} not covered, {len(ignored)} ignored")
    for finding in uncovered:
        full = f"  full form: {' | '.join(finding.full_forms)}" if finding.full_forms else ""
        click.echo(f"  NOT COVERED {finding.text} ×{finding.count} ({', '.join(finding.locators[:3])}){full}")
