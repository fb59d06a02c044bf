"""A generated corpus of malformed and hostile input files, for the hostile-corpus test.

Nothing here is committed as data: :func:`cases` builds every case in
memory from a handful of valid documents (one per kind) and a list of
mutations: truncation at many points, wrong encodings and byte-order marks,
DTDs and entities, deep nesting, huge cells, NUL bytes, duplicate and
invalid ids, YAML tags and alias bombs, values of the wrong type, binary
garbage.  :func:`write` lays a case out on disk.

Every case says whether it must be refused (``must_fail``): a truncated
XML document always is, while a CSV or YAML file cut at a row boundary can
be a valid, shorter file, and is then allowed to be accepted.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import FIXTURES

#: Kinds: ``yaml`` is a term-base directory (one concept file replaced), the others one file each.
KINDS = ("yaml", "tbx", "tbx2", "csv", "weblate", "tsv", "xliff", "xliff2")
EXTENSIONS = {
    "yaml": ".yaml",
    "tbx": ".tbx",
    "tbx2": ".tbx",
    "csv": ".csv",
    "weblate": ".csv",
    "tsv": ".tsv",
    "xliff": ".xlf",
    "xliff2": ".xlf",
}
XML_KINDS = frozenset({"tbx", "tbx2", "xliff", "xliff2"})
#: The concept file a ``yaml`` case replaces in a copy of ``tests/fixtures/small``.
YAML_TARGET = "concepts/iso.yaml"

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt><sourceDesc><p>Corpus</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="iso">
      <descrip type="subjectField">Standardization</descrip>
      <langSec xml:lang="kk"><termSec><term>Халықаралық стандарттау ұйымы</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="ru"><termSec><term>Международная организация по стандартизации</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>International Organization for Standardization</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="iec">
      <langSec xml:lang="en"><descrip type="definition">An organization for electrotechnics.</descrip>
        <termSec><term>IEC</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""
TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Corpus</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="iso">
      <langSet xml:lang="kk"><tig><term>Халықаралық стандарттау ұйымы</term></tig></langSet>
      <langSet xml:lang="ru"><tig><term>Международная организация по стандартизации</term></tig></langSet>
    </termEntry>
    <termEntry id="iec">
      <langSet xml:lang="en"><tig><term>IEC</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""
CSV = (
    '"id","kk","ru","en"\r\n'
    '"iso","Халықаралық стандарттау ұйымы","Международная организация по стандартизации","ISO"\r\n'
    '"iec","Халықаралық электротехникалық комиссия","Международная электротехническая комиссия","IEC"\r\n'
)
WEBLATE = (
    "source,target,context,developer_comments\r\n"
    '"Халықаралық стандарттау ұйымы","Международная организация по стандартизации","iso","Ұйым"\r\n'
    '"Электротехникалық комиссия","Электротехническая комиссия","iec",""\r\n'
)
TSV = (
    "Халықаралық стандарттау ұйымы\tМеждународная организация по стандартизации\tҰйым\n"
    "Электротехникалық комиссия\tЭлектротехническая комиссия\t\n"
)
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="doc" source-language="kk" target-language="ru" datatype="plaintext"><body>
    <trans-unit id="u1"><source>Халықаралық стандарттау ұйымы</source>
      <target>Международная организация по стандартизации</target></trans-unit>
    <trans-unit id="u2"><source>Сәйкестікті бағалау</source><target>Оценка соответствия</target></trans-unit>
  </body></file>
</xliff>
"""
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="kk" trgLang="ru">
  <file id="f"><unit id="1"><segment><source>Стандарттау</source><target>Стандартизация</target></segment></unit>
  <unit id="2"><segment><source>Сәйкестікті бағалау</source><target>Оценка соответствия</target></segment></unit></file>
