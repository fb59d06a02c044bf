"""The one round-trip contract every exchange format is held to.

Each format's test module subclasses :class:`FormatContract` and names its
``format_name``.  The contract exports a term base, imports the file
again and compares what the layout carries: everything, for lossless
formats; for layouts that are lossy by design, the projection their
subclass declares in :meth:`carried` (and documents in the format's
module docstring).
"""

from __future__ import annotations

import io
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest

from glossary.formats import REGISTRY, ExportOptions, export_termbase, get_format
from glossary.formats.base import ImportOptions
from glossary.formats.filters import select
from glossary.model import Concept, Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

TERMBASES = {
    "bundled": BUNDLED_TERMBASE,
    "small": FIXTURES / "small",
    "adversarial": FIXTURES / "formats" / "adversarial",
}


@cache
def termbase_named(name: str) -> Termbase:
    return load_termbase(TERMBASES[name])


def without_empty_sections(concept: Concept) -> Concept:
    """A language section with neither terms nor definition carries nothing; no format keeps it."""
    sections = {k: s for k, s in concept.languages.items() if s.terms or s.definition}
    return replace(concept, languages=sections)


class FormatContract:
    format_name: ClassVar[str]
    #: the language pair used for bilingual formats
    pair: ClassVar[tuple[str, str]] = ("kk", "ru")

    @pytest.fixture(params=list(TERMBASES))
    def termbase(self, request: pytest.FixtureRequest) -> Termbase:
        termbase = termbase_named(request.param)
        assert termbase.concepts, f"the {request.param} term base has no concepts: its round trip would prove nothing"
        return termbase

    # -- what a subclass may override ------------------------------------------------

    def export_options(self, termbase: Termbase) -> ExportOptions:
        if get_format(self.format_name).bilingual:
            return ExportOptions(info=termbase, source_lang=self.pair[0], target_lang=self.pair[1])
        return ExportOptions(info=termbase)

    def import_options(self, termbase: Termbase) -> ImportOptions:
        return ImportOptions(source_lang=self.pair[0], target_lang=self.pair[1])

    def carried(self, termbase: Termbase) -> Any:
        """What survives the round trip; by default, everything."""
        return {
            "name": termbase.name,
            "description": termbase.description,
            "languages": termbase.languages,
            "concepts": {cid: without_empty_sections(c) for cid, c in termbase.concepts.items()},
            "subjects": termbase.subjects,
            "sources": termbase.sources,
        }

    # -- the contract ---------------------------------------------------------------------

    def export_bytes(self, termbase: Termbase, options: ExportOptions | None = None) -> bytes:
        buffer = io.BytesIO()
        fmt = get_format(self.format_name)
        export_termbase(fmt, termbase.concepts.values, buffer, options or self.export_options(termbase))
        return buffer.getvalue()

    def round_trip(self, termbase: Termbase, tmp_path: Path) -> Termbase:
        fmt = get_format(self.format_name)
        path = tmp_path / f"export{fmt.extensions[0]}"
        path.write_bytes(self.export_bytes(termbase))
        return fmt.import_(path, self.import_options(termbase)).termbase

    def test_declares_its_metadata(self) -> None:
        fmt = get_format(self.format_name)
        assert REGISTRY[self.format_name] is type(fmt)
        assert fmt.label and fmt.mimetype and fmt.extensions
        assert all(ext.startswith(".") for ext in fmt.extensions)

    def test_round_trip_keeps_what_the_layout_carries(self, termbase: Termbase, tmp_path: Path) -> None:
        again = self.round_trip(termbase, tmp_path)
        expected, actual = self.carried(termbase), self.carried(again)
        if isinstance(expected, dict) and "concepts" in expected:
            for concept_id, concept in expected["concepts"].items():
                assert actual["concepts"].get(concept_id) == concept, concept_id
        assert actual == expected

    def test_export_streams_from_a_one_shot_iterator(self, termbase: Termbase) -> None:
        """Writers must not iterate twice or need a list: a generator is all they get."""
        fmt = get_format(self.format_name)
        options = self.export_options(termbase)
        concepts, exported = (c for c in termbase.concepts.values()), None
        if fmt.bilingual:
            concepts, exported = select(termbase.concepts.values, languages=self.pair, required=self.pair[:1])
            options = replace(options, languages=self.pair)
        buffer = io.BytesIO()
        fmt.export(concepts, buffer, replace(options, exported_ids=exported))
        assert buffer.getvalue() == self.export_bytes(termbase)

    def test_export_is_deterministic(self, termbase: Termbase) -> None:
        assert self.export_bytes(termbase) == self.export_bytes(termbase)
