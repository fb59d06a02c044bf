"""SKOS-XL in Turtle and JSON-LD: the lossless round trip, integrity conditions, the shapes, and foreign vocabularies."""

from __future__ import annotations

from tests.formats.contract import FormatContract


class TestSkosTurtle(FormatContract):
    format_name = "skos-ttl"


class TestSkosJsonLd(FormatContract):
    format_name = "skos-jsonld"
