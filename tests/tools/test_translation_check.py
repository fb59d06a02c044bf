"""Bilingual readers (TSV/CSV, XLIFF) and the terminology check of a translation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.model import Concept
from glossary.termbase.load import load_termbase
from glossary.tools import bilingual as bilingual_module
from glossary.tools.bilingual import BilingualError, Segment, parse_bilingual, read_bilingual, segments_from_columns
from glossary.tools.translation_check import TranslationChecker, format_report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOOLS_BASE = FIXTURES / "tools"
TEXTS = FIXTURES / "texts"


@pytest.fixture(scope="module")
def checker() -> TranslationChecker:
    concepts: list[Concept] = list(load_termbase(TOOLS_BASE))
    return TranslationChecker.from_concepts(concepts, "kk", "ru")


# --- tables -----------------------------------------------------------------


def test_tsv_with_a_language_header_gives_segments_lines_and_languages() -> None:
    table = read_bilingual(TEXTS / "kk-ru.tsv")
    assert (table.source_lang, table.target_lang) == ("kk", "ru")
    assert [s.line for s in table.segments] == [2, 3, 4, 5, 6]
    assert table.segments[1] == Segment("2", "Техникалық комитеттің отырысы өтті.", "Состоялось заседание комиссии.", 3)
    assert table.segments[4].target == ""


def test_table_without_header_takes_the_first_two_columns() -> None:
    table = parse_bilingual("стандарт\tстандарт\tnote\nұйым\tорганизация\n".encode(), "pairs.tsv")
    assert [(s.source, s.target, s.line) for s in table.segments] == [
        ("стандарт", "стандарт", 1),
        ("ұйым", "организация", 2),
    ]
    assert table.source_lang is None


def test_csv_header_with_named_columns_in_any_order_and_quoted_commas() -> None:
    data = 'id,target,source\nA7,"стандарты, нормы","стандарттар, нормалар"\n'.encode()
    table = parse_bilingual(data, "pairs.csv")
    assert table.segments == [Segment("A7", "стандарттар, нормалар", "стандарты, нормы", 2)]


def test_language_header_picks_the_requested_pair_among_three_languages() -> None:
    data = "en;kk;ru\nstandard;стандарт;стандарт\n".encode()
    table = parse_bilingual(data, "three.csv", source_lang="ru", target_lang="en")
    assert (table.source_lang, table.target_lang) == ("ru", "en")
    assert (table.segments[0].source, table.segments[0].target) == ("стандарт", "standard")


def test_row_without_a_target_names_file_line_and_field() -> None:
    with pytest.raises(BilingualError) as caught:
        parse_bilingual("kk\tru\nстандарт\tстандарт\n\nұйым\n".encode(), "short.tsv")
    assert str(caught.value).startswith("short.tsv:4 target: missing")


def test_malformed_csv_quote_and_bad_encoding_are_located() -> None:
    with pytest.raises(BilingualError) as caught:
        parse_bilingual(b'a,b\n"unterminated,x\n', "broken.csv")
    assert "broken.csv:" in str(caught.value)
    assert caught.value.field == "row"
    with pytest.raises(BilingualError) as caught:
        parse_bilingual(b"kk\tru\n\xff\xfe\tx\n", "binary.tsv")
    assert (caught.value.line, caught.value.field) == (2, "encoding")
    with pytest.raises(BilingualError, match="no segments"):
        parse_bilingual(b"\n\n", "empty.tsv")
    with pytest.raises(BilingualError, match="expected two columns"):
        parse_bilingual("бір баған ғана\n".encode(), "one.txt")


def test_pasted_columns_pair_line_by_line() -> None:
    table = segments_from_columns("бір\n\nүш\n", "один\n\nтри\nчетыре")
    assert [(s.id, s.source, s.target) for s in table.segments] == [
        ("1", "бір", "один"),
        ("3", "үш", "три"),
        ("4", "", "четыре"),
    ]


# --- XLIFF --------------------------------------------------------------------


def test_xliff_12_keeps_wrapped_text_drops_native_code_and_skips_untranslatable() -> None:
    table = read_bilingual(TEXTS / "kk-ru.xlf")
    assert (table.source_lang, table.target_lang) == ("kk-KZ", "ru-RU")
    assert [s.id for s in table.segments] == ["u1", "u2", "u4"]
    assert table.segments[0].source == "Халықаралық стандарттау ұйымы стандарттар әзірлейді."
    assert table.segments[1].source == "Сәйкестікті бағалау туралы."
    assert table.segments[1].target == "Об оценке соответствия."
    assert table.segments[2].target == ""
    assert table.segments[0].line == 5


def test_xliff_2_segments() -> None:
    data = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="kk">
<file id="f"><unit id="7"><segment><source>Метрология <pc id="1">и</pc> сертификация</source>
<target>Метрология <pc id="1">және</pc> сертификаттау</target></segment></unit></file></xliff>""".encode()
    table = parse_bilingual(data, "doc.xlf")
    assert (table.source_lang, table.target_lang) == ("ru", "kk")
    assert table.segments == [Segment("7.1", "Метрология и сертификация", "Метрология және сертификаттау", 2)]


