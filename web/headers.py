"""Response headers: security for every response, caching for static files; URLs that never trust ``Host``."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

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


def _version(filename: str) -> str:
    """The content hash of a static file, "0" when there is no such file."""
    folder = Path(current_app.static_folder or "").resolve()
    path = (folder / filename).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        return "0"
    return _file_hash(str(path), path.stat().st_mtime)


def asset_url(filename: str) -> str:
    """The URL of a static file, versioned by its content so caches never serve a stale copy."""
    return url_for("static", filename=filename, v=_version(filename))


def site_url(endpoint: str, **values: Any) -> str:
    """A URL for responses that leave the site (JSON twins, citations): ``BASE_URL`` + path, or just the path.

    Never built from the request's ``Host`` header, which the client chooses.
    """
    path = url_for(endpoint, **values)
    base = current_app.config.get("BASE_URL")
    return f"{base.rstrip('/')}{path}" if base else path


def _cache_static(response: Response) -> None:
    """A year and ``immutable`` for a URL whose ``v`` is the file's current hash; revalidation for any other."""
    if response.status_code not in (200, 304):
        response.headers.pop("Cache-Control", None)  # a 404 must not be kept for a year
        return
    filename = (request.view_args or {}).get("filename", "")
    if request.args.get("v") and request.args["v"] == _version(filename):
        # send_file marks every file no-cache (SEND_FILE_MAX_AGE_DEFAULT is None), which would cancel the year.
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = STATIC_MAX_AGE
        response.cache_control.immutable = True
    else:
        response.cache_control.no_cache = True
        response.cache_control.public = True
        response.cache_control.max_age = 3600


def _add_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.endpoint == "static":
        _cache_static(response)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
    app.jinja_env.globals["asset_url"] = asset_url
    app.jinja_env.globals["site_url"] = site_url
