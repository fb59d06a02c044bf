"""Write concepts as YAML text directly, byte for byte as PyYAML's emitter would, many times faster.

PyYAML spends most of an import's writing time in its Python representer
(a node per value, a resolver call per scalar).  A concept is only ever
nested mappings and lists of strings, whole numbers and booleans, so this
module writes that shape straight to text in the layout PyYAML uses with the
options of :func:`~glossary.termbase.write.dump_yaml` (block style, two-space
indent, lists inside mappings not indented, plain scalars folded past column
100).

A string is written plain only when it is provably read back as the same
string: every character is in a short whitelist that libyaml's analysis
allows in a block plain scalar, and PyYAML's own resolver says the text is a
``str`` (not ``yes``, ``null``, ``12``, ``2024-01-01``…).  Anything else
(quotes, ``: ``, `` #``, leading or trailing spaces, line breaks, control
characters, characters outside the Basic Multilingual Plane, an empty string)
raises :class:`Unsupported`, and the caller dumps that concept with PyYAML
instead, so the output is always what PyYAML writes.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.resolver import Resolver

#: The line width :func:`~glossary.termbase.write.dump_yaml` passes to PyYAML.
WIDTH = 100
#: libyaml writes a key longer than this many bytes (UTF-8) as an explicit ``? key``.
MAX_SIMPLE_KEY = 128

# A plain scalar libyaml writes as is: it opens with a letter, digit or one of a few signs; the rest are letters,
# digits and punctuation that libyaml does not read as indicators where they stand (':' not before a space or
# the end, '#' not after a space), separated by single spaces, never at either end.  Letters and digits are
# those of the Basic Multilingual Plane: libyaml escapes the characters beyond it.
_CHAR = r"[^\W\U00010000-\U0010FFFF]|[.,;!?%+=*&|>@<()\[\]{}'\"/\\~^$№§°«»“”„‘’–—…-]|:(?! |$)|(?<! )#"
_PLAIN = re.compile(rf"(?:[^\W_\U00010000-\U0010FFFF]|[(«“„№§$+/])(?:{_CHAR}| (?! |$))*")
#: For each first character, the patterns of PyYAML's resolver that could make a plain scalar not a string.
_IMPLICIT: dict[str | None, list[re.Pattern[str]]] = {
    first: [pattern for _, pattern in resolvers] for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}
_WILDCARD = _IMPLICIT.get(None, [])
#: Texts already judged: the keys and value-list words (fullForm, preferred…) of every concept.
_KNOWN: dict[str, bool] = {}
MAX_KNOWN = 10_000
#: Keys already judged safe to write plain as simple ``key:`` keys.
_KEYS: set[str] = set()


class Unsupported(ValueError):
    """A value this emitter does not write (the caller falls back to PyYAML)."""


def plain_safe(text: str) -> bool:
    """Whether ``text`` may be written as a plain scalar and read back as the same ``str``."""
    known = _KNOWN.get(text)
    if known is not None:
        return known
    safe = (
        _PLAIN.fullmatch(text) is not None
        and not text.startswith(("...", "---"))
        and not any(pattern.match(text) for pattern in _IMPLICIT.get(text[0], ()))
        and not any(pattern.match(text) for pattern in _WILDCARD)
    )
    if len(_KNOWN) < MAX_KNOWN:
        _KNOWN[text] = safe
    return safe


def _simple_key(key: object) -> bool:
    """Whether ``key`` is written as a plain ``key:`` (remembered when it is)."""
    if type(key) is not str or len(key.encode("utf-8")) > MAX_SIMPLE_KEY or not plain_safe(key):
        return False
    if len(_KEYS) < MAX_KNOWN:
        _KEYS.add(key)
    return True


def emit_document(data: dict[str, Any] | list[dict[str, Any]]) -> str:
    """The YAML PyYAML writes for ``data`` (a mapping, or a list of mappings); :class:`Unsupported` otherwise."""
    out: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, 0, "", out)
    elif isinstance(data, list) and data:
        _sequence(data, 0, out)
    else:
        raise Unsupported("only a non-empty mapping or list is written here")
    return "".join(out)


def _mapping(data: dict[str, Any], indent: int, first_prefix: str, out: list[str]) -> None:
    """Each ``key: value`` at ``indent``; the first line starts with ``first_prefix`` (``"- "`` in a list)."""
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        if key not in _KEYS and not _simple_key(key):
            raise Unsupported(key)
        start = (first_prefix if n == 0 else pad) + key + ":"
        if type(value) is dict:
            if value:
                out.append(start + "\n")
                _mapping(value, indent + 2, " " * (indent + 2), out)
            else:
                out.append(start + " {}\n")
        elif type(value) is list:
            if value:
                out.append(start + "\n")
                _sequence(value, indent, out)  # a list in a mapping is not indented
            else:
                out.append(start + " []\n")
        else:
            out.append(start + " " + _scalar(value, len(start) + 1, indent + 2) + "\n")


def _sequence(items: list[Any], indent: int, out: list[str]) -> None:
    dash = " " * indent + "- "
    for item in items:
        if type(item) is dict and item:
            _mapping(item, indent + 2, dash, out)
        elif type(item) is dict or type(item) is list:
            raise Unsupported("a list or an empty mapping in a list")
        else:
            out.append(dash + _scalar(item, indent + 2, indent + 2) + "\n")


def _scalar(value: object, column: int, indent: int) -> str:
    """``value`` as a plain scalar starting at ``column``, folded as libyaml folds it onto lines at ``indent``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if _KNOWN.get(value) is not True and (type(value) is not str or not plain_safe(value)):  # type: ignore[call-overload]
        raise Unsupported(value)
    if column + len(value) <= WIDTH:
        return value
    # libyaml breaks at a space once the line is past the width (never inside a word)
    lines: list[str] = []
    words = value.split(" ")
    line = [words[0]]
    position = column + len(words[0])
    for word in words[1:]:
        if position > WIDTH:
            lines.append(" ".join(line))
            line, position = [word], indent + len(word)
        else:
            line.append(word)
            position += 1 + len(word)
    lines.append(" ".join(line))
    return ("\n" + " " * indent).join(lines)
