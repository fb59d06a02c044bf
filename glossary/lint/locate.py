"""Where each field of each concept sits in its YAML file, so that a finding can name ``file:line``.

The model keeps no line numbers (the index and the exports do not need them);
lint composes the concept files again and records the line of every field path,
spelt as the loader spells it (``languages.kk.terms[0].text``).
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from glossary.termbase.files import yaml_files
from glossary.termbase.yamlnodes import Problem, collector_paused, compose_file, join, line_of


class FieldLines:
    """``(concept id, field path)`` → ``(file, line)`` for every concept file of a term base."""

    def __init__(self, directory: Path, only: Container[str] | None = None) -> None:
        """Read every concept file of ``directory``; keep the lines of the concepts in ``only`` (None: all)."""
        self._lines: dict[str, tuple[str, dict[str, int]]] = {}
        self._only = only
        folder = Path(directory) / "concepts"
        problems: list[Problem] = []  # check reports these; lint only needs the lines of what loaded
        with collector_paused():  # as in the loader: millions of new objects and no cycles to collect
            self._read(folder, problems)

    def _read(self, folder: Path, problems: list[Problem]) -> None:
        for relative in yaml_files(folder) if folder.is_dir() else ():
            name = f"concepts/{relative}"
            node = compose_file(folder / relative, name, problems)
            # a file holds one concept, or a list of them (a shard)
            items = node.value if isinstance(node, SequenceNode) else [node] if node is not None else []
            for item in items:
                concept_id = _concept_id(item)
                if not concept_id or concept_id in self._lines:
                    continue
                if self._only is not None and concept_id not in self._only:
                    continue
                lines: dict[str, int] = {}
                _walk(item, "", lines)
                self._lines[concept_id] = (name, lines)

    def locate(self, concept_id: str, field: str) -> tuple[str, int]:
        """The file and line of ``field`` (or of its nearest enclosing field) in ``concept_id``'s file."""
        name, lines = self._lines.get(concept_id, (f"concepts/{concept_id}.yaml", {}))
        path = field
        while path:
            if path in lines:
                return name, lines[path]
            path = _parent(path)
        return name, lines.get("", 0)


def _concept_id(node: Node) -> str:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return str(value.value)
    return ""


def _walk(node: Node, path: str, lines: dict[str, int]) -> None:
    lines.setdefault(path, line_of(node))
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                child = join(path, str(key.value))
                lines[child] = line_of(key)
                _walk(value, child, lines)
                lines[child] = line_of(key)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, f"{path}[{i}]", lines)


def _parent(path: str) -> str:
    """``a.b[2].c`` → ``a.b[2]`` → ``a.b`` → ``a`` → ``""``."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]