</xliff>
"""
YAML = (FIXTURES / "small" / YAML_TARGET).read_text(encoding="utf-8")
BASES = {
    "yaml": YAML,
    "tbx": TBX3,
    "tbx2": TBX2,
    "csv": CSV,
    "weblate": WEBLATE,
    "tsv": TSV,
    "xliff": XLIFF,
    "xliff2": XLIFF2,
}
#: Cells longer than the CSV reader's field limit (16 Mi characters).
HUGE = 16 * 1024 * 1024 + 10


@dataclass(frozen=True)
class Case:
    """One hostile input: its kind, a unique name, the bytes, and whether every reader must refuse it."""

    kind: str
    name: str
    data: bytes
    must_fail: bool = True

    @property
    def filename(self) -> str:
        return f"{self.name}{EXTENSIONS[self.kind]}"


def _truncations(kind: str, points: int = 30) -> Iterator[Case]:
    """The valid document cut at ``points`` places; XML is never cut after its root's start tag closes."""
    data = BASES[kind].encode("utf-8")
    end = data.rindex(b"</") if kind in XML_KINDS else len(data) - 1
    for step in range(points):
        cut = end * step // points
        yield Case(kind, f"{kind}-truncated-at-{cut}", data[:cut], must_fail=kind in XML_KINDS or cut < 8)


def _declared(text: str, encoding: str) -> str:
    return text.replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)


def _encodings(kind: str) -> Iterator[Case]:
    """Text in an encoding the reader must refuse (XML: bytes that contradict the declaration)."""
    text = BASES[kind]
    if kind in XML_KINDS:
        yield Case(kind, f"{kind}-cp1251-declared-utf8", text.encode("cp1251", errors="replace"))
        yield Case(kind, f"{kind}-koi8r-declared-utf8", text.encode("koi8-r", errors="replace"))
        yield Case(kind, f"{kind}-utf16le-no-bom-no-declaration", text.split("\n", 1)[1].encode("utf-16-le"))
        yield Case(kind, f"{kind}-utf16be-no-bom-no-declaration", text.split("\n", 1)[1].encode("utf-16-be"))
        yield Case(kind, f"{kind}-utf8-declared-utf16", _declared(text, "UTF-16").encode("utf-8"))
        yield Case(kind, f"{kind}-unknown-encoding", _declared(text, "x-no-such-encoding").encode("utf-8"))
        yield Case(
            kind,
            f"{kind}-utf8-bom-declared-cp1251-utf16",
            b"\xef\xbb\xbf" + _declared(text, "windows-1251").encode("utf-16-le"),
        )
        return
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r"):
        yield Case(kind, f"{kind}-{codec}", text.encode(codec, errors="replace"))
    yield Case(kind, f"{kind}-utf16-bom-then-utf8", b"\xff\xfe" + text.encode("utf-8"))
    yield Case(kind, f"{kind}-double-bom", b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode("utf-8"), must_fail=False)


ENTITY_ATTACKS = {
    "xxe": ('<!DOCTYPE {root} [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n', "&xxe;"),
    "xxe-http": ('<!DOCTYPE {root} [\n<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">\n]>\n', "&xxe;"),
    "laughs": (
        '<!DOCTYPE {root} [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">\n]>\n',
        "&d;",
    ),
    "parameter-entity": ('<!DOCTYPE {root} [\n<!ENTITY % ext SYSTEM "http://127.0.0.1:9/x.dtd">\n%ext;\n]>\n', "x"),
    "undeclared": ("", "&undeclared;"),
}
ROOTS = {"tbx": "tbx", "tbx2": "martif", "xliff": "xliff", "xliff2": "xliff"}
FIRST_TEXT = {
    "tbx": "Халықаралық стандарттау ұйымы",
    "tbx2": "Халықаралық стандарттау ұйымы",
    "xliff": "Сәйкестікті бағалау",
    "xliff2": "Стандарттау",
}


def _entities(kind: str) -> Iterator[Case]:
    """Each attack in UTF-8, UTF-16 (with and without BOM, both byte orders) and a declared cp1251."""
    head, body = BASES[kind].split("\n", 1)
    for attack, (doctype, reference) in ENTITY_ATTACKS.items():
        text = head + "\n" + doctype.format(root=ROOTS[kind]) + body.replace(FIRST_TEXT[kind], reference, 1)
        for label, codec, declared in (
            ("utf8", "utf-8", "UTF-8"),
            ("utf16", "utf-16", "UTF-16"),
            ("utf16le", "utf-16-le", "UTF-16"),
            ("utf16be", "utf-16-be", "UTF-16"),
            ("cp1251", "cp1251", "windows-1251"),
        ):
            yield Case(kind, f"{kind}-{attack}-{label}", _declared(text, declared).encode(codec, errors="replace"))


