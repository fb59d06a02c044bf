"""``glossary doc-glossary``: export only the concepts a document contains."""

from __future__ import annotations

from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit, read_text_file
from glossary.cli.options import InputPath, importable_termbase_option, language_ranges, language_tag
from glossary.formats import REGISTRY, get_format
from glossary.tools.document_glossary import export_document_glossary
from glossary.tools.recognize import Recognizer, freeze_long_lived


@click.command("doc-glossary")
@click.argument("file", type=InputPath(exists=True, dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--lang", required=True, help="The language of the text (kk, ru, en…; en matches en-us).")
@click.option("--format", "format_name", type=click.Choice(sorted(REGISTRY)), default="tbx", show_default=True)
@click.option("-o", "--output", type=InputPath(path_type=Path, dir_okay=False), required=True, help="File to write.")
@click.option("--languages", help="Comma-separated languages to export; de keeps de-de and de-at (default: all).")
@click.option("--target-lang", help="Target language of bilingual formats (default: the first other language).")
@importable_termbase_option
def doc_glossary(
    *,
    file: Path,
    lang: str,
    format_name: str,
    output: Path,
    languages: str | None,
    target_lang: str | None,
    termbase: Path | None,
) -> None:
    """Write a glossary of the concepts whose terms occur in FILE, ready for a CAT tool.

    Terms are recognized as by 'glossary recognize' (inflected forms and
    terms nested in a longer one included); every language of each concept
    found is exported unless --languages narrows it.
    """
    text = read_text_file(file)
    loaded = load_or_exit(termbase, importable=True)
    available = loaded.used_languages()
    lang = language_tag("--lang", lang, available) or lang
    recognizer = Recognizer.from_concepts(loaded, lang)
    freeze_long_lived()
    wanted = language_ranges("--languages", [languages], available)
    target_lang = language_tag("--target-lang", target_lang, available)
    try:
        with output.open("wb") as out:
            ids = export_document_glossary(
                recognizer, text, get_format(format_name), out, languages=wanted, target_lang=target_lang, info=loaded
            )
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:
        raise click.ClickException(f"{output}: cannot write: {error.strerror or error}") from None
    click.echo(f"{output}: {len(ids)} concept(s) found in {file}, written as {format_name}", err=True)
