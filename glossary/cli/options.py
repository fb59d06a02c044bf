"""Click options shared by several commands, declared once so their help stays identical."""

from __future__ import annotations

from pathlib import Path

import click

termbase_option = click.option(
    "--termbase",
    type=click.Path(path_type=Path, file_okay=False),
    help="Term-base directory (default: $GLOSSARY_TERMBASE or the bundled one).",
)

index_option = click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Index directory (default: $GLOSSARY_INDEX or a folder under ~/.cache/glossary).",
)
