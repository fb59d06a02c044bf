"""Parse untrusted XML without letting it reach the network, the disk or all the memory.

lxml is told not to resolve entities, not to load DTDs, not to use the
network and not to accept huge text nodes; on top of that a document whose
internal DTD subset declares entities, general or parameter (the shape of
XXE, billion-laughs and external-DTD attacks), is refused outright, and
files and element counts are bounded.

The refusal looks at the document as libxml2 parsed it (``docinfo`` and its
internal DTD), never at the raw bytes, so it holds in every encoding the
parser reads: UTF-8, UTF-16 with or without a byte-order mark, UTF-32, or an
XML declaration naming another one.  The bytes are read only to point at
the line of the first ``<!ENTITY``.  A DOCTYPE that only names an external
DTD (``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">``, common in TBX v2
files) is accepted: the DTD is never fetched, and nothing in the document
can refer to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from lxml import etree

from glossary.formats.base import FormatError

MAX_XML_BYTES = 1024 * 1024 * 1024
MAX_ELEMENTS = 50_000_000
PROLOG_BYTES = 1024 * 1024
ENTITY_REFUSAL = "the DTD declares entities (the shape of an XXE or billion-laughs attack); refused"
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


class _LocalNames(dict[object, str]):
    """Tag → local name, computed once per distinct tag (a plain dict lookup afterwards)."""

    def __missing__(self, tag: object) -> str:
        name = self[tag] = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        return name


#: ``LOCAL[element.tag]``: the element name without its namespace ('' for comments and entities).
LOCAL = _LocalNames()


def local(tag: object) -> str:
    return LOCAL[tag]


def declares_entities(docinfo: etree.DocInfo) -> bool:
    """True when the document's internal DTD subset declares any entity (general or parameter)."""
    dtd = docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def _decoded_prolog(prolog: bytes) -> str:
    """The prolog as text, well enough to count lines: by BOM, by NUL layout, else byte per character."""
    for bom, codec in ((UTF32_BOMS[0], "utf-32-le"), (UTF32_BOMS[1], "utf-32-be")):
        if prolog.startswith(bom):
            return prolog[4:].decode(codec, errors="replace")
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        return prolog.decode("utf-16", errors="replace")
    if prolog[:2] == b"<\x00":
        return prolog.decode("utf-16-le", errors="replace")
    if prolog[:2] == b"\x00<":
        return prolog.decode("utf-16-be", errors="replace")
    return prolog.decode("latin-1")


def entity_line(prolog: bytes) -> int:
    """The line of the first ``<!ENTITY`` in a document's first bytes (1 when it cannot be found)."""
    text = _decoded_prolog(prolog)
    found = text.upper().find("<!ENTITY")
    return text.count("\n", 0, found) + 1 if found >= 0 else 1


def check_prolog(path: Path, *, max_bytes: int = MAX_XML_BYTES) -> None:
    """Refuse files that are too large, or in UTF-32 (which the streaming parser cannot read)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(4)
    except OSError as exc:
        raise FormatError(str(path), f"cannot read file: {exc.strerror}") from exc
    if size > max_bytes:
        raise FormatError(str(path), f"file is {size} bytes; the limit is {max_bytes}")
    if start.startswith(UTF32_BOMS):
        raise FormatError(str(path), "the file is in UTF-32, which is not read; save it as UTF-8", line=1)


def entity_reference(element: etree._Element) -> etree._Entity | None:
    """The first entity reference left in ``element``'s subtree, if any.

    Without a DTD an undeclared entity is a syntax error; but when the
    document names an external DTD, libxml2 keeps a reference to an entity
    that DTD might declare as an unresolved node, which would otherwise
    surface as literal ``&name;`` text.
    """
    return next(element.iter(etree.Entity), None)


def entity_refusal(entity: etree._Entity) -> str:
    return f"entity reference {entity.text} refused: entities are not read (their DTD is never loaded)"


def refuse_entities(path: Path, docinfo: etree.DocInfo) -> None:
    """Raise the located refusal when the parsed document's DTD declares entities."""
    if declares_entities(docinfo):
        with path.open("rb") as handle:
            prolog = handle.read(PROLOG_BYTES)
        raise FormatError(str(path), ENTITY_REFUSAL, line=entity_line(prolog))


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
    external_dtd = root_of(path).external_dtd  # refuses a DTD declaring entities before any entry is read
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
                entity = entity_reference(element) if external_dtd else None
                if entity is not None:
                    raise FormatError(str(path), entity_refusal(entity), line=entity.sourceline or 0)
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


class Root(NamedTuple):
    """A document's root element: local name, attributes, line and namespace ('' for none)."""

    name: str
    attributes: dict[str, str]
    line: int
    namespace: str
    #: The DOCTYPE names an external DTD (never loaded): references to its entities must be looked for.
    external_dtd: bool = False


def root_of(path: Path) -> Root:
    """The root element's local name, attributes and line, read without parsing the rest.

    The DTD, if any, is parsed before the root's start event, so this is
    where a DTD declaring entities is refused.
    """
    check_prolog(path)
    with path.open("rb") as handle:
        try:
            for _, element in _parser(handle, ("start",)):
                docinfo = element.getroottree().docinfo
                refuse_entities(path, docinfo)
                attributes = {str(k): str(v) for k, v in element.attrib.items()}
                namespace = etree.QName(element).namespace or ""
                external = bool(docinfo.system_url or docinfo.public_id)
                return Root(local(element.tag), attributes, element.sourceline or 0, namespace, external)
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(path, exc) from exc
    raise FormatError(str(path), "empty XML document")
