"""Importing SKOS: a published vocabulary's excerpt in every RDF syntax, the mapping report, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from glossary.cli import main
from glossary.formats import FormatError, format_for_path, get_format
from glossary.formats.filters import restrict
from glossary.formats.skos_read import read_skos
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES

UNESCO = FIXTURES / "skos" / "unesco-excerpt.ttl"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_the_unesco_excerpt_maps_labels_relations_and_microthesaurus() -> None:
    result = read_skos(UNESCO)
    termbase = result.termbase
    assert termbase.name == "UNESCO Thesaurus"
    assert termbase.languages == ("en", "fr", "ru")
    standardization = termbase.concepts["concept4940"]
    assert [(t.text, t.status) for t in standardization.languages["ru"].terms] == [("Стандартизация", "preferred")]
    assert [(t.text, t.status) for t in standardization.languages["en"].terms] == [
        ("Standardization", "preferred"),
        ("Standardisation", "admitted"),
    ]
    assert [t.status for t in termbase.concepts["concept4942"].languages["en"].terms] == ["preferred", "deprecated"]
    assert [(r.type, r.target) for r in standardization.relations] == [
        ("broader", "concept4939"),
        ("narrower", "concept4942"),
        ("related", "concept4943"),
    ]
    assert [(n.text, n.lang) for n in standardization.notes] == [
        ("The development and application of standards.", "en")
    ]
    assert standardization.subjects == ("mt2.45",)
    assert termbase.subjects["mt2.45"].parent == "domain2"
    assert termbase.subjects["mt2.45"].labels["ru"] == "Научные исследования"


def test_the_report_says_what_was_kept_converted_and_dropped() -> None:
    report = read_skos(UNESCO).report
    assert (report.concepts, report.terms) == (5, 20)
    assert report.unmapped == {
        "skos:Concept/skos:closeMatch": 1,
        "skos:Concept/dct:modified": 1,
        "skos:broader to a concept outside the file": 1,
    }
    assert report.kept_as_notes == {"skos:Concept/skos:scopeNote": 1}
    assert report.converted["skos:prefLabel literal → preferred term"] == 15
    lines = report.lines()
    assert "  not mapped (dropped):" in lines and "  kept as notes:" in lines and "  converted:" in lines


def test_french_comes_in_with_its_own_tag_and_an_export_can_leave_it_out() -> None:
    concept = read_skos(UNESCO).termbase.concepts["concept4941"]
    assert [t.text for t in concept.languages["fr"].terms] == ["Mesure", "Métrologie"]
    assert set(restrict(concept, ("en", "ru")).languages) == {"en", "ru"}


@pytest.mark.parametrize(("suffix", "syntax"), [(".rdf", "xml"), (".jsonld", "json-ld"), (".nt", "nt")])
def test_every_rdf_syntax_reads_the_same_vocabulary(tmp_path: Path, suffix: str, syntax: str) -> None:
    path = tmp_path / f"unesco{suffix}"
    path.write_text(Graph().parse(UNESCO).serialize(format=syntax), encoding="utf-8")
    assert format_for_path(path).name in ("skos-ttl", "skos-jsonld")
    again = read_skos(path).termbase
    original = read_skos(UNESCO).termbase
    assert again.concepts == original.concepts
    assert again.subjects == original.subjects


def test_glossary_import_writes_a_checked_term_base_and_prints_the_report(tmp_path: Path) -> None:
    code, output = run("import", str(UNESCO), "--into", str(tmp_path / "unesco"))
    assert code == 0, output
    assert "5 concepts, 20 terms" in output and "skos:Concept/skos:closeMatch" in output
    assert (
        load_termbase(tmp_path / "unesco").concepts["concept4943"].languages["ru"].terms[0].text == "Контроль качества"
    )


def test_glossary_export_takes_a_base_uri_and_refuses_a_bad_one(tmp_path: Path) -> None:
    small = str(FIXTURES / "small")
    code, output = run(
        "export", "--format", "skos-ttl", "--termbase", small, "--base-uri", "https://term.kz", "-o", "-"
    )
    assert code == 0, output
    assert "<https://term.kz/concept/iso>" in output
    code, output = run("export", "--format", "skos-ttl", "--termbase", small, "--base-uri", "javascript:x", "-o", "-")
    assert code == 2 and "--base-uri" in output
    code, output = run("export", "--format", "skos-jsonld", "--termbase", small, "-o", str(tmp_path / "s.jsonld"))
    assert code == 0 and json.loads((tmp_path / "s.jsonld").read_text())["@graph"]


def refusal(tmp_path: Path, name: str, text: str) -> FormatError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_skos(path)
    assert caught.value.file == str(path)
    return caught.value


def test_malformed_turtle_names_the_file_and_line(tmp_path: Path) -> None:
    error = refusal(
        tmp_path,
        "bad.ttl",
        '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<a> skos:prefLabel "x" ;\n  oops .\n',
    )
    assert error.line == 4 and "malformed RDF" in str(error)
    code, output = run("import", str(tmp_path / "bad.ttl"), "--into", str(tmp_path / "out"))
    assert code == 1 and f"{tmp_path / 'bad.ttl'}:4" in output


def test_malformed_json_ld_names_the_line(tmp_path: Path) -> None:
    assert refusal(tmp_path, "bad.jsonld", '{\n  "@id": "x",\n  oops\n}').line == 3


def test_a_remote_json_ld_context_is_never_fetched(tmp_path: Path) -> None:
    for context in (
        '"https://example.org/context.jsonld"',
        '{"@import": "https://example.org/c.jsonld"}',
        '[{"skos": "http://www.w3.org/2004/02/skos/core#"}, "https://example.org/c.jsonld"]',
        '{"label": {"@id": "http://example.org/label", "@context": "https://example.org/scoped.jsonld"}}',
    ):
        error = refusal(tmp_path, "remote.jsonld", f'{{"@context": {context}, "@id": "https://example.org/x"}}')
        assert "remote @context" in str(error)


def test_rdf_xml_goes_through_the_xml_guards(tmp_path: Path) -> None:
    entity = (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>&xxe;</rdf:Description></rdf:RDF>'
    )
    assert "entities" in str(refusal(tmp_path, "xxe.rdf", entity))
    external = '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "http://example.org/rdf.dtd">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    assert "DOCTYPE" in str(refusal(tmp_path, "dtd.rdf", external))
    assert refusal(tmp_path, "broken.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">\n<a>\n</rdf:RDF>').line == 4


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("glossary.formats.skos_read.MAX_RDF_BYTES", 100)
    error = refusal(tmp_path, "big.ttl", "# " + "x" * 200 + "\n")
    assert "limit" in str(error)


def test_foreign_uris_that_make_the_same_or_no_valid_id_are_renamed_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "clash.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<http://a.example/x> a skos:Concept ; skos:prefLabel "one"@en .\n'
        '<http://b.example/x> a skos:Concept ; skos:prefLabel "two"@en .\n'
        '<http://c.example/a%20b:c> a skos:Concept ; skos:prefLabel "three"@en .\n',
        encoding="utf-8",
    )
    result = read_skos(path)
    assert sorted(result.termbase.concepts) == ["a-b-c", "x", "x-2"]
    assert result.report.converted["concept URI whose last segment is not a free, valid id (renamed)"] == 2


def test_a_reliability_off_the_scale_is_reported_not_kept(tmp_path: Path) -> None:
    turtle = tmp_path / "bad-reliability.ttl"
    turtle.write_text(
        """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .
@prefix kt: <https://kazterm.example/ns#> .
<https://kazterm.example/concept/a> a skos:Concept ;
    skosxl:prefLabel <https://kazterm.example/concept/a#en-1> , <https://kazterm.example/concept/a#kk-1> .
<https://kazterm.example/concept/a#en-1> a skosxl:Label ; skosxl:literalForm "standard"@en ; kt:reliability 11 .
<https://kazterm.example/concept/a#kk-1> a skosxl:Label ; skosxl:literalForm "стандарт"@kk ; kt:reliability 9 .
""",
        encoding="utf-8",
    )
    outcome = get_format("skos-ttl").import_(turtle)
    terms = {term.text: term for section in outcome.termbase.concepts["a"].languages.values() for term in section.terms}
    assert terms["стандарт"].reliability == 9
    assert terms["standard"].reliability is None
    assert any("kt:reliability value '11'" in key for key in outcome.report.unmapped)
