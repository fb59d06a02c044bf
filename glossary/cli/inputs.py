"""What commands read — a term base, a text file — or an exit with a located message.

Every command reads its term base through :func:`load_or_exit`, so a broken
one is reported the same way everywhere: each problem on standard error with
its file:line and field, then one ``Error:`` line, exit status 1.
"""

from __future__ import annotations

from pathlib import Path

import click

from glossary.formats import DuplicateIds, FormatError, open_termbase
from glossary.formats.base import capped
from glossary.model import Termbase
from glossary.paths import default_termbase
from glossary.termbase import TermbaseInvalid, load_termbase
from glossary.termbase.progress import Progress


def load_or_exit(
    path: Path | None = None, *, importable: bool = False, refusal: str = "", progress: Progress | None = None
) -> Termbase:
    """The term base at ``path`` (default: $GLOSSARY_TERMBASE or the bundled one), or exit with status 1.

    ``importable`` also accepts a file any importable format reads (TBX,
    CSV…), as the tools commands do.  ``refusal`` says what the command will
    not do, e.g. ``"not indexed"``, and leads the message.  ``progress``
    follows the reading of a term-base directory.
    """
    path = path or default_termbase()
    try:
        return open_termbase(path) if importable else load_termbase(path, progress=progress)
    except TermbaseInvalid as invalid:
        for problem in invalid.problems:
            click.echo(str(problem), err=True)
        reason = f"{refusal}, the term base has errors" if refusal else "the term base has errors"
        raise click.ClickException(f"{path}: {reason} (see `glossary check`)") from None
    except DuplicateIds as error:
        for line in capped([d.describe(error.file) for d in error.duplicates]):
            click.echo(line, err=True)
        raise click.ClickException(str(error)) from None
    except FormatError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{path}: cannot read the term base: {error.strerror or error}") from None


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
