"""A document glossary holds exactly the concepts whose terms the text contains."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from glossary.cli import main
from glossary.formats import get_format
from glossary.termbase.load import load_termbase
from glossary.tools.document_glossary import document_concept_ids, export_document_glossary
from glossary.tools.recognize import Recognizer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOOLS_BASE = FIXTURES / "tools"
TEXT = "Техникалық комитеттердің отырысында ұлттық стандарттар мен МЭК-тің құжаттары қаралды."
TBX_NS = {"t": "urn:iso:std:iso:30042:ed-2"}


def _recognizer() -> Recognizer:
    return Recognizer.from_concepts(load_termbase(TOOLS_BASE), "kk")


def test_ids_in_order_of_first_occurrence() -> None:
    # «стандарт» is nested in «ұлттық стандарттар»: a translator needs its equivalents too.
    assert document_concept_ids(_recognizer(), TEXT) == ["technical-committee", "national-standard", "standard", "iec"]


def test_nested_concepts_are_included() -> None:
    recognizer = Recognizer.from_concepts(load_termbase(TOOLS_BASE), "ru")
    assert document_concept_ids(recognizer, "Фонд нормативных документов.") == [
        "normative-documents-fund",
        "normative-document",
    ]
    english = Recognizer.from_concepts(load_termbase(TOOLS_BASE), "en")
    assert document_concept_ids(english, "ISO technical committees meet.") == [
        "iso-technical-committee",
        "iso",
        "technical-committee",
    ]


def test_tbx_export_holds_only_the_concepts_found() -> None:
    out = io.BytesIO()
    ids = export_document_glossary(_recognizer(), TEXT, get_format("tbx"), out, languages=("kk", "ru"))
    root = etree.fromstring(out.getvalue())
    entries = root.findall(".//t:conceptEntry", TBX_NS)
    assert len(entries) == len(ids) == 4
    langs = {section.get("{http://www.w3.org/XML/1998/namespace}lang") for section in root.iter("{*}langSec")}
    assert langs == {"kk", "ru"}
    terms = {term.text for term in root.iter("{*}term")}
    assert {"МЭК", "Международная электротехническая комиссия", "технический комитет"} <= terms
    assert "стандарт" in terms  # nested in «ұлттық стандарттар»
    assert "Стандартизация" not in terms


def test_bilingual_format_takes_the_text_language_as_source(tmp_path: Path) -> None:
    text_file = tmp_path / "doc.txt"
    text_file.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "glossary.tsv"
    result = CliRunner().invoke(
        main,
        [
            "doc-glossary",
            str(text_file),
            "--lang",
            "kk",
            "--format",
            "omegat-tsv",
            "--target-lang",
            "en",
            "-o",
            str(out),
            "--termbase",
            str(TOOLS_BASE),
        ],
    )
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    assert "техникалық комитет\ttechnical committee" in written
    assert "МЭК\t" in written
    assert "Standardization" not in written
    assert "4 concept(s) found" in result.output


def test_the_html_dictionary_of_a_document_is_sorted_in_the_document_language() -> None:
    """A Russian text's glossary reads as a Russian dictionary, whatever the term base's first language."""
    recognizer = Recognizer.from_concepts(load_termbase(TOOLS_BASE), "ru")
    out = io.BytesIO()
    export_document_glossary(recognizer, "Фонд нормативных документов.", get_format("html"), out)
    page = etree.fromstring(out.getvalue(), etree.HTMLParser())
    assert page.get("lang") == "ru"
    assert {h.get("lang") for h in page.iter("h3") if "headword" in (h.get("class") or "")} == {"ru"}
