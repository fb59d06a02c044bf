"""The bundled base rates every term, and the review log explains every low rating."""

from __future__ import annotations

import re

from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase
from tests.conftest import ROOT

LOG = ROOT / "docs" / "review" / "reliability.md"
ROW = re.compile(r"^\| (\d+) \| ([\w.-]+) \| (\w+) \| (.+?) \| (\w+) \| .+ \|$")


def test_every_bundled_term_is_rated() -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    unrated = [
        (c.id, lang, t.text) for c in termbase.concepts.values() for lang, t in c.terms() if t.reliability is None
    ]
    assert not unrated


def test_every_rating_below_seven_is_in_the_review_log_with_its_reason() -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    low = {
        (str(t.reliability), c.id, lang, t.text, t.status)
        for c in termbase.concepts.values()
        for lang, t in c.terms()
        if t.reliability is not None and t.reliability < 7
    }
    logged = {match.groups() for line in LOG.read_text(encoding="utf-8").splitlines() if (match := ROW.match(line))}
    assert low == logged


def test_uncertain_equivalents_rate_below_the_attested_official_names() -> None:
    concepts = load_termbase(BUNDLED_TERMBASE).concepts
    rated = {(c.id, lang, t.text): t.reliability for c in concepts.values() for lang, t in c.terms()}
    assert (
        rated["org-iso", "kk", "ИСО"] == rated["org-iso", "en", "International Organization for Standardization"] == 10
    )
    assert rated["gen-preferred-numbers", "kk", "ерекше сандар"] == 4  # "uncertain equivalence" in its note
    assert rated["org-easc-bureau", "en", "EASC Bureau for Standards"] == 4  # "uncertain" in its note
