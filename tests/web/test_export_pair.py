"""The export page takes a bilingual format's default pair from the library rule (ExportOptions.pair)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from glossary.formats import ExportOptions


def _languages_in(body: str, candidates: list[str]) -> set[str]:
    return {code for code in candidates if f'lang="{code}"' in body}


@pytest.mark.parametrize(
    ("query", "options"),
    [
        ("", ExportOptions()),
        ("&from=ru", ExportOptions(source_lang="ru")),
        ("&to=en", ExportOptions(target_lang="en")),
        ("&lang=en&lang=ru", ExportOptions(languages=("en", "ru"))),
    ],
)
def test_missing_ends_of_the_pair_follow_export_options_pair(
    client: FlaskClient, query: str, options: ExportOptions
) -> None:
    languages = client.get("/en/export.json").get_json()["languages"]
    source, target = options.pair(languages)
    response = client.get(f"/en/export/download?format=tbx2{query}")
    assert response.status_code == 200
    body = response.data.decode()
    assert _languages_in(body, languages) == {source, target}
    assert f'<martif type="TBX" xml:lang="{source}">' in body


def test_a_pair_that_cannot_be_worked_out_is_a_400(client: FlaskClient) -> None:
    response = client.get("/en/export/download?format=tbx2&from=kk&to=kk")
    assert response.status_code == 400
    assert "two different languages" in response.get_data(as_text=True)
