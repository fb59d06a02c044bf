"""``glossary serve``: builds a missing index, then serves with gunicorn workers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main
from glossary.search import ensure_index, index_is_stale
from tests.web.support import WEB_FIXTURE, compile_catalogues


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    compile_catalogues()
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
            body = ""
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/kk/about", timeout=2) as response:
                        body = response.read().decode()
                        break
                except OSError:
                    time.sleep(0.2)
            assert "Web test base" in body and '<html lang="kk">' in body
            assert not index_is_stale(WEB_FIXTURE, index)
        finally:
            server.terminate()
            output, _ = server.communicate(timeout=10)
    assert "index built from" in output
    assert "Booting worker" in output and output.count("Booting worker") == 2
