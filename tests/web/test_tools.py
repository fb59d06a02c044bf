"""The tools pages and API through Flask's test client, over an index of tests/fixtures/tools."""

from __future__ import annotations

import io
import json
import re
from html import unescape
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from lxml import html as lxml_html

from tests.conftest import FIXTURES
from tests.web.support import build
from web import create_app
from web.api import tools as api_tools
from web.pages import tools as page_tools
from web.services import get_recognizer, get_searcher

TOOLS_BASE = FIXTURES / "tools"
TEXTS = FIXTURES / "texts"
KK_TEXT = (TEXTS / "kk.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tools_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(TOOLS_BASE, tmp_path_factory.mktemp("tools-index"))


@pytest.fixture
def app(tools_index: Path) -> Flask:
    return create_app({"TESTING": True, "TERMBASE": str(TOOLS_BASE), "INDEX_DIR": str(tools_index)})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _hits(html: str) -> list[str]:
    """The highlighted surfaces, in order."""
    return [unescape(m) for m in re.findall(r'<span class="term-hit[^"]*" tabindex="0"[^>]*>([^<]*)<span', html)]


# --- check a text ------------------------------------------------------------------------


@pytest.mark.parametrize("ui", ["kk", "ru", "en"])
def test_check_text_form_is_served_in_every_interface_language(client: FlaskClient, ui: str) -> None:
    response = client.get(f"/{ui}/tools/check-text")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<textarea id="text" name="text"' in html
    assert 'enctype="multipart/form-data"' in html
    assert f'<html lang="{ui}"' in html


def test_check_text_highlights_every_term_with_focusable_tooltips(client: FlaskClient) -> None:
    response = client.post("/en/tools/check-text", data={"text": KK_TEXT, "lang": "kk"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    expected = [line.split("\t")[0] for line in (TEXTS / "kk.expected.tsv").read_text(encoding="utf-8").splitlines()]
    assert _hits(html) == expected
    # Without the tooltips, the marked-up text is the text as it was sent.
    marked = lxml_html.fromstring(html).find_class("marked-text")[0]
    for tip in marked.find_class("term-tip"):
        tip.drop_tree()
    assert marked.text_content() == KK_TEXT
    assert 'href="/en/concept/iec"' in html
    assert 'role="tooltip"' in html
    assert "International Electrotechnical Commission" in html
    # The deprecated Kazakh form is marked, and the allowed term offered.
    assert '<span class="term-hit deprecated" tabindex="0"' in html
    assert "Use: стандарттау" in html


def test_check_text_lists_terms_with_counts(client: FlaskClient) -> None:
    html = client.post("/en/tools/check-text", data={"text": KK_TEXT, "lang": "kk"}).get_data(as_text=True)
    table = html[html.index('<table class="found-terms">') :]
    row = table[table.index('href="/en/concept/iso"') :]
    assert re.search(
        r'<td class="count">3</td>\s*<td lang="kk">Халықаралық стандарттау ұйымының, ИСО-ның, ИСО-ға</td>', row
    )


def test_check_text_lists_nested_terms_under_their_match(client: FlaskClient) -> None:
    html = client.post(
        "/ru/tools/check-text", data={"text": "Фонд нормативных документов пополнен.", "lang": "ru"}
    ).get_data(as_text=True)
    assert _hits(html) == ["Фонд нормативных документов"]  # the longest match still wins the highlight
    hit = lxml_html.fromstring(html).find_class("term-hit")[0]
    assert "has-nested" in hit.get("class")
    (inside,) = hit.find_class("tip-nested")
    assert inside.find_class("tip-nested-heading")[0].text_content() == "Термины внутри"
    assert "нормативных документов" in inside.text_content()
    assert "normative document" in inside.text_content()  # its equivalents, for the translator
    assert inside.xpath(".//a/@href") == ["/ru/concept/normative-document"]
    # The nested concept is a row of the list too, so the glossary offered below matches it.
    table = html[html.index('<table class="found-terms">') :]
    assert 'href="/ru/concept/normative-document"' in table


def test_document_glossary_page_includes_nested_concepts(client: FlaskClient) -> None:
    response = client.post(
        "/en/tools/check-text/glossary",
        data={"text": "ISO technical committees", "lang": "en", "format": "csv"},
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "ISO technical committee" in body and "technical committee" in body
    assert "International Organization for Standardization" in body


def test_check_text_escapes_markup(client: FlaskClient) -> None:
    html = client.post(
        "/en/tools/check-text", data={"text": "<script>alert(1)</script> стандарт", "lang": "ru"}
    ).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert _hits(html) == ["стандарт"]


def test_check_text_accepts_an_upload(client: FlaskClient) -> None:
    data = {"lang": "ru", "text": "", "file": (io.BytesIO("Оценка соответствия по ГОСТ.".encode()), "doc.txt")}
    html = client.post("/en/tools/check-text", data=data, content_type="multipart/form-data").get_data(as_text=True)
    assert _hits(html) == ["Оценка соответствия"]


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"lang": "kk", "text": "   "}, 400, "Paste a text or choose a file."),
        ({"lang": "de", "text": "standard"}, 400, "&#39;lang&#39; must be one of kk, ru, en"),
        (
            {"lang": "kk", "file": (io.BytesIO(b"ok\n\xff\xfe"), "latin.txt")},
            400,
            "latin.txt, line 2: the file is not UTF-8 text.",
        ),
    ],
)
def test_check_text_bad_input_is_explained(
    client: FlaskClient, data: dict[str, object], status: int, message: str
) -> None:
    response = client.post("/en/tools/check-text", data=data, content_type="multipart/form-data")
    assert response.status_code == status
    assert message in response.get_data(as_text=True)


