"""Parse untrusted XML without letting it reach the network, the disk or all the memory.

lxml is told not to resolve entities, not to load DTDs, not to use the
network and not to accept huge text nodes; on top of that a document whose
DTD declares entities (the shape of XXE and billion-laughs attacks) is
refused outright, and files and element counts are bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from glossary.formats.base import FormatError

MAX_XML_BYTES = 1024 * 1024 * 1024
MAX_ELEMENTS = 50_000_000
PROLOG_BYTES = 1024 * 1024
ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[)?", re.IGNORECASE)


class _LocalNames(dict[object, str]):
    """Tag → local name, computed once per distinct tag (a plain dict lookup afterwards)."""

    def __missing__(self, tag: object) -> str:
        name = self[tag] = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        return name


#: ``LOCAL[element.tag]``: the element name without its namespace ('' for comments and entities).
LOCAL = _LocalNames()


def local(tag: object) -> str:
    return LOCAL[tag]


def _line_of(prolog: bytes, offset: int) -> int:
    return prolog.count(b"\n", 0, offset) + 1


def check_prolog(path: Path, *, max_bytes: int = MAX_XML_BYTES) -> None:
    """Refuse files that are too large or whose DTD declares entities."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            prolog = handle.read(PROLOG_BYTES)
    except OSError as exc:
        raise FormatError(str(path), f"cannot read file: {exc.strerror}") from exc
    if size > max_bytes:
        raise FormatError(str(path), f"file is {size} bytes; the limit is {max_bytes}")
    doctype = DOCTYPE.search(prolog)
    if doctype and doctype.group(1):
        entity = ENTITY_DECLARATION.search(prolog, doctype.end())
        if entity:
            raise FormatError(
                str(path),
                "the DTD declares entities (the shape of an XXE or billion-laughs attack); refused",
                line=_line_of(prolog, entity.start()),
            )
        if b"]>" not in prolog[doctype.end() :] and b"]" not in prolog[doctype.end() :]:
            raise FormatError(str(path), "the DTD's internal subset is too long to inspect; refused")


def _parser(handle: IO[bytes], events: tuple[str, ...], tags: frozenset[str] | None = None) -> etree.iterparse:
    return etree.iterparse(
        handle,
        events=events,
        tag=[f"{{*}}{name}" for name in sorted(tags)] if tags else None,
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def iter_end(path: Path, tags: frozenset[str], *, max_elements: int = MAX_ELEMENTS) -> Iterator[etree._Element]:
    """Yield each element whose local name is in ``tags`` when it is complete, then free it.

    Only those elements are reported by the parser; everything inside one
    stays attached until it is yielded, so callers see whole entries.
    """
    check_prolog(path)
    seen = 0
    with path.open("rb") as handle:
        try:
            for _, element in _parser(handle, ("end",), tags):
                parent = element.getparent()
                if parent is None:  # the root itself
                    continue
                seen += sum(1 for _ in element.iter())
                if seen > max_elements:
                    raise FormatError(
                        str(path), f"more than {max_elements} elements; refused", line=element.sourceline or 0
                    )
                yield element
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(path, exc) from exc


def _syntax_error(path: Path, exc: etree.XMLSyntaxError) -> FormatError:
    """The first fatal error libxml2 logged (iterparse's own message is often just 'no element found')."""
    entry = exc.error_log.last_error if exc.error_log else None
    message, line = (entry.message, entry.line) if entry is not None else (exc.msg or str(exc), exc.lineno or 0)
    if "entity" in message.lower():
        message = f"entity reference refused or undefined: {message}"
    return FormatError(str(path), f"malformed XML: {message}", line=line)


def root_of(path: Path) -> tuple[str, dict[str, str], int]:
    """The root element's local name, attributes and line, read without parsing the rest."""
    check_prolog(path)
    with path.open("rb") as handle:
        try:
            for _, element in _parser(handle, ("start",)):
                attributes = {str(k): str(v) for k, v in element.attrib.items()}
                return local(element.tag), attributes, element.sourceline or 0
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(path, exc) from exc
    raise FormatError(str(path), "empty XML document")
