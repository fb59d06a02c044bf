"""Hundreds of generated hostile files through `check`, `import` and the upload endpoints: refused cleanly, nothing changed.

For each case (see :mod:`tests.hostile.corpus`):

- ``glossary check`` on a YAML term base holding it: exit status 1 and a
  line naming the file, no traceback;
- ``glossary import`` of it (into a fresh folder, and with ``--merge`` into
  a copy of a small term base; a YAML case is merged into instead): exit
  status 1, the last line ``Error: <file>…``, no traceback, and the target
  untouched (hashed before and after);
- ``POST /api/v1/check`` and the check-translation page with it as the
  upload: a 4xx JSON or HTML answer naming the file (XLIFF and TBX), never
  a 5xx or a traceback.

Each channel runs every case in one test and reports all failures at once,
so one run shows the whole picture.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from flask.testing import FlaskClient

from glossary.cli import main
from tests.conftest import FIXTURES
from tests.hostile.corpus import TBX3, XML_KINDS, Case, cases, write
from tests.web.support import WEB_FIXTURE, build
from web import create_app

CASES = cases()
IMPORT_ARGS = {
    "weblate": ["--format", "weblate-csv", "--source-lang", "kk", "--target-lang", "ru"],
    "tsv": ["--format", "omegat-tsv", "--source-lang", "kk", "--target-lang", "ru"],
}


def tree_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        digest.update(str(path.relative_to(directory)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {case.name: write(case, folder) for case in CASES}


@pytest.fixture(scope="session")
def web_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    index = build(WEB_FIXTURE, tmp_path_factory.mktemp("hostile-index"))
    return create_app({"TESTING": True, "TERMBASE": str(WEB_FIXTURE), "INDEX_DIR": str(index)}).test_client()


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 500
    kinds = {case.kind for case in CASES}
    assert kinds >= {"yaml", "tbx", "csv", "tsv", "xliff"}
    assert sum(case.must_fail for case in CASES) >= 450


def _crash(result: Result) -> str | None:
    """What went wrong beyond a clean exit: an exception other than SystemExit, or a traceback printed."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"raised {type(result.exception).__name__}: {result.exception}"
    if "Traceback" in result.output:
        return "printed a traceback"
    return None


def _refusal_problem(result: Result, named: Path, case: Case) -> str | None:
    crash = _crash(result)
    if crash:
        return crash
    if result.exit_code == 0 and not case.must_fail:
        return None
    if result.exit_code != 1:
        return f"exit status {result.exit_code}, expected 1"
    last = result.output.rstrip().splitlines()[-1] if result.output.strip() else ""
    if not last.startswith(f"Error: {named}"):
        return f"last line does not name {named.name}: {last[:200]!r}"
    return None


def _import(args: list[str]) -> Result:
    return CliRunner().invoke(main, ["import", *args])


def test_check_refuses_every_hostile_yaml_file_naming_it(corpus: dict[str, Path]) -> None:
    failures = []
    for case in (c for c in CASES if c.kind == "yaml"):
        result = CliRunner().invoke(main, ["check", str(corpus[case.name])])
        crash = _crash(result)
        if crash:
            failures.append(f"{case.name}: {crash}")
        elif result.exit_code == 0 and not case.must_fail:
            continue
        elif result.exit_code != 1:
            failures.append(f"{case.name}: exit status {result.exit_code}")
        elif not any(
            line.startswith(("concepts/iso.yaml", str(corpus[case.name]))) for line in result.output.splitlines()
        ):
            failures.append(f"{case.name}: no line names concepts/iso.yaml: {result.output[:300]!r}")
    assert not failures, "\n".join(failures)


def test_import_refuses_every_hostile_file_and_changes_nothing(corpus: dict[str, Path], tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(FIXTURES / "small", base)
    good_tbx = tmp_path / "good.tbx"
    good_tbx.write_text(TBX3, encoding="utf-8")
    failures = []
    for case in CASES:
        path = corpus[case.name]
        if case.kind == "yaml":  # a broken term base is merged into: refused, untouched
            before = tree_hash(path)
            result = _import([str(good_tbx), "--into", str(path), "--merge"])
            problem = _refusal_problem(result, path, case)
            if problem is None and tree_hash(path) != before and result.exit_code != 0:
                problem = "the term base changed"
            if problem:
                failures.append(f"{case.name} (merge): {problem}")
            continue
        extra = IMPORT_ARGS.get(case.kind, [])
        fresh = tmp_path / "fresh"
        result = _import([str(path), "--into", str(fresh), *extra])
        problem = _refusal_problem(result, path, case)
        if problem is None and result.exit_code != 0 and fresh.exists():
            problem = "--into was created"
        if problem:
            failures.append(f"{case.name}: {problem}")
        shutil.rmtree(fresh, ignore_errors=True)
        before = tree_hash(base)
        merged = _import([str(path), "--into", str(base), "--merge", *extra])
        problem = _refusal_problem(merged, path, case)
        if problem is None and merged.exit_code != 0 and tree_hash(base) != before:
            problem = "the merged-into term base changed"
        if problem:
            failures.append(f"{case.name} (merge): {problem}")
        if merged.exit_code == 0:  # an acceptable file was merged: start the next case from the fixture again
            shutil.rmtree(base)
            shutil.copytree(FIXTURES / "small", base)
    assert not failures, f"{len(failures)} failure(s):\n" + "\n".join(failures)


def _uploads(case: Case, path: Path) -> Iterator[tuple[str, bytes]]:
    if case.kind == "yaml":
        yield "iso.yaml", (path / "concepts" / "iso.yaml").read_bytes()
    else:
        yield path.name, path.read_bytes()


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    """The form (languages and the file) encoded by hand.

    Werkzeug's test client spools a multipart body over 500 KB to a
    temporary file it never closes (a ResourceWarning, an error under
    ``filterwarnings = error``); handing it the encoded bytes avoids that.
    """
    boundary = "hostile-corpus-boundary-7f3a"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"\r\n\r\n{value}\r\n'.encode()
        for field, value in (("source_lang", "kk"), ("target_lang", "ru"))
    ]
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
    parts.append(head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_upload_endpoints_answer_4xx_naming_the_file(corpus: dict[str, Path], web_client: FlaskClient) -> None:
    failures = []
    for case in CASES:
        for name, data in _uploads(case, corpus[case.name]):
            for url in ("/api/v1/check", "/en/tools/check-translation"):
                body_bytes, content_type = _multipart(name, data)
                response = web_client.post(url, data=body_bytes, content_type=content_type)
                body = response.get_data(as_text=True)
                where = f"{case.name} {url}"
                if response.status_code >= 500:
                    failures.append(f"{where}: {response.status_code}")
                elif "Traceback" in body:
                    failures.append(f"{where}: traceback in the answer")
                elif url.startswith("/api") and not response.is_json:
                    failures.append(f"{where}: answer is not JSON ({response.content_type})")
                elif case.kind in XML_KINDS and case.must_fail and not 400 <= response.status_code < 500:
                    failures.append(f"{where}: {response.status_code}, expected a 4xx")
                elif case.kind in XML_KINDS and case.must_fail and name not in body:
                    failures.append(f"{where}: the answer does not name {name}: {body[:200]!r}")
    assert not failures, f"{len(failures)} failure(s):\n" + "\n".join(failures)
