"""The recognizer on texts written for these tests: inflection, abbreviations, homonyms, longest match, case."""

from __future__ import annotations

import doctest
import gc
import json
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.model import Concept, LanguageSection, Term
from glossary.termbase.load import load_termbase
from glossary.tools import keyer
from glossary.tools.recognize import Occurrence, Recognizer, recognition_to_dict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOOLS_BASE = FIXTURES / "tools"
TEXTS = FIXTURES / "texts"


@pytest.fixture(scope="module")
def concepts() -> list[Concept]:
    return list(load_termbase(TOOLS_BASE))


def _expected(lang: str) -> tuple[str, list[tuple[int, int, tuple[str, ...]]]]:
    """The text and its expected spans: each listed surface is looked up after the previous one."""
    text = (TEXTS / f"{lang}.txt").read_text(encoding="utf-8")
    spans = []
    position = 0
    for line in (TEXTS / f"{lang}.expected.tsv").read_text(encoding="utf-8").splitlines():
        surface, ids = line.split("\t")
        start = text.index(surface, position)
        position = start + len(surface)
        spans.append((start, position, tuple(sorted(ids.split(",")))))
    return text, spans


def _spans(occurrences: list[Occurrence]) -> list[tuple[int, int, tuple[str, ...]]]:
    grouped: dict[tuple[int, int], set[str]] = {}
    for o in occurrences:
        grouped.setdefault((o.start, o.end), set()).add(o.concept_id)
    return [(start, end, tuple(sorted(ids))) for (start, end), ids in sorted(grouped.items())]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_inflected_occurrence_is_found_at_its_offsets(concepts: list[Concept], lang: str) -> None:
    text, expected = _expected(lang)
    occurrences = Recognizer.from_concepts(concepts, lang).find(text)
    assert _spans(occurrences) == expected
    for o in occurrences:
        assert text[o.start : o.end] == o.surface
        assert o.lang == lang


def _concept(concept_id: str, lang: str, *terms: str, case_sensitive: bool = False) -> Concept:
    section = LanguageSection(lang, tuple(Term(t, case_sensitive=case_sensitive) for t in terms))
    return Concept(concept_id, languages={lang: section})


def test_longest_match_wins_even_when_it_starts_later() -> None:
    recognizer = Recognizer.from_concepts(
        [
            _concept("dq", "en", "data quality"),
            _concept("qms", "en", "quality management system"),
            _concept("ms", "en", "management system"),
            _concept("data", "en", "data"),
        ],
        "en",
    )
    text = "Our data quality management systems work."
    found = [(o.surface, o.concept_id) for o in recognizer.find(text)]
    assert found == [("data", "data"), ("quality management systems", "qms")]


def test_overlapping_mode_also_returns_nested_terms(concepts: list[Concept]) -> None:
    recognizer = Recognizer.from_concepts(concepts, "kk")
    text = "Халықаралық стандарттардың саны өсті."
    assert [o.concept_id for o in recognizer.find(text)] == ["international-standard"]
    nested = {(o.surface, o.concept_id) for o in recognizer.find(text, overlapping=True)}
    assert nested == {("Халықаралық стандарттардың", "international-standard"), ("стандарттардың", "standard")}


def test_case_sensitive_terms_need_their_case_and_others_match_any_case(concepts: list[Concept]) -> None:
    recognizer = Recognizer.from_concepts(concepts, "ru")
    text = "ИСО и исо; СТАНДАРТЫ и Стандарты; ТК и Тк."
    found = [(o.surface, o.concept_id) for o in recognizer.find(text)]
    assert found == [
        ("ИСО", "iso"),
        ("СТАНДАРТЫ", "standard"),
        ("Стандарты", "standard"),
        ("ТК", "technical-committee"),
    ]


def test_multi_word_terms_span_line_breaks_but_not_punctuation(concepts: list[Concept]) -> None:
    recognizer = Recognizer.from_concepts(concepts, "ru")
    text = "Международная\n  организация   по стандартизации. Технический. Комитет."
    occurrences = recognizer.find(text)
    assert [(o.start, o.end, o.concept_id) for o in occurrences] == [(0, text.index("."), "iso")]


def test_homonyms_share_one_span_with_one_occurrence_per_concept(concepts: list[Concept]) -> None:
    occurrences = Recognizer.from_concepts(concepts, "en").find("Organization matters.")
    assert {(o.start, o.end, o.concept_id) for o in occurrences} == {
        (0, 12, "organization-body"),
        (0, 12, "organization-process"),
    }


def test_occurrence_as_json_names_the_concept_and_its_terms(concepts: list[Concept]) -> None:
    recognizer = Recognizer.from_concepts(concepts, "kk")
    occurrence = recognizer.find("МЭК-тің отырысы")[0]
    answer = recognition_to_dict([occurrence], recognizer.concepts)
    data = answer["matches"][0]
    assert data["start"] == 0
    assert data["end"] == len("МЭК-тің")
    assert data["surface"] == "МЭК-тің"
    assert data["concept_id"] == "iec"
    assert {"text": "IEC", "type": "acronym", "status": "preferred"} in answer["concepts"]["iec"]["terms"]["en"]
    assert data["term"] == {"text": "МЭК", "lang": "kk", "status": "preferred"}


