"""Guard the docs: every CLI command and option must be documented in the README."""

from pathlib import Path

import click
import pytest

from glossary.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main)
    return [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]  # type: ignore[misc]


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_command_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"glossary {name}" in README, f"'glossary {name}' is not documented in README.md"
    assert command.help, f"'glossary {name}' has no --help text"
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"option {opt} of 'glossary {name}' is not documented in README.md"
