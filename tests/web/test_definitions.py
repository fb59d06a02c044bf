"""The definition a reader sees (issue #14 §5): the interface language's when the concept has one, else the matched.

On tests/fixtures/web, «standard» has Kazakh and Russian definitions and no
English one.  The same rule holds on the search page, its JSON-fed API
(``definition`` with a target) and in the core function both use.
"""

from __future__ import annotations

from flask.testing import FlaskClient

from glossary.model import Concept, Definition, LanguageSection
from glossary.search.results import reader_definition_lang

KK = "Келісім бойынша әзірленген нормативтік құжат."
RU = "Нормативный документ, разработанный на основе согласия."


def _definitions(html: str) -> list[str]:
    return [part.split("</p>")[0] for part in html.split('<p class="definition" ')[1:]]


def test_the_russian_interface_shows_the_russian_definition_of_a_kazakh_hit(client: FlaskClient) -> None:
    html = client.get("/ru/?q=стандарт&from=kk").get_data(as_text=True)
    assert f'lang="ru">{RU}' in _definitions(html)[0]
    assert KK not in html


def test_without_a_definition_in_the_interface_language_the_matched_one_shows(client: FlaskClient) -> None:
    html = client.get("/en/?q=стандарт&from=kk").get_data(as_text=True)
    assert _definitions(html)[0] == f'lang="kk">{KK}'
    html = client.get("/kk/?q=стандарт&from=ru").get_data(as_text=True)
    assert _definitions(html)[0] == f'lang="kk">{KK}'


def test_the_api_gives_the_readers_definition_with_the_targets(client: FlaskClient) -> None:
    def definitions(ui: str) -> dict[str, str]:
        body = client.get(f"/api/v1/search?q=стандарт&lang=kk&target=en&ui={ui}").get_json()
        first = body["results"][0]
        assert first["id"] == "standard"
        return {lang: entry["text"] for lang, entry in first["definition"].items()}

    assert definitions("ru") == {"ru": RU}
    assert definitions("en") == {"kk": KK}  # no English definition: the matched language's
    assert definitions("kk") == {"kk": KK}


def test_without_targets_the_api_gives_every_definition(client: FlaskClient) -> None:
    body = client.get("/api/v1/search?q=стандарт&lang=kk&ui=en").get_json()
    assert set(body["results"][0]["definition"]) == {"kk", "ru"}


def test_the_rule_itself() -> None:
    concept = Concept(
        "c",
        languages={
            "kk": LanguageSection("kk", definition=Definition("kk")),
            "ru": LanguageSection("ru", definition=Definition("ru")),
            "en": LanguageSection("en"),
        },
    )
    assert reader_definition_lang(concept, "ru", "kk") == "ru"
    assert reader_definition_lang(concept, "en", "kk") == "kk"
    assert reader_definition_lang(concept, None, "ru") == "ru"
    assert reader_definition_lang(concept, "en", "en") is None
