"""Autocomplete for the browser's address bar, in the OpenSearch suggestions format.

The answer is ``[query, completions, descriptions, urls]``: the same
suggestions as ``/api/v1/suggest`` (each text once), each described by the
concept's equivalents in the other languages (the interface language
first) and pointing to the concept's page in the interface language.  The
parameters are read as ``/api/v1/suggest`` reads them, so bad ones get the
same 400.
"""

from __future__ import annotations

from flask import Response, current_app

from glossary.search.results import Suggestion
from glossary.search.searcher import Searcher
from web.api import params
from web.api.search import MAX_SUGGESTIONS
from web.headers import site_url
from web.services import get_searcher

#: The media type the OpenSearch suggestions extension gives its answers.
SUGGESTIONS_TYPE = "application/x-suggestions+json"
#: The query is echoed back at most this long, as ``/api/v1/suggest`` does.
ECHOED_QUERY = 200


def description(searcher: Searcher, suggestion: Suggestion, ui: str) -> str:
    """The concept's preferred terms in the languages other than the suggestion's, the interface language first."""
    concept = searcher.concept(suggestion.concept_id)
    if concept is None:
        return ""
    order = dict.fromkeys((ui, *searcher.info.languages, *concept.languages))
    shown = []
    for code in order:
        section = concept.languages.get(code)
        if code != suggestion.lang and section is not None and section.preferred is not None:
            shown.append(section.preferred.text)
    return " · ".join(dict.fromkeys(shown))


def suggestions() -> Response:
    """``[q, texts, descriptions, urls]`` for the terms starting with ``q``, best first."""
    query = params.optional("q")
    searcher = get_searcher()
    lang = params.language("lang", searcher.info.languages)
    limit = params.whole_number("limit", 10, 1, MAX_SUGGESTIONS)
    ui = params.use_interface_language()
    texts: list[str] = []
    descriptions: list[str] = []
    urls: list[str] = []
    for suggestion in searcher.suggest(query, lang=lang, limit=limit):
        if suggestion.text in texts:
            continue
        texts.append(suggestion.text)
        descriptions.append(description(searcher, suggestion, ui))
        urls.append(site_url(params.CONCEPT_PAGE, lang_code=ui, concept_id=suggestion.concept_id))
    body = current_app.json.dumps([query[:ECHOED_QUERY], texts, descriptions, urls])
    return Response(body, mimetype=SUGGESTIONS_TYPE)
