"""Source sentences found by a search, as the search page and ``/api/v1/sentences`` show them.

Each sentence names its source (the title in the reader's language), links
to its anchor on the source page (``#s-N``), and lists the concepts it is
about: first those linked to it in the term base (they cite it, or it
continues their topic; see :mod:`glossary.search.sentences`), then the
other concepts the recognizer finds in it.
"""

from __future__ import annotations

from typing import Any

from flask import url_for

from glossary.search.results import SentenceHit, SentenceResult
from glossary.search.searcher import Searcher
from web.services import get_recognizer


def sentence_concepts(searcher: Searcher, hit: SentenceHit) -> list[tuple[str, bool]]:
    """``(concept id, linked)`` for the concepts of one sentence: linked ones first, then recognized ones."""
    found = dict.fromkeys(hit.concept_ids, True)
    for lang in searcher.info.languages:
        for occurrence in get_recognizer(searcher, lang).find(hit.text):
            found.setdefault(occurrence.concept_id, False)
    return list(found.items())


def sentence_view(searcher: Searcher, hit: SentenceHit, lang: str, concept_url: Any) -> dict[str, Any]:
    """One sentence as plain data; ``concept_url`` turns a concept id into its page's address."""
    concepts = []
    for concept_id, linked in sentence_concepts(searcher, hit):
        concept = searcher.concept(concept_id)
        if concept is None:
            continue
        concepts.append(
            {"id": concept_id, "label": concept.label(lang), "linked": linked, "url": concept_url(concept_id)}
        )
    return {
        "source": hit.source.id,
        "title": hit.source.title_in(lang),
        "n": hit.number,
        "text": hit.text,
        "score": hit.score,
        "url": url_for("sources_pages.source", source_id=hit.source.id, _anchor=f"s-{hit.number}"),
        "concepts": concepts,
    }


def sentences_json(searcher: Searcher, result: SentenceResult, lang: str, concept_url: Any) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "sentences": [sentence_view(searcher, hit, lang, concept_url) for hit in result.hits],
    }
