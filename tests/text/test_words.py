"""One tokenizer: search keys, recognition, highlighting, coverage and the script lint see the same words."""

from __future__ import annotations

import pytest

from glossary.corpus.coverage import TermMatcher, find_candidate_terms
from glossary.model import Concept, LanguageSection, Term
from glossary.search.keys import term_keys
from glossary.termbase.scripts import mixed_script_words
from glossary.text.tokens import WORD_PATTERN, analyze, tokenize, word_parts, words
from glossary.tools.keyer import Keyer
from glossary.tools.recognize import Recognizer
from web.present.highlight import Segment, highlight

TEXT = "ИСО-ның ISO/IEC 17025 стандарты, МЭК-тің ұсынымы және ISO 9001:2000 талаптары."
WORDS = ["ИСО-ның", "ISO/IEC", "17025", "стандарты", "МЭК-тің", "ұсынымы", "және", "ISO", "9001:2000", "талаптары"]
TERMS = {"iso": "ИСО", "iso-iec": "ISO/IEC", "iec": "МЭК", "iso-9001": "ISO 9001:2000"}


def _recognizer() -> Recognizer:
    concepts = [
        Concept(concept_id, languages={"kk": LanguageSection("kk", (Term(text),))})
        for concept_id, text in TERMS.items()
    ]
    return Recognizer.from_concepts(concepts, "kk")


def _marked_spans(segments: list[Segment]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for segment in segments:
        if segment.marked:
            spans.append((position, position + len(segment.text)))
        position += len(segment.text)
    return spans


def test_words_keep_hyphenated_endings_slashes_and_number_separators_inside() -> None:
    found = list(words(TEXT))
    assert [w.text for w in found] == WORDS
    assert all(TEXT[w.start : w.end] == w.text for w in found)
    assert tokenize(TEXT) == found
    assert [m.group() for m in WORD_PATTERN.finditer(TEXT)] == WORDS


def test_search_keys_and_the_keyer_split_text_into_the_same_words() -> None:
    spans = [(w.start, w.end) for w in words(TEXT)]
    assert [(t.start, t.end) for t in analyze(TEXT, "kk")] == spans
    keyed = Keyer("kk").keyed(TEXT)
    assert list(zip(keyed.starts, keyed.ends, strict=True)) == spans
    assert len(term_keys("ИСО-ның ISO/IEC 9001:2000", "kk").words) == 3


def test_recognized_spans_begin_and_end_on_word_boundaries() -> None:
    occurrences = _recognizer().find(TEXT)
    assert [(o.surface, o.concept_id) for o in occurrences] == [
        ("ИСО-ның", "iso"),
        ("ISO/IEC", "iso-iec"),
        ("МЭК-тің", "iec"),
        ("ISO 9001:2000", "iso-9001"),
    ]
    starts, ends = {w.start for w in words(TEXT)}, {w.end for w in words(TEXT)}
    assert all(o.start in starts and o.end in ends for o in occurrences)


@pytest.mark.parametrize("concept_id", sorted(TERMS))
def test_highlighting_a_recognized_term_marks_exactly_the_recognized_span(concept_id: str) -> None:
    """Highlighting the term in the span the recognizer found marks the span whole, not a piece of it."""
    occurrence = next(o for o in _recognizer().find(TEXT) if o.concept_id == concept_id)
    segments = highlight(occurrence.surface, occurrence.term.text)
    assert [s.text for s in segments if s.marked] == [occurrence.surface]


@pytest.mark.parametrize("query", [*TERMS.values(), "стандарт", "9001"])
def test_highlighting_marks_whole_words_only(query: str) -> None:
    starts, ends = {w.start for w in words(TEXT)}, {w.end for w in words(TEXT)}
    spans = _marked_spans(highlight(TEXT, query))
    assert spans
    assert all(start in starts and end in ends for start, end in spans)


def test_coverage_counts_whole_words_and_a_number_ends_a_sequence() -> None:
    sentences = [(f"t:{n}", "ИСО-ның стандарттары ISO 9001 талаптары.") for n in range(3)]
    candidates = [c.text for c in find_candidate_terms(sentences, min_count=3)]
    assert "исо-ның стандарттары" in candidates
    assert "стандарттары iso" in candidates
    assert not any("9001" in text or "iso талаптары" in text for text in candidates)
    assert TermMatcher(["ИСО-ның стандарттары"]).covers_phrase("ИСО-ның стандарттарын")


def test_checks_inside_a_word_see_its_parts() -> None:
    assert [p.text for p in word_parts("ИСО-ның ISO/IEC 9001:2000")] == ["ИСО", "ның", "ISO", "IEC", "9001", "2000"]
    assert all(any(w.start <= p.start and p.end <= w.end for w in words(TEXT)) for p in word_parts(TEXT))
    assert mixed_script_words("IT-маман және ISO/ИСО") == []
    assert mixed_script_words("стaндарт-тың") == ["стaндарт"]  # a Latin "a" inside
