"""``glossary check-translation``: check a translation's terms against the term base."""

from __future__ import annotations

import json
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import InputPath, importable_termbase_option, language_tag
from glossary.tools.bilingual import BilingualError, read_bilingual
from glossary.tools.recognize import freeze_long_lived
from glossary.tools.translation_check import TranslationChecker, format_report


@click.command("check-translation")
@click.argument("file", type=InputPath(exists=True, dir_okay=False, path_type=Path))
@click.option("--source-lang", help="Source language (default: from the XLIFF or the table header).")
@click.option("--target-lang", help="Target language (default: from the XLIFF or the table header).")
@importable_termbase_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check_translation(
    file: Path, source_lang: str | None, target_lang: str | None, termbase: Path | None, as_json: bool
) -> None:
    """Check the terminology of FILE, a bilingual TSV/CSV or an XLIFF 1.2 file.

    For every source term found, reports whether an allowed (not deprecated,
    not superseded) target equivalent is in the target segment as often as
    the source term occurs (terms nested in a longer source term too), and
    every deprecated target term used.
    """
    try:
        bilingual = read_bilingual(file, source_lang=source_lang, target_lang=target_lang)
    except BilingualError as error:
        raise click.ClickException(str(error)) from error
    source = source_lang or bilingual.source_lang
    target = target_lang or bilingual.target_lang
    if not source or not target:
        raise click.ClickException(
            f"{file}: the languages are unknown; give --source-lang and --target-lang "
            "(or a header row such as 'kk<TAB>ru')"
        )
    loaded = load_or_exit(termbase, importable=True)
    available = loaded.used_languages()  # a file's kk-KZ is the base's kk, the base's en-us answers en
    source = language_tag("--source-lang", source, available) or source
    target = language_tag("--target-lang", target, available) or target
    checker = TranslationChecker.from_concepts(loaded, source, target)
    freeze_long_lived()
    report = checker.check(bilingual)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, name=str(file)))
