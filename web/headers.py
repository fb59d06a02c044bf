"""Response headers: security for every response, caching for static files."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, current_app, request, url_for
from werkzeug.wrappers import Response

#: No inline script or style anywhere: every script and stylesheet is a static file.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: Static URLs carry a content hash (``?v=…``), so they may be cached for a year.
STATIC_MAX_AGE = 365 * 24 * 3600


@cache
def _file_hash(path: str, mtime: float) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """The URL of a static file, versioned by its content so caches never serve a stale copy."""
    folder = Path(current_app.static_folder or "")
    path = folder / filename
    version = _file_hash(str(path), path.stat().st_mtime) if path.is_file() else "0"
    return url_for("static", filename=filename, v=version)


def _add_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.endpoint == "static":
        response.cache_control.public = True
        response.cache_control.max_age = STATIC_MAX_AGE if request.args.get("v") else 3600
        if request.args.get("v"):
            response.cache_control.immutable = True
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
    app.jinja_env.globals["asset_url"] = asset_url
