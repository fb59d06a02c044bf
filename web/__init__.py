"""The web shell: pages and a JSON API over the search index.

``create_app`` wires the pieces together; the pages never read YAML, only
the index (through :func:`web.services.get_searcher`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from web import errors, headers, i18n

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


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
    )
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    i18n.init_app(app)
    _install_template_globals(app)
    headers.init_app(app)
    errors.init_app(app)

    from web.api import api
    from web.pages import register_pages

    register_pages(app)
    app.register_blueprint(api, url_prefix="/api/v1")
    return app


def _install_template_globals(app: Flask) -> None:
    from glossary.model import DISCOURAGED_STATUSES
    from web.present import labels

    app.jinja_env.globals.update(
        DISCOURAGED_STATUSES=DISCOURAGED_STATUSES,
        TERM_TYPE_LABELS=labels.TERM_TYPE_LABELS,
        STATUS_LABELS=labels.STATUS_LABELS,
        PART_OF_SPEECH_LABELS=labels.PART_OF_SPEECH_LABELS,
        RELATION_LABELS=labels.RELATION_LABELS,
        has_endpoint=lambda endpoint: endpoint in app.view_functions,
    )
