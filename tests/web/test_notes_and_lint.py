"""Notes and source titles in the reader's language, and lint's results on the About and concept pages."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from glossary.lint.findings import Finding
from glossary.search.index import build_index
from glossary.termbase.load import load_termbase
from tests.conftest import FIXTURES
from tests.web.support import WEB_FIXTURE, build
from web import create_app
from web.present.lint import RULE_LABELS, field_in_words, terminologist_notes

PLANTED = FIXTURES / "lint" / "planted"
ENGLISH_ONLY = "An English-only remark on the council."
KK_FALLBACK = "Қазақ тіліне әлі аударылмаған; бар нұсқасы көрсетілген (ағылшын тілі)."
RU_FALLBACK = "Ещё не переведено на русский язык; показан имеющийся вариант (английский)."
EN_FALLBACK = "Not yet translated into English; shown in"


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def section(html: str, css_class: str) -> str:
    """The ``<section class="css_class">`` of a page, or "" when the page has none."""
    match = re.search(rf'<section class="{css_class}".*?</section>', html, re.S)
    return match.group(0) if match else ""


@pytest.fixture(scope="module")
def notes_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web fixture with a note in kk, ru and en, an English-only note, and source titles per language."""
    target = tmp_path_factory.mktemp("notes") / "base"
    shutil.copytree(WEB_FIXTURE, target)
    iso = target / "concepts" / "iso.yaml"
    iso.write_text(
        iso.read_text(encoding="utf-8")
        .replace(
            '  - text: "The texts disagree on the founding year: 1946 and 1947."\n    lang: en\n',
            "  - text:\n"
            "      kk: 'Мәтіндерде құрылған жыл әртүрлі: 1946 және 1947.'\n"
            "      ru: 'Тексты расходятся в годе основания: 1946 и 1947.'\n"
            "      en: 'The texts disagree on the founding year: 1946 and 1947.'\n",
        )
        .replace("relations:\n", f"  - text: {ENGLISH_ONLY}\n    lang: en\nrelations:\n", 1),
        encoding="utf-8",
    )
    sources = target / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        .replace(
            "  title: Стандарттау туралы оқу мәтіні\n",
            "  title:\n"
            "    kk: Стандарттау туралы оқу мәтіні\n"
            "    ru: Учебный текст о стандартизации\n"
            "    en: A reader on standardization\n",
        )
        .replace(
            "  title: The project's own translation\n",
            "  title:\n    en: The project's own translation\n    kk: Жобаның өз аудармасы\n"
            "    ru: Собственный перевод проекта\n",
        ),
        encoding="utf-8",
    )
    return target


def app_over(termbase: Path, index: Path) -> Flask:
    return create_app({"TESTING": True, "TERMBASE": str(termbase), "INDEX_DIR": str(index)})


