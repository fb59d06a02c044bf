"""A per-worker HTTP response cache in front of Flask for the read-only search API.

A repeated search is answered by the searcher's result cache without
searching, but it still pays Flask's routing, the request context, every
before/after hook, parameter checks, the JSON and ``url_for`` per hit: more
than a whole SQLite query.  This WSGI middleware answers a repeated ``GET``
of ``/api/v1/search``, ``/api/v1/suggest`` or ``/api/v1/sentences`` with the
exact bytes (status line, headers, body) the app produced the first time,
without entering Flask.

The key is everything a 200 answer of those routes can depend on:

* the live index generation (the name the ``current`` symlink points to,
  one ``readlink``): every answer is read from one generation's index, and a
  rebuild makes every old answer wrong.  The response is stored under the
  generation the searcher *actually served it from* (read before and after
  the view, see :func:`init_app`), not the one the link named when the
  request arrived: the searcher only notices a swap once a second
  (:data:`web.services.REFRESH_INTERVAL`), so the two can differ.
* the method, ``SCRIPT_NAME`` and ``PATH_INFO``: the route, and the prefix
  ``url_for`` puts in front of every concept URL in the body.
* ``QUERY_STRING``, raw: every parameter (``q``, ``lang``, ``target``,
  ``limit``, ``ui``…) is read from it, including ``ui``, which chooses the
  language of the concept URLs (:func:`web.api.params.use_interface_language`).
* ``Accept-Language``: Babel falls back to it (:func:`web.i18n.select_locale`)
  when ``ui`` was not stored yet.  A 200 answer always has ``ui`` stored, so
  this is belt and braces; it costs nothing for clients that send one value.

Not in the key, because no answer reads them: ``Origin`` (CORS is ``*`` for
every origin, :mod:`web.api`), ``Host`` and ``X-Forwarded-*`` (concept URLs
are relative ``url_for`` paths; absolute ones come from the ``BASE_URL``
setting, never from the request: :func:`web.headers.site_url`), the scheme.

Never cached: requests with a body, a cookie or credentials, conditional or
range requests (their answer depends on the client's copy), any status but
200, answers with ``Set-Cookie``, ``Cache-Control: no-store`` or ``Vary`` (a
header we do not key on could change them), and bodies above
:data:`MAX_BODY_BYTES`.  The cache is bounded by entries and bytes (least
recently used goes first) and holds one generation: the first request that
sees a new one empties it.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request

from glossary.search.index import CURRENT
from glossary.search.searcher import IndexMissing
from web import services

#: The routes whose GET answers are cached (read-only, a pure function of the key).
CACHED_PATHS = frozenset({"/api/v1/search", "/api/v1/suggest", "/api/v1/sentences"})
#: Request headers (WSGI names) that make a request bypass the cache.
BYPASS_HEADERS = (
    "HTTP_COOKIE",
    "HTTP_AUTHORIZATION",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
    "HTTP_TRANSFER_ENCODING",
)
DEFAULT_ENTRIES = 2048
DEFAULT_BYTES = 32 * 1024 * 1024
MAX_BODY_BYTES = 64 * 1024
#: Set by the middleware on a request it may store; the hooks then record the searcher's generation.
CANDIDATE = "glossary.response_cache.candidate"
SERVED_BEFORE = "glossary.response_cache.before"
SERVED_AFTER = "glossary.response_cache.after"

Key = tuple[str, str, str, str, str, str]
Entry = tuple[str, list[tuple[str, str]], bytes]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class ResponseCache:
    """WSGI middleware: repeated cacheable GETs answered from memory; thread-safe, LRU-bounded."""

    def __init__(
        self,
        app: WSGIApp,
        index_dir: Callable[[], str],
        *,
        max_entries: int = DEFAULT_ENTRIES,
        max_bytes: int = DEFAULT_BYTES,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        self.app = app
        self.index_dir = index_dir
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_body = max_body
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self._bytes = 0
        self._generation: str | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def _live(self) -> str | None:
        # On every request: plain strings and one syscall, no Path objects.
        try:
            return os.path.basename(os.readlink(os.path.join(self.index_dir(), CURRENT)))  # noqa: PTH115, PTH118, PTH119
        except OSError:
            return None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not _cacheable_request(environ):
            return self.app(environ, start_response)
        generation = self._live()
        if generation is None:
            return self.app(environ, start_response)
        key: Key = (
            generation,
            "GET",
            environ.get("SCRIPT_NAME", ""),
            environ["PATH_INFO"],
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT_LANGUAGE", ""),
        )
        with self._lock:
            if generation != self._generation:
                self._entries.clear()  # one generation's answers at a time
                self._bytes = 0
                self._generation = generation
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
        if entry is not None:
            status, headers, body = entry
            start_response(status, list(headers))
            return [body]
        return self._fill(key, environ, start_response)

    def _fill(self, key: Key, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        captured: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured[:] = [status, headers, exc_info]
            return start_response(status, headers, exc_info)

        environ[CANDIDATE] = True
        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        if captured and _storable(captured, environ, key[0], len(body), self.max_body):
            self._store(key, (captured[0], list(captured[1]), body))
        return [body]

    def _store(self, key: Key, entry: Entry) -> None:
        size = len(entry[2]) + sum(len(k) + len(v) for k, v in entry[1])
        with self._lock:
            if key[0] != self._generation or key in self._entries:
                return
            self._entries[key] = entry
            self._bytes += size
            while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
                _, (_, headers, body) = self._entries.popitem(last=False)
                self._bytes -= len(body) + sum(len(k) + len(v) for k, v in headers)


def _cacheable_request(environ: dict[str, Any]) -> bool:
    if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") not in CACHED_PATHS:
        return False
    if environ.get("CONTENT_LENGTH") not in (None, "", "0"):
        return False
    return not any(name in environ for name in BYPASS_HEADERS)


def _storable(captured: list[Any], environ: dict[str, Any], generation: str, size: int, max_body: int) -> bool:
    status, headers, exc_info = captured
    if exc_info is not None or not status.startswith("200 ") or size > max_body:
        return False
    for name, value in headers:
        lowered = name.lower()
        if lowered in ("set-cookie", "vary") or (lowered == "cache-control" and "no-store" in value):
            return False
    # Stored only if the searcher served this very generation throughout the view.
    return environ.get(SERVED_BEFORE) == generation and environ.get(SERVED_AFTER) == generation


def _served_generation() -> str | None:
    try:
        generation = services.get_searcher().generation
    except (IndexMissing, FileNotFoundError):
        return None
    return generation.name if generation is not None else None


def _before() -> None:
    if request.environ.get(CANDIDATE):
        try:
            services.get_searcher().refresh()  # serve the generation the link names now, not one up to a second old
        except (IndexMissing, FileNotFoundError):
            return
        request.environ[SERVED_BEFORE] = _served_generation()


def _after(response: Any) -> Any:
    if request.environ.get(SERVED_BEFORE) is not None:
        request.environ[SERVED_AFTER] = _served_generation()
    return response


def init_app(app: Flask) -> ResponseCache | None:
    """Wrap ``app.wsgi_app`` unless ``RESPONSE_CACHE_SIZE`` is 0; returns the cache (tests read its counts)."""
    size = int(app.config.get("RESPONSE_CACHE_SIZE", DEFAULT_ENTRIES))
    if size <= 0:
        return None
    cache = ResponseCache(
        app.wsgi_app,  # type: ignore[arg-type]
        lambda: str(app.config["INDEX_DIR"]),
        max_entries=size,
        max_bytes=int(app.config.get("RESPONSE_CACHE_BYTES", DEFAULT_BYTES)),
    )
    app.before_request(_before)
    app.after_request(_after)
    app.wsgi_app = cache  # type: ignore[method-assign]
    app.extensions["response_cache"] = cache
    return cache
