"""The cases the service promises: each query must find the right concept first.

One table per term base: tests/fixtures/small, tests/fixtures/search and the
bundled base (glossary/data).  Kinds: inflected forms, typos, Kazakh on a
Russian keyboard, in the wrong layout and in Latin letters, abbreviations in
any script or case, and full names in Kazakh, Russian and English.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from glossary.model import Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.search.index import build_index
from glossary.search.searcher import Searcher
from glossary.termbase.load import load_termbase
from glossary.text.fold import fold
from glossary.text.translit import kk_to_latin

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

SMALL_CASES = [
    # inflected
    ("ИСО-ның", "iso"),
    ("стандарттардың", "standard"),
    ("standards", "standard"),
    ("ISO Council's", "iso-council"),
    ("Совета ИСО", "iso-council"),
    # typo
    ("стандатр", "standard"),
    ("Internatoinal Organization for Standardisation", "iso"),
    # Russian keyboard, wrong layout, Latin
    ("халыкаралык стандарттау уйымы", "iso"),
    ("халы0аралы0 стандарттау ұйымы", "iso"),
    ("Halyqaralyq standarttau uiymy", "iso"),
    ("halykaralyk standarttau uyymy", "iso"),
    ("ISO kenesi", "iso-council"),
    # abbreviations
    ("ИСО", "iso"),
    ("ISO", "iso"),
    ("iso", "iso"),
    ("Исо", "iso"),
    # full names
    ("Халықаралық стандарттау ұйымы", "iso"),
    ("Международная организация по стандартизации", "iso"),
    ("International Organization for Standardization", "iso"),
]

SEARCH_CASES = [
    # inflected, in all three languages
    ("МЭК-тің", "iec"),
    ("ХЭК-ке", "iec"),
    ("стандартизации", "standardization"),
    ("стандарттауды", "standardization"),
    ("standardizations", "standardization"),
    ("техникалық комитеттің", "technical-committee"),
    ("техническому комитету", "technical-committee"),
    ("technical committees", "technical-committee"),
    ("международных стандартов", "international-standard"),
    ("халықаралық стандарттар", "international-standard"),
    ("international standards", "international-standard"),
    # typos
    ("стандартизацыя", "standardization"),
    ("electrotechnical comission", "iec"),
    ("тохникалық комитет", "technical-committee"),
    ("internatonal standard", "international-standard"),
    ("межгосударственый совет по стандартизации, метрологии и сертификации", "interstate-council"),
    # Kazakh on a Russian keyboard, in the wrong layout, in Latin letters
    ("халыкаралык стандарт", "international-standard"),
    ("халыкаралык электртехникалык комиссия", "iec"),
    ("халы0аралы0 стандарт", "international-standard"),
    ("техникалы0 комитет", "technical-committee"),
    ("halyqaralyq standart", "international-standard"),
    ("halykaralyk standart", "international-standard"),
    ("Halyqaralyq elektrtehnikalyq komissia", "iec"),
    ("tehnikalyq komitet", "technical-committee"),
    # abbreviations in any script or case
    ("МЭК", "iec"),
    ("мэк", "iec"),
    ("IEC", "iec"),
    ("iec", "iec"),
    ("МГС", "interstate-council"),
    ("EASC", "interstate-council"),
    ("мак", "interstate-council"),
    # full names
    ("Халықаралық электртехникалық комиссия", "iec"),
    ("Международная электротехническая комиссия", "iec"),
    ("International Electrotechnical Commission", "iec"),
    ("Стандарттау, метрология және сертификаттау жөніндегі мемлекетаралық кеңес", "interstate-council"),
    ("Межгосударственный совет по стандартизации, метрологии и сертификации", "interstate-council"),
    ("interstate council for standardization metrology and certification", "interstate-council"),
    ("Еңбек кодексі", "labour-code"),
    ("Трудового кодекса", "labour-code"),
]


BUNDLED_CASES = [
    # inflected
    ("ИСО-ның", "org-iso"),
    ("ИСО-ға", "org-iso"),
    ("МЭК-тің", "org-iec"),
    ("ГОСТ-тың", "std-gost"),
    ("стандарттардың", "gen-standard"),
    ("стандартизации", "gen-standardization"),
    ("standards", "gen-standard"),
    ("метрологии", "gen-metrology"),
    ("сертификации", "gen-certification"),
    ("технического комитета", "org-iso-tc"),
    ("качества", "gen-quality"),
    # typos
    ("стандартизацыя", "gen-standardization"),
    ("стандратизация", "gen-standardization"),
    ("standartization", "gen-standardization"),
    ("сертификатау", "gen-certification"),
    ("metrologi", "gen-metrology"),
    # Kazakh on a Russian keyboard, in the wrong layout, in Latin letters
    ("халыкаралык стандарт", "gen-international-standard"),
    ("халы0аралы0 стандарт", "gen-international-standard"),
    ("halyqaralyq standart", "gen-international-standard"),
    ("halykaralyk standart", "gen-international-standard"),
    ("sertifikattau", "gen-certification"),
    ("улттык стандарт", "gen-national-standard"),
    # abbreviations in any script or case
    ("ИСО", "org-iso"),
    ("ISO", "org-iso"),
    ("iso", "org-iso"),
    ("Исо", "org-iso"),
    ("МЭК", "org-iec"),
    ("ХЭК", "org-iec"),
    ("IEC", "org-iec"),
    ("МГС", "org-cis-isc"),
    ("EASC", "org-cis-isc"),
    ("ТМД", "org-cis"),
    ("СНГ", "org-cis"),
    ("CIS", "org-cis"),
    ("ISO 9001", "std-iso-9001"),
    # full names
    ("Стандарттау жөніндегі халықаралық ұйым", "org-iso"),
    ("Международная организация по стандартизации", "org-iso"),
    ("International Organization for Standardization", "org-iso"),
    ("Международная электротехническая комиссия", "org-iec"),
    ("International Electrotechnical Commission", "org-iec"),
    ("сапа менеджменті", "gen-quality-management"),
    ("quality management", "gen-quality-management"),
]

#: Kazakh typed in the wrong (Russian) layout: the digit keys where Kazakh letters sit.
WRONG_LAYOUT = str.maketrans("әіңғүұқӘІҢҒҮҰҚ", "23458902345890")


@pytest.fixture(scope="module")
def searchers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Searcher]:
    built = {}
    for name, directory in (
        ("small", FIXTURES / "small"),
        ("search", FIXTURES / "search"),
        ("bundled", BUNDLED_TERMBASE),
    ):
        index_dir = tmp_path_factory.mktemp(f"cases-{name}")
        build_index(load_termbase(directory), index_dir, source_dir=directory)
        built[name] = Searcher(index_dir)
    return built


def _first(searcher: Searcher, query: str) -> str | None:
    hits = searcher.search(query).hits
    return hits[0].concept.id if hits else None


@pytest.mark.parametrize(("query", "concept_id"), SMALL_CASES)
def test_small_base(searchers: dict[str, Searcher], query: str, concept_id: str) -> None:
    assert _first(searchers["small"], query) == concept_id


@pytest.mark.parametrize(("query", "concept_id"), SEARCH_CASES)
def test_search_base(searchers: dict[str, Searcher], query: str, concept_id: str) -> None:
    assert _first(searchers["search"], query) == concept_id


@pytest.mark.parametrize(("query", "concept_id"), BUNDLED_CASES)
def test_bundled_base(searchers: dict[str, Searcher], query: str, concept_id: str) -> None:
    assert _first(searchers["bundled"], query) == concept_id


def _top_group(searcher: Searcher, query: str) -> set[str]:
    """Concepts sharing the best score: a term that two concepts share ranks them equally."""
    hits = searcher.search(query, limit=50).hits
    return {hit.concept.id for hit in hits if hits and hit.score == hits[0].score}


_ASCII = str.maketrans({"ş": "sh", "ç": "ch", "ı": "i", "Ş": "Sh", "Ç": "Ch"})


def _plain_ascii(latin: str) -> str:
    """Official Latin without diacritics, as typed on an English keyboard (ş → sh, ı → i, ä → a …)."""
    decomposed = unicodedata.normalize("NFKD", latin.translate(_ASCII))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _kazakh_spellings(text: str) -> dict[str, str]:
    return {
        "russian keyboard": fold(text),
        "official latin": kk_to_latin(text),
        "plain ascii": _plain_ascii(kk_to_latin(text)),
        "wrong layout": text.translate(WRONG_LAYOUT),
    }


@pytest.mark.parametrize("name", ["search", "bundled"])
def test_every_term_of_the_base_finds_its_concept_however_it_is_typed(
    searchers: dict[str, Searcher], name: str
) -> None:
    """The general mechanism behind the cases: each term, as written and as people type it, ranks its concept top."""
    termbase: Termbase = load_termbase(BUNDLED_TERMBASE if name == "bundled" else FIXTURES / name)
    misses = []
    for concept in termbase:
        for lang, term in concept.terms():
            spellings = {"as written": term.text}
            if lang == "kk":
                spellings.update(_kazakh_spellings(term.text))
            for how, query in spellings.items():
                if concept.id not in _top_group(searchers[name], query):
                    misses.append(f"{concept.id} {lang} {how}: {query!r}")
    assert not misses, f"{len(misses)} spellings miss their concept:\n" + "\n".join(misses[:20])
