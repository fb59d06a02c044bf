"""Language ranges in web parameters (``lang=``, ``from=``/``to=``, ``target=``) on a base tagged en-us, de-de, de-at."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from glossary.formats import import_into
from tests.conftest import FIXTURES
from tests.web.support import build
from web import create_app

REGIONAL = FIXTURES / "formats" / "regional" / "regional.csv"
TAGS = "en-us, de-de, de-at, kk"


@pytest.fixture(scope="module")
def regional(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("regional")
    import_into(REGIONAL, folder / "base")
    return folder / "base", build(folder / "base", folder / "index")


@pytest.fixture
def client(regional: tuple[Path, Path]) -> FlaskClient:
    termbase, index = regional
    return create_app({"TESTING": True, "TERMBASE": str(termbase), "INDEX_DIR": str(index)}).test_client()


def test_api_search_target_and_lang_take_ranges_and_answer_real_tags(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=Lift&lang=DE-AT&target=en,de").get_json()
    hit = body["results"][0]
    assert hit["matched"]["lang"] == "de-at"
    assert set(hit["terms"]) == {"en-us", "de-de", "de-at"}
    body = client.get("/api/v1/search?q=elevator&lang=en&target=de-at").get_json()
    assert body["results"][0]["matched"]["lang"] == "en-us"
    assert set(body["results"][0]["terms"]) == {"en-us", "de-at"}
    suggested = client.get("/api/v1/suggest?q=Jä&lang=de-AT").get_json()
    assert [(s["lang"], s["text"]) for s in suggested["suggestions"]] == [("de-at", "Jänner")]


@pytest.mark.parametrize("query", ["lang=fr", "target=en,fr", "target=*&lang=*"])
def test_api_search_refuses_an_unknown_range_naming_the_parameter(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/v1/search?q=Lift&{query}")
    assert response.status_code == 400
    message = response.get_json()["error"]
    assert TAGS in message
    assert ("'lang'" in message) or ("'target'" in message)


def test_api_target_wildcard_selects_every_language(client: FlaskClient) -> None:
    hit = client.get("/api/v1/search?q=Lift&target=*").get_json()["results"][0]
    assert set(hit["terms"]) == {"en-us", "de-de", "de-at"}


def test_export_download_lang_from_and_to_take_ranges(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=csv&lang=EN&lang=de")
    assert response.status_code == 200
    header = next(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [column for column in header if ":" not in column][2:5] == ["en-us", "de-de", "de-at"]
    assert "kk" not in header
    response = client.get("/en/export/download?format=omegat-tsv&from=de-AT&to=en")
    assert response.status_code == 200
    assert "Jänner\tJanuary" in response.data.decode()
    response = client.get("/en/export/download?format=omegat-tsv&from=de&to=en")
    assert "Januar\tJanuary" in response.data.decode()  # one tag per end: the exact one, else the first


@pytest.mark.parametrize("query", ["lang=fr", "from=fr", "to=en-gb", "from=*"])
def test_export_download_refuses_an_unknown_range(client: FlaskClient, query: str) -> None:
    response = client.get(f"/en/export/download?format=omegat-tsv&{query}")
    assert response.status_code == 400
    assert query.split("=")[1] in response.get_data(as_text=True)


def test_search_page_from_and_to_take_ranges(client: FlaskClient) -> None:
    body = client.get("/en/index.json?q=Lift&from=de-AT&to=EN").get_json()
    assert body["query"]["from"] == "de-at" and body["query"]["to"] == "en-us"
    assert body["hits"][0]["matched"]["lang"] == "de-at"
    assert client.get("/en/index.json?q=Lift&from=fr").get_json()["query"]["from"] == ""  # dropped, as before
    html = client.get("/en/?q=Lift&to=en").get_data(as_text=True)
    assert "elevator" in html
    assert "Aufzug" not in html  # only the chosen target language


def test_tools_lang_takes_a_range(client: FlaskClient) -> None:
    response = client.post("/api/v1/recognize", json={"text": "The elevator stops in January.", "lang": "EN"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["lang"] == "en-us"
    assert len(body["matches"]) == 2
    response = client.post("/api/v1/recognize", json={"text": "x", "lang": "fr"})
    assert response.status_code == 400
    assert TAGS in response.get_data(as_text=True)
