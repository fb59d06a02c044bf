"""``glossary search``: look a term up from the command line."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import index_option, language_ranges, language_tag, termbase_option
from glossary.model import RELIABILITY_MAX, RELIABILITY_MIN, STATUSES, Termbase
from glossary.paths import default_index_dir, default_termbase


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Accept both repeated options and comma-separated lists: ``--target ru --target en`` or ``--target ru,en``."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _announce_and_load(index_dir: Path, termbase: Path) -> Termbase:
    """Say why this search is slow before reading the YAML to build its index."""
    click.echo(f"{index_dir}: building the index first", err=True)
    return load_or_exit(termbase, refusal="cannot build the index")


@click.command()
@click.argument("query")
@termbase_option
@index_option
@click.option("--lang", help="Match the query in this language only (kk, ru, en, …; en matches en-us).")
@click.option(
    "--target", multiple=True, help="Show equivalents in these languages (repeat or comma-separate; de: de-de, de-at)."
)
@click.option("--subject", multiple=True, help="Only concepts in these subject fields or their sub-fields.")
@click.option("--status", multiple=True, help="Only concepts with a term of this status (preferred, admitted, …).")
@click.option(
    "--min-reliability",
    type=click.IntRange(RELIABILITY_MIN, RELIABILITY_MAX),
    help="Only concepts with a term rated at least this reliable (1-10, TBX reliabilityCode).",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Number of results.")
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead of text.")
def search(
    *,
    query: str,
    termbase: Path | None,
    index_dir: Path | None,
    lang: str | None,
    target: tuple[str, ...],
    subject: tuple[str, ...],
    status: tuple[str, ...],
    min_reliability: int | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search QUERY in any language or script; builds the index first when it is missing or stale."""
    from glossary.search import Searcher, ensure_index
    from glossary.search.as_json import result_to_dict

    directory = termbase or default_termbase()
    target_dir = index_dir or default_index_dir(directory)
    if directory.is_dir():
        ensure_index(directory, target_dir, load=partial(_announce_and_load, target_dir))
    try:
        searcher = Searcher(target_dir)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from None
    info = searcher.info
    lang = language_tag("--lang", lang, info.languages)
    targets = language_ranges("--target", target, info.languages)
    for name, values, known in (
        ("--subject", _split(subject), tuple(info.subjects)),
        ("--status", _split(status), STATUSES),
    ):
        unknown = [v for v in values if v not in known]
        if unknown:
            raise click.BadParameter(f"unknown value {unknown[0]!r}; known: {', '.join(known)}", param_hint=name)
    result = searcher.search(
        query,
        lang=lang,
        target=targets,
        subjects=_split(subject),
        statuses=_split(status),
        min_reliability=min_reliability,
        limit=limit,
    )
    if as_json:
        click.echo(json.dumps(result_to_dict(result, targets), ensure_ascii=False, indent=2))
        return
    if not result.hits:
        click.echo(
            f"Nothing found for {result.query!r}."
            + (f" Did you mean: {result.did_you_mean}?" if result.did_you_mean else "")
        )
        raise SystemExit(1)
    if result.did_you_mean:
        click.echo(f"Did you mean: {result.did_you_mean}?")
    for rank, hit in enumerate(result.hits, 1):
        matched = hit.matched
        click.echo(f"{rank}. {hit.concept.id}  [{matched.lang} {matched.how}: {matched.term}]  score {hit.score:g}")
        shown = targets or tuple(hit.concept.languages)
        for code in shown:
            section = hit.concept.languages.get(code)
            if section:
                click.echo(f"   {code}: " + "; ".join(t.text for t in section.terms))
    click.echo(f"({result.total} found)")
