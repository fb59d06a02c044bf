"""``glossary recognize``: list the term base's terms found in a text."""

from __future__ import annotations

import json
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit, read_text_file
from glossary.cli.options import InputPath, importable_termbase_option, language_tag
from glossary.tools.recognize import Recognizer, freeze_long_lived, recognition_to_dict


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@click.command()
@click.argument("file", type=InputPath(exists=True, dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--lang", required=True, help="The language of the text (kk, ru, en…; en matches en-us).")
@importable_termbase_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the matches and each concept's terms once as JSON (the API's shape, every match) instead of lines.",
)
def recognize(file: Path, lang: str, termbase: Path | None, as_json: bool) -> None:
    """Find every term of the term base in FILE ('-': standard input), inflected forms included.

    Prints one line per occurrence: line:column, the text as found, the
    concept id and the term it matched.  Longest matches win; none overlap.
    """
    text = read_text_file(file)
    loaded = load_or_exit(termbase, importable=True)
    lang = language_tag("--lang", lang, loaded.used_languages()) or lang
    recognizer = Recognizer.from_concepts(loaded, lang)
    freeze_long_lived()
    occurrences = recognizer.find(text)
    if as_json:
        answer = {"lang": lang, **recognition_to_dict(occurrences, recognizer.concepts)}
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    for occurrence in occurrences:
        line, column = _line_col(text, occurrence.start)
        click.echo(f"{line}:{column}\t{occurrence.surface}\t{occurrence.concept_id}\t{occurrence.term.text}")
    concepts = len({o.concept_id for o in occurrences})
    click.echo(f"{file}: {len(occurrences)} occurrence(s) of {concepts} concept(s)", err=True)
