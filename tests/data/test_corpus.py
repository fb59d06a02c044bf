"""The committed corpus files are the verbatim seeds plus exactly what scripts/build_corpus.py derives from them."""

from __future__ import annotations

import hashlib

import pytest

from glossary.corpus.build import TEXT_IDS, expected_files
from glossary.paths import CORPUS_DIR
from tests.conftest import shared_path

SEED_FILES = {"seed-000": "000_b90374ccd096e7b1.txt", "seed-001": "001_655a925896d726d7.txt"}


def test_derived_files_are_up_to_date() -> None:
    for name, content in expected_files().items():
        committed = (CORPUS_DIR / name).read_text(encoding="utf-8")
        assert committed == content, f"{name} is stale: run scripts/build_corpus.py and fix moved citations"


@pytest.mark.slow
@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_texts_are_verbatim_copies_of_the_seeds(text_id: str) -> None:
    seed = shared_path("seeds", SEED_FILES[text_id]).read_bytes()
    assert (CORPUS_DIR / f"{text_id}.txt").read_bytes() == seed


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_provenance_names_each_text_with_its_checksum(text_id: str) -> None:
    provenance = (CORPUS_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((CORPUS_DIR / f"{text_id}.txt").read_bytes()).hexdigest()
    assert SEED_FILES[text_id] in provenance
    assert digest in provenance


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_sentence_files_align_and_hold_one_sentence_per_line(text_id: str) -> None:
    repaired = (CORPUS_DIR / f"{text_id}.sentences.txt").read_text(encoding="utf-8").splitlines()
    original = (CORPUS_DIR / f"{text_id}.original-sentences.txt").read_text(encoding="utf-8").splitlines()
    assert len(repaired) == len(original) > 50
    assert all(line.strip() == line and line for line in repaired)


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_every_original_sentence_occurs_in_the_text(text_id: str) -> None:
    text = (CORPUS_DIR / f"{text_id}.txt").read_text(encoding="utf-8")
    for line in (CORPUS_DIR / f"{text_id}.original-sentences.txt").read_text(encoding="utf-8").splitlines():
        assert line in text


@pytest.mark.parametrize("text_id", TEXT_IDS)
def test_repair_log_replays_onto_each_original_sentence(text_id: str) -> None:
    original = (CORPUS_DIR / f"{text_id}.original-sentences.txt").read_text(encoding="utf-8").splitlines()
    repaired = (CORPUS_DIR / f"{text_id}.sentences.txt").read_text(encoding="utf-8").splitlines()
    log = (CORPUS_DIR / f"{text_id}.repairs.tsv").read_text(encoding="utf-8").splitlines()[1:]
    edits: dict[int, list[tuple[int, str, str]]] = {}
    for row in log:
        number, offset, old, new, _rule = row.split("\t")
        edits.setdefault(int(number), []).append((int(offset), _unescape(old), _unescape(new)))
    for number, sentence in enumerate(original, start=1):
        replayed = sentence
        for offset, old, new in sorted(edits.get(number, []), reverse=True):
            assert replayed[offset : offset + len(old)] == old
            replayed = replayed[:offset] + new + replayed[offset + len(old) :]
        assert replayed.strip() == repaired[number - 1], f"{text_id}:{number}"


def test_known_defects_are_repaired_and_numbers_kept() -> None:
    text = (CORPUS_DIR / "seed-000.sentences.txt").read_text(encoding="utf-8")
    assert "мақсатында құрылған халықаралық мекемелердің атқару" in text
    assert "ГОСТ-1.0-92" in text and "2,500" in text and "1921 жылдан" in text and "400дейі" in text
    other = (CORPUS_DIR / "seed-001.sentences.txt").read_text(encoding="utf-8")
    assert "халықаралық ұйым (ИСО) 1947" in other and "стандарттау саласындағы" in other
    assert "үйым" not in other and "стан- дарттау" not in other


def _unescape(value: str) -> str:
    return value.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\")
