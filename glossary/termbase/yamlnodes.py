"""Read YAML as a node tree so that every value keeps its line number.

``yaml.safe_load`` throws line numbers away; a terminologist fixing a term
base needs them, so the loader walks composed nodes instead and records
each problem as a :class:`Problem` instead of stopping at the first.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from glossary.errors import Located, located
from glossary.model import reliability_problem

try:  # the C parser is several times faster; fall back when libyaml is absent
    from yaml.cyaml import CParser as Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser as PurePythonParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class Parser(Reader, Scanner, PurePythonParser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            PurePythonParser.__init__(self)
            Composer.__init__(self)


MAX_FILE_BYTES = 20 * 1024 * 1024
#: Plain scalars whose type (str, int, bool, null…) is remembered: the first ones met include every key and
#: value-list word (fullForm, preferred…), which a term base repeats in every file.
MAX_REMEMBERED_SCALARS = 10_000


class NodeLoader(Parser, Resolver):  # type: ignore[misc,valid-type]
    """A parser that composes nodes and can construct nothing, with each plain scalar's type resolved once.

    libyaml parses in C but asks Python for the type of every scalar, keys
    included, by trying the implicit-type patterns in turn; that was a third
    of composing a term base.  A plain scalar's type depends on its text
    alone (there are no path resolvers), so it is remembered by text.  The
    loader has no constructor part, which also saves setting one up per file.
    """

    remembered: ClassVar[dict[str, str]] = {}

    def descend_resolver(self, current_node: Node | None, current_index: object) -> None:
        """No path resolvers: nothing to track per level."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track per level."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode or not implicit[0]:
            return str(super().resolve(kind, value, implicit))
        tag = self.remembered.get(value)
        if tag is None:
            tag = str(super().resolve(kind, value, implicit))
            if len(self.remembered) < MAX_REMEMBERED_SCALARS:
                self.remembered[value] = tag
        return tag


@dataclass(frozen=True, order=True)
class Problem(Located):
    """One thing wrong with a term base, located as ``file:line field.path``; loading goes on."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return located(self.file, self.line, self.field, prefix + self.message)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a whole term base is read or written.

    Both create hundreds of thousands of objects that live on (the concepts,
    the node trees of a shard) and make no cycles; each collection would walk
    all of them again, which made loading and writing a big term base several
    times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compose_file(path: str | Path, shown_as: str, problems: list[Problem]) -> Node | None:
    """Parse one YAML file into a node, recording a problem instead of raising."""
    try:
        raw = read_capped(path, MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            problems.append(Problem(shown_as, 0, "", f"file is larger than {MAX_FILE_BYTES} bytes"))
            return None
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown_as, 0, "", f"not valid UTF-8 (byte {exc.start})"))
        return None
    except OSError as exc:
        problems.append(Problem(shown_as, 0, "", f"cannot read file: {exc.strerror}"))
        return None
    try:
        loader = NodeLoader(text)
        try:
            return loader.get_single_node()  # type: ignore[no-any-return]
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        detail = exc.problem or exc.context or "invalid YAML"
        problems.append(Problem(shown_as, line, "", f"invalid YAML: {detail}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(shown_as, 0, "", f"invalid YAML: {exc}"))
    return None


NULL_TAG = "tag:yaml.org,2002:null"


def read_capped(path: str | Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a file, read without a buffered file object (a term base may have 1M files)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            chunk = os.read(descriptor, limit - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


class NodeReader:
    """Typed accessors over YAML nodes for one file, each recording problems with the field path."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def error(self, node: Node | None, path: str, message: str, severity: str = "error") -> None:
        line = line_of(node) if node is not None else 0
        self.problems.append(Problem(self.file, line, path, message, severity))

    def error_at(self, line: int, path: str, message: str) -> None:
        """An error at a line noted earlier (references are checked after every file is read)."""
        self.problems.append(Problem(self.file, line, path, message))

    def mapping(self, node: Node, path: str, allowed: tuple[str, ...] | None = None) -> dict[str, Node] | None:
        """Return key → value node; reports non-mappings, duplicate and unknown keys."""
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected a mapping, found {describe(node)}")
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self.error(key_node, path, "keys must be plain strings")
                continue
            key = key_node.value
            if key in result:
                self.error(key_node, join(path, key), "duplicate key")
                continue
            if allowed is not None and key not in allowed:
                self.error(key_node, join(path, key), f"unknown field; expected one of {', '.join(allowed)}")
                continue
            result[key] = value_node
        return result

    def sequence(self, node: Node, path: str) -> list[Node]:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, path, f"expected a list, found {describe(node)}")
            return []
        return list(node.value)

    def string(self, node: Node | None, path: str, *, required: bool = False) -> str:
        """A scalar as text; empty when missing (an error if required)."""
        if node is None:
            return ""
        if node.__class__ is not ScalarNode:
            self.error(node, path, f"expected text, found {describe(node)}")
            return ""
        value: str = node.value
        if node.tag == NULL_TAG:
            if required:
                self.error(node, path, "must not be empty")
            return ""
        if required and not value.strip():
            self.error(node, path, "must not be empty")
        return value

    def boolean(self, node: Node | None, path: str) -> bool:
        if node is None:
            return False
        if isinstance(node, ScalarNode) and node.tag.endswith(":bool"):
            return str(node.value).lower() in ("true", "yes", "on")
        self.error(node, path, f"expected true or false, found {describe(node)}")
        return False

    def reliability(self, node: Node | None, path: str) -> int | None:
        """An optional reliability code: a plain YAML integer on TBX's 1–10 scale (``9``, not ``"9"`` or ``9.5``)."""
        if node is None or (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
            return None
        if not (isinstance(node, ScalarNode) and node.tag.endswith(":int") and str(node.value).isdecimal()):
            self.error(node, path, f"expected a whole number from 1 to 10, found {describe(node)}")
            return None
        problem = reliability_problem(int(node.value))
        if problem:
            self.error(node, path, problem)
            return None
        return int(node.value)

    def choice(self, node: Node | None, path: str, allowed: tuple[str, ...], default: str) -> str:
        if node is None:
            return default
        if node.__class__ is ScalarNode and node.value in allowed and node.tag != NULL_TAG:
            return str(node.value)  # the common case, checked without a call to string()
        value = self.string(node, path)
        if value not in allowed:
            self.error(node, path, f"{value!r} is not one of {', '.join(allowed)}")
            return default
        return value

    def string_list(self, node: Node | None, path: str) -> list[tuple[str, Node]]:
        """A list of scalars (a single scalar is accepted as a one-item list)."""
        if node is None:
            return []
        if isinstance(node, ScalarNode) and not node.tag.endswith(":null"):
            return [(self.string(node, path, required=True), node)]
        return [
            (self.string(item, f"{path}[{i}]", required=True), item) for i, item in enumerate(self.sequence(node, path))
        ]


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return repr(str(node.value))


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
