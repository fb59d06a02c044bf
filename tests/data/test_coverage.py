"""Coverage: abbreviation and candidate-term extraction, and the gate on the bundled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.corpus.coverage import (
    IgnoreListError,
    TermMatcher,
    abbreviation_key,
    coverage_report,
    find_abbreviations,
    find_candidate_terms,
    find_quoted,
    find_term_shaped_words,
    load_ignore_list,
    words_match,
)
from glossary.model import Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.termbase.load import load_termbase

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "coverage"


def test_bracketed_abbreviation_comes_with_the_words_before_it() -> None:
    pairs = find_abbreviations("Бұл салада Халықаралық электротехникалық комиссия (МЭК) жұмыс істейді.")
    assert pairs == [("МЭК", "Бұл салада Халықаралық электротехникалық комиссия")]


def test_slashes_and_spaces_inside_brackets_are_abbreviations_too() -> None:
    pairs = find_abbreviations("стандарттау жөніндегі халықаралық қауымдастық /ИСО/құрылды; ( ПААКО ) бюро")
    assert [text for text, _ in pairs] == ["ИСО", "ПААКО"]
    assert pairs[0][1] == "стандарттау жөніндегі халықаралық қауымдастық"


def test_the_full_form_stops_at_the_clause_boundary() -> None:
    pairs = find_abbreviations("Олар - Біріккен Ұлттар Ұйымының (БҰҰ) комиссиясы")
    assert pairs == [("БҰҰ", "Біріккен Ұлттар Ұйымының")]


def test_a_suffix_after_a_hyphen_is_not_part_of_the_abbreviation() -> None:
    assert find_abbreviations("ИСО-ның, МАК-тың және ХЭК-тен") == [("ИСО", None), ("МАК", None), ("ХЭК", None)]


def test_multiword_and_dotted_abbreviations_stay_whole() -> None:
    texts = [text for text, _ in find_abbreviations("Еуропалық Одақ (Е.О) және комитет (СЕН ЭЛЕК) құрылды")]
    assert texts == ["Е.О", "СЕН ЭЛЕК"]


def test_committee_codes_and_standard_numbers() -> None:
    texts = [t for t, _ in find_abbreviations("«Өлшем бірліктері» (ТК 12), ГОСТ-1.0-92 және ИСО 9001,9002,9003")]
    assert texts == ["ТК 12", "ГОСТ 1.0-92", "ГОСТ", "ИСО 9001", "ИСО 9002", "ИСО 9003", "ИСО"]


def test_numbers_and_lowercase_words_in_brackets_are_not_abbreviations() -> None:
    assert find_abbreviations("4000/төрт мың/дай ұйым, тіркеу (аккредитациялау), /12 мемлекет/, 30%") == []


def test_abbreviation_key_ignores_case_spacing_and_issuer_hyphen_but_keeps_number_dots() -> None:
    assert abbreviation_key("Е.О") == abbreviation_key("ЕО")
    assert abbreviation_key("СЕН ЭЛЕК") == abbreviation_key("СЕНЭЛЕК")
    assert abbreviation_key("ГОСТ-1.0-92") == abbreviation_key("ГОСТ 1.0-92")
    assert abbreviation_key("ИСО -9000-2000") == abbreviation_key("ИСО 9000:2000")
    assert abbreviation_key("ГОСТ 1.0-92") != abbreviation_key("ГОСТ 10-92")


def test_kazakh_inflection_matches_but_derivation_does_not() -> None:
    assert words_match("ұйымдарының", "ұйымы")
    assert words_match("стандарттарын", "стандарт")
    assert words_match("кеңесінде", "кеңес")
    assert words_match("топтары", "тобы")
    assert words_match("бірліктері", "бірлігі")
    assert not words_match("стандарттау", "стандарт")
    assert not words_match("сертификаттау", "сертификат")


def test_matcher_covers_a_term_its_inflected_forms_and_its_parts() -> None:
    matcher = TermMatcher(["Халықаралық стандарттау ұйымы", "ИСО", "ГОСТ 1.0-92"])
    assert matcher.covers_abbreviation("исо")
    assert matcher.covers_abbreviation("ГОСТ-1.0-92")
    assert not matcher.covers_abbreviation("МЭК")
    assert matcher.covers_phrase("халықаралық стандарттау ұйымының")
    assert matcher.covers_phrase("стандарттау ұйымдары")
    assert not matcher.covers_phrase("халықаралық стандарт")


def test_candidate_terms_are_counted_across_inflection_and_skip_function_words() -> None:
    sentences = [
        ("t:1", "Сынақ зертханасы жұмыс істейді және сынақ зертханасын тексереді."),
        ("t:2", "Сынақ зертханалары бар."),
        ("t:3", "Ол және бұл."),
    ]
    candidates = {c.text: c for c in find_candidate_terms(sentences, min_count=3)}
    assert candidates["сынақ зертханасы"].count == 3
    assert candidates["сынақ зертханасы"].locators == ("t:1", "t:2")
    assert not any(text.split()[0] in {"және", "бұл"} for text in candidates)


def test_ignore_list_requires_a_reason(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("- text: XX\n  reason: Roman numeral (the 20th century), not an abbreviation.\n", "utf-8")
    assert load_ignore_list(good) == {"xx": "Roman numeral (the 20th century), not an abbreviation."}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- text: XX\n- text: КСРО\n  reason: ''\n", "utf-8")
    with pytest.raises(IgnoreListError, match=r"bad.yaml:1 \[0\].reason"):
        load_ignore_list(bad)


def test_report_on_a_fixture_names_what_is_missing() -> None:
    termbase = load_termbase(FIXTURE)
    report = coverage_report(termbase, load_ignore_list(FIXTURE / "ignore.yaml"), min_count=2)
    assert {a.text for a in report.abbreviations} == {"ИСО", "МЭК", "ТК 12", "XX"}
    assert [a.text for a in report.uncovered_abbreviations] == ["МЭК", "ТК 12"]
    assert [a.text for a in report.ignored_abbreviations] == ["XX"]
    iso = next(a for a in report.abbreviations if a.text == "ИСО")
    assert iso.count == 3
    assert iso.full_forms == ("Халықаралық стандарттау ұйымы",)
    uncovered = {c.text for c in report.uncovered_candidates}
    assert "сынақ зертханасы" in uncovered
    assert "халықаралық стандарттау ұйымы" not in uncovered


def test_every_abbreviation_of_the_bundled_corpus_is_covered_or_ignored() -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    if not any(source.sentences for source in termbase.sources.values()):
        pytest.fail("the bundled term base has no sentence files to check")
    ignored = load_ignore_list(BUNDLED_TERMBASE / "coverage-ignore.yaml")
    report = coverage_report(termbase, ignored)
    missing = [f"{a.text} ({', '.join(a.locators[:3])})" for a in report.uncovered_abbreviations]
    assert missing == [], "abbreviations neither in the term base nor in coverage-ignore.yaml"


def test_the_gate_notices_when_a_concept_is_dropped_from_the_bundled_term_base() -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    without_gost = Termbase(
        concepts={cid: c for cid, c in termbase.concepts.items() if cid != "std-gost"},
        sources=termbase.sources,
        subjects=termbase.subjects,
    )
    uncovered = {a.text for a in coverage_report(without_gost, {}).uncovered_abbreviations}
    assert "ГОСТ" in uncovered


def test_every_ignored_abbreviation_still_occurs_in_the_corpus() -> None:
    termbase = load_termbase(BUNDLED_TERMBASE)
    ignored = load_ignore_list(BUNDLED_TERMBASE / "coverage-ignore.yaml")
    found = {a.key for a in coverage_report(termbase, ignored).abbreviations}
    assert sorted(set(ignored) - found) == []


def test_cli_reports_and_fails_on_an_uncovered_abbreviation() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["coverage", str(FIXTURE), "--ignore", str(FIXTURE / "ignore.yaml")])
    assert result.exit_code == 1
    assert "NOT COVERED МЭК ×1 (sentences:2)" in result.output
    assert "NOT COVERED XX" not in result.output
    result = runner.invoke(main, ["coverage", str(FIXTURE), "--json", "--min-count", "2", "--limit", "5"])
    uncovered = {a["text"] for a in json.loads(result.output)["uncovered_abbreviations"]}
    assert uncovered == {"МЭК", "ТК 12", "XX"}


def test_cli_names_the_file_line_and_field_of_a_bad_ignore_list(tmp_path: Path) -> None:
    bad_ignore = tmp_path / "ignore.yaml"
    bad_ignore.write_text("- text: XX\n", "utf-8")
    result = CliRunner().invoke(main, ["coverage", str(FIXTURE), "--ignore", str(bad_ignore)])
    assert result.exit_code == 1
    assert "ignore.yaml:1 [0].reason: required" in result.output
    assert "Traceback" not in result.output


def test_quoted_phrases_are_candidates_whatever_their_count() -> None:
    sentences = [
        ("t:1", "ИСО 9000-4 «Сенімділікті қамтамасыз ету бағдарламасы туралы жетекшілік» деп аталады."),
        ("t:2", "Комиссия «Кодекс   алиментариус» құрылды, «Кодекс алиментариус» жұмыс істейді."),
        ("t:3", "Тырнақшасыз мәтін « » бос."),
    ]
    found = {c.text: c for c in find_quoted(sentences)}
    assert set(found) == {"Сенімділікті қамтамасыз ету бағдарламасы туралы жетекшілік", "Кодекс алиментариус"}
    assert found["Кодекс алиментариус"].count == 2 and found["Кодекс алиментариус"].locators == ("t:2",)


def test_term_shaped_words_are_counted_across_inflection_and_verbs_are_not() -> None:
    sentences = [
        ("t:1", "Өнімнің бәсекелестігі артты; бәсекелестікті арттыру керек."),
        ("t:2", "Сынауды зертхана жүргізеді, сынау нәтижесі жазылды."),
        ("t:3", "Ол келді, жазды, оқыды."),
    ]
    found = {c.text: c.count for c in find_term_shaped_words(sentences)}
    assert found.get("бәсекелестік") == 2
    assert found.get("сынау") == 2
    assert not {"келді", "жазды", "оқыды", "арттыру"} & set(found)


def test_the_report_lists_uncovered_quoted_phrases_and_words() -> None:
    """The fixture quotes «Өлшем бірліктері», which no term covers; no word of it is shaped like a term twice."""
    report = coverage_report(load_termbase(FIXTURE))
    assert [(c.text, c.locators) for c in report.uncovered_quoted] == [("Өлшем бірліктері", ("sentences:3",))]
    assert report.uncovered_words == []
    result = CliRunner().invoke(main, ["coverage", str(FIXTURE), "--ignore", str(FIXTURE / "ignore.yaml")])
    assert "Phrases in quotation marks not covered (1):" in result.output
    assert "Өлшем бірліктері  (sentences:3)" in result.output
    assert "Term-shaped words not covered (0):" in result.output