@pytest.mark.parametrize(
    ("data", "line", "field"),
    [
        (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<xliff/>', 2, "DOCTYPE"),
        (b'<xliff version="1.2">\n<file>\n<body><trans-unit id="1"><source>x</target>', 3, "XML"),
        (
            b'<xliff version="1.2"><file><body>\n<trans-unit id="9"><target>y</target></trans-unit>',
            2,
            "trans-unit[id=9].source",
        ),
        (b"<tmx>\n</tmx>", 1, "xliff"),
    ],
)
def test_malformed_xliff_is_located(data: bytes, line: int, field: str) -> None:
    if field == "trans-unit[id=9].source":
        data += b"</body></file></xliff>"
    with pytest.raises(BilingualError) as caught:
        parse_bilingual(data, "bad.xlf")
    assert (caught.value.file, caught.value.line, caught.value.field) == ("bad.xlf", line, field)


def test_oversized_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bilingual_module, "MAX_BYTES", 10)
    with pytest.raises(BilingualError, match="larger than the limit"):
        parse_bilingual(b"a\tb\n" * 10, "big.tsv")


# --- the check -------------------------------------------------------------------


def _terms(report_segment: object) -> dict[str, tuple[int, int, str]]:
    return {",".join(t.concept_ids): (t.source_count, t.target_count, t.status) for t in report_segment.terms}  # type: ignore[attr-defined]


def test_report_per_segment(checker: TranslationChecker) -> None:
    report = checker.check(read_bilingual(TEXTS / "kk-ru.tsv"))
    first, second, third, fourth, fifth = report.segments
    assert _terms(first) == {
        "iso": (2, 2, "ok"),
        "standardization": (1, 1, "ok"),  # nested in «Халықаралық стандарттау ұйымы»
        "organization-body": (1, 1, "ok"),
        "international-standard": (1, 1, "ok"),
        "standard": (1, 1, "ok"),  # nested in «халықаралық стандарттарды»
    }
    assert first.problems == 0
    assert _terms(second) == {"technical-committee": (1, 0, "missing")}
    assert _terms(third) == {"standardization": (1, 0, "missing"), "certification": (1, 1, "ok")}
    assert [(d.surface, d.concept_id, d.use_instead) for d in third.deprecated] == [
        ("Стандартизирование", "standardization", ("стандартизация",))
    ]
    # «стандарт» nested in both «ұлттық стандарттар» is checked too: the target names it once.
    assert _terms(fourth) == {"national-standard": (2, 1, "partial"), "standard": (2, 1, "partial")}
    assert fourth.terms[0].missing == 1
    assert _terms(fifth) == {"metrology": (1, 0, "missing")}
    assert report.summary() == {
        "segments": 5,
        "segments_with_problems": 4,
        "source_terms": 14,
        "missing": 5,
        "deprecated": 1,
    }


def test_target_terms_nested_in_longer_terms_still_count(checker: TranslationChecker) -> None:
    segment = Segment("1", "Стандарттар бекітілді.", "Утверждены международные стандарты.", 1)
    assert _terms(checker.check_segment(segment)) == {"standard": (1, 1, "ok")}


