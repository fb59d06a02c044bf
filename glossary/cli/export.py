"""``glossary export``: write a term base, or part of it, as TBX, CSV, SKOS, a CAT-tool glossary or a printable dictionary."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import InputPath, language_ranges, language_tag
from glossary.cli.progress import ProgressDisplay, counted, quiet_option
from glossary.formats import REGISTRY, ExportOptions, Format, export_termbase, get_format
from glossary.formats.skos_vocab import DEFAULT_BASE_URI
from glossary.model import Concept, is_web_url


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


@click.command()
@click.option("--format", "format_name", required=True, type=click.Choice(list(REGISTRY)), help="Output format.")
@click.option(
    "--termbase",
    type=InputPath(exists=True, file_okay=False, path_type=Path),
    help="Term-base directory (default: bundled).",
)
@click.option(
    "--langs",
    help="Comma-separated languages to keep, e.g. kk,ru; de keeps de-de and de-at, * all (default: all).",
)
@click.option(
    "--source-lang",
    help=(
        "Source language of a bilingual format (tbx2, weblate-csv, omegat-tsv), or the language html sorts by "
        "(default: the first of --langs); en picks en-us when no en."
    ),
)
@click.option("--target-lang", help="Target language of a bilingual format (a range, like --source-lang).")
@click.option("--subject", "subjects", multiple=True, help="Keep concepts with this subject field (repeatable).")
@click.option("--status", "statuses", multiple=True, help="Keep terms with this status (repeatable).")
@click.option("--ids", help="Comma-separated concept ids to export.")
@click.option("--bom/--no-bom", default=False, help="Start CSV/TSV output with a UTF-8 BOM.")
@click.option(
    "--formula-escape/--no-formula-escape",
    default=None,
    help="Prefix cells starting with = + - @ ' with ' (default: on for csv-excel only).",
)
@click.option(
    "--base-uri",
    default="",
    help=f"Root of the URIs skos-ttl and skos-jsonld write (BASE/concept/ID; default: {DEFAULT_BASE_URI}).",
)
@click.option("-o", "--output", required=True, help="Output file, or - for standard output.")
@quiet_option
def export(  # noqa: PLR0917 - click passes one parameter per option
    format_name: str,
    termbase: Path | None,
    langs: str | None,
    source_lang: str | None,
    target_lang: str | None,
    subjects: tuple[str, ...],
    statuses: tuple[str, ...],
    ids: str | None,
    bom: bool,
    formula_escape: bool | None,
    base_uri: str,
    output: str,
    quiet: bool,
) -> None:
    """Export a term base in FORMAT, optionally filtered, to a file or standard output."""
    if output != "-" and Path(output).is_dir():
        raise click.ClickException(f"{output}: is a directory; a file is expected")
    if base_uri and not is_web_url(base_uri):
        raise click.BadParameter(f"{base_uri!r} is not an http or https address", param_hint="--base-uri")
    with ProgressDisplay(quiet=quiet) as reading:
        loaded = load_or_exit(termbase, refusal="not exported", progress=reading.step("reading YAML", "files"))
    fmt = get_format(format_name)
    available = loaded.used_languages()
    options = ExportOptions(
        languages=language_ranges("--langs", [langs], available),
        source_lang=language_tag("--source-lang", source_lang, available),
        target_lang=language_tag("--target-lang", target_lang, available),
        subjects=subjects,
        statuses=statuses,
        ids=_codes(ids),
        info=loaded,
        bom=bom,
        formula_escape=formula_escape,
        base_uri=base_uri,
    )
    if fmt.bilingual:  # the pair defaults from the languages the concepts use, declared or not
        try:
            source, target = options.pair(loaded.used_languages())
        except ValueError:
            raise click.UsageError(
                f"{format_name} holds one language pair: give --source-lang and --target-lang"
            ) from None
        options = replace(options, source_lang=source, target_lang=target)
    # a filtered export reads the concepts twice: once for the ids it holds, once to write them
    filtering = fmt.bilingual or any((options.languages, options.subjects, options.statuses, options.ids))
    try:
        with ProgressDisplay(quiet=quiet) as display:
            concepts = counted(
                loaded.concepts.values,
                len(loaded) * (2 if filtering else 1),
                display.step("exporting", "concepts read"),
            )
            if output == "-":
                export_termbase(fmt, concepts, sys.stdout.buffer, options)
                sys.stdout.buffer.flush()
                return
            _export_to_file(fmt, concepts, Path(output).resolve(), options)
    except ValueError as exc:  # e.g. a control character XML cannot hold
        raise click.ClickException(str(exc)) from None
    except OSError as exc:  # a directory, a missing folder, no permission
        raise click.ClickException(f"{output}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"{Path(output).resolve()}: written ({format_name})", err=True)


def _export_to_file(
    fmt: Format, concepts: Callable[[], Iterable[Concept]], target: Path, options: ExportOptions
) -> None:
    """Write through a temporary sibling file, so a failed export never leaves half a file."""
    descriptor, staging_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    staging = Path(staging_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            export_termbase(fmt, concepts, handle, options)
        staging.chmod(0o644)
        staging.replace(target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
