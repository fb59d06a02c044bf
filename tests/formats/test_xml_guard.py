"""The DTD/entity guard holds in every encoding: it inspects the parsed document, not its bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.formats import FormatError, format_for_path
from glossary.tools.bilingual import BilingualError, parse_bilingual

TBX_BODY = (
    '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">\n'
    "<text><body><conceptEntry id='c1'><langSec xml:lang='en'><termSec><term>{term}</term></termSec></langSec>"
    "</conceptEntry></body></text></tbx>\n"
)
XLIFF_BODY = (
    '<xliff version="1.2"><file source-language="en" target-language="kk"><body>\n'
    '<trans-unit id="1"><source>{term}</source><target>x</target></trans-unit></body></file></xliff>\n'
)
#: (name, DOCTYPE line with its internal subset, text to put in the document, line of the first <!ENTITY).
ATTACKS = {
    "xxe": ('<!DOCTYPE tbx [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n', "&xxe;", 3),
    "billion-laughs": (
        '<!DOCTYPE tbx [\n<!ENTITY lol "lol">\n<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n]>\n',
        "&lol2;",
        3,
    ),
    "external-dtd": ('<!DOCTYPE tbx [\n<!ENTITY % dtd SYSTEM "http://example.invalid/x.dtd">\n%dtd;\n]>\n', "t", 3),
}
#: (name, codec, XML declaration or None).
ENCODINGS = [
    ("utf-8", "utf-8", "UTF-8"),
    ("utf-8-bom", "utf-8-sig", "UTF-8"),
    ("utf-16-bom", "utf-16", "UTF-16"),
    ("utf-16le", "utf-16-le", "UTF-16"),
    ("utf-16be", "utf-16-be", "UTF-16"),
    ("utf-16le-bom", "utf-16-le", "UTF-16"),
    ("utf-32", "utf-32", "UTF-32"),
    ("cp1251-declared", "cp1251", "windows-1251"),
    ("utf-16-declared-utf-8", "utf-16", "UTF-8"),
]


def document(body: str, attack: str, encoding: str) -> bytes:
    doctype, term, _ = ATTACKS[attack]
    codec, declared = next((codec, declared) for name, codec, declared in ENCODINGS if name == encoding)
    text = f'<?xml version="1.0" encoding="{declared}"?>\n{doctype}{body.format(term=term)}'
    data = text.encode(codec)
    return ("\ufeff".encode(codec) + data) if encoding == "utf-16le-bom" else data


@pytest.mark.parametrize("encoding", [name for name, _, _ in ENCODINGS])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_tbx_with_a_dtd_declaring_entities_is_refused_in_every_encoding(
    tmp_path: Path, attack: str, encoding: str
) -> None:
    path = tmp_path / f"{attack}.tbx"
    path.write_bytes(document(TBX_BODY, attack, encoding))
    with pytest.raises(FormatError, match=r"declares entities|UTF-32") as caught:
        format_for_path(path).import_(path)
    assert caught.value.file == str(path)
    if encoding != "utf-32":
        assert caught.value.line == ATTACKS[attack][2]


@pytest.mark.parametrize("encoding", [name for name, _, _ in ENCODINGS])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_xliff_with_a_dtd_declaring_entities_is_refused_in_every_encoding(attack: str, encoding: str) -> None:
    data = document(XLIFF_BODY, attack, encoding)
    with pytest.raises(BilingualError, match="declares entities") as caught:
        parse_bilingual(data, "upload.xlf")
    assert (caught.value.file, caught.value.line, caught.value.field) == ("upload.xlf", ATTACKS[attack][2], "DOCTYPE")


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-16-le", "utf-16-be"])
def test_a_plain_external_dtd_is_neither_fetched_nor_needed_in_any_encoding(tmp_path: Path, codec: str) -> None:
    declared = "UTF-16" if "16" in codec else "UTF-8"
    text = (
        f'<?xml version="1.0" encoding="{declared}"?>\n<!DOCTYPE tbx SYSTEM "http://example.invalid/tbx.dtd">\n'
        + TBX_BODY.format(term="term")
    )
    path = tmp_path / "plain.tbx"
    path.write_bytes(text.encode(codec))
    result = format_for_path(path).import_(path)
    assert [t.text for _, t in result.termbase.concepts["c1"].terms()] == ["term"]


def test_bom_less_utf_16_without_declaration_is_refused_as_malformed(tmp_path: Path) -> None:
    doctype, term, _ = ATTACKS["xxe"]
    path = tmp_path / "bare.tbx"
    path.write_bytes((doctype + TBX_BODY.format(term=term)).encode("utf-16-le"))
    with pytest.raises(FormatError, match=r"malformed XML|declares entities") as caught:
        format_for_path(path).import_(path)
    assert caught.value.file == str(path)


def test_an_entity_the_external_dtd_would_declare_is_refused_not_kept_as_text(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE martif SYSTEM "http://example.invalid/x.dtd">\n'
        '<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="iso"><langSet xml:lang="en"><tig><term>a &ext; b</term></tig></langSet></termEntry>\n'
        "</body></text></martif>\n"
    )
    path = tmp_path / "ext.tbx"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(FormatError, match="entity reference &ext; refused") as caught:
        format_for_path(path).import_(path)
    assert (caught.value.file, caught.value.line) == (str(path), 4)
    xliff = XLIFF_BODY.format(term="a &ext; b").replace(
        "<xliff", '<!DOCTYPE xliff SYSTEM "http://example.invalid/x">\n<xliff'
    )
    with pytest.raises(BilingualError, match="entity reference &ext; refused") as refused:
        parse_bilingual(xliff.encode("utf-16"), "ext.xlf")
    assert (refused.value.line, refused.value.field) == (3, "DOCTYPE")
