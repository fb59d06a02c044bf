"""Every citation in the bundled term base points at a real sentence that says what is claimed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from glossary.model import Concept, Source, Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase
from glossary.termbase.scripts import mixed_script_words

LANGUAGES = ("kk", "ru", "en")
WORD = re.compile(r"[^\W\d_]+")
MIN_SHARED = 0.6  # share of a definition's key words that its sentence must contain
# Genus and function words a definition adds to name what kind of thing it defines ("… жөніндегі ИСО
# техникалық комитеті"); they are not the key words that the cited sentence has to supply.
GENERIC_STEMS = frozenset(
    {"халық", "ұйым", "ұйымы", "комит", "техни", "жөнін", "комис", "орган", "мекем", "болып", "табыл", "бірі", "және"}
)


@pytest.fixture(scope="module")
def termbase() -> Termbase:
    return load_termbase(BUNDLED_TERMBASE)


def shared_word_ratio(definition: str, sentence: str) -> float:
    """How many of the definition's key words (4+ letters, not generic) occur in the sentence, compared by their
    first five letters so that Kazakh endings may differ ("ұйымы" / "ұйымдардың")."""
    stems = {w.lower()[:5] for w in WORD.findall(sentence)}
    words = [w.lower()[:5] for w in WORD.findall(definition) if len(w) >= 4]
    words = [w for w in words if w not in GENERIC_STEMS]
    if not words:
        return 0.0
    return sum(w in stems for w in words) / len(words)


def citations(concept: Concept) -> Iterator[tuple[str, str | None, Source]]:
    """(where, quoted text or None, source) for every cited thing in a concept."""
    for lang, section in concept.languages.items():
        if section.definition and section.definition.source:
            yield f"{lang} definition", None, section.definition.source
        for term in section.terms:
            for context in term.contexts:
                if context.source:
                    yield f"{lang} context of {term.text!r}", context.text, context.source
    for note in concept.notes:
        for source in note.sources:
            yield "note", None, source


def test_the_overlap_check_tells_a_fitting_sentence_from_an_unrelated_one() -> None:
    sentence = "Бас Ассамблея басқарудың жоғарғы ұйымы болып табылады"
    assert shared_word_ratio("ИСО басқаруының жоғарғы органы — Бас Ассамблея.", sentence) >= MIN_SHARED
    assert shared_word_ratio("Электротехника саласындағы стандарттарды әзірлейтін комиссия.", sentence) < MIN_SHARED


def test_every_citation_resolves_to_a_sentence(termbase: Termbase) -> None:
    problems = []
    for concept in termbase:
        for where, _, source in citations(concept):
            text = termbase.sources.get(source.text)
            if text is None:
                problems.append(f"{concept.id} {where}: unknown source {source}")
            elif text.sentences and (source.sentence is None or text.sentence(source.sentence) is None):
                problems.append(f"{concept.id} {where}: {source} is not a sentence of {source.text}")
    assert problems == []


def test_every_context_is_the_text_of_its_cited_sentence(termbase: Termbase) -> None:
    problems = []
    for concept in termbase:
        for where, quoted, source in citations(concept):
            text = termbase.sources.get(source.text)
            if quoted is None or text is None or source.sentence is None:
                continue
            sentence = text.sentence(source.sentence) or ""
            if quoted not in sentence:
                problems.append(f"{concept.id} {where}: {source} does not contain {quoted!r}")
    assert problems == []


def test_every_concept_has_kk_ru_en_terms_and_a_cited_kk_definition(termbase: Termbase) -> None:
    problems = []
    for concept in termbase:
        for lang in LANGUAGES:
            section = concept.languages.get(lang)
            if section is None or not section.terms:
                problems.append(f"{concept.id}: no {lang} terms")
        kk = concept.languages.get("kk")
        definition = kk.definition if kk else None
        if definition is None or definition.source is None or definition.source.sentence is None:
            problems.append(f"{concept.id}: no kk definition citing a sentence")
    assert problems == []


def test_kk_definitions_share_their_key_words_with_the_cited_sentence(termbase: Termbase) -> None:
    problems = []
    for concept in termbase:
        kk = concept.languages.get("kk")
        if kk is None or kk.definition is None or kk.definition.source is None:
            continue
        source = kk.definition.source
        text = termbase.sources.get(source.text)
        sentence = text.sentence(source.sentence) if text and source.sentence else None
        if sentence is None:
            continue
        ratio = shared_word_ratio(kk.definition.text, sentence)
        if ratio < MIN_SHARED:
            problems.append(f"{concept.id}: only {ratio:.0%} of the definition's words are in {source}: {sentence!r}")
    assert problems == []


def test_no_word_anywhere_mixes_latin_and_cyrillic(termbase: Termbase) -> None:
    problems = []
    for concept in termbase:
        texts = [n.text for n in concept.notes]
        for section in concept.languages.values():
            if section.definition:
                texts.append(section.definition.text)
            for term in section.terms:
                texts += [term.text, term.usage_note or "", *(c.text for c in term.contexts)]
        problems += [f"{concept.id}: {word!r}" for t in texts for word in mixed_script_words(t)]
    assert problems == []
