"""Search results as plain data: the one JSON shape shared by the API and ``glossary search --json``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from glossary.search.results import Hit, SearchResult, Suggestion


def hit_to_dict(hit: Hit, targets: Sequence[str] = (), ui: str = "en") -> dict[str, Any]:
    """One result: how it matched, its terms and definitions in the matched and target languages."""
    concept = hit.concept
    shown = [hit.matched.lang, *targets] if targets else list(concept.languages)
    shown = [lang for lang in dict.fromkeys(shown) if lang in concept.languages]
    terms = {
        lang: [{"text": t.text, "type": t.type, "status": t.status} for t in concept.languages[lang].terms]
        for lang in shown
    }
    definitions: dict[str, Any] = {}
    for lang in shown:
        definition = concept.definition(lang)
        if definition is not None:
            definitions[lang] = {
                "text": definition.text,
                "source": str(definition.source) if definition.source else None,
            }
    return {
        "id": concept.id,
        "score": hit.score,
        "matched": {"lang": hit.matched.lang, "term": hit.matched.term, "how": hit.matched.how},
        "terms": terms,
        "definition": definitions,
        "subjects": list(concept.subjects),
        "url": f"/{ui}/concept/{concept.id}",
    }


def result_to_dict(result: SearchResult, targets: Sequence[str] = (), ui: str = "en") -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "results": [hit_to_dict(hit, targets, ui) for hit in result.hits],
        "did_you_mean": result.did_you_mean,
    }


def suggestion_to_dict(suggestion: Suggestion, ui: str = "en") -> dict[str, Any]:
    return {
        "text": suggestion.text,
        "lang": suggestion.lang,
        "id": suggestion.concept_id,
        "url": f"/{ui}/concept/{suggestion.concept_id}",
    }