def test_source_terms_nested_in_a_longer_one_are_checked_too(checker: TranslationChecker) -> None:
    ru_en = TranslationChecker.from_concepts(load_termbase(TOOLS_BASE), "ru", "en")
    segment = Segment("1", "Фонд нормативных документов пополнен.", "The stock of normative documents grew.", 1)
    assert _terms(ru_en.check_segment(segment)) == {
        "normative-documents-fund": (1, 1, "ok"),
        "normative-document": (1, 1, "ok"),
    }
    missed = Segment("2", "Фонд нормативных документов пополнен.", "The fund grew.", 2)
    assert _terms(ru_en.check_segment(missed)) == {
        "normative-documents-fund": (1, 0, "missing"),
        "normative-document": (1, 0, "missing"),
    }


def test_xliff_report_is_morphology_aware(checker: TranslationChecker) -> None:
    report = checker.check(read_bilingual(TEXTS / "kk-ru.xlf"))
    assert _terms(report.segments[0]) == {
        "iso": (1, 1, "ok"),
        "standardization": (1, 1, "ok"),
        "organization-body": (1, 1, "ok"),
        "standard": (1, 1, "ok"),
    }
    assert _terms(report.segments[1]) == {"conformity-assessment": (1, 1, "ok")}


def test_text_report_and_json(checker: TranslationChecker) -> None:
    report = checker.check(read_bilingual(TEXTS / "kk-ru.tsv"))
    text = format_report(report, name="kk-ru.tsv")
    assert "kk-ru.tsv:3 segment 2: 1 problem(s)" in text
    assert (
        "[!!] Техникалық комитеттің (technical-committee) → expected технический комитет | ТК: found 0 of 1, 1 missing"
        in text
    )
    assert "[!!] Стандартизирование: deprecated term 'стандартизирование' (standardization); use стандартизация" in text
    assert "[!!] стандарттар, стандарттардың (standard) → expected стандарт: found 1 of 2, 1 missing" in text
    assert text.endswith("5 missing in the target, 1 deprecated target term(s) (kk → ru)")
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["segments"][3]["terms"][0] == {
        "concepts": ["national-standard"],
        "source": ["Ұлттық стандарттар", "ұлттық стандарттардың"],
        "source_count": 2,
        "expected": ["национальный стандарт"],
        "found": ["национальные стандарты"],
        "target_count": 1,
        "missing": 1,
        "status": "partial",
    }


def test_cli_check_translation(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["check-translation", str(TEXTS / "kk-ru.tsv"), "--termbase", str(TOOLS_BASE)])
    assert result.exit_code == 0, result.output
    assert "5 segment(s), 4 with problems" in result.output
    result = runner.invoke(
        main,
        ["check-translation", str(TEXTS / "kk-ru.xlf"), "--termbase", str(TOOLS_BASE), "--json"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source_lang"] == "kk"
    reversed_pair = runner.invoke(
        main,
        [
            "check-translation",
            str(TEXTS / "kk-ru.tsv"),
            "--source-lang",
            "ru",
            "--target-lang",
            "kk",
            "--termbase",
            str(TOOLS_BASE),
            "--json",
        ],
    )
    data = json.loads(reversed_pair.stdout)
    assert (data["source_lang"], data["target_lang"]) == ("ru", "kk")
    assert data["segments"][1]["terms"][0]["concepts"] == ["commission"]


def test_cli_check_translation_bad_input(tmp_path: Path) -> None:
    headerless = tmp_path / "pairs.tsv"
    headerless.write_text("стандарт\tстандарт\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check-translation", str(headerless), "--termbase", str(TOOLS_BASE)])
    assert result.exit_code == 1
    assert "the languages are unknown" in result.output
    broken = tmp_path / "broken.xlf"
    broken.write_text('<xliff version="1.2">\n<file><body>\n<trans-unit>', encoding="utf-8")
    result = CliRunner().invoke(main, ["check-translation", str(broken), "--termbase", str(TOOLS_BASE)])
    assert result.exit_code == 1
    assert f"{broken.name}:3 XML:" in result.output


def test_xliff_with_a_doctype_declaring_no_entities_is_read_in_utf_16() -> None:
    data = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "xliff.dtd">\n'
        '<xliff version="1.1"><file source-language="kk" target-language="ru"><body>\n'
        '<trans-unit id="1"><source>Стандарт</source><target>Стандарт</target></trans-unit></body></file></xliff>\n'
    ).encode("utf-16")
    table = parse_bilingual(data, "old.xlf")
    assert table.segments == [Segment("1", "Стандарт", "Стандарт", 4)]
