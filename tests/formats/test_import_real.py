"""Real term bases made by others import with no error and no silent loss, and pass `glossary check`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from glossary.formats import format_for_path, get_format
from glossary.formats.base import ImportResult
from glossary.formats.store import store_checked
from glossary.termbase.load import check_termbase
from tests.conftest import shared_path
from tests.formats.test_tbx3 import validate

#: Every test here imports a real term base from ../shared.
pytestmark = pytest.mark.slow

SUSE = ("termbases", "suse", "suse-glossary.tbx")
APERTIUM = ("termbases", "apertium", "apertium_kaz-rus.tbx-basic-v3.tbx")


def census(path: Path) -> Counter[str]:
    """Count elements by local name and @type, independently of the importer."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    counts: Counter[str] = Counter()
    for element in tree.iter("{*}*"):
        name = etree.QName(element).localname
        counts[name] += 1
        if element.get("type"):
            counts[f"{name}[{element.get('type')}]"] += 1
    return counts


def stored_without_errors(result: ImportResult, tmp_path: Path) -> None:
    errors = store_checked(result.termbase, tmp_path / "imported")
    assert errors == []
    loaded, problems = check_termbase(tmp_path / "imported")
    assert [p for p in problems if p.severity == "error"] == []
    assert len(loaded) == len(result.termbase)


def test_suse_tbx2_imports_every_entry_and_term(tmp_path: Path) -> None:
    path = shared_path(*SUSE)
    counts = census(path)
    result = format_for_path(path).import_(path)
    termbase, report = result.termbase, result.report
    assert len(termbase) == counts["termEntry"]
    merged = report.converted["duplicate term in one language section (merged)"]
    assert report.terms + merged == counts["tig"]
    assert sum(1 for c in termbase for _ in c.terms()) == report.terms
    assert {"en-us", "zh-cn", "es-419", "pt-br", "sv"} <= set(termbase.languages)
    assert len(termbase.languages) == 19
    # concept-level definitions (no xml:lang) land in the file's language, en → en-us
    definitions = sum(1 for c in termbase for s in c.languages.values() if s.definition)
    assert definitions == counts["descrip[definition]"]
    # descrips the model has no field for are kept as notes, counted
    assert report.kept_as_notes["entry/descrip[@type='Translation needed']"] == counts["descrip[Translation needed]"]
    notes = [n.text for c in termbase for n in c.notes if n.text.startswith("Translation needed: ")]
    assert len(notes) == counts["descrip[Translation needed]"]
    usage = sum(1 for c in termbase for _, t in c.terms() if t.usage_note)
    assert usage > 0
    assert report.converted["administrativeStatus 'notRecommended' → deprecated"] > 0
    stored_without_errors(result, tmp_path)


def test_suse_through_our_tbx3_validates_and_is_stable(tmp_path: Path) -> None:
    path = shared_path(*SUSE)
    first = format_for_path(path).import_(path).termbase
    from glossary.formats import ExportOptions, export_termbase

    out = tmp_path / "suse-v3.tbx"
    with out.open("wb") as handle:
        export_termbase(get_format("tbx"), first.concepts.values, handle, ExportOptions(info=first))
    assert "PASS" in validate([out])
    second = get_format("tbx").import_(out).termbase
    assert second.concepts == first.concepts
    assert second.sources == first.sources
    assert second.languages == first.languages


def test_apertium_tbx3_imports_and_checks(tmp_path: Path) -> None:
    path = shared_path(*APERTIUM)
    counts = census(path)
    result = format_for_path(path).import_(path)
    assert len(result.termbase) == counts["conceptEntry"]
    assert result.report.terms == counts["termSec"]
    assert not result.report.unmapped
    assert result.termbase.languages == ("kk", "ru")
    pos = Counter(t.part_of_speech for c in result.termbase for _, t in c.terms())
    assert sum(pos.values()) - pos[None] == counts["termNote[partOfSpeech]"]
    stored_without_errors(result, tmp_path)
