"""Guard the docs: the generated CLI page is current, every command is described, and every link resolves."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import click
import pytest
from cogapp import Cog

from glossary.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_PAGE = DOCS / "cli.md"
PAGES = [README, *sorted(DOCS.glob("*.md"))]

_GENERATED = re.compile(r"\[\[\[cog.*?\[\[\[end\]\]\]", re.DOTALL)
_FENCED = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)
_LINK = re.compile(r"\]\(([^()\s]+)\)|<img\s[^>]*src=\"([^\"]+)\"")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _commands() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main)
    return [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]  # type: ignore[misc]


def _hand_written(text: str) -> str:
    """The page without its cog-generated blocks."""
    return _GENERATED.sub("", text)


def test_cli_page_is_current() -> None:
    """docs/cli.md pastes every command's --help; cog --check fails when a command or option changed."""
    out, err = io.StringIO(), io.StringIO()
    cog = Cog()
    cog.set_output(stdout=out, stderr=err)
    status = cog.main(["cog", "--check", "--diff", str(CLI_PAGE)])
    assert status == 0, (
        f"docs/cli.md is stale: run 'cog -r docs/cli.md' (from the repository root, with the dev extra installed) "
        f"and commit the result.\n{out.getvalue()}{err.getvalue()}"
    )


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_command_is_described(name: str, command: click.Command) -> None:
    """Beside the generated --help, each command needs a hand-written line in the table of docs/cli.md."""
    assert command.help, f"'glossary {name}' has no --help text"
    table = _hand_written(CLI_PAGE.read_text(encoding="utf-8"))
    row = re.search(rf"^\|\s*\[?`glossary {re.escape(name)}`\]?(?:\([^)]*\))?\s*\|\s*(\S[^|]*?)\s*\|\s*$", table, re.M)
    assert row, f"docs/cli.md: the command table has no row '| [`glossary {name}`](#…) | what it does |'"


def test_the_readme_gives_the_two_commands() -> None:
    """The README's set-up commands are the scripts CI runs, and they exist."""
    readme = README.read_text(encoding="utf-8")
    for script in ("serve", "test"):
        assert f"./scripts/{script}" in readme, f"README.md does not show ./scripts/{script}"
        path = ROOT / "scripts" / script
        assert path.is_file(), f"README.md names ./scripts/{script}, which does not exist"
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8"), "CI no longer runs scripts/test"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading in _HEADING.findall(_FENCED.sub("", path.read_text(encoding="utf-8"))):
        slug = _slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(path: Path) -> list[str]:
    text = _FENCED.sub("", path.read_text(encoding="utf-8"))
    return [a or b for a, b in _LINK.findall(text)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    """Every relative link of README.md and docs/*.md names an existing file (and heading, when it has a #)."""
    broken = []
    for link in _links(page):
        if re.match(r"^[a-z][a-z0-9+.-]*:", link):
            continue  # http:, https:, mailto: …
        target, _, fragment = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        if not path.exists():
            broken.append(f"{link}: no such file")
        elif fragment and path.suffix == ".md" and fragment not in _anchors(path):
            broken.append(f"{link}: no heading with anchor #{fragment}")
    assert not broken, f"{page.relative_to(ROOT)}: broken links:\n" + "\n".join(broken)


def test_readme_links_every_docs_page() -> None:
    readme = set(_links(README))
    missing = [p.name for p in DOCS.glob("*.md") if f"docs/{p.name}" not in readme]
    assert not missing, f"README.md does not link to {', '.join(missing)}"
