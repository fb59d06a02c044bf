"""The ``html`` export, a printable dictionary: what the round-trip contract proves for the other formats, read back.

The format cannot be imported, so instead of a round trip each export is
parsed with lxml.html and checked against the concepts it was given: every
concept has its entry, with every exported term and definition, the entries
and "see" lines stand in the sort language's alphabetical order, each under
the heading of its first letter, and the letter index links to every heading.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.formats import REGISTRY, ExportOptions, FormatError, export_termbase, format_for_path, get_format
from glossary.formats.filters import filter_concepts
from glossary.formats.html_dictionary import HtmlDictionaryFormat, sort_language
from glossary.formats.html_labels import LABELS, PageLabels, long_date, page_language
from glossary.model import Concept, Definition, LanguageSection, Source, SourceText, Term, Termbase
from glossary.text.alphabets import OTHER, first_letter, sort_key
from tests.formats.contract import TERMBASES, termbase_named

HtmlElement = lxml.html.HtmlElement


def export(termbase: Termbase, **options: object) -> bytes:
    buffer = io.BytesIO()
    export_termbase(get_format("html"), termbase.concepts.values, buffer, ExportOptions(info=termbase, **options))  # type: ignore[arg-type]
    return buffer.getvalue()


def parse(data: bytes) -> HtmlElement:
    return lxml.html.document_fromstring(data.decode("utf-8"))


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def nfc(text: str) -> str:
    """The dictionary files and sorts words by their composed form: и + breve is й."""
    return unicodedata.normalize("NFC", text)


def squeezed(text: str) -> str:
    return " ".join(text.split())


def check_dictionary(data: bytes, concepts: list[Concept], lang: str) -> HtmlElement:
    """The checks the round-trip contract stands in for; returns the parsed page."""
    page = parse(data)
    alphabet_lang = lang.split("-", maxsplit=1)[0]
    # every concept: one entry holding all its terms and definitions
    entries = {article.get("id"): article for article in page.iter("article")}
    assert set(entries) == {f"c-{concept.id}" for concept in concepts}
    for concept in concepts:
        shown = text_of(entries[f"c-{concept.id}"])
        for _, term in concept.terms():
            assert squeezed(term.text) in shown, (concept.id, term.text)
        for section in concept.languages.values():
            if section.definition:
                assert squeezed(section.definition.text) in shown, concept.id
    # headings in the alphabet's order, entries and "see" lines in order under the right heading
    headings = [h for h in page.iter("h2") if h.get("id", "").startswith("letter-")]
    assert headings, "a dictionary without letter headings"
    numbers = [int(h.get("id").removeprefix("letter-")) for h in headings]
    assert numbers == sorted(numbers)
    index = {a.get("href") for a in page.xpath("//nav[@class='letters']//a")}
    assert index == {f"#{h.get('id')}" for h in headings}
    previous: tuple[object, ...] | None = None
    for heading in headings:
        section = heading.getparent()
        words = [
            text_of(node)
            for node in section.xpath(
                ".//article/h3[@class='headword'] | .//p[@class='entry reference']/span[@class='term']"
            )
        ]
        assert words, heading.text
        letter = heading.text_content()
        for word in map(nfc, words):
            bucket = first_letter(word, alphabet_lang)
            assert (bucket.upper() if bucket != OTHER else LABELS[page_language(lang)].other) == letter, word
            key = (sort_key(word, alphabet_lang), word)
            assert previous is None or previous <= key, (previous, word)
            previous = key
    return page


@pytest.mark.parametrize("name", list(TERMBASES))
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_concept_is_in_the_dictionary_in_alphabetical_order(name: str, lang: str) -> None:
    termbase = termbase_named(name)
    data = export(termbase, source_lang=lang)
    page = check_dictionary(data, list(termbase.concepts.values()), lang)
    assert page.get("lang") == lang
    assert LABELS[lang].definition in page.text_content() or not any(
        s.definition for c in termbase.concepts.values() for s in c.languages.values()
    )


def test_a_filtered_slice_holds_just_that_slice_in_the_chosen_languages() -> None:
    termbase = termbase_named("bundled")
    options = {"languages": ("ru", "en"), "subjects": ("organizations",), "statuses": ("preferred",)}
    data = export(termbase, **options)
    chosen = list(filter_concepts(termbase.concepts.values(), **options))  # type: ignore[arg-type]
    assert 0 < len(chosen) < len(termbase.concepts)
    page = check_dictionary(data, chosen, "ru")
    assert page.get("lang") == "ru"
    assert not page.xpath("//*[@lang='kk']")  # Kazakh was not chosen
    assert "Число понятий: " + str(len(chosen)) in page.text_content()
    one = export(termbase, ids=("org-iso",), languages=("en", "kk"))
    assert [a.get("id") for a in parse(one).iter("article")] == ["c-org-iso"]
    assert parse(one).get("lang") == "en"


def word_base(words: list[str]) -> Termbase:
    """One concept per Kazakh word, with a Russian equivalent, and the source every definition cites."""
    concepts = {}
    for number, word in enumerate(words):
        concepts[f"w{number}"] = Concept(
            id=f"w{number}",
            languages={
                "kk": LanguageSection(
                    "kk", (Term(word, status="preferred"),), Definition(f"{word} деген сөз", Source("src", number + 1))
                ),
                "ru": LanguageSection("ru", (Term(f"слово {number}", status="preferred"),)),
            },
        )
    source = SourceText("src", "Source", title_by_lang=(("kk", "Дереккөз мәтіні"), ("ru", "Текст-источник")))
    return Termbase(name="Words", languages=("kk", "ru"), concepts=concepts, sources={"src": source})


def test_kazakh_order_covers_its_own_letters_and_the_russian_ones() -> None:
    words = ["ұйым", "үкімет", "ана", "һәм", "әке", "ғалым", "іс", "ыдыс", "ңызылдау", "өлшем", "қала", "кітап"]
    words += ["ёлка", "ел", "съезд", "сызба", "ь-белгі", "ъ-белгі", "экран", "ISO 9001", "2024 жыл", "и\u0306од"]
    page = parse(export(word_base(words), source_lang="kk"))
    headwords = [text_of(h) for h in page.xpath("//h3[@class='headword']")]
    assert headwords == [
        "ана", "әке", "ғалым", "ел", "ёлка", "и\u0306од", "кітап", "қала", "ңызылдау", "өлшем", "съезд", "сызба",
        "ұйым", "үкімет", "һәм", "ъ-белгі", "ыдыс", "іс", "ь-белгі", "экран", "2024 жыл", "ISO 9001",
    ]  # fmt: skip
    headings = [h.text_content() for h in page.iter("h2")]
    assert headings == [
        "А", "Ә", "Ғ", "Е", "Ё", "Й", "К", "Қ", "Ң", "Ө", "С", "Ұ", "Ү", "Һ", "Ъ", "Ы", "І", "Ь", "Э", "Басқа",
        "Дереккөздер",
    ]  # fmt: skip
    # the decomposed й (и + breve) is filed under Й, as its composed form
    under_y = page.xpath("//h2[.='Й']/..//h3")
    assert [text_of(h) for h in under_y] == ["и\u0306од"]
    # the letter index lists the whole alphabet, linking the letters that have words
    index = [li.text_content() for li in page.xpath("//nav[@class='letters']//li")]
    assert index[:3] == ["А", "Ә", "Б"] and index[-1] == "Басқа"
    assert not page.xpath("//nav//a[@href='#letter-2']")  # no word starts with б


def test_the_page_speaks_the_sort_language() -> None:
    base = word_base(["ана"])
    for lang, words in {
        "kk": ("Анықтама", "Дереккөз", "Дереккөз мәтіні", "1-сөйлем", "Жасалған күні", "Әріптер"),
        "ru": ("Определение", "Источник", "Текст-источник", "предложение 1", "Дата составления", "Буквы"),
    }.items():
        page = parse(export(base, source_lang=lang))
        content = page.text_content()
        assert page.get("lang") == lang
        for word in words:
            assert word in content or word in lxml.html.tostring(page, encoding="unicode"), (lang, word)
        assert "[src:1]" in content  # the locator itself


def test_the_sort_language_is_the_source_language_else_the_first_chosen_else_the_first_declared() -> None:
    base = word_base(["ана"])
    assert sort_language(ExportOptions(source_lang="ru", languages=("en", "kk")), []) == "ru"
    assert sort_language(ExportOptions(languages=("en", "kk")), []) == "en"
    assert sort_language(ExportOptions(info=base), []) == "kk"
    assert sort_language(ExportOptions(), list(base.concepts.values())) == "kk"
    assert page_language("kk-KZ") == "kk" and page_language("de") == "en"


def test_the_label_tables_are_complete_and_in_three_languages() -> None:
    assert set(LABELS) == {"kk", "ru", "en"}
    fields = PageLabels.__dataclass_fields__
    for name in fields:
        values = {lang: getattr(labels, name) for lang, labels in LABELS.items()}
        assert all(values.values()), name
        assert len(set(values.values())) == 3, (name, values)  # really translated
    for labels in LABELS.values():
        assert "{count}" in labels.concepts and "{date}" in labels.generated and "{n}" in labels.sentence


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</style><style>body{display:none}",
    "a\x00b\x1bc\x7fd",
    "&amp; &lt;",
    "\u202eevil\u202c",
]


def test_hostile_text_is_shown_as_text_and_never_becomes_markup() -> None:
    concepts = {}
    for number, text in enumerate(HOSTILE):
        concepts[f"h{number}"] = Concept(
            id=f"h{number}",
            languages={
                "en": LanguageSection("en", (Term(text, status="preferred"), Term(f"{text} alt")), Definition(text)),
                "kk": LanguageSection("kk", (Term(f"қ {text}"),)),
            },
        )
    base = Termbase(name="<b>name</b>", description="<i>x</i>", languages=("en", "kk"), concepts=concepts)
    data = export(base)
    page = parse(data)
    assert not page.xpath("//script | //img | //b | //i") and len(page.xpath("//style")) == 1
    assert page.find(".//title").text == "<b>name</b>"
    content = page.text_content()
    for text in HOSTILE:
        shown = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", text)
        assert shown in content, text
    assert b"\x00" not in data and b"\x1b" not in data


def test_the_page_is_self_contained() -> None:
    data = export(termbase_named("bundled"))
    page = parse(data)
    assert not page.xpath("//script | //link | //img | //iframe | //object | //*[@src] | //*[@style]")
    for anchor in page.iter("a"):
        href = anchor.get("href")
        assert href.startswith("#") or href.startswith(("http://", "https://")), href
        if href.startswith("#"):
            assert page.get_element_by_id(href[1:]) is not None, href


def test_export_streams_from_a_one_shot_iterator_and_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    termbase = termbase_named("small")
    buffer = io.BytesIO()
    get_format("html").export((c for c in termbase.concepts.values()), buffer, ExportOptions(info=termbase))
    assert buffer.getvalue() == export(termbase) == export(termbase)
    written = long_date(dt.date(2025, 12, 1), "kk")  # "2025 ж. 1 желтоқсан", with CLDR's own spaces
    assert f"Жасалған күні: {written}" in buffer.getvalue().decode()  # the small base is Kazakh first


def test_it_is_registered_for_export_only() -> None:
    fmt = get_format("html")
    assert REGISTRY["html"] is HtmlDictionaryFormat is type(fmt)
    assert not fmt.importable and not fmt.bilingual
    assert fmt.mimetype == "text/html" and fmt.extensions[0] == ".html"
    with pytest.raises(FormatError, match="cannot tell the format"):
        format_for_path("dictionary.html")


def test_the_command_line_writes_it(tmp_path: Path) -> None:
    target = tmp_path / "dictionary.html"
    result = CliRunner().invoke(
        main, ["export", "--format", "html", "--source-lang", "RU", "--langs", "ru,kk", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    page = parse(target.read_bytes())
    assert page.get("lang") == "ru" and page.find(".//h2").text_content() == "А"
    termbase = termbase_named("bundled")
    chosen = list(filter_concepts(termbase.concepts.values(), languages=("ru", "kk")))
    check_dictionary(target.read_bytes(), chosen, "ru")
    result = CliRunner().invoke(main, ["import", str(target), "--into", str(tmp_path / "base")])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_an_empty_selection_is_an_empty_dictionary_not_an_error() -> None:
    termbase = termbase_named("small")
    buffer = io.BytesIO()
    get_format("html").export([], buffer, replace(ExportOptions(info=termbase)))
    page = parse(buffer.getvalue())
    assert not page.xpath("//article") and page.find(".//h1") is not None


def test_a_concept_without_a_term_in_the_sort_language_is_filed_under_another() -> None:
    base = word_base(["ана"])
    base.concepts["ru-only"] = Concept(
        id="ru-only", languages={"ru": LanguageSection("ru", (Term("бюро", status="preferred"),))}
    )
    page = parse(export(base, source_lang="kk"))
    headword = page.xpath("//article[@id='c-ru-only']/h3")[0]
    assert headword.text_content() == "бюро" and headword.get("lang") == "ru"
    assert headword.xpath("ancestor::section/h2")[0].text_content() == "Б"  # а Kazakh letter too
    german = parse(export(base, source_lang="de", languages=("de", "kk")))
    assert german.get("lang") == "en"  # no German labels: English
    assert "Languages: Kazakh" in german.text_content() and "German" not in german.text_content()