def test_check_text_size_limit(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_tools, "PAGE_TEXT_LIMIT", 20)
    response = client.post("/en/tools/check-text", data={"lang": "kk", "text": "стандарт " * 5})
    assert response.status_code == 413
    assert "the limit is 20" in response.get_data(as_text=True)


def test_document_glossary_download_holds_the_concepts_found(client: FlaskClient) -> None:
    text = "Техникалық комитеттің отырысында МЭК-тің стандарттары қаралды."
    response = client.post("/en/tools/check-text/glossary", data={"text": text, "lang": "kk", "format": "tbx"})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="glossary-kk.tbx"'
    body = response.get_data(as_text=True)
    assert body.count("<conceptEntry") == 3
    assert "Международная электротехническая комиссия" in body
    assert "Межгосударственный совет" not in body
    tsv = client.post(
        "/en/tools/check-text/glossary", data={"text": text, "lang": "kk", "format": "omegat-tsv", "to": "en"}
    ).get_data(as_text=True)
    assert "техникалық комитет\ttechnical committee" in tsv
    bad = client.post("/en/tools/check-text/glossary", data={"text": text, "lang": "kk", "format": "docx"})
    assert bad.status_code == 400


# --- check a translation -------------------------------------------------------------------


def test_check_translation_from_two_columns(client: FlaskClient) -> None:
    data = {
        "source_lang": "kk",
        "target_lang": "ru",
        "source": "Техникалық комитеттің отырысы өтті.\nСтандарттау мен сертификаттау.",
        "target": "Состоялось заседание технического комитета.\nСтандартизирование и сертификация.",
    }
    response = client.post("/en/tools/check-translation", data=data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "2 segments" in html
    assert "1 with problems" in html
    assert "found 1 of 1" in html
    assert '<del class="term" lang="ru">Стандартизирование</del>' in html
    assert "Use: стандартизация" in html
    assert (
        'href="/en/concept/technical-committee">техникалық комитет</a>' not in html
    )  # labels follow the interface language
    assert 'href="/en/concept/technical-committee">technical committee</a>' in html


def test_check_translation_from_a_file_takes_its_languages(client: FlaskClient) -> None:
    upload = (io.BytesIO((TEXTS / "kk-ru.xlf").read_bytes()), "report.xlf")
    data = {"source_lang": "ru", "target_lang": "en", "file": upload}
    html = client.post("/ru/tools/check-translation", data=data, content_type="multipart/form-data").get_data(
        as_text=True
    )
    assert '<p class="segment-text" lang="kk">Сәйкестікті бағалау туралы.</p>' in html
    assert '<p class="segment-text" lang="ru">Об оценке соответствия.</p>' in html


def test_check_translation_bad_file_names_line_and_field(client: FlaskClient) -> None:
    upload = (io.BytesIO(b'<xliff version="1.2">\n<file><body>\n<trans-unit>'), "broken.xlf")
    data = {"source_lang": "kk", "target_lang": "ru", "file": upload}
    response = client.post("/en/tools/check-translation", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "broken.xlf:3 XML:" in response.get_data(as_text=True)
    same = client.post(
        "/en/tools/check-translation", data={"source_lang": "kk", "target_lang": "kk", "source": "а", "target": "б"}
    )
    assert same.status_code == 400


# --- API -----------------------------------------------------------------------------------------


def test_api_recognize(client: FlaskClient) -> None:
    text = "Международные стандарты ИСО и МЭК"
    response = client.post("/api/v1/recognize?ui=ru", json={"text": text, "lang": "ru"})
    assert response.status_code == 200
    body = response.get_json()
    matches = body["matches"]
    assert [(m["start"], m["end"], m["surface"], m["concept_id"]) for m in matches] == [
        (0, 23, "Международные стандарты", "international-standard"),
        (24, 27, "ИСО", "iso"),
        (30, 33, "МЭК", "iec"),
    ]
    assert matches[1]["term"] == {"text": "ИСО", "lang": "ru", "status": "preferred"}
    assert body["total"] == 3 and body["truncated"] is False
    assert [n["surface"] for n in matches[0]["nested"]] == ["стандарты"]
    assert matches[1]["nested"] == [] and body["nested_total"] == 1
    assert set(body["concepts"]) == {"international-standard", "standard", "iso", "iec"}
    assert body["concepts"]["iso"]["url"] == "/ru/concept/iso"
    assert response.headers["Access-Control-Allow-Methods"] == "POST, OPTIONS"
    assert {"text": "ISO", "type": "acronym", "status": "preferred"} in body["concepts"]["iso"]["terms"]["en"]


def test_api_recognize_lists_each_concept_once_and_caps_the_matches(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_tools, "API_MATCH_LIMIT", 3)
    body = client.post("/api/v1/recognize", json={"text": "ISO IEC " * 3, "lang": "en"}).get_json()
    assert [m["concept_id"] for m in body["matches"]] == ["iso", "iec", "iso"]
    assert body["total"] == 6 and body["truncated"] is True
    assert set(body["concepts"]) == {"iso", "iec"}
    body = client.post("/api/v1/recognize", json={"text": "ISO ISO", "lang": "en"}).get_json()
    assert set(body["concepts"]) == {"iso"} and body["truncated"] is False


def test_api_recognize_answer_is_bounded_for_the_longest_text(client: FlaskClient) -> None:
    """500k characters of one term: once 134 MB of repeated term lists, now a capped list of small matches."""
    response = client.post("/api/v1/recognize", json={"text": "ISO " * 125_000, "lang": "en"})
    body = response.get_json()
    assert body["total"] == 125_000 and body["truncated"] is True
    assert len(body["matches"]) == api_tools.API_MATCH_LIMIT
    assert len(response.get_data()) < 2_000_000


def test_api_recognize_reports_the_terms_nested_in_each_match(client: FlaskClient) -> None:
    body = client.post("/api/v1/recognize", json={"text": "Фонд нормативных документов", "lang": "ru"}).get_json()
    (fund,) = body["matches"]
    assert fund["concept_id"] == "normative-documents-fund"
    assert fund["nested"] == [
        {
            "start": 5,
            "end": 27,
            "surface": "нормативных документов",
            "concept_id": "normative-document",
            "term": {"text": "нормативный документ", "lang": "ru", "status": "preferred"},
        }
    ]
    assert body["concepts"]["normative-document"]["url"] == "/en/concept/normative-document"
    body = client.post("/api/v1/recognize", json={"text": "ISO technical committees", "lang": "en"}).get_json()
    assert [n["concept_id"] for n in body["matches"][0]["nested"]] == ["iso", "technical-committee"]
    assert body["total"] == 1 and body["nested_total"] == 2
    plain = client.post(
        "/api/v1/recognize", json={"text": "ISO technical committees", "lang": "en", "nested": False}
    ).get_json()
    assert "nested" not in plain["matches"][0] and "nested_total" not in plain
    assert set(plain["concepts"]) == {"iso-technical-committee"}


def test_api_recognize_nested_entries_count_toward_the_match_cap(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_tools, "API_MATCH_LIMIT", 5)
    text = "ISO technical committees. " * 3
    body = client.post("/api/v1/recognize", json={"text": text, "lang": "en"}).get_json()
    assert [len(m["nested"]) for m in body["matches"]] == [2, 1]
    assert (body["total"], body["nested_total"], body["truncated"]) == (3, 6, True)


def test_api_recognize_answer_with_nested_terms_is_bounded_for_the_longest_text(client: FlaskClient) -> None:
    response = client.post("/api/v1/recognize", json={"text": "ISO technical committees " * 20_000, "lang": "en"})
    body = response.get_json()
    assert body["total"] == 20_000 and body["nested_total"] == 40_000 and body["truncated"] is True
    assert sum(1 + len(m["nested"]) for m in body["matches"]) == api_tools.API_MATCH_LIMIT
    assert len(response.get_data()) < 2_500_000


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"data": "not json", "content_type": "text/plain"}, 400, "The body must be a JSON object"),
        ({"json": {"lang": "kk"}}, 400, "'text' is required and must be a string"),
        ({"json": {"text": 5, "lang": "kk"}}, 400, "'text' is required"),
        ({"json": {"text": "x", "lang": "fr"}}, 400, "'lang' must be one of kk, ru, en, not 'fr'"),
        ({"json": {"text": "x" * 40, "lang": "kk"}}, 413, "the limit is 30"),
        ({"json": {"text": "x", "lang": "kk", "nested": "yes"}}, 400, "'nested' must be a boolean (true, false)"),
    ],
)
def test_api_recognize_errors(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, object], status: int, message: str
) -> None:
    monkeypatch.setattr(api_tools, "API_TEXT_LIMIT", 30)
    response = client.post("/api/v1/recognize", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    body = response.get_json()
    assert body["status"] == status
    assert message in body["error"]


@pytest.mark.parametrize(
    ("ui", "message"),
    [
        ("kk", "'lang' мәні мыналардың бірі болуы керек: kk, ru, en, ал берілгені: 'fr'"),
        ("ru", "'lang' должно быть одним из: kk, ru, en, а не 'fr'"),
        ("en", "'lang' must be one of kk, ru, en, not 'fr'"),
    ],
)
def test_api_errors_are_in_the_ui_language(client: FlaskClient, ui: str, message: str) -> None:
    response = client.post(f"/api/v1/recognize?ui={ui}", json={"text": "x", "lang": "fr"})
    assert response.get_json() == {"error": message, "status": 400}
    response = client.post(
        f"/api/v1/check?ui={ui}", json={"source_lang": "fr", "target_lang": "kk", "source": "x", "target": "y"}
    )
    assert response.get_json()["error"] == message.replace("'lang'", "'source_lang'")


def test_api_recognize_refuses_a_bad_ui_like_search(client: FlaskClient) -> None:
    response = client.post("/api/v1/recognize?ui=../x", json={"text": "ИСО", "lang": "ru"})
    assert response.status_code == 400
    assert "'ui'" in response.get_json()["error"]


def test_api_check_json_segments_and_upload(client: FlaskClient) -> None:
    body = {
        "source_lang": "ru",
        "target_lang": "kk",
        "segments": [{"id": "a", "source": "Национальные стандарты и ИСО.", "target": "Ұлттық стандарттар."}],
    }
    report = client.post("/api/v1/check", json=body).get_json()
    terms = {
        t["concepts"][0]: (t["source_count"], t["target_count"], t["status"]) for t in report["segments"][0]["terms"]
    }
    assert terms == {"national-standard": (1, 1, "ok"), "standard": (1, 1, "ok"), "iso": (1, 0, "missing")}
    assert report["summary"]["missing"] == 1
    upload = {"file": (io.BytesIO((TEXTS / "kk-ru.tsv").read_bytes()), "pairs.tsv")}
    report = client.post("/api/v1/check", data=upload, content_type="multipart/form-data").get_json()
    assert (report["source_lang"], report["target_lang"]) == ("kk", "ru")
    assert report["summary"]["segments"] == 5


def test_api_check_caps_the_listed_terms_and_deprecated_uses(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_tools, "API_MATCH_LIMIT", 3)
    segments = [
        {"source": "стандартизация", "target": "стандарттандыру стандарттандыру"},
        {"source": "стандартизация", "target": "стандарттандыру"},
        {"source": "стандартизация", "target": "стандарттау"},
    ]
    report = client.post("/api/v1/check", json={"source_lang": "ru", "target_lang": "kk", "segments": segments})
    report = report.get_json()
    assert report["truncated"] is True
    assert report["summary"]["segments"] == 3 and report["summary"]["deprecated"] == 3
    listed = report["segments"]
    assert [(len(s["terms"]), len(s["deprecated"])) for s in listed] == [(1, 2)]
    assert listed[0]["problems"] == 3  # the segment's own count, not that of what is listed
    whole = client.post("/api/v1/check", json={"source_lang": "ru", "target_lang": "kk", "segments": segments[1:]})
    assert whole.get_json()["truncated"] is False and len(whole.get_json()["segments"]) == 2


def test_api_check_answer_is_bounded_for_the_longest_target(client: FlaskClient) -> None:
    """31,000 deprecated uses in a 1 MB request: once an answer of over 6 MB, now capped."""
    body = {"source_lang": "ru", "target_lang": "kk", "source": "x", "target": "стандарттандыру " * 31_000}
    data = json.dumps(body, ensure_ascii=False).encode()
    response = client.post("/api/v1/check", data=data, content_type="application/json")
    report = response.get_json()
    assert report["truncated"] is True and report["summary"]["deprecated"] == 31_000
    assert sum(len(s["deprecated"]) for s in report["segments"]) == api_tools.API_MATCH_LIMIT
    assert len(response.get_data()) < 3_000_000


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"source_lang": "kk", "target_lang": "ru", "segments": "x"}, "'segments' must be a list"),
        ({"source_lang": "kk", "target_lang": "ru", "segments": [{"target": "y"}]}, "'segments[1]' must be an object"),
        ({"source_lang": "kk", "target_lang": "xx", "source": "a", "target": "b"}, "'target_lang' must be one of"),
        ({"source_lang": "kk", "target_lang": "ru", "source": "a"}, "'target' is required"),
    ],
)
def test_api_check_errors(client: FlaskClient, body: dict[str, object], message: str) -> None:
    response = client.post("/api/v1/check", json=body)
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_api_check_bad_upload_is_located(client: FlaskClient) -> None:
    upload = {"file": (io.BytesIO("kk\tru\nстандарт\n".encode()), "short.tsv")}
    response = client.post("/api/v1/check", data=upload, content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("short.tsv:2 target: missing")


def test_openapi_describes_the_tools(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert "post" in document["paths"]["/recognize"]
    assert "post" in document["paths"]["/check"]
    for name in ("RecognizeRequest", "Recognized", "CheckRequest", "CheckReport"):
        assert name in document["components"]["schemas"]


def test_one_recognizer_per_worker_index_and_language(app: Flask) -> None:
    with app.app_context():
        searcher = get_searcher()
        kk = get_recognizer(searcher, "kk")
        assert get_recognizer(searcher, "kk") is kk
        assert get_recognizer(searcher, "ru") is not kk


def test_tools_pages_are_localized(client: FlaskClient) -> None:
    assert "<h1>Мәтінді тексеру</h1>" in client.get("/kk/tools/check-text").get_data(as_text=True)
    assert "<h1>Проверка перевода</h1>" in client.get("/ru/tools/check-translation").get_data(as_text=True)
    data = {"source_lang": "kk", "target_lang": "ru", "source": "Стандарт.\nМетрология.", "target": "Стандарт.\n"}
    html = client.post("/ru/tools/check-translation", data=data).get_data(as_text=True)
    assert "2 сегмента" in html
    assert "найдено 1 из 1" in html
    assert '<h2 id="found-heading">Табылған терминдер</h2>' in client.post(
        "/kk/tools/check-text", data={"lang": "kk", "text": "Стандарттар"}
    ).get_data(as_text=True)


def test_api_without_an_index_answers_503(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "TERMBASE": str(TOOLS_BASE), "INDEX_DIR": str(tmp_path / "none")})
    response = app.test_client().post("/api/v1/recognize", json={"text": "стандарт", "lang": "kk"})
    assert response.status_code == 503
    assert response.get_json()["status"] == 503