@pytest.fixture(scope="module")
def notes_client(notes_base: Path, tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    return app_over(notes_base, build(notes_base, tmp_path_factory.mktemp("notes-index"))).test_client()


@pytest.fixture(scope="module")
def planted_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    return app_over(PLANTED, build(PLANTED, tmp_path_factory.mktemp("planted-index"))).test_client()


def notes_section(client: FlaskClient, path: str) -> str:
    return section(client.get(path).get_data(as_text=True), "notes")


def test_the_fixture_has_a_trilingual_and_an_english_only_remark(notes_base: Path) -> None:
    notes = load_termbase(notes_base).concepts["iso"].notes
    assert [(n.lang, n.group) for n in notes] == [("kk", 0), ("ru", 0), ("en", 0), ("en", 1)]


@pytest.mark.parametrize(
    ("code", "version", "mark"),
    [
        ("kk", "Мәтіндерде құрылған жыл әртүрлі: 1946 және 1947.", KK_FALLBACK),
        ("ru", "Тексты расходятся в годе основания: 1946 и 1947.", RU_FALLBACK),
    ],
)
def test_a_remark_is_shown_in_the_readers_language_and_a_fallback_is_marked(
    notes_client: FlaskClient, code: str, version: str, mark: str
) -> None:
    html = notes_section(notes_client, f"/{code}/concept/iso")
    assert f'<span class="note-text" lang="{code}">{version}</span>' in html
    assert "The texts disagree" not in html  # the other versions of the remark are not shown
    assert f'<span class="note-text" lang="en">{ENGLISH_ONLY}</span>' in html
    assert mark in text_of(html)
    assert text_of(html).count(mark) == 1  # the translated remark carries no mark
    fallback = re.search(r'<li class="fallback">.*?</li>', html, re.S)
    assert fallback and ENGLISH_ONLY in fallback.group(0) and mark in text_of(fallback.group(0))


def test_an_english_reader_meets_no_fallback(notes_client: FlaskClient) -> None:
    html = notes_section(notes_client, "/en/concept/iso")
    assert '<span class="note-text" lang="en">The texts disagree on the founding year: 1946 and 1947.</span>' in html
    assert ENGLISH_ONLY in html
    assert EN_FALLBACK not in html and 'class="fallback"' not in html


def test_a_remark_in_kazakh_only_is_marked_for_an_english_reader(notes_base: Path, tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(notes_base, base)
    iso = base / "concepts" / "iso.yaml"
    iso.write_text(
        iso.read_text(encoding="utf-8").replace(
            f"  - text: {ENGLISH_ONLY}\n    lang: en\n", "  - text: Тек қазақша жазылған ескертпе.\n    lang: kk\n"
        ),
        encoding="utf-8",
    )
    client = app_over(base, build(base, tmp_path / "index")).test_client()
    html = notes_section(client, "/en/concept/iso")
    assert '<span class="note-text" lang="kk">Тек қазақша жазылған ескертпе.</span>' in html
    assert "Not yet translated into English; shown in Kazakh." in text_of(html)


def test_the_json_twin_gives_every_version_of_each_remark(notes_client: FlaskClient) -> None:
    for code in ("kk", "en"):
        notes = notes_client.get(f"/{code}/concept/iso.json").get_json()["notes"]
        assert notes == [
            {
                "text": {
                    "kk": "Мәтіндерде құрылған жыл әртүрлі: 1946 және 1947.",
                    "ru": "Тексты расходятся в годе основания: 1946 и 1947.",
                    "en": "The texts disagree on the founding year: 1946 and 1947.",
                },
                "sources": ["text:2", "text:3"],
            },
            {"text": ENGLISH_ONLY, "lang": "en"},
        ]


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("kk", "Стандарттау туралы оқу мәтіні"),
        ("ru", "Учебный текст о стандартизации"),
        ("en", "A reader on standardization"),
    ],
)
def test_source_titles_are_shown_in_the_interface_language_everywhere(
    notes_client: FlaskClient, code: str, title: str
) -> None:
    others = {"Стандарттау туралы оқу мәтіні", "Учебный текст о стандартизации", "A reader on standardization"} - {
        title
    }
    pages = {
        "sources": notes_client.get(f"/{code}/sources/").get_data(as_text=True),
        "source": notes_client.get(f"/{code}/sources/text").get_data(as_text=True),
        "about": notes_client.get(f"/{code}/about").get_data(as_text=True),
        "concept": notes_client.get(f"/{code}/concept/iso").get_data(as_text=True),  # citations
    }
    for name, html in pages.items():
        assert title in html, name
        assert not any(other in html for other in others), name
    assert f"<h1>{title}</h1>" in pages["source"]
    assert f"<title>{title}" in pages["source"]
    assert notes_client.get(f"/{code}/sources/text.json").get_json()["title"] == title
    listed = notes_client.get(f"/{code}/sources.json").get_json()
    assert listed["text"]["title"] == title
    assert listed["text"]["titles"]["ru"] == "Учебный текст о стандартизации"
    assert notes_client.get(f"/{code}/about.json").get_json()["sources"]["text"]["title"] == title


def test_a_source_title_without_the_readers_language_falls_back_to_the_first_given(notes_client: FlaskClient) -> None:
    html = notes_client.get("/kk/sources/").get_data(as_text=True)
    assert "Жобаның өз аудармасы" in html
    assert "The project's own translation" in unescape(notes_client.get("/en/sources/").get_data(as_text=True))


def test_the_about_page_sums_up_lint_in_html_and_json(planted_client: FlaskClient) -> None:
    data = planted_client.get("/en/about.json").get_json()["lint"]
    assert data == {
        "concepts": 15,
        "errors": 12,
        "warnings": 2,
        "rules": {
            "circular": 2,
            "discouraged-term": 1,
            "gap": 2,
            "language": 1,
            "script": 2,
            "siblings": 1,
            "suffix-harmony": 4,
            "year": 1,
        },
    }
    html = section(planted_client.get("/en/about").get_data(as_text=True), "lint-summary")
    words = text_of(html)
    assert "15 concepts checked" in words and "12 errors" in words and "2 warnings" in words
    row = re.search(r'<tr id="rule-suffix-harmony">.*?</tr>', html, re.S)
    assert row and "Suffix harmony" in row.group(0) and '<td class="count">4</td>' in row.group(0)
    assert "vowel" not in words and "agrees with how the abbreviation" in words
    ru = text_of(section(planted_client.get("/ru/about").get_data(as_text=True), "lint-summary"))
    assert "Проверка качества" in ru and "12 ошибок" in ru and "2 предупреждения" in ru
    assert "Сингармонизм аффиксов" in ru and "Круговые определения" in ru
    kk = text_of(section(planted_client.get("/kk/about").get_data(as_text=True), "lint-summary"))
    assert "Сапа тексерісі" in kk and "15 ұғым тексерілді" in kk and "Жалғау үндестігі" in kk


def test_every_rule_of_lint_has_a_name_and_an_explanation_in_the_web() -> None:
    from glossary.lint import RULES

    assert set(RULES) == set(RULE_LABELS)


