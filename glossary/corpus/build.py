"""Derive the citable corpus files from the verbatim source texts.

Each text ``<id>.txt`` yields three files that the term base cites and pages show:

- ``<id>.sentences.txt``: the repaired text, one sentence per line (line N is sentence N);
- ``<id>.original-sentences.txt``: the same sentences before repair, aligned line by line;
- ``<id>.repairs.tsv``: every change the repair made (sentence, offset in the original sentence, old, new, rule).

Sentences are split on the original text, then repaired one by one, so the two
sentence files always align and a repair offset points into the original line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossary.paths import CORPUS_DIR
from glossary.text.repair import Change, repair, text_lexicon
from glossary.text.sentences import split_sentences

__all__ = ["TEXT_IDS", "CorpusText", "build_text", "derived_files", "expected_files", "write_derived_files"]

TEXT_IDS = ("seed-000", "seed-001")
REPAIRS_HEADER = "sentence\toffset\told\tnew\trule"


@dataclass(frozen=True)
class CorpusText:
    """One text split into aligned original and repaired sentences, with its repair log."""

    text_id: str
    original_sentences: list[str]
    sentences: list[str]
    changes: list[tuple[int, Change]]  # (1-based sentence number, change within that original sentence)


def build_text(text_id: str, original: str) -> CorpusText:
    """Split ``original`` into sentences and repair each, judging line-break hyphens by the whole text's words."""
    lexicon = text_lexicon(original)
    originals = split_sentences(original)
    repaired: list[str] = []
    changes: list[tuple[int, Change]] = []
    for number, sentence in enumerate(originals, start=1):
        result = repair(sentence, lexicon=lexicon)
        repaired.append(result.text.strip())
        changes.extend((number, change) for change in result.changes)
    return CorpusText(text_id, originals, repaired, changes)


def derived_files(corpus: CorpusText) -> dict[str, str]:
    """File name → content of the three derived files of one text."""
    log = [REPAIRS_HEADER]
    for number, change in corpus.changes:
        fields = (str(number), str(change.start), _escape(change.old), _escape(change.new), change.rule)
        log.append("\t".join(fields))
    return {
        f"{corpus.text_id}.sentences.txt": _lines(corpus.sentences),
        f"{corpus.text_id}.original-sentences.txt": _lines(corpus.original_sentences),
        f"{corpus.text_id}.repairs.tsv": _lines(log),
    }


def expected_files(corpus_dir: Path = CORPUS_DIR) -> dict[str, str]:
    """Every derived file of every text in ``corpus_dir``, as the build would write it now."""
    files: dict[str, str] = {}
    for text_id in TEXT_IDS:
        original = (corpus_dir / f"{text_id}.txt").read_text(encoding="utf-8")
        files.update(derived_files(build_text(text_id, original)))
    return files


def write_derived_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """Write (or overwrite) the derived files; return their paths."""
    written = []
    for name, content in expected_files(corpus_dir).items():
        path = corpus_dir / name
        path.write_text(content, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def _lines(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _escape(value: str) -> str:
    """Keep one change per TSV line: show tabs, line breaks and backslashes as escapes."""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
