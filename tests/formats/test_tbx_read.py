"""How foreign TBX shapes map onto the model: nothing dropped without a count."""

from __future__ import annotations

from pathlib import Path

from glossary.formats.base import ImportReport
from glossary.formats.tbxdoc import TbxDocument
from glossary.formats.tbxread import TbxReader, read_tbx

V2_SHAPES = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><titleStmt><title>Shapes</title></titleStmt>
    <sourceDesc><p>Made by hand</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="e1">
      <descrip type="definition">Defined without a language.</descrip>
      <note xml:lang="de">Nur auf Deutsch.</note>
      <ref type="cross-reference" target="e2-t1">other</ref>
      <langSet xml:lang="en-us">
        <ntig id="e1-t1">
          <termGrp><term>first</term><termNote type="termType">acronym</termNote></termGrp>
          <descrip type="context">A first context.</descrip>
          <admin type="source">Handbook, p. 3</admin>
        </ntig>
        <tig><term>first</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>  spaced   out </term><termNote type="grammaticalGender">neuter</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="e2">
      <descrip type="subjectField">Stellar Birth</descrip>
      <langSet xml:lang="kk"><tig id="e2-t1"><term>екінші</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_foreign_v2_shapes(tmp_path: Path) -> None:
    path = tmp_path / "shapes.tbx"
    path.write_text(V2_SHAPES, encoding="utf-8")
    result = read_tbx(path)
    termbase, report = result.termbase, result.report
    assert termbase.name == "Shapes"
    assert termbase.description == "Made by hand"
    assert termbase.languages == ("en-us", "de", "kk")
    first = termbase.concepts["e1"]
    section = first.languages["en-us"]
    assert section.definition is not None
    assert section.definition.text == "Defined without a language."
    assert [t.text for t in section.terms] == ["first", "spaced out"]
    assert section.terms[0].type == "acronym"
    assert report.converted["duplicate term in one language section (merged)"] == 1
    assert report.converted["term text whitespace normalized"] == 1
    assert [n.lang for n in first.notes if n.text == "Nur auf Deutsch."] == ["de"]
    assert any("grammaticalGender: neuter" in n.text for n in first.notes)
    assert report.kept_as_notes["termNote[@type='grammaticalGender'] value 'neuter'"] == 1
    assert [(r.type, r.target) for r in first.relations] == [("related", "e2")]
    subject = termbase.concepts["e2"].subjects[0]
    assert termbase.subjects[subject].labels == {"en": "Stellar Birth"}


def test_reader_hands_the_resolver_unresolved_drafts(tmp_path: Path) -> None:
    path = tmp_path / "shapes.tbx"
    path.write_text(V2_SHAPES, encoding="utf-8")
    report = ImportReport(file=str(path))
    document = TbxReader(path, report).read()
    assert isinstance(document, TbxDocument)
    assert (document.path, document.lang) == (path, "en")
    assert document.header.title == "Shapes"
    assert document.header.fallback_description == ["Made by hand"]
    assert document.header.languages is None
    first, second = document.concepts
    assert (first.xml_id, second.xml_id) == ("e1", "e2")
    assert first.relations == [("related", "e2-t1")]
    assert first.inner_ids == ["e1-t1"]
    assert [d.text for d in first.orphan_definitions] == ["Defined without a language."]
    assert [t.text for t in first.sections["en-us"].terms] == ["first", "spaced out"]
    assert second.subjects == ["Stellar Birth"]
    assert report.concepts == 2
    assert report.converted["subject field turned into a subjects.yaml entry"] == 0


def test_empty_notes_and_contexts_are_counted_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "empty.tbx"
    path.write_text(
        '<martif type="TBX" xml:lang="en"><text><body><termEntry id="e"><note> </note>'
        '<langSet xml:lang="en"><tig><term>t</term><descrip type="context"></descrip><note/></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    result = read_tbx(path)
    concept = result.termbase.concepts["e"]
    assert concept.notes == ()
    assert concept.languages["en"].terms[0].contexts == ()
    assert result.report.unmapped["entry/note (empty)"] == 1
    assert result.report.unmapped["termSec/context (empty)"] == 1
    assert result.report.unmapped["termSec/note (empty)"] == 1
