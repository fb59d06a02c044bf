"""Scale-out on one index artifact: two servers read one index folder and both pick up a rebuild.

This is the set-up docs/web-and-api.md describes for N servers behind a load balancer: the
index folder is built once (``glossary build``) and every server opens it read-only; a
build swaps a new generation in atomically and each server's workers reopen it on their
own within a second.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main
from tests.web.support import WEB_FIXTURE
from tests.web.test_serve import _free_port, fetch_when_up

NEW_CONCEPT = """\
id: quality-mark
subjects: [organizations]
languages:
  kk:
    terms:
      - {text: сапа белгісі, type: fullForm, status: preferred}
  ru:
    terms:
      - {text: знак качества, type: fullForm, status: preferred}
  en:
    terms:
      - {text: quality mark, type: fullForm, status: preferred}
"""


@contextmanager
def server(termbase: Path, index: Path) -> Iterator[str]:
    """``glossary serve`` (gunicorn, one worker) on a free port over ``index``; yields its base URL."""
    port = _free_port()
    glossary = Path(sys.executable).parent / "glossary"
    command = [str(glossary), "serve", "--port", str(port), "--termbase", str(termbase), "--index", str(index)]
    command += ["--workers", "1"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        base = f"http://127.0.0.1:{port}"
        try:
            fetch_when_up(f"{base}/en/about", process)
            yield base
        finally:
            process.terminate()
            process.communicate(timeout=10)


def found_ids(base: str, query: str) -> set[str]:
    url = f"{base}/api/v1/search?" + urllib.parse.urlencode({"q": query})
    with urllib.request.urlopen(url, timeout=10) as response:
        return {hit["id"] for hit in json.load(response)["results"]}


def test_two_servers_share_one_index_and_both_pick_up_a_swap(tmp_path: Path) -> None:
    termbase = tmp_path / "termbase"
    shutil.copytree(WEB_FIXTURE, termbase)
    index = tmp_path / "index"
    assert CliRunner().invoke(main, ["build", "--termbase", str(termbase), "--index", str(index)]).exit_code == 0
    with ExitStack() as stack:
        bases = [stack.enter_context(server(termbase, index)) for _ in range(2)]
        for base in bases:
            assert "iso" in found_ids(base, "ISO")
            assert not found_ids(base, "quality mark")

        (termbase / "concepts" / "quality-mark.yaml").write_text(NEW_CONCEPT, encoding="utf-8")
        rebuilt = CliRunner().invoke(main, ["build", "--termbase", str(termbase), "--index", str(index)])
        assert rebuilt.exit_code == 0, rebuilt.output

        deadline = time.monotonic() + 15
        waiting = set(bases)
        while waiting and time.monotonic() < deadline:
            waiting = {base for base in waiting if "quality-mark" not in found_ids(base, "quality mark")}
            time.sleep(0.2)
        assert not waiting, f"these servers still serve the old generation: {sorted(waiting)}"
        for base in bases:
            assert "iso" in found_ids(base, "ISO"), "the old concepts must survive the swap"