def _nesting(kind: str) -> Iterator[Case]:
    if kind in XML_KINDS:
        for depth in (300, 5000, 100_000):
            text = BASES[kind].replace(FIRST_TEXT[kind], "<g>" * depth + "deep" + "</g>" * depth, 1)
            yield Case(kind, f"{kind}-nested-{depth}", text.encode("utf-8"))
        text = BASES[kind].replace(FIRST_TEXT[kind], "<x>", 1)
        yield Case(kind, f"{kind}-unclosed-inline", text.encode("utf-8"))
    elif kind == "yaml":
        for depth in (1000, 50_000):
            yield Case(
                kind, f"yaml-nested-lists-{depth}", ("id: iso\nnotes: " + "[" * depth + "]" * depth + "\n").encode()
            )
            yield Case(
                kind,
                f"yaml-nested-maps-{depth}",
                ("id: iso\nnotes: " + "{a: " * depth + "1" + "}" * depth + "\n").encode(),
            )


def _huge(kind: str) -> Iterator[Case]:
    if kind in ("csv", "weblate"):
        cell = "я" * (HUGE // 2 + 1)  # two bytes a character: past the limit in characters, not only in bytes
        cell = cell + "x" * (HUGE - len(cell))
        yield Case(kind, f"{kind}-huge-cell", BASES[kind].replace("iso", cell, 1).encode("utf-8"))
    elif kind == "tsv":
        yield Case(kind, "tsv-huge-line", ("a\t" + "b" * HUGE + "\n").encode("ascii"))


def _nuls(kind: str) -> Iterator[Case]:
    data = BASES[kind].encode("utf-8")
    for fraction in (0, 1, 3, 5, 7, 9):
        at = len(data) * fraction // 10
        while at < len(data) and (data[at] & 0xC0) == 0x80:  # never split a UTF-8 sequence
            at += 1
        yield Case(kind, f"{kind}-nul-at-{at}", data[:at] + b"\x00" + data[at:])


def _garbage(kind: str, rng: random.Random) -> Iterator[Case]:
    yield Case(kind, f"{kind}-empty", b"")
    yield Case(kind, f"{kind}-bom-only", b"\xef\xbb\xbf")
    yield Case(kind, f"{kind}-whitespace-only", b" \n\t\r\n")
    yield Case(kind, f"{kind}-zip-header", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(200)))
    for n in range(4):
        yield Case(kind, f"{kind}-random-{n}", bytes(rng.randrange(256) for _ in range(64 << n)))


