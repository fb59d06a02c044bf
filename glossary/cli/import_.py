"""``glossary import``: read a TBX or CSV file into a YAML term base, or merge it into one."""

from __future__ import annotations

from pathlib import Path

import click

from glossary.formats import REGISTRY, FormatError, format_for_path, get_format
from glossary.formats.base import ImportOptions
from glossary.formats.merge import merge
from glossary.formats.store import store_checked
from glossary.termbase.load import TermbaseInvalid, load_termbase


def _column_map(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        theirs, sep, ours = pair.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise click.BadParameter(f"{pair!r} is not THEIR_COLUMN=OUR_COLUMN", param_hint="--map")
        mapping[theirs.strip()] = ours.strip()
    return mapping


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--into",
    "into",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Term-base directory to write.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice([n for n, c in REGISTRY.items() if c.importable]),
    help="Input format (default: from the file).",
)
@click.option("--merge", "do_merge", is_flag=True, help="Add to the existing term base at --into and report conflicts.")
@click.option("--name", help="Name of the new term base (default: the file's title or name).")
@click.option("--source-lang", help="Source language, for layouts that do not record it (weblate-csv, omegat-tsv).")
@click.option("--target-lang", help="Target language, for layouts that do not record it.")
@click.option(
    "--map",
    "column_map",
    multiple=True,
    help="CSV header mapping THEIR_COLUMN=OUR_COLUMN, e.g. English=en (repeatable).",
)
@click.option(
    "--formula-escape/--no-formula-escape",
    default=None,
    help="Undo spreadsheet formula escaping (default: when the file starts with a BOM).",
)
def import_(  # noqa: PLR0917 - click passes one parameter per option
    file: Path,
    into: Path,
    format_name: str | None,
    do_merge: bool,
    name: str | None,
    source_lang: str | None,
    target_lang: str | None,
    column_map: tuple[str, ...],
    formula_escape: bool | None,
) -> None:
    """Import FILE into the YAML term base --into, printing what could not be mapped."""
    existing = None
    if do_merge:
        try:
            existing = load_termbase(into)
        except TermbaseInvalid as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(f"{into}: cannot merge into a term base with errors", err=True)
            raise SystemExit(1) from None
    elif into.exists() and any(into.iterdir()):
        click.echo(f"{into}: already exists and is not empty; use --merge to add to it", err=True)
        raise SystemExit(1)
    options = ImportOptions(
        name=name,
        source_lang=source_lang,
        target_lang=target_lang,
        column_map=_column_map(column_map),
        formula_escape=formula_escape,
        known_sources=existing.sources if existing else {},
        known_subjects=existing.subjects if existing else {},
    )
    try:
        fmt = get_format(format_name) if format_name else format_for_path(file)
        result = fmt.import_(file, options)
    except FormatError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None
    except OSError as exc:
        click.echo(f"error: {file}: {exc.strerror or exc}", err=True)
        raise SystemExit(1) from None
    for line in result.report.lines():
        click.echo(line)
    termbase = result.termbase
    if existing is not None:
        merged = merge(existing, termbase)
        termbase = merged.termbase
        click.echo(f"merge: {merged.added} added, {merged.unchanged} unchanged, {len(merged.conflicts)} conflict(s)")
        for conflict in merged.conflicts:
            click.echo(f"  conflict: {conflict}")
    errors = store_checked(termbase, into, copy_files_from=into if existing is not None else None)
    if errors:
        for problem in errors[:50]:
            click.echo(str(problem), err=True)
        click.echo(f"{into}: not written; the imported term base has {len(errors)} error(s)", err=True)
        raise SystemExit(1)
    click.echo(f"{into}: written, {len(termbase)} concepts")
