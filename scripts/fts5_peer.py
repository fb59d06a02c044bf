"""The peer the search benchmark measures against: a minimal Flask + SQLite FTS5 phrase search.

It is what someone would write in an afternoon instead of this service: every term of a
concept in one FTS5 column (``unicode61``, diacritics removed), a phrase query ranked by
bm25, the first ten ids and their terms as JSON.  It knows nothing of inflection, folding
of Kazakh letters, fuzzy matching or languages, so it does less work per query than our
search; it is the throughput floor a real engine has to reach, not a like-for-like search.

``scripts/bench_search.py`` builds its database from the same term base and serves it
with the same gunicorn settings as the real app, in the same run.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from glossary.model import Termbase

SCHEMA = "CREATE VIRTUAL TABLE concepts USING fts5(id UNINDEXED, terms, tokenize='unicode61 remove_diacritics 2')"


def build_peer_db(termbase: Termbase, path: Path) -> None:
    """One row per concept: its id and every term of every language, space-separated."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(SCHEMA)
        db.executemany(
            "INSERT INTO concepts (id, terms) VALUES (?, ?)",
            (
                (concept.id, " \n ".join(term.text for section in concept.languages.values() for term in section.terms))
                for concept in termbase.concepts.values()
            ),
        )
        db.execute("INSERT INTO concepts (concepts) VALUES ('optimize')")
    db.close()


def phrase(query: str) -> str:
    """The query as one FTS5 phrase, so that user input cannot use the query syntax."""
    return '"' + query.replace('"', '""') + '"'


def peer_app() -> Any:
    """The Flask app gunicorn serves: ``/search?q=`` and a trivial route, one connection per worker."""
    from flask import Flask, jsonify, request

    app = Flask("fts5_peer")
    database = os.environ["BENCH_PEER_DB"]
    connection: list[sqlite3.Connection] = []

    def db() -> sqlite3.Connection:
        if not connection:  # opened in the worker, after gunicorn forks
            connection.append(sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False))
        return connection[0]

    @app.get("/search")
    def search() -> Any:
        query = request.args.get("q", "").strip()
        if not query:
            return jsonify({"error": "q is required"}), 400
        rows = db().execute(
            "SELECT id, terms FROM concepts WHERE concepts MATCH ? ORDER BY rank LIMIT 10", (phrase(query),)
        )
        return jsonify({"query": query, "results": [{"id": id_, "terms": terms.split(" \n ")} for id_, terms in rows]})

    @app.get("/trivial")
    def trivial() -> Any:
        return jsonify({"ok": True})

    return app