def _specific(kind: str) -> Iterator[Case]:
    """Duplicate and invalid ids, wrong roots and namespaces, values of the wrong type."""
    base = BASES[kind]
    if kind == "tbx":
        yield Case(kind, "tbx-duplicate-ids", base.replace('id="iec"', 'id="iso"').encode())
        many = base.replace(
            "<text><body>",
            "<text><body>"
            + '<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry>'
            * 2000,
        )
        yield Case(kind, "tbx-2000-duplicate-ids", many.encode())
        yield Case(kind, "tbx-no-namespace", base.replace(' xmlns="urn:iso:std:iso:30042:ed-2"', "").encode())
        yield Case(kind, "tbx-wrong-namespace", base.replace("urn:iso:std:iso:30042:ed-2", "urn:example:nope").encode())
        yield Case(kind, "tbx-wrong-root", base.replace("<tbx ", "<html ").replace("</tbx>", "</html>").encode())
        yield Case(kind, "tbx-no-entries", base.split("<text>")[0].encode() + b"<text><body/></text></tbx>\n")
        yield Case(kind, "tbx-langsec-without-lang", base.replace('<langSec xml:lang="ru">', "<langSec>").encode())
        yield Case(kind, "tbx-bad-id", base.replace('id="iso"', 'id="has space &amp; &lt;"').encode(), must_fail=False)
        yield Case(kind, "tbx-empty-id", base.replace('id="iso"', 'id=""').encode(), must_fail=False)
        yield Case(kind, "tbx-long-id", base.replace('id="iso"', f'id="{"i" * 20000}"').encode(), must_fail=False)
        yield Case(
            kind,
            "tbx-bad-date",
            base.replace(
                "<descrip",
                '<transacGrp><transac type="transactionType">origination</transac><date>2024-13-45</date></transacGrp><descrip',
                1,
            ).encode(),
            must_fail=False,
        )
        yield Case(kind, "tbx-control-character", base.replace("IEC", "I&#x1;EC").encode())
        yield Case(
            kind,
            "tbx-attribute-bomb",
            base.replace(
                '<conceptEntry id="iec"', "<conceptEntry " + " ".join(f'a{n}="{n}"' for n in range(3000)) + ' id="iec"'
            ).encode(),
            must_fail=False,
        )
    elif kind == "tbx2":
        yield Case(kind, "tbx2-duplicate-ids", base.replace('id="iec"', 'id="iso"').encode())
        yield Case(kind, "tbx2-no-lang", base.replace('<langSet xml:lang="en">', "<langSet>").encode())
        yield Case(kind, "tbx2-two-roots", (base + "<martif/>\n").encode())
        yield Case(kind, "tbx2-text-after-root", (base + "trailing text\n").encode())
    elif kind == "csv":
        yield Case(kind, "csv-duplicate-ids", base.replace('"iec"', '"iso"').encode())
        yield Case(kind, "csv-invalid-id", base.replace('"iec"', '"i e c/../x"').encode())
        yield Case(kind, "csv-empty-id", base.replace('"iec"', '""').encode())
        yield Case(kind, "csv-no-id-column", base.replace('"id"', '"key"').encode())
        yield Case(kind, "csv-unknown-column", base.replace('"en"', '"english language"').encode())
        yield Case(kind, "csv-short-row", (base + '"x","y"\r\n').encode())
        yield Case(kind, "csv-long-row", (base + '"x","y","z","w","v"\r\n').encode())
        yield Case(kind, "csv-unterminated-quote", (base + '"x","y\r\n').encode())
        yield Case(
            kind,
            "csv-bad-status",
            base.replace('"en"', '"en","en:status"')
            .replace('"ISO"', '"ISO","maybe"')
            .replace('"IEC"', '"IEC","x"')
            .encode(),
        )
        yield Case(kind, "csv-header-only", base.split("\r\n")[0].encode() + b"\r\n", must_fail=False)
    elif kind == "weblate":
        yield Case(kind, "weblate-duplicate-context", base.replace('"iec"', '"iso"').encode(), must_fail=False)
        yield Case(kind, "weblate-no-header", base.split("\r\n", 1)[1].encode())
        yield Case(kind, "weblate-unterminated-quote", (base + '"x,"y\r\n').encode())
    elif kind == "tsv":
        yield Case(kind, "tsv-one-column", b"only-one-column\n")
        yield Case(kind, "tsv-empty-source", "\tтек аударма\n".encode())
    elif kind == "xliff":
        yield Case(kind, "xliff-no-source", base.replace("<source>Сәйкестікті бағалау</source>", "").encode())
        yield Case(kind, "xliff-wrong-root", base.replace("<xliff ", "<tmx ").replace("</xliff>", "</tmx>").encode())
        yield Case(kind, "xliff-bad-code-point", base.replace("Сәйкестікті", '<cp hex="zz"/>').encode())
        yield Case(kind, "xliff-huge-code-point", base.replace("Сәйкестікті", '<cp hex="110000"/>').encode())
        yield Case(kind, "xliff-negative-code-point", base.replace("Сәйкестікті", '<cp hex="-1"/>').encode())
        yield Case(
            kind,
            "xliff-processing-instruction-doctype",
            base.replace("<xliff", '<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/x.dtd">\n<xliff', 1)
            .replace("Сәйкестікті", "&ext;")
            .encode(),
        )
    elif kind == "xliff2":
        yield Case(kind, "xliff2-no-source", base.replace("<source>Стандарттау</source>", "").encode())
    elif kind == "yaml":
        yield from _yaml_specific()


