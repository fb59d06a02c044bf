"""Click options shared by several commands, declared once so their help stays identical.

Path parameters use :class:`InputPath`: a path that does not exist, or is a
file where a directory is wanted (or the reverse), is unusable input (exit
status 1, ``Error: <path>: …``), not a wrong command line (exit status 2),
as the exit-status convention in :mod:`glossary.cli` says.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from glossary.languages import UnknownLanguage, best_language, match_languages, split_ranges


class InputPath(click.Path):
    """A :class:`click.Path` whose refusals exit with status 1 and name the path, like every other bad input."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        name = os.fsdecode(value) if isinstance(value, (str, bytes, os.PathLike)) else str(value)
        path = Path(name)
        if not (self.allow_dash and name == "-"):
            if self.exists and not path.exists():
                raise click.ClickException(f"{name}: no such file or directory")
            if not self.file_okay and path.is_file():
                raise click.ClickException(f"{name}: is a file; a directory is expected")
            if not self.dir_okay and path.is_dir():
                raise click.ClickException(f"{name}: is a directory; a file is expected")
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            raise click.ClickException(f"{name}: {error.message}") from None


termbase_option = click.option(
    "--termbase",
    type=InputPath(path_type=Path, exists=True, file_okay=False),
    help="Term-base directory (default: $GLOSSARY_TERMBASE or the bundled one).",
)

index_option = click.option(
    "--index",
    "index_dir",
    type=InputPath(path_type=Path, file_okay=False),
    help="Index directory (default: $GLOSSARY_INDEX or a folder under ~/.cache/glossary).",
)

#: ``--termbase`` of the tools commands, which also read a TBX or CSV file.
importable_termbase_option = click.option(
    "--termbase",
    type=InputPath(exists=True, path_type=Path),
    help="A term-base directory, or a TBX/CSV file (default: $GLOSSARY_TERMBASE or the bundled one).",
)


def language_ranges(option: str, values: Iterable[str | None], available: Sequence[str]) -> tuple[str, ...]:
    """The term base's tags for ranges typed as ``en,de`` (``de`` selects ``de-de`` and ``de-at``).

    A range that matches nothing is a wrong command line (exit status 2)
    naming ``option`` and listing the tags there are.
    """
    try:
        return tuple(match_languages(split_ranges(values), available))
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint=option) from None


def language_tag(option: str, value: str | None, available: Sequence[str]) -> str | None:
    """The one tag of the term base ``value`` stands for (an exact tag first), or None when not given."""
    if value is None or not value.strip():
        return None
    try:
        return best_language(value, available)
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint=option) from None
