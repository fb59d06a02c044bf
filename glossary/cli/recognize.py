"""``glossary recognize``: list the term base's terms found in a text."""

from __future__ import annotations

import json
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit, read_text_file
from glossary.cli.options import InputPath, importable_termbase_option, language_tag
from glossary.tools.recognize import Occurrence, Recognizer, freeze_long_lived, recognition_to_dict


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
@click.option(
    "--nested/--no-nested",
    default=True,
    show_default=True,
    help="Also report the terms inside each match (ISO in 'ISO technical committees').",
)
def recognize(file: Path, lang: str, termbase: Path | None, as_json: bool, nested: bool) -> None:
    """Find every term of the term base in FILE ('-': standard input), inflected forms included.

    Prints one line per occurrence: line:column, the text as found, the
    concept id and the term it matched.  Longest matches win; none overlap.
    A term inside a match follows it on a line of its own whose fifth
    column, 'in:ID', names the match's concept.
    """
    text = read_text_file(file)
    loaded = load_or_exit(termbase, importable=True)
    lang = language_tag("--lang", lang, loaded.used_languages()) or lang
    recognizer = Recognizer.from_concepts(loaded, lang)
    freeze_long_lived()
    if nested:
        recognition = recognizer.find_with_nested(text)
        occurrences, inside = recognition.occurrences, recognition.nested
    else:
        occurrences, inside = recognizer.find(text), {}
    if as_json:
        answer = {
            "lang": lang,
            **recognition_to_dict(occurrences, recognizer.concepts, nested=inside if nested else None),
        }
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    outer: list[str] = []  # the concepts of the current span (several for homonyms)
    for index, occurrence in enumerate(occurrences):
        click.echo(_line(text, occurrence))
        outer.append(occurrence.concept_id)
        span = (occurrence.start, occurrence.end)
        following = occurrences[index + 1] if index + 1 < len(occurrences) else None
        if following is not None and (following.start, following.end) == span:
            continue  # a homonym shares the span: the nested terms follow the last one
        for contained in inside.get(span, ()):
            click.echo(f"{_line(text, contained)}\tin:{','.join(outer)}")
        outer = []
    concepts = len({o.concept_id for o in occurrences})
    summary = f"{file}: {len(occurrences)} occurrence(s) of {concepts} concept(s)"
    if nested:
        summary += f", {sum(map(len, inside.values()))} nested term(s) inside them"
    click.echo(summary, err=True)


def _line(text: str, occurrence: Occurrence) -> str:
    line, column = _line_col(text, occurrence.start)
    return f"{line}:{column}\t{occurrence.surface}\t{occurrence.concept_id}\t{occurrence.term.text}"
