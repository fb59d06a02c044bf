"""Aggregates and listings stored with a generation equal what a full scan of the bundled base computes.

Also: a generation of the previous format (no aggregates, no listing keys) counts as stale.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from glossary.model import Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.search.aggregates import AGGREGATES_FILE, Aggregates, read_aggregates
from glossary.search.index import INDEX_FORMAT, META_FILE, build_index, ensure_index, index_is_stale, live_generation
from glossary.search.searcher import IndexMissing, Searcher
from glossary.termbase.load import load_termbase
from glossary.text.alphabets import OTHER, alphabet, first_letter, sort_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def bundled() -> Termbase:
    return load_termbase(BUNDLED_TERMBASE)


@pytest.fixture(scope="module", params=["one segment", "multisegment"])
def searcher(request: pytest.FixtureRequest, bundled: Termbase, tmp_path_factory: pytest.TempPathFactory):
    """The bundled base, built as one segment and as one segment per process (the listings merge across them)."""
    target = tmp_path_factory.mktemp("bundled-index")
    multi = request.param == "multisegment"
    build_index(bundled, target, lint=False, procs=2 if multi else 1, multisegment=multi)
    opened = Searcher(target)
    yield opened
    opened.close()


def scanned(termbase: Termbase) -> Aggregates:
    """The counts the pages used to compute per request, by walking every concept."""
    concepts = list(termbase)
    languages = termbase.used_languages()
    return Aggregates(
        concepts=len(concepts),
        terms=sum(1 for c in concepts for _ in c.terms()),
        terms_by_language=dict(Counter(lang for c in concepts for lang, _ in c.terms())),
        terms_by_status=dict(Counter(term.status for c in concepts for _, term in c.terms())),
        subjects=dict(Counter(s for c in concepts for s in set(c.subjects))),
        letters={
            lang: dict(Counter(first_letter(t.text, lang) for c in concepts for _, t in c.terms(lang)))
            for lang in languages
        },
    )


def test_aggregates_equal_a_full_scan(searcher: Searcher, bundled: Termbase) -> None:
    stored, expected = searcher.aggregates, scanned(bundled)
    assert stored.concepts == expected.concepts == len(bundled) == searcher.info.concept_count
    assert stored.terms == expected.terms > stored.concepts
    assert stored.terms_by_language == expected.terms_by_language
    assert stored.terms_by_status == expected.terms_by_status
    assert stored.subjects == expected.subjects and stored.subjects
    assert stored.letters == expected.letters
    for lang, counts in stored.letters.items():  # stored in the alphabet's order, each letter once
        order = [*alphabet(lang), OTHER]
        assert list(counts) == sorted(counts, key=order.index)
        assert [letter for letter, n in stored.letter_row(lang) if n] == list(counts)


def test_every_letter_listed_page_by_page_is_the_full_scan_sorted(searcher: Searcher, bundled: Termbase) -> None:
    for lang in bundled.used_languages():
        for letter, count in searcher.aggregates.letter_row(lang):
            expected = sorted(
                ((t.text, c.id) for c in bundled for _, t in c.terms(lang) if first_letter(t.text, lang) == letter),
                key=lambda entry: sort_key(entry[0], lang),
            )
            listed = [
                (e.term.text, e.concept_id)
                for start in range(0, count + 7, 7)
                for e in searcher.browse_letter(lang, letter, start=start, limit=7)
            ]
            assert [text for text, _ in listed] == [text for text, _ in expected], (lang, letter)
            assert sorted(listed) == sorted(expected)
            assert len(listed) == count


def test_every_subject_listed_page_by_page_is_the_full_scan_sorted(searcher: Searcher, bundled: Termbase) -> None:
    for subject_id, count in searcher.aggregates.subjects.items():
        for lang in ("kk", "ru"):
            expected = sorted(
                (c.label(lang) for c in bundled if subject_id in c.subjects), key=lambda t: sort_key(t, lang)
            )
            listed = [
                e.label
                for start in range(0, count + 5, 5)
                for e in searcher.browse_subject(subject_id, lang, start=start, limit=5)
            ]
            assert listed == expected and len(listed) == count


def test_an_unknown_letter_or_subject_lists_nothing(searcher: Searcher) -> None:
    assert searcher.browse_letter("kk", "щ", start=0, limit=10) == []
    assert searcher.browse_letter("xx", "a", start=0, limit=10) == []
    assert searcher.browse_subject("no-such-subject", "kk", start=0, limit=10) == []
    assert searcher.browse_position("kk", "щ", "щё") == 0


def test_a_generation_of_the_previous_format_is_stale(tmp_path: Path) -> None:
    termbase = tmp_path / "termbase"
    shutil.copytree(FIXTURES / "search", termbase)
    index_dir = tmp_path / "index"
    assert ensure_index(termbase, index_dir)
    generation = live_generation(index_dir)
    assert generation is not None and not index_is_stale(termbase, index_dir)
    meta = json.loads((generation / META_FILE).read_text(encoding="utf-8"))
    assert meta["format"] == INDEX_FORMAT
    assert read_aggregates(generation) is not None

    (generation / META_FILE).write_text(json.dumps({**meta, "format": INDEX_FORMAT - 1}), encoding="utf-8")
    assert index_is_stale(termbase, index_dir)
    (generation / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    assert not index_is_stale(termbase, index_dir)

    aggregates = (generation / AGGREGATES_FILE).read_text(encoding="utf-8")
    (generation / AGGREGATES_FILE).write_text(json.dumps({**json.loads(aggregates), "format": 0}), encoding="utf-8")
    assert index_is_stale(termbase, index_dir)
    (generation / AGGREGATES_FILE).unlink()
    assert index_is_stale(termbase, index_dir)
    with pytest.raises(IndexMissing, match="older version"):
        Searcher(index_dir)
    assert ensure_index(termbase, index_dir)  # rebuilt, and then servable
    Searcher(index_dir).close()
