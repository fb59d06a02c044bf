"""The web shell: pages and a JSON API over the search index.

``create_app`` wires the pieces together; the pages never read YAML, only
the index (through :func:`web.services.get_searcher`).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g, request
from werkzeug.wrappers import Response

from web import errors, headers, i18n, response_cache

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
#: A slow request's log line keeps this much of its path and query string.
LOGGED_PATH_CHARS = 200


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the application; ``test_config`` overrides any setting."""
    from glossary.paths import default_index_dir, default_termbase

    app = Flask(__name__)
    termbase = Path(os.environ.get("GLOSSARY_TERMBASE") or default_termbase())
    app.config.from_mapping(
        TERMBASE=str(termbase),
        INDEX_DIR=str(default_index_dir(termbase)),
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        BABEL_TRANSLATION_DIRECTORIES=str(LOCALES_DIR),
        BABEL_DEFAULT_LOCALE="en",
        JSON_SORT_KEYS=False,
        # Absolute URLs (JSON twins, the citation) start with this, e.g. "https://terms.example.kz";
        # None keeps them relative, so the Host header never ends up in a response.
        BASE_URL=os.environ.get("GLOSSARY_BASE_URL") or None,
        # Requests slower than this many seconds are logged as a warning.
        SLOW_REQUEST_SECONDS=1.0,
        # Repeated API searches answered from memory, before Flask (web/response_cache.py); 0 turns it off.
        RESPONSE_CACHE_SIZE=response_cache.DEFAULT_ENTRIES,
    )
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    i18n.init_app(app)
    _install_template_globals(app)
    headers.init_app(app)
    errors.init_app(app)
    app.before_request(_start_clock)
    app.after_request(_log_if_slow)

    from web.api import api
    from web.pages import register_pages

    register_pages(app)
    app.register_blueprint(api, url_prefix="/api/v1")
    response_cache.init_app(app)
    return app


def _install_template_globals(app: Flask) -> None:
    from glossary.model import DISCOURAGED_STATUSES
    from web.present import labels
    from web.present.links import safe_href
    from web.present.text_lang import label_lang, text_lang

    app.jinja_env.globals.update(
        DISCOURAGED_STATUSES=DISCOURAGED_STATUSES,
        TERM_TYPE_LABELS=labels.TERM_TYPE_LABELS,
        STATUS_LABELS=labels.STATUS_LABELS,
        PART_OF_SPEECH_LABELS=labels.PART_OF_SPEECH_LABELS,
        RELATION_LABELS=labels.RELATION_LABELS,
        has_endpoint=lambda endpoint: endpoint in app.view_functions,
        label_lang=label_lang,
    )
    app.jinja_env.filters["safe_href"] = safe_href
    app.jinja_env.filters["text_lang"] = text_lang


def _start_clock() -> None:
    g.request_started = time.perf_counter()


def _log_if_slow(response: Response) -> Response:
    """Log a request that took longer than ``SLOW_REQUEST_SECONDS``: method, path (truncated), status, duration."""
    started = g.get("request_started")
    if started is None:
        return response
    elapsed = time.perf_counter() - started
    if elapsed > current_app.config["SLOW_REQUEST_SECONDS"]:
        path = request.full_path.rstrip("?")
        if len(path) > LOGGED_PATH_CHARS:
            path = path[:LOGGED_PATH_CHARS] + "…"
        current_app.logger.warning("slow request: %s %s %s %.2f s", request.method, path, response.status_code, elapsed)
    return response