def _yaml_specific() -> Iterator[Case]:
    def y(name: str, text: str, must_fail: bool = True) -> Case:
        return Case("yaml", f"yaml-{name}", text.encode("utf-8"), must_fail)

    yield y("python-tag", "!!python/object/apply:os.system ['echo pwned']\n")
    yield y("python-name", "id: !!python/name:os.system\n")
    yield y("unknown-tag", "id: !custom iso\n")
    yield y(
        "alias-bomb",
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "id: iso\nlanguages: *f\n",
    )
    yield y("merge-key-loop", "base: &b {id: iso}\nother:\n  <<: *b\n  <<: *b\n")
    yield y("duplicate-id", YAML.replace("id: iso", "id: iso-council"))
    yield y("duplicate-key", "id: iso\nid: other\n" + YAML.split("\n", 1)[1])
    yield y("invalid-id", YAML.replace("id: iso", "id: '../../etc/passwd'"))
    yield y("empty-id", YAML.replace("id: iso", "id: ''"))
    yield y("numeric-id", YAML.replace("id: iso", "id: 12345"))
    yield y("long-id", YAML.replace("id: iso", "id: " + "i" * 20000))
    # A date, a number or yes/no where text is expected is text as written (YAML's implicit types are not applied).
    yield y("date-as-text", YAML.replace("text: Founded in 1947.", "text: 2024-01-01"), must_fail=False)
    yield y("bad-date", YAML.replace("text: Founded in 1947.", "text: 2024-13-45 25:61:00"), must_fail=False)
    yield y(
        "date-as-term", YAML.replace("{text: ISO, type: acronym", "{text: 2024-02-30, type: acronym"), must_fail=False
    )
    yield y("date-as-status", YAML.replace("status: preferred}", "status: 2024-01-01}", 1))
    yield y("date-as-bool", YAML.replace("case_sensitive: true}", "case_sensitive: 2024-01-01}"))
    yield y("timestamp-key", YAML + "2024-01-01: x\n")
    yield y("list-root", "- id: iso\n")
    yield y("scalar-root", "just a string\n")
    yield y("null-root", "~\n")
    yield y(
        "terms-as-string",
        YAML.replace(
            "    terms:\n      - {text: Международная", "    terms: oops\n    x:\n      - {text: Международная"
        ),
    )
    yield y("status-unknown", YAML.replace("status: preferred}", "status: prefered}", 1))
    yield y("float-text", YAML.replace("text: Founded in 1947.", "text: .nan"), must_fail=False)
    yield y("bool-not-bool", YAML.replace("case_sensitive: true}", "case_sensitive: maybe}"))
    yield y("bool-text", YAML.replace("{text: ISO, type: acronym", "{text: yes, type: acronym"), must_fail=False)
    yield y("relation-to-nowhere", YAML.replace("target: iso-council", "target: nowhere"))
    yield y("relation-bad-type", YAML.replace("type: narrower", "type: sideways"))
    yield y("source-unknown", YAML.replace("notes:2", "nosuchsource:2", 1))
    yield y("tab-indent", YAML.replace("  kk:", "\tkk:"))
    yield y("unclosed-flow", YAML.replace("status: preferred}", "status: preferred", 1))
    yield y("control-character", YAML.replace("Founded", "Found\x07ed"))
    yield y("lone-surrogate-escape", YAML.replace("text: Founded in 1947.", 'text: "\\ud800"'))
    yield y("huge-scalar", YAML.replace("text: Founded in 1947.", "text: " + "x" * (2 * 1024 * 1024)), must_fail=False)


def cases() -> list[Case]:
    """Every case, in a stable order with unique names (the same list on every run)."""
    rng = random.Random(12)
    found: list[Case] = []
    for kind in KINDS:
        found.extend(_truncations(kind))
        found.extend(_encodings(kind))
        if kind in XML_KINDS:
            found.extend(_entities(kind))
        found.extend(_nesting(kind))
        found.extend(_huge(kind))
        found.extend(_nuls(kind))
        found.extend(_garbage(kind, rng))
        found.extend(_specific(kind))
    names = [case.name for case in found]
    assert len(names) == len(set(names)), "case names must be unique"
    return found


def write(case: Case, folder: Path) -> Path:
    """Write ``case`` under ``folder``: its file, or for ``yaml`` a copy of the small fixture with the file in place."""
    if case.kind != "yaml":
        path = folder / case.filename
        path.write_bytes(case.data)
        return path
    directory = folder / case.name
    for source in (FIXTURES / "small").rglob("*"):
        if source.is_file():
            target = directory / source.relative_to(FIXTURES / "small")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    (directory / YAML_TARGET).write_bytes(case.data)
    return directory
