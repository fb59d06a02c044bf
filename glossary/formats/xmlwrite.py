"""Small helpers for streaming XML with :class:`lxml.etree.xmlfile`, one element at a time."""

from __future__ import annotations

from typing import Any

# xmlfile maps the xml namespace to a made-up prefix; the literal name serializes correctly.
XML_LANG = "xml:lang"


class Writer:
    """Wraps an ``xmlfile`` so that every element lands in one namespace without re-declaring it."""

    def __init__(self, xf: Any, namespace: str = "") -> None:
        self.xf = xf
        self.ns = namespace

    def tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    def element(self, name: str, **attributes: str | None) -> Any:
        return self.xf.element(self.tag(name), _attributes(attributes))

    def leaf(self, name: str, text: str, **attributes: str | None) -> None:
        with self.xf.element(self.tag(name), _attributes(attributes)):
            if text:
                self.xf.write(text)


def _attributes(attributes: dict[str, str | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in attributes.items():
        if value is None:
            continue
        out[XML_LANG if key == "lang" else key] = value
    return out
