"""``glossary serve``: build the index if it is missing or stale, then serve the web UI.

Production serving uses gunicorn; each worker opens its own searcher once
(opening one costs hundreds of milliseconds, so never per request).  The
web package is imported lazily: the library itself never imports Flask.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

import click

from glossary.cli.inputs import load_or_exit
from glossary.cli.options import index_option, termbase_option
from glossary.paths import default_index_dir, default_termbase

#: gunicorn's largest request line (its default is 4094): long enough that an over-long query reaches the app,
#: which refuses it with its own 400 page (security headers included) instead of gunicorn's bare 414.
REQUEST_LINE_LIMIT = 8190


def _gunicorn(config: dict[str, Any], host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]  # gunicorn is untyped
        """gunicorn with the app built by ``create_app`` inside each worker (no preload)."""

        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", "-")
            self.cfg.set("limit_request_line", REQUEST_LINE_LIMIT)
            self.cfg.set("post_worker_init", _open_searcher)

        def load(self) -> Any:
            from web import create_app

            return create_app(config)

    Server().run()


def _open_searcher(worker: Any) -> None:
    """Open the worker's searcher before its first request, so no user waits for it."""
    from web.services import get_searcher

    with worker.wsgi.app_context():
        get_searcher()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True, help="Port to listen on.")
@termbase_option
@index_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=min(4, (os.cpu_count() or 1) + 1),
    show_default="min(4, CPUs + 1)",
    help="gunicorn worker processes.",
)
@click.option(
    "--debug", is_flag=True, help="Use Flask's development server with reloading and tracebacks instead of gunicorn."
)
def serve(*, host: str, port: int, termbase: Path | None, index_dir: Path | None, workers: int, debug: bool) -> None:
    """Serve the search site and the JSON API for a term base."""
    from glossary.search import ensure_index

    directory = termbase or default_termbase()
    target = index_dir or default_index_dir(directory)
    if ensure_index(directory, target, load=partial(load_or_exit, refusal="cannot serve")):
        click.echo(f"{target}: index built from {directory}")
    config = {"TERMBASE": str(directory), "INDEX_DIR": str(target)}
    if debug:
        from web import create_app

        create_app(config).run(host=host, port=port, debug=True)
    else:
        _gunicorn(config, host, port, workers)
