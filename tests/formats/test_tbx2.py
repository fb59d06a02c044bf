"""TBX v2 (martif), one language pair: round trip of what it carries, and translate-toolkit reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from translate.storage.tbx import tbxfile

from glossary.formats import ExportOptions
from glossary.model import Termbase
from tests.formats.contract import FormatContract, termbase_named
from tests.formats.projections import bilingual_concepts


class TestTbx2(FormatContract):
    format_name = "tbx2"

    def carried(self, termbase: Termbase) -> Any:
        return {"name": termbase.name, "concepts": bilingual_concepts(termbase, self.pair)}


@pytest.mark.parametrize("name", ["small", "adversarial", "bundled"])
@pytest.mark.parametrize("pair", [("kk", "ru"), ("ru", "en")])
def test_translate_toolkit_reads_our_terms(name: str, pair: tuple[str, str]) -> None:
    termbase = termbase_named(name)
    data = TestTbx2().export_bytes(termbase, ExportOptions(info=termbase, source_lang=pair[0], target_lang=pair[1]))
    store = tbxfile.parsestring(data)
    expected = {c.id: c for c in termbase.concepts.values() if pair[0] in c.languages and c.languages[pair[0]].terms}
    units = store.units
    assert expected, f"the {name} term base has no concept with a {pair[0]} term to export"
    assert len(units) == len(expected)
    for unit, concept in zip(units, expected.values(), strict=True):
        source_terms = [t.text for t in concept.languages[pair[0]].terms]
        target_section = concept.languages.get(pair[1])
        target_terms = [t.text for t in target_section.terms] if target_section else []
        assert [t.text for t in unit.get_source_terms()] == source_terms
        assert [t.text for t in unit.get_target_terms()] == target_terms
        assert unit.source == source_terms[0]
        if target_terms:
            assert unit.target == target_terms[0]


def test_translate_toolkit_sees_deprecated_terms(tmp_path: Path) -> None:
    termbase = termbase_named("adversarial")
    data = TestTbx2().export_bytes(termbase, ExportOptions(info=termbase, source_lang="ru", target_lang="kk"))
    unit = next(u for u in tbxfile.parsestring(data).units if u.source == "=формула")
    assert unit.get_source_terms()[0].deprecated
