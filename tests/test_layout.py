"""The package layout keeps its promises: no private names across modules, a Flask-free core, short top levels.

Modules are parsed with :mod:`ast`, not imported, so an import hidden in a
function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("glossary", "web")
WEB_LIBRARIES = frozenset({"flask", "werkzeug", "flask_babel"})
MAX_TOP_LEVEL_MODULES = 8


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_files() -> dict[str, Path]:
    """Every module and package of glossary/ and web/, by dotted name."""
    return {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


MODULES = project_files()


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def absolute(module: str, node: ast.ImportFrom, *, is_package: bool) -> str:
    """The module an ``ImportFrom`` names, with relative imports made absolute."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def private_uses(module: str, source: str, *, is_package: bool = False) -> Iterator[str]:
    """Private names of other project modules that ``module`` imports, or reads as ``alias._name``."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}  # local name → the project module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in PACKAGES:
                    continue
                if is_private(alias.name.rsplit(".", 1)[-1]):
                    yield alias.name
                root = alias.name.split(".")[0]
                aliases[alias.asname or root] = alias.name if alias.asname else root
        elif isinstance(node, ast.ImportFrom):
            origin = absolute(module, node, is_package=is_package)
            if origin.split(".")[0] not in PACKAGES or origin == module:
                continue
            for alias in node.names:
                if is_private(alias.name):
                    yield f"{origin}.{alias.name}"
                else:
                    aliases[alias.asname or alias.name] = f"{origin}.{alias.name}"
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and is_private(node.attr)):
            continue
        head, _, rest = (dotted(node.value) or "").partition(".")
        if head in aliases:
            target = f"{aliases[head]}.{rest}" if rest else aliases[head]
            if target in MODULES and target != module:
                yield f"{target}.{node.attr}"


def uses_in_project() -> set[tuple[str, str]]:
    return {
        (module, name)
        for module, path in MODULES.items()
        for name in private_uses(module, path.read_text(encoding="utf-8"), is_package=path.name == "__init__.py")
    }


def test_the_scan_finds_every_way_of_reaching_a_private_name() -> None:
    source = """
from glossary.text.tokens import _WORD
from glossary.text import tokens
from glossary.tools.example import _own_helper
from . import _sibling
from .keyer import _KEY
import glossary.termbase.write as writer
import glossary.search.keys

def f(self):
    return tokens._WORD, writer._swap_in, glossary.search.keys._SPACES, self._mine, tokens.__name__
"""
    assert sorted(private_uses("glossary.tools.example", source)) == [
        "glossary.search.keys._SPACES",
        "glossary.termbase.write._swap_in",
        "glossary.text.tokens._WORD",
        "glossary.text.tokens._WORD",
        "glossary.tools._sibling",
        "glossary.tools.keyer._KEY",
    ]
    assert list(private_uses("glossary.cli", "from .. import _x", is_package=True)) == ["glossary._x"]


def test_no_module_uses_another_modules_private_names() -> None:
    assert sorted(uses_in_project()) == [], "make these public (or keep them inside their module)"


def imported_roots(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.lineno, node.module.split(".")[0]


def test_the_core_never_imports_the_web_stack() -> None:
    """Only ``glossary serve`` reaches the web, through ``web.create_app``, never Flask itself."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {root}"
        for name, path in MODULES.items()
        if name.split(".")[0] == "glossary"
        for line, root in imported_roots(path)
        if root in WEB_LIBRARIES
    ]
    assert offenders == []
    assert "flask" in {root for _, root in imported_roots(MODULES["web"])}, "the scan must see the web's own imports"


@pytest.mark.parametrize("package", PACKAGES)
def test_top_levels_stay_short(package: str) -> None:
    modules = sorted(p.name for p in (ROOT / package).glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, f"{package}/ has {len(modules)} modules: {modules}"
