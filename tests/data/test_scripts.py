"""No word of the bundled term base mixes Latin and Cyrillic letters.

A Latin «а», «о», «с» or «е» inside a Cyrillic word looks right on screen but
cannot be found by search, so every text the term base holds is checked:
terms, usage notes, definitions, contexts and notes — and, to catch any field
the model may add later, the raw text of every YAML file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.model import Concept, Context, Definition, LanguageSection, Note, Term
from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase
from glossary.termbase.scripts import mixed_script_words


def concept_texts(concept: Concept) -> Iterator[tuple[str, str]]:
    """``(field path, text)`` for every human-readable text of a concept."""
    for lang, section in concept.languages.items():
        if section.definition:
            yield f"{lang}.definition", section.definition.text
        for index, term in enumerate(section.terms):
            yield f"{lang}.terms[{index}].text", term.text
            yield f"{lang}.terms[{index}].usage_note", term.usage_note
            for number, context in enumerate(term.contexts):
                yield f"{lang}.terms[{index}].contexts[{number}]", context.text
    for index, note in enumerate(concept.notes):
        yield f"notes[{index}]", note.text


def mixed_words_in(concept: Concept) -> list[str]:
    return [
        f"{concept.id} {path}: {word}" for path, text in concept_texts(concept) for word in mixed_script_words(text)
    ]


def test_a_latin_letter_hidden_in_a_cyrillic_term_is_caught() -> None:
    hidden = "стандaрт"  # the fifth letter is Latin "a"
    concept = Concept(
        "x",
        languages={
            "kk": LanguageSection(
                "kk",
                terms=(Term(hidden, contexts=(Context("Бұл стандарт."),)),),
                definition=Definition("Нормативтік құжат."),
            )
        },
        notes=(Note("Clean note."),),
    )
    assert mixed_words_in(concept) == [f"x kk.terms[0].text: {hidden}"]


def test_no_concept_of_the_bundled_term_base_mixes_scripts() -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    assert len(termbase) > 0
    assert [problem for concept in termbase for problem in mixed_words_in(concept)] == []


@pytest.mark.parametrize("path", sorted(BUNDLED_TERMBASE.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_yaml_file_of_the_bundled_term_base_mixes_scripts(path: Path) -> None:
    offending = [
        f"{path.name}:{number}: {word}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for word in mixed_script_words(line)
    ]
    assert offending == []
