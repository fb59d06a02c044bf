"""Export: the form offers every registered format; downloads come from the same registry."""

from __future__ import annotations

import csv
import io

import pytest
from flask.testing import FlaskClient
from lxml import etree

from glossary.formats import REGISTRY


def test_export_form_offers_every_registered_format_languages_and_subjects(client: FlaskClient) -> None:
    html = client.get("/ru/export/").get_data(as_text=True)
    for name in REGISTRY:
        assert f'value="{name}"' in html
    assert "TBX-Basic v3 (ISO 30042:2019), все языки" in html
    assert 'name="lang" id="lang-kk" value="kk"' in html
    assert 'name="subject" id="subject-organizations" value="organizations"' in html
    assert 'action="/ru/export/download"' in html


def test_download_one_concept_as_tbx(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=tbx&id=iso")
    assert response.status_code == 200
    assert response.mimetype == REGISTRY["tbx"].mimetype
    assert response.headers["Content-Disposition"] == 'attachment; filename="iso.tbx"'
    root = etree.fromstring(response.data)
    entries = root.findall(".//{*}conceptEntry")
    assert [e.get("id") for e in entries] == ["iso"]
    assert "iso-council" not in response.data.decode()  # nor a cross-reference to a concept left out


def test_download_filtered_csv_by_language_and_subject(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=csv&lang=kk&lang=en&subject=standardization")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    text = response.data.decode("utf-8-sig")
    assert "стандарт" in text and "standard" in text
    assert "Нормативный" not in text and "универсальный" not in text  # Russian was not chosen
    assert "ISO" not in text  # organizations is not in the chosen subject
    assert len(rows) >= 3


def test_bilingual_format_uses_the_chosen_pair(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=tbx2&from=kk&to=ru")
    assert response.status_code == 200
    body = response.data.decode()
    assert 'lang="kk"' in body and 'lang="ru"' in body and 'lang="en"' not in body


def test_language_parameters_are_ranges_matched_without_regard_to_case(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=tbx2&from=KK-kz&to=RU")
    assert response.status_code == 200
    body = response.data.decode()
    assert 'lang="kk"' in body and 'lang="ru"' in body and 'lang="KK' not in body  # the base's real tags
    text = client.get("/en/export/download?format=csv&lang=KK,En").data.decode("utf-8-sig")
    assert text.startswith("id,subjects,kk,") and ",ru," not in text and ",en," in text
    response = client.get("/en/export/download?format=csv&lang=kk&lang=de")
    assert response.status_code == 400 and "de" in response.get_data(as_text=True)


def test_unknown_format_is_a_clear_400(client: FlaskClient) -> None:
    response = client.get("/kk/export/download?format=docx")
    assert response.status_code == 400
    assert "Экспорт пішімі белгісіз." in response.get_data(as_text=True)


def test_export_form_has_a_json_twin(client: FlaskClient) -> None:
    data = client.get("/en/export.json").get_json()
    assert [f["name"] for f in data["formats"]] == list(REGISTRY)
    assert data["formats"][0]["download"].startswith("/en/export/download?format=")
    assert data["languages"] == ["kk", "ru", "en"] and "organizations" in data["subjects"]


@pytest.mark.parametrize("name", ["tbx2", "omegat-tsv", "weblate-csv", "csv", "tbx"])
@pytest.mark.parametrize("query", ["from=xx", "from=kk&to=xx", "to=xx", "lang=xx", "lang=kk&lang=zz"])
def test_an_unknown_language_is_a_clear_400_for_every_format(client: FlaskClient, name: str, query: str) -> None:
    response = client.get(f"/en/export/download?format={name}&{query}")
    assert response.status_code == 400, response.data[:200]
    assert "The term base has no language" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["tbx2", "omegat-tsv", "weblate-csv"])
def test_a_pair_a_bilingual_format_cannot_carry_is_a_400(client: FlaskClient, name: str) -> None:
    assert client.get(f"/en/export/download?format={name}&from=kk&to=kk").status_code == 400


@pytest.mark.parametrize("name", ["omegat-tsv", "weblate-csv"])
def test_a_known_pair_exports_rows(client: FlaskClient, name: str) -> None:
    response = client.get(f"/en/export/download?format={name}&from=kk&to=en")
    assert response.status_code == 200 and response.data.count(b"\n") >= 2