@pytest.mark.parametrize(
    ("code", "place", "words"),
    [
        ("en", "Kazakh usage note of «ГОСТ»", "«ГОСТ-ның»: the suffix does not agree"),
        ("ru", "Примечание об употреблении термина «ГОСТ» (казахский)", "«ГОСТ-ның»: аффикс не согласуется"),
        ("kk", "«ГОСТ» терминінің қолданылу ескертпесі (қазақ тілі)", "«ГОСТ-ның»: жалғау дефис алдындағы"),
    ],
)
def test_a_concepts_findings_are_terminologist_notes_in_the_interface_language(
    planted_client: FlaskClient, code: str, place: str, words: str
) -> None:
    html = section(planted_client.get(f"/{code}/concept/gost").get_data(as_text=True), "qa-notes")
    assert html, "no terminologist notes on a concept with a planted defect"
    assert place in text_of(html) and words in text_of(html)
    assert "ГОСТ-тың, ГОСТ-нің" in html
    assert 'class="qa-error"' in html


def test_terminologist_notes_word_every_kind_and_name_the_field(planted_client: FlaskClient) -> None:
    expected = {
        "codex": ["Kazakh definition", "is a deprecated term. Use «Біріккен", "Note 1", "no version in: Kazakh"],
        "european-standard": ["Russian definition", "«CEN» is in the other script; the term base has «СЕН»"],
        "iso-9000-2": ["English definition", "The definition gives 1994; the designation gives 1993."],
        "standardization": ["The definition begins with its own term «Стандарттау»"],
        "cis": ["The Kazakh text has none of Kazakh's own letters"],
        "copolco": ["Kazakh term «Тұтынушылар саясаты туралы комитет»", "its sibling concepts use «жөніндегі»"],
    }
    for concept_id, phrases in expected.items():
        words = text_of(section(planted_client.get(f"/en/concept/{concept_id}").get_data(as_text=True), "qa-notes"))
        for phrase in phrases:
            assert phrase in words, (concept_id, phrase, words)
        assert "languages." not in words  # fields are named in words, not as paths


def test_a_clean_concept_has_no_terminologist_notes(planted_client: FlaskClient) -> None:
    clean = [
        c
        for c in ("casco", "infco", "cen", "fao")
        if not planted_client.get(f"/en/concept/{c}.json").get_json()["lint"]
    ]
    assert clean, "the planted base should have clean concepts"
    for concept_id in clean:
        html = planted_client.get(f"/en/concept/{concept_id}").get_data(as_text=True)
        assert 'class="qa-notes"' not in html and "Terminologist notes" not in html


def test_the_concept_json_twin_carries_the_findings(planted_client: FlaskClient) -> None:
    lint = planted_client.get("/ru/concept/gost.json").get_json()["lint"]
    assert lint == [
        {
            "rule": "suffix-harmony",
            "severity": "error",
            "kind": "suffix",
            "field": "languages.kk.terms[0].usage_note",
            "subject": "ГОСТ-ның",
            "hint": "ГОСТ-тың, ГОСТ-нің",
            "message": "«ГОСТ-ның»: the suffix does not agree with how «ГОСТ» is read; "
            "the reading allows ГОСТ-тың, ГОСТ-нің",
        }
    ]


def test_an_index_built_without_lint_shows_no_lint(tmp_path: Path) -> None:
    build_index(load_termbase(PLANTED), tmp_path / "index", source_dir=PLANTED, lint=False)
    client = app_over(PLANTED, tmp_path / "index").test_client()
    assert client.get("/en/about.json").get_json()["lint"] is None
    assert 'class="lint-summary"' not in client.get("/en/about").get_data(as_text=True)
    assert "lint" not in client.get("/en/concept/gost.json").get_json()
    assert 'class="qa-notes"' not in client.get("/en/concept/gost").get_data(as_text=True)


def test_a_finding_of_an_unknown_kind_keeps_the_cores_english_message(app: Flask) -> None:
    concept = load_termbase(WEB_FIXTURE).concepts["iso"]
    finding = Finding("", 0, "languages.ru.terms[1].text", "something new", "new-rule", "warning", "iso", kind="new")
    with app.test_request_context("/ru/"):
        app.preprocess_request()
        (note,) = terminologist_notes([finding], concept)
        assert (note.text, note.lang, note.place) == ("something new", "en", "Термин «ИСО» (русский)")


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("languages.kk.definition.text", "Kazakh definition"),
        ("languages.kk.definition", "Kazakh definition"),
        ("languages.ru.terms", "Russian terms"),
        ("languages.kk.terms[1].usage_note", "Kazakh usage note of «ИСО»"),
        ("languages.kk.terms[0].contexts[0].text", "Kazakh context of «Халықаралық стандарттау ұйымы»"),
        ("notes[1].text.kk", "note 2 (Kazakh)"),
        ("notes[0].text", "note 1"),
        ("relations[0]", "relations[0]"),
    ],
)
def test_fields_are_named_in_words(app: Flask, field: str, words: str) -> None:
    concept = load_termbase(WEB_FIXTURE).concepts["iso"]
    with app.test_request_context("/en/"):
        app.preprocess_request()
        assert field_in_words(field, concept) == words
