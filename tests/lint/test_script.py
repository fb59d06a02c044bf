"""The script rule: СЕН, not CEN, in Russian prose; but designations and glosses keep their Latin letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.lint.context import LintContext
from glossary.lint.prose import DEFINITION, NOTE, USAGE_NOTE, Prose
from glossary.lint.scripts import check
from glossary.termbase import load_termbase

CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "lint" / "clean"


@pytest.fixture(scope="module")
def context() -> LintContext:
    return LintContext(load_termbase(CLEAN))


def subjects(context: LintContext, lang: str, text: str, kind: str = NOTE) -> list[str]:
    return [f.subject for f in check(Prose("x", lang, "f", text, kind), context)]


@pytest.mark.parametrize("kind", [DEFINITION, NOTE, USAGE_NOTE])
def test_a_latin_abbreviation_in_russian_prose_is_found_wherever_the_authors_wrote_it(
    context: LintContext, kind: str
) -> None:
    assert subjects(context, "ru", "Стандарт, принятый CEN для стран Европы.", kind) == ["CEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Термин ГОСТ ISO/IEC 17000 и ГОСТ ISO/IEC 17020.",  # interstate designations keep the issuer's letters
        "См. ISO 9001:2015 и ISO/IEC 17025.",  # a designation is a code, not a name
        "Руководство ИСО («ISO Guide») и европейский комитет (CEN).",  # quoted, or a Latin gloss in brackets
        "Европейский комитет по стандартизации (СЕН).",
    ],
)
def test_designations_glosses_and_quotations_pass(context: LintContext, text: str) -> None:
    assert subjects(context, "ru", text) == []


def test_english_notes_may_discuss_cyrillic_forms_but_english_definitions_may_not(context: LintContext) -> None:
    assert subjects(context, "en", "The Kazakh text writes СЕН for CEN.", NOTE) == []
    assert subjects(context, "en", "Standard adopted by СЕН for Europe.", DEFINITION) == ["СЕН"]
