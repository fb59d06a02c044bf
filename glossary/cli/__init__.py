"""The ``glossary`` command: a thin shell over the library.

Each command lives in its own module and is registered here, so the CLI
stays a list of small callers and never holds logic of its own.
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
main.add_command(coverage)
main.add_command(recognize)
main.add_command(check_translation)
main.add_command(doc_glossary)
main.add_command(serve)
main.add_command(build)
main.add_command(search)
main.add_command(export)
main.add_command(import_)
