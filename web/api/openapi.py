"""The OpenAPI 3.1 description of the API: one static file, ``openapi.json`` beside this module.

It is written by hand and shipped as package data; ``tests/web/test_openapi.py``
sends real requests to every operation it lists and validates each answer
against it, so the document cannot drift from the code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flask import Response

DOCUMENT = Path(__file__).with_name("openapi.json")


@cache
def _document() -> bytes:
    return DOCUMENT.read_bytes()


def openapi() -> Response:
    return Response(_document(), mimetype="application/json")
