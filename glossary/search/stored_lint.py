"""Each concept's lint findings, stored in a side file of the generation and read back for that concept's page.

``meta.json``, which every worker parses when it opens a generation, keeps
only the counts (:class:`~glossary.search.results.LintSummary`).  The
findings go into ``lint.sqlite`` beside the index, one row per concept that
has any, keyed by concept id: only the concept's page reads them, one row at a
time, so no worker holds the findings of the whole base, and no search hit
reads them (a stored field on the concept's Whoosh document would be
decompressed with every hit).  The file is opened read-only and immutable
for each look-up: no connection is kept, so nothing is shared between threads
and nothing grows with the base in a worker.

A row is compact JSON, one positional array per finding, the file left empty
when it is the concept's own ``concepts/<id>.yaml``::

    [["", 13, "languages.kk.terms[0].usage_note", "suffix-harmony", "error",
      "suffix", "ГОСТ-ның", "ГОСТ-тың, ГОСТ-нің", "«ГОСТ-ның»: the suffix does not agree …"]]

deflated with a preset dictionary of the base's most common findings (stored
in the file): most findings repeat another concept's but for the concept, so
a row is a few dozen bytes (the Apertium base's 59k findings: 12.3 MB of
``meta.json`` before, 1.0 MB here; 2.4 MB as a stored field of the documents).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from glossary.lint.findings import Finding, LintReport

#: The side file of a generation that holds each concept's findings (written only when lint ran).
LINT_FILE = "lint.sqlite"
#: zlib's limit on a preset dictionary.
_DICTIONARY_BYTES = 32 * 1024
_WINDOW = -15  # raw deflate: no header or checksum per row


def default_file(concept_id: str) -> str:
    """The file a concept lives in when the term base keeps one concept per file."""
    return f"concepts/{concept_id}.yaml"


#: One encoder for every row: ``json.dumps`` would build a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _tail(finding: Finding) -> str:
    """A finding without its place, ``[field, rule, severity, kind, subject, hint, message]``: what concepts share."""
    f = finding
    return _ENCODE([f.field, f.rule, f.severity, f.kind, f.subject, f.hint, f.message])


def _row(concept_id: str, finding: Finding, tail: str) -> str:
    file = "" if finding.file == default_file(concept_id) else finding.file
    return f"[{_ENCODE(file)},{int(finding.line)},{tail[1:]}"


def encode_findings(concept_id: str, findings: Iterable[Finding]) -> str:
    """One concept's findings as compact JSON (see the module's docstring)."""
    return "[" + ",".join(_row(concept_id, f, _tail(f)) for f in findings) + "]"


def decode_findings(concept_id: str, stored: str) -> tuple[Finding, ...]:
    """The findings :func:`encode_findings` encoded for ``concept_id``, in the order lint reported them."""
    return tuple(
        Finding(
            file=str(file) or default_file(concept_id),
            line=int(line),
            field=str(field),
            message=str(message),
            rule=str(rule),
            severity=str(severity),
            concept_id=concept_id,
            kind=str(kind),
            subject=str(subject),
            hint=str(hint),
        )
        for file, line, field, rule, severity, kind, subject, hint, message in json.loads(stored)
    )


def _encoded(report: LintReport) -> tuple[dict[str, str], bytes]:
    """Each concept's findings as JSON, and the preset dictionary: the commonest findings (without place), last.

    Deflate finds the bytes nearest the end of a preset dictionary most cheaply.
    """
    grouped: dict[str, list[str]] = {}
    common: Counter[str] = Counter()
    for finding in report.findings:
        tail = _tail(finding)
        common[tail] += 1
        grouped.setdefault(finding.concept_id, []).append(_row(finding.concept_id, finding, tail))
    dictionary = "".join(text for text, _ in reversed(common.most_common(1000))).encode()[-_DICTIONARY_BYTES:]
    return {concept_id: "[" + ",".join(rows) + "]" for concept_id, rows in grouped.items()}, dictionary


def _deflate(text: str, dictionary: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, _WINDOW, zdict=dictionary)
    return packer.compress(text.encode()) + packer.flush()


def write_findings(report: LintReport, generation: Path) -> None:
    """Write ``report``'s findings to ``generation``'s :data:`LINT_FILE`, one row per concept that has any."""
    encoded, dictionary = _encoded(report)
    path = Path(generation) / LINT_FILE
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as db:
        # Written once, before the generation goes live: no journal, no sync per statement.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE dictionary (bytes BLOB NOT NULL)")
        db.execute("INSERT INTO dictionary VALUES (?)", (dictionary,))
        db.execute("CREATE TABLE findings (concept TEXT PRIMARY KEY, rows BLOB NOT NULL) WITHOUT ROWID")
        db.executemany(
            "INSERT INTO findings VALUES (?, ?)",  # in key order, so the pages of the b-tree are full
            ((cid, _deflate(encoded[cid], dictionary)) for cid in sorted(encoded)),
        )
        db.commit()


def read_findings(generation: Path, concept_id: str) -> tuple[Finding, ...]:
    """The findings of ``concept_id`` in ``generation``: none when it is clean or lint did not run."""
    path = Path(generation) / LINT_FILE
    if not path.is_file():
        return ()
    # immutable: a generation never changes once written, so SQLite takes no lock (safe on a read-only share).
    with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)) as db:
        found = db.execute(
            "SELECT rows, (SELECT bytes FROM dictionary) FROM findings WHERE concept = ?", (concept_id,)
        ).fetchone()
    if found is None:
        return ()
    rows, dictionary = found
    unpacker = zlib.decompressobj(_WINDOW, zdict=dictionary)
    return decode_findings(concept_id, (unpacker.decompress(rows) + unpacker.flush()).decode())
