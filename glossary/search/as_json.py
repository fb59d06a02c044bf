"""Search results as plain data: the one JSON shape shared by the API and ``glossary search --json``.

The core knows no web addresses: a caller that serves concept pages passes
``concept_url`` (the web API builds it with ``url_for``) and every result and
suggestion gets a ``url``; without it, as on the command line, there is none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from glossary.model import Term
from glossary.search.results import Hit, SearchResult, Suggestion, reader_definition_lang

#: Turns a concept id into the address of its page.
ConceptUrl = Callable[[str], str]


def hit_to_dict(
    hit: Hit, targets: Sequence[str] = (), concept_url: ConceptUrl | None = None, reader: str | None = None
) -> dict[str, Any]:
    """One result: how it matched, its terms and definitions in the matched and target languages.

    With targets, ``definition`` holds the reader's definition (``reader``'s
    language when the concept has one, else the matched language: see
    :func:`~glossary.search.results.reader_definition_lang`) and the targets'.
    """
    concept = hit.concept
    shown = [hit.matched.lang, *targets] if targets else list(concept.languages)
    shown = [lang for lang in dict.fromkeys(shown) if lang in concept.languages]
    terms = {lang: [_term_to_dict(t) for t in concept.languages[lang].terms] for lang in shown}
    defined = shown
    if targets:
        own = reader_definition_lang(concept, reader, hit.matched.lang) or hit.matched.lang
        defined = [lang for lang in dict.fromkeys([own, *targets]) if lang in concept.languages]
    definitions: dict[str, Any] = {}
    for lang in defined:
        definition = concept.definition(lang)
        if definition is not None:
            definitions[lang] = {
                "text": definition.text,
                "source": str(definition.source) if definition.source else None,
            }
    data: dict[str, Any] = {
        "id": concept.id,
        "score": hit.score,
        "matched": {"lang": hit.matched.lang, "term": hit.matched.term, "how": hit.matched.how},
        "terms": terms,
        "definition": definitions,
        "subjects": list(concept.subjects),
    }
    if concept_url is not None:
        data["url"] = concept_url(concept.id)
    return data


def _term_to_dict(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {"text": term.text, "type": term.type, "status": term.status}
    if term.reliability is not None:
        data["reliability"] = term.reliability
    return data


def result_to_dict(
    result: SearchResult,
    targets: Sequence[str] = (),
    concept_url: ConceptUrl | None = None,
    reader: str | None = None,
) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "results": [hit_to_dict(hit, targets, concept_url, reader) for hit in result.hits],
        "did_you_mean": result.did_you_mean,
    }


def suggestion_to_dict(suggestion: Suggestion, concept_url: ConceptUrl | None = None) -> dict[str, Any]:
    data = {"text": suggestion.text, "lang": suggestion.lang, "id": suggestion.concept_id}
    if concept_url is not None:
        data["url"] = concept_url(suggestion.concept_id)
    return data
