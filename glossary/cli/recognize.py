"""``glossary recognize``: list the term base's terms found in a text."""

from __future__ import annotations

import json
from pathlib import Path

import click

from glossary.model import Termbase
from glossary.tools.recognize import Recognizer, occurrence_to_dict


def load_for_tools(termbase: Path | None) -> Termbase:
    """The term base a tools command works on: a YAML term-base directory, or an importable file (TBX, CSV…)."""
    from glossary.paths import default_termbase
    from glossary.termbase.load import TermbaseInvalid, load_termbase

    path = termbase or default_termbase()
    if path.is_file():
        from glossary.formats import FormatError, format_for_path

        try:
            return format_for_path(path).import_(path).termbase
        except (FormatError, ValueError) as error:
            raise click.ClickException(str(error)) from error
    try:
        return load_termbase(path)
    except TermbaseInvalid as error:
        raise click.ClickException(f"{path}: the term base has errors; run 'glossary check {path}'\n{error}") from error


def read_text_file(path: Path) -> str:
    """A UTF-8 text file (or standard input for '-'), or a clear error naming the file and line."""
    try:
        data = click.get_binary_stream("stdin").read() if str(path) == "-" else path.read_bytes()
    except OSError as error:
        raise click.ClickException(f"{path}: {error.strerror or error}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise click.ClickException(f"{path}:{line}: not UTF-8 text (byte {error.start})") from error


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--lang", required=True, help="The language of the text (kk, ru, en…).")
@click.option(
    "--termbase",
    type=click.Path(exists=True, path_type=Path),
    help="A term-base directory, or a TBX/CSV file (default: $GLOSSARY_TERMBASE or the bundled one).",
)
@click.option("--json", "as_json", is_flag=True, help='Print {"matches": [...]} as JSON instead of lines.')
def recognize(file: Path, lang: str, termbase: Path | None, as_json: bool) -> None:
    """Find every term of the term base in FILE ('-': standard input), inflected forms included.

    Prints one line per occurrence: line:column, the text as found, the
    concept id and the term it matched.  Longest matches win; none overlap.
    """
    text = read_text_file(file)
    recognizer = Recognizer.from_concepts(load_for_tools(termbase), lang)
    occurrences = recognizer.find(text)
    if as_json:
        matches = [occurrence_to_dict(o, recognizer.concepts.get(o.concept_id)) for o in occurrences]
        click.echo(json.dumps({"matches": matches}, ensure_ascii=False, indent=2))
        return
    for occurrence in occurrences:
        line, column = _line_col(text, occurrence.start)
        click.echo(f"{line}:{column}\t{occurrence.surface}\t{occurrence.concept_id}\t{occurrence.term.text}")
    concepts = len({o.concept_id for o in occurrences})
    click.echo(f"{file}: {len(occurrences)} occurrence(s) of {concepts} concept(s)", err=True)
