"""``glossary serve``: builds a missing index, then serves with gunicorn workers."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.search import ensure_index, index_is_stale
from tests.web.support import WEB_FIXTURE

#: What a server that is still starting answers; anything else (an HTTP error status above all) is a failure.
NOT_UP_YET = (ConnectionRefusedError, ConnectionResetError)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_when_up(url: str, server: subprocess.Popen[str] | None = None, wait: float = 30) -> str:
    """The body at ``url``, retrying only while the server refuses or drops connections (it is starting)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.monotonic())) as response:
                return response.read().decode()
        except urllib.error.HTTPError as error:
            pytest.fail(f"{url} answered HTTP {error.code}: {error.read().decode(errors='replace')[:2000]}")
        except urllib.error.URLError as error:
            if not isinstance(error.reason, NOT_UP_YET):
                raise
        except NOT_UP_YET:
            pass
        if server is not None and server.poll() is not None:
            pytest.fail(f"the server exited with status {server.returncode} before answering {url}")
        if time.monotonic() >= deadline:
            pytest.fail(f"nothing answered {url} within {wait} s")
        time.sleep(0.2)


@pytest.fixture
def failing_server() -> Iterator[str]:
    """A server that is up but answers every request with HTTP 500."""

    class Failing(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_error(500, "boom")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_waiting_for_the_server_fails_at_once_on_an_http_error(failing_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(pytest.fail.Exception, match="answered HTTP 500"):
        fetch_when_up(failing_server)
    assert time.monotonic() - started < 5


def test_waiting_for_the_server_gives_up_when_nothing_listens() -> None:
    with pytest.raises(pytest.fail.Exception, match="nothing answered"):
        fetch_when_up(f"http://127.0.0.1:{_free_port()}/", wait=0.5)


def test_ensure_index_builds_only_when_missing_or_stale(tmp_path: Path) -> None:
    index = tmp_path / "index"
    assert ensure_index(WEB_FIXTURE, index) is True
    assert not index_is_stale(WEB_FIXTURE, index)
    assert ensure_index(WEB_FIXTURE, index) is False


def test_serve_refuses_a_broken_term_base_without_a_traceback(tmp_path: Path, broken_termbase_dir: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--termbase", str(broken_termbase_dir), "--index", str(tmp_path / "i")])
    assert result.exit_code == 1
    assert "cannot serve, the term base has errors" in result.output
    assert "Traceback" not in result.output


def test_serve_runs_gunicorn_workers_over_a_fresh_index(tmp_path: Path) -> None:
    port = _free_port()
    index = tmp_path / "index"
    glossary = Path(sys.executable).parent / "glossary"
    command = [
        str(glossary),
        "serve",
        "--port",
        str(port),
        "--termbase",
        str(WEB_FIXTURE),
        "--index",
        str(index),
        "--workers",
        "2",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as server:
        try:
            body = fetch_when_up(f"http://127.0.0.1:{port}/kk/about", server)
            assert "Web test base" in body and '<html lang="kk">' in body
            assert not index_is_stale(WEB_FIXTURE, index)
        finally:
            server.terminate()
            output, _ = server.communicate(timeout=10)
    assert "index built from" in output
    assert "Booting worker" in output and output.count("Booting worker") == 2


def test_a_long_query_gets_the_apps_400_not_gunicorns_414(tmp_path: Path) -> None:
    """gunicorn's request-line limit is raised above the app's query cap, so the app answers with its own page."""
    port = _free_port()
    glossary = Path(sys.executable).parent / "glossary"
    command = [str(glossary), "serve", "--port", str(port), "--termbase", str(WEB_FIXTURE)]
    command += ["--index", str(tmp_path / "index"), "--workers", "1"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as server:
        try:
            fetch_when_up(f"http://127.0.0.1:{port}/en/about", server)
            for path in ("/en/", "/en/index.json"):
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?q={'a' * 5000}", timeout=10)
                error = refused.value
                body = error.read().decode()
                assert error.code == 400, body[:300]
                assert "at most 1,000 characters" in body
                assert error.headers["X-Content-Type-Options"] == "nosniff"
                assert "default-src 'self'" in error.headers["Content-Security-Policy"]
        finally:
            server.terminate()
            server.communicate(timeout=10)
