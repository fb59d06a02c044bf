"""Imports respect the rules ``glossary check`` enforces: ids are capped, links are http(s) only."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.formats.base import ImportOptions
from glossary.formats.idmap import IdMinter
from glossary.formats.importing import import_into
from glossary.formats.tbxread import read_tbx
from glossary.model import ID_MAX_LENGTH, ID_PATTERN
from glossary.termbase.load import load_termbase


def tbx(entries: str, back: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Limits</title></titleStmt></fileDesc></tbxHeader>
  <text><body>{entries}</body>{back}</text>
</tbx>
"""


def entry(concept_id: str, term: str, source: str = "") -> str:
    cited = f'<descripGrp><descrip type="definition">Def.</descrip><admin type="source">{source}</admin></descripGrp>'
    return (
        f'<conceptEntry id="{concept_id}"><langSec xml:lang="en">{cited if source else ""}'
        f"<termSec><term>{term}</term></termSec></langSec></conceptEntry>"
    )


def sources_back(*sources: tuple[str, str]) -> str:
    objects = "".join(
        f'<refObject><item type="id">{sid}</item><item type="title">T {sid}</item><item type="url">{url}</item>'
        "</refObject>"
        for sid, url in sources
    )
    return f'<back><refObjectSec type="sources">{objects}</refObjectSec></back>'


def test_the_minter_truncates_a_long_id_and_keeps_duplicates_within_the_cap() -> None:
    minter = IdMinter()
    longest = "a" * ID_MAX_LENGTH
    minted = [minter.mint(longest) for _ in range(12)] + [minter.mint("b" * 10_000)]
    assert minted[0] == longest
    assert len(set(minted)) == len(minted)
    assert all(len(m) <= ID_MAX_LENGTH and ID_PATTERN.match(m) for m in minted), [len(m) for m in minted]
    assert minted[1].endswith("-2") and minted[11].endswith("-12")


def test_a_tbx_with_an_overlong_and_repeated_ids_imports_within_the_cap(tmp_path: Path) -> None:
    longest = "x" * ID_MAX_LENGTH
    path = tmp_path / "long.tbx"
    path.write_text(
        tbx(entry("y" * 10_000, "huge") + entry(longest, "first") + entry(longest, "second")), encoding="utf-8"
    )
    rename = ImportOptions(on_duplicate="rename")  # the default, "fail", refuses the repeat (tested elsewhere)
    result = read_tbx(path, rename)
    ids = list(result.termbase.concepts)
    assert len(ids) == 3 and all(len(i) <= ID_MAX_LENGTH for i in ids), [len(i) for i in ids]
    assert ids[1] == longest
    assert result.report.converted["concept id changed to be valid and unique"] == 1  # the 10,000-character one
    [repeat] = result.report.duplicates  # the renamed repeat is reported with its line
    assert len(repeat.new_id) <= ID_MAX_LENGTH and repeat.new_id.endswith("-2")
    outcome = import_into(path, tmp_path / "tb", options=rename)
    assert outcome.errors == []
    assert sorted(load_termbase(tmp_path / "tb").concepts) == sorted(ids)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", " javascript:alert(1)", "vbscript:x"])
def test_a_tbx_source_url_other_than_http_is_dropped_and_reported(tmp_path: Path, url: str) -> None:
    path = tmp_path / "urls.tbx"
    back = sources_back(("evil", url), ("good", "https://example.org/a?b=1&amp;c=2"))
    path.write_text(tbx(entry("c1", "one", "evil") + entry("c2", "two", "good"), back), encoding="utf-8")
    result = read_tbx(path)
    sources = result.termbase.sources
    assert sources["evil"].url == "" and sources["evil"].title == "T evil"
    assert sources["good"].url == "https://example.org/a?b=1&c=2"
    assert result.report.unmapped["back/sources url that is not an http or https address"] == 1
    outcome = import_into(path, tmp_path / "tb")
    assert outcome.errors == []
    assert load_termbase(tmp_path / "tb").sources["evil"].url == ""


def test_a_free_text_citation_becomes_a_link_only_when_it_is_a_web_address(tmp_path: Path) -> None:
    path = tmp_path / "cited.tbx"
    path.write_text(
        tbx(entry("c1", "one", "javascript:alert(1)") + entry("c2", "two", "https://example.org/x")), encoding="utf-8"
    )
    sources = read_tbx(path).termbase.sources
    assert {s.title: s.url for s in sources.values()} == {
        "javascript:alert(1)": "",
        "https://example.org/x": "https://example.org/x",
    }


def test_a_tbx_cannot_make_the_term_base_read_a_file_outside_it(tmp_path: Path) -> None:
    """A sentence file named in the back matter without its sentences would be read from the importer's disk."""
    secret = tmp_path / "secret.txt"
    secret.write_text("password=hunter2\n", encoding="utf-8")
    objects = (
        f'<refObject><item type="id">s</item><item type="title">S</item><item type="file">{secret}</item>'
        '<item type="original">../../../../etc/passwd</item></refObject>'
        '<refObject><item type="id">kept</item><item type="title">K</item><item type="file">../x.txt</item>'
        '<item type="sentences">One.\nTwo.</item></refObject>'
    )
    path = tmp_path / "files.tbx"
    back = f'<back><refObjectSec type="sources">{objects}</refObjectSec></back>'
    path.write_text(tbx(entry("c1", "one", "s") + entry("c2", "two", "kept:2"), back), encoding="utf-8")
    result = read_tbx(path)
    assert (result.termbase.sources["s"].file, result.termbase.sources["s"].original) == ("", "")
    assert result.report.unmapped["back/sources file named without its sentences"] == 1
    assert result.report.unmapped["back/sources original named without its sentences"] == 1
    outcome = import_into(path, tmp_path / "tb")
    assert outcome.errors == []
    loaded = load_termbase(tmp_path / "tb")
    assert loaded.sources["s"].sentences == ()
    assert loaded.sources["kept"].sentences == ("One.", "Two."), "sentences that come with the file are kept"
    assert "hunter2" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "tb").rglob("*.*"))