def test_a_recognizer_without_terms_in_the_language_finds_nothing(concepts: list[Concept]) -> None:
    recognizer = Recognizer.from_concepts(concepts, "de")
    assert recognizer.find("International Organization for Standardization") == []
    assert recognizer.term_count == 0


def test_cli_prints_lines_and_json() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["recognize", str(TEXTS / "ru.txt"), "--lang", "ru", "--termbase", str(TOOLS_BASE)])
    assert result.exit_code == 0, result.output
    assert (
        "1:1\tМеждународная организация по стандартизации\tiso\tМеждународная организация по стандартизации"
        in result.output
    )
    assert "7:61\tТК\ttechnical-committee\tТК" in result.output
    result = runner.invoke(
        main, ["recognize", str(TEXTS / "kk.txt"), "--lang", "kk", "--termbase", str(TOOLS_BASE), "--json"]
    )
    assert result.exit_code == 0, result.output
    matches = json.loads(result.stdout)["matches"]
    _, expected = _expected("kk")
    assert [(m["start"], m["end"]) for m in matches] == [(start, end) for start, end, _ in expected]


def test_cli_reports_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("line one\nstandard d\xe9j\xe0\n".encode("latin-1"))
    result = CliRunner().invoke(main, ["recognize", str(bad), "--lang", "en", "--termbase", str(TOOLS_BASE)])
    assert result.exit_code == 1
    assert f"{bad}:2: not UTF-8 text" in result.output


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Halyqaralyq standarttau uiymynyń jumysy", [("Halyqaralyq standarttau uiymynyń", "iso")]),
        ("халыкаралык стандарттау уйымынын жумысы", [("халыкаралык стандарттау уйымынын", "iso")]),
        ("ISO-nyń standarttary", [("ISO-nyń", "iso"), ("standarttary", "standard")]),
        ("Ұлттық стандарттарымызға сүйенеміз", [("Ұлттық стандарттарымызға", "national-standard")]),
    ],
)
def test_kazakh_typed_in_latin_letters_or_without_kazakh_letters(
    concepts: list[Concept], text: str, found: list[tuple[str, str]]
) -> None:
    assert [(o.surface, o.concept_id) for o in Recognizer.from_concepts(concepts, "kk").find(text)] == found


def test_a_kazakh_term_that_looks_inflected_needs_its_own_spelling() -> None:
    """ "сақта" (keep) is keyed like "сақ" (careful) + locative; "сақ" alone must not find it."""
    recognizer = Recognizer.from_concepts(
        [_concept("keep", "kk", "сақта"), _concept("careful", "kk", "сақ"), _concept("once", "kk", "бірде")], "kk"
    )
    text = "Сақ болыңыз! Бірде бірімен емес, сақтаны қараңыз."
    assert _spans(recognizer.find(text)) == [
        (0, 3, ("careful",)),
        (13, 18, ("once",)),
        (33, 40, ("careful", "keep")),  # сақта+ны, or сақ+та+ны: both readings stay
    ]


def test_concurrent_finds_on_one_recognizer_give_the_sequential_results(
    concepts: list[Concept], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Threads share one recognizer and its word cache, cold and cleared again and again meanwhile."""
    texts = {lang: (TEXTS / f"{lang}.txt").read_text(encoding="utf-8") for lang in ("kk", "ru", "en")}
    expected = {lang: Recognizer.from_concepts(concepts, lang).find(text) for lang, text in texts.items()}
    monkeypatch.setattr(keyer, "CACHE_LIMIT", 7)  # the cache fills and is cleared while others read it
    shared = {lang: Recognizer.from_concepts(concepts, lang) for lang in texts}
    threads_per_lang, rounds = 4, 20
    start = threading.Barrier(threads_per_lang * len(texts))
    results: list[tuple[str, list[Occurrence]]] = []
    errors: list[BaseException] = []

    def work(lang: str) -> None:
        try:
            start.wait()
            for _ in range(rounds):
                results.append((lang, shared[lang].find(texts[lang])))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work, args=(lang,)) for lang in texts for _ in range(threads_per_lang)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(results) == threads_per_lang * len(texts) * rounds
    assert all(found == expected[lang] for lang, found in results)


def test_find_leaves_the_garbage_collector_alone(concepts: list[Concept], monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is process-wide: a request must not switch it off under other threads."""

    def forbidden() -> None:
        raise AssertionError("find() must not switch the garbage collector off")

    monkeypatch.setattr(gc, "disable", forbidden)
    text = (TEXTS / "kk.txt").read_text(encoding="utf-8")
    assert Recognizer.from_concepts(concepts, "kk").find(text)
    assert gc.isenabled()


def test_the_public_api_example_runs() -> None:
    import glossary.tools

    result = doctest.testmod(glossary.tools)
    assert result.attempted > 0 and result.failed == 0
    assert all(hasattr(glossary.tools, name) for name in glossary.tools.__all__)


def test_freeze_long_lived_hides_a_built_recognizer_from_the_collector() -> None:
    """The shells freeze their recognizers so that results of a long text do not make full collections walk the trie."""
    from glossary.tools import freeze_long_lived

    recognizer = Recognizer.from_concepts(load_termbase(FIXTURES / "tools"), "kk")
    gc.unfreeze()
    try:
        freeze_long_lived()
        assert gc.get_freeze_count() > 0
        assert not any(obj is recognizer for obj in gc.get_objects())  # frozen objects are not tracked
    finally:
        gc.unfreeze()
