"""Posting lists read segment by segment equal Whoosh's own answers, with fewer term-dictionary probes.

Also: the codec inlines short posting lists into the term dictionary, and the
characters recorded per key field cover every key of that field, so that
skipping a look-up by its characters never loses a match.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb import filetables
from whoosh.reading import IndexReader

from glossary.model import Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.search.aggregates import KeyLetters, read_aggregates
from glossary.search.browse import COMPLETE
from glossary.search.codec import INLINE_LIMIT, GlossaryCodec
from glossary.search.index import build_index, concept_document, live_generation
from glossary.search.postings import Postings
from glossary.search.schema import build_schema
from glossary.termbase.load import load_termbase

KEY_FIELDS = ("term_", "words_", "text_")


@pytest.fixture(scope="module")
def bundled() -> Termbase:
    return load_termbase(BUNDLED_TERMBASE)


@pytest.fixture(scope="module", params=["one segment", "multisegment"])
def generation(request: pytest.FixtureRequest, bundled: Termbase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("postings-index")
    multi = request.param == "multisegment"
    build_index(bundled, target, lint=False, procs=2 if multi else 1, multisegment=multi)
    found = live_generation(target)
    assert found is not None
    return found


@pytest.fixture
def reader(generation: Path) -> Iterator[IndexReader]:
    ix = whoosh_index.open_dir(str(generation))
    opened = ix.reader()
    yield opened
    opened.close()


def _key_terms(reader: IndexReader) -> list[tuple[str, str]]:
    return [
        (fieldname, text.decode("utf-8") if isinstance(text, bytes) else text)
        for fieldname, text in reader.all_terms()
        if fieldname.startswith(KEY_FIELDS) or fieldname in ("id", "status", "subject")
    ]


def test_the_multisegment_build_really_has_several_segments(
    request: pytest.FixtureRequest, reader: IndexReader
) -> None:
    segments = len(list(reader.leaf_readers()))
    multi = request.node.callspec.params["generation"] == "multisegment"
    assert segments >= 2 if multi else segments == 1


def test_ids_frequencies_and_weights_equal_whooshs(reader: IndexReader) -> None:
    postings = Postings(reader)
    terms = _key_terms(reader)
    assert len(terms) > 1000
    for fieldname, key in terms:
        expected = list(reader.postings(fieldname, key).all_ids())
        assert postings.ids(fieldname, key) == expected, (fieldname, key)
        assert postings.doc_frequency(fieldname, key) == reader.doc_frequency(fieldname, key)
        if fieldname.startswith(("words_", "text_")):
            weights = list(reader.postings(fieldname, key).items_as("weight"))
            assert postings.weights(fieldname, key) == weights


def test_unknown_keys_and_fields_are_empty(reader: IndexReader) -> None:
    postings = Postings(reader)
    assert postings.ids("term_kk", "no such term at all") == []
    assert postings.doc_frequency("term_kk", "no such term at all") == 0
    assert postings.weights("text_kk", "no such term at all") == []
    assert postings.ids("text_zz", "стандарт") == []


def _counting_probes(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    probes: list[bytes] = []
    original = filetables.HashReader.ranges_for_key

    def counted(self: filetables.HashReader, key: bytes) -> Iterator[tuple[int, int]]:
        probes.append(key)
        return original(self, key)

    monkeypatch.setattr(filetables.HashReader, "ranges_for_key", counted)
    return probes


def test_an_existing_key_costs_one_probe_per_segment(reader: IndexReader, monkeypatch: pytest.MonkeyPatch) -> None:
    postings = Postings(reader)
    leaves = [leaf for leaf, _ in reader.leaf_readers()]
    # How a build spreads documents over segments varies from run to run: count the segments holding the key.
    holding = sum(("term_kk", "стандарт") in leaf for leaf in leaves)
    assert holding
    probes = _counting_probes(monkeypatch)
    assert postings.ids("term_kk", "стандарт")
    assert len(probes) == len(leaves)
    probes.clear()
    assert reader.postings("term_kk", "стандарт").all_ids()
    # Whoosh's multi-segment reader asks every segment `in`, then looks the key up again where it is.
    assert len(probes) == (len(leaves) + holding if len(leaves) > 1 else 1)


def test_a_key_with_letters_its_field_never_uses_costs_no_probe(
    reader: IndexReader, generation: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aggregates = read_aggregates(generation)
    assert aggregates is not None
    postings = Postings(reader, aggregates.key_letters)
    probes = _counting_probes(monkeypatch)
    assert postings.ids("term_en", "стандарт") == []  # Cyrillic in an English field
    assert postings.doc_frequency("words_kk", "standard") == 0  # Latin in a Kazakh field
    assert probes == []
    assert postings.ids("term_kk", "стандарт")
    assert probes


def test_recorded_letters_cover_every_key_of_their_field(reader: IndexReader, generation: Path) -> None:
    aggregates = read_aggregates(generation)
    assert aggregates is not None
    letters = aggregates.key_letters
    assert {"term_kk", "term_ru", "term_en", "words_kk", "text_kk"} <= set(letters)
    for fieldname, key in _key_terms(reader):
        if fieldname.startswith(KEY_FIELDS):
            assert letters[fieldname].issuperset(key), (fieldname, key)


def test_key_letters_collect_only_key_fields() -> None:
    collected = KeyLetters()
    collected.add({"term_en": ["iso", "\x01iso"], "words_en": ["iso"], "id": "ЖЖЖ", "complete": ["ЖЖ"]})
    collected.add({"term_en": ["iec"], "text_kk": []})
    assert collected.result() == {"term_en": frozenset("iso\x01ec"), "words_en": frozenset("iso")}


def test_short_posting_lists_are_inlined_in_the_term_dictionary(reader: IndexReader) -> None:
    inlined = long = 0
    for leaf, _ in reader.leaf_readers():
        for fieldname, key in _key_terms(leaf):
            info = leaf.term_info(fieldname, key)
            if info.doc_frequency() <= INLINE_LIMIT:
                assert info.is_inlined(), (fieldname, key)
                inlined += 1
            else:
                assert not info.is_inlined()
                long += 1
    assert inlined > 1000
    assert long > 0


def _written_with(codec: W3Codec, bundled: Termbase, folder: Path) -> IndexReader:
    ix = whoosh_index.create_in(str(folder), build_schema(bundled.languages))
    writer = ix.writer(codec=codec, compound=False)
    for concept in bundled:
        document = concept_document(concept)
        del document[COMPLETE]  # the build keeps autocomplete keys in a listing file, not in Whoosh
        writer.add_document(**document)
    writer.commit()
    return ix.reader()


def test_the_codec_writes_the_same_term_statistics_as_whooshs(bundled: Termbase, tmp_path: Path) -> None:
    """Inlining and lengths read from memory change where postings live, not what Whoosh knows about them."""
    (tmp_path / "ours").mkdir()
    (tmp_path / "whoosh").mkdir()
    ours = _written_with(GlossaryCodec(), bundled, tmp_path / "ours")
    theirs = _written_with(W3Codec(compression=0), bundled, tmp_path / "whoosh")
    try:
        terms = list(theirs.all_terms())
        assert terms == list(ours.all_terms())
        for fieldname, key in terms:
            mine, whooshs = ours.term_info(fieldname, key), theirs.term_info(fieldname, key)
            stats = ("weight", "doc_frequency", "min_length", "max_length", "max_weight", "min_id", "max_id")
            assert [getattr(mine, s)() for s in stats] == [getattr(whooshs, s)() for s in stats], (fieldname, key)
            assert list(ours.postings(fieldname, key).all_ids()) == list(theirs.postings(fieldname, key).all_ids())
    finally:
        ours.close()
        theirs.close()


def test_foreign_letters_bound_the_edits_a_correction_needs(reader: IndexReader, generation: Path) -> None:
    aggregates = read_aggregates(generation)
    assert aggregates is not None
    postings = Postings(reader, aggregates.key_letters)
    assert postings.foreign_letters("words_en", "standard") == 0
    assert postings.foreign_letters("words_en", "стандарт") == len("стандарт")
    assert postings.foreign_letters("words_en", "standarд") == 1
    assert Postings(reader).foreign_letters("words_en", "стандарт") == 0  # nothing recorded: nothing ruled out
