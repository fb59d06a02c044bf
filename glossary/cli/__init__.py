"""The ``glossary`` command: a thin shell over the library.

Each command lives in its own module and is registered here, so the CLI
stays a list of small callers and never holds logic of its own: workflows
such as :func:`glossary.formats.open_termbase`, :func:`glossary.formats.import_into`
and :func:`glossary.search.ensure_index` live in the library.  Every command
that needs a usable term base reads it through
:func:`glossary.cli.inputs.load_or_exit`; only ``check``, whose job is to list
the problems, calls :func:`glossary.termbase.check_termbase` itself.

Exit status, the same for every command:

0
    Done.
1
    The command ran and the answer is "no": it reports findings (``check``
    errors, uncovered abbreviations in ``coverage``, nothing found by
    ``search``, ``lint`` errors), or its input cannot be used (a term base with errors, a
    malformed or unreadable file, a path that does not exist or is the
    wrong kind, an output that cannot be written, an export that selects
    nothing).  Path parameters use :class:`glossary.cli.options.InputPath`,
    which reports a bad path this way rather than as a usage error.  Findings
    are printed and then ``SystemExit(1)``; unusable input raises
    :class:`click.ClickException`, printed as ``Error: <file>[:<line>] …``
    on standard error, after the located problems when there are several.
2
    The command line is wrong: an unknown option or value, a missing
    argument, a language pair that cannot be worked out
    (:class:`click.UsageError` and :class:`click.BadParameter`).
"""

from __future__ import annotations

import click

from glossary.cli.build import build
from glossary.cli.check import check
from glossary.cli.check_translation import check_translation
from glossary.cli.coverage import coverage
from glossary.cli.doc_glossary import doc_glossary
from glossary.cli.export import export
from glossary.cli.import_ import import_
from glossary.cli.lint import lint_command
from glossary.cli.recognize import recognize
from glossary.cli.search import search
from glossary.cli.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kazterm")
def main() -> None:
    """Kazakh–Russian–English terminology: check, index, search and exchange term bases.

    TERMBASE arguments default to $GLOSSARY_TERMBASE or the bundled
    standardization term base.
    """


main.add_command(check)
main.add_command(lint_command)
main.add_command(coverage)
main.add_command(recognize)
main.add_command(check_translation)
main.add_command(doc_glossary)
main.add_command(serve)
main.add_command(build)
main.add_command(search)
main.add_command(export)
main.add_command(import_)
