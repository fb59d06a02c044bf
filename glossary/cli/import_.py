"""``glossary import``: read a TBX, CSV or SKOS file into a YAML term base, or merge it into one."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import InputPath
from glossary.cli.progress import ProgressDisplay, quiet_option
from glossary.formats import ON_DUPLICATE, REGISTRY, DuplicateIds, FormatError, ImportOptions, get_format, import_into
from glossary.formats.base import OnDuplicate, capped
from glossary.formats.iate import RELIABILITY_SCALES, ReliabilityScale


def _column_map(pairs: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        theirs, sep, ours = pair.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise click.BadParameter(f"{pair!r} is not THEIR_COLUMN=OUR_COLUMN", param_hint="--map")
        mapping[theirs.strip()] = ours.strip()
    return mapping


@click.command("import")
@click.argument("file", type=InputPath(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--into",
    "into",
    required=True,
    type=InputPath(file_okay=False, path_type=Path),
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
@click.option(
    "--on-duplicate",
    type=click.Choice(ON_DUPLICATE),
    default="fail",
    show_default=True,
    help="What to do with a concept id the file uses again: rename it (x-2…), skip the entry, or fail listing each.",
)
@click.option(
    "--reliability-scale",
    type=click.Choice(RELIABILITY_SCALES),
    default="auto",
    show_default=True,
    help="TBX reliabilityCode values: tbx = already 1-10; iate = IATE's grades 1-4, converted (1→1, 2→4, 3→7, "
    "4→10); auto = iate when the file names IATE and no value exceeds 4.",
)
@click.option(
    "--shards/--no-shards",
    default=None,
    help="Write concepts as shards of 1,000 per file, or one per file "
    "(default: shards above 2,000 concepts, so that a big base is not a million files).",
)
@quiet_option
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
    on_duplicate: OnDuplicate,
    reliability_scale: ReliabilityScale,
    shards: bool | None,
    quiet: bool,
) -> None:
    """Import FILE into the YAML term base --into, printing what could not be mapped."""
    options = ImportOptions(
        name=name,
        source_lang=source_lang,
        target_lang=target_lang,
        column_map=_column_map(column_map),
        formula_escape=formula_escape,
        on_duplicate=on_duplicate,
        reliability_scale=reliability_scale,
    )
    try:
        with ProgressDisplay(quiet=quiet) as display:
            outcome = import_into(
                file,
                into,
                fmt=get_format(format_name) if format_name else None,
                options=options,
                merge=do_merge,
                load=partial(
                    load_or_exit, refusal="cannot merge into it", progress=display.step("reading YAML", "files")
                ),
                shards=shards,
                progress=lambda step: display.step(step, "files" if step == "checking" else "concepts"),
            )
    except FileExistsError:
        raise click.ClickException(f"{into}: already exists and is not empty; use --merge to add to it") from None
    except DuplicateIds as exc:
        for line in capped([d.describe(exc.file) for d in exc.duplicates]):
            click.echo(line, err=True)
        raise click.ClickException(f"{exc}; see --on-duplicate") from None
    except FormatError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or file}: {exc.strerror or exc}") from None
    for line in outcome.lines():
        click.echo(line)
    if not outcome.written:
        for problem in outcome.errors[:50]:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"{into}: not written; the imported term base has {len(outcome.errors)} error(s)")
    click.echo(f"{into}: written, {len(outcome.termbase)} concepts")
