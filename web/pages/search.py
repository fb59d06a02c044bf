"""The search page (the home page): a query, its filters and one page of hits, with a JSON twin.

Under the hits, the first page shows the source sentences holding the
query's words ("In the sources"), each with the concepts it is about.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, request, url_for
from flask_babel import format_number
from flask_babel import gettext as _

from glossary.languages import find_language
from glossary.model import RELIABILITY_MAX, RELIABILITY_MIN, STATUSES, Concept
from glossary.search import Searcher
from glossary.search.results import SearchResult, reader_definition_lang
from web.i18n import interface_language, query_args
from web.pages import pages
from web.pages.twins import render_twin, twin_route
from web.present.concepts import concept_json, ordered_terms
from web.present.highlight import highlight
from web.present.labels import language_name, subject_label
from web.present.sentences import sentence_view
from web.services import get_searcher

PAGE_SIZE = 20
#: Sentences shown under the first page of hits.
SENTENCES_SHOWN = 10
#: A longer ``q`` is refused with a 400; search reads only the first 200 characters of a query anyway.
MAX_QUERY_LENGTH = 1000
#: Page numbers are clamped to this before any arithmetic, so a 26-digit ``page=`` costs nothing.
MAX_PAGE = 10_000


def _page_number(value: str) -> int:
    """The ``page`` parameter as a page number: 1 for anything that is not a number, at most :data:`MAX_PAGE`."""
    value = value.strip()
    if not value.isdecimal() or len(value) > len(str(MAX_PAGE)):
        return MAX_PAGE if value.isdecimal() else 1
    return min(MAX_PAGE, max(1, int(value)))


def _min_reliability(value: str) -> int | None:
    """The ``min_reliability`` filter: a whole number on the 1–10 scale, else no filter (as an unknown status is)."""
    value = value.strip()
    if not value.isdecimal() or len(value) > 2:
        return None
    return int(value) if RELIABILITY_MIN <= int(value) <= RELIABILITY_MAX else None


def _search_state(languages: list[str]) -> dict[str, Any]:
    """The search form's state, read from the URL only (so every result page is a permalink)."""
    source = request.args.get("from", "")
    target = request.args.get("to", "")
    page = _page_number(request.args.get("page", "1"))
    return {
        "q": request.args.get("q", "").strip(),
        "from": find_language(source, languages) or "",  # en finds en-us; an unknown one is dropped
        "to": find_language(target, languages) or "",
        "subjects": [s for s in request.args.getlist("subject") if s],
        "statuses": [s for s in request.args.getlist("status") if s in STATUSES],
        "min_reliability": _min_reliability(request.args.get("min_reliability", "")),
        "page": page,
    }


def _hit_view(hit: Any, state: dict[str, Any], languages: list[str]) -> dict[str, Any]:
    concept: Concept = hit.concept
    matched = hit.matched
    targets = [state["to"]] if state["to"] else [code for code in languages if code != matched.lang]
    equivalents = []
    for code in targets:
        section = concept.languages.get(code)
        if section and section.terms:
            equivalents.append({"lang": code, "terms": ordered_terms(section.terms)})
    # The reader's language when the concept defines itself in it, else the matched one (then any other).
    definition_lang = reader_definition_lang(concept, interface_language(), matched.lang)
    for code in (definition_lang, state["to"], *languages):
        if code and concept.definition(code):
            definition_lang = code
            break
    return {
        "concept": concept,
        "matched": matched,
        "segments": highlight(matched.term, state["q"]),
        "equivalents": equivalents,
        "definition": concept.definition(definition_lang) if definition_lang else None,
        "definition_lang": definition_lang,
    }


def _concept_page(concept_id: str) -> str:
    return url_for("pages.concept", concept_id=concept_id)


def _search_page(searcher: Searcher, state: dict[str, Any]) -> SearchResult:
    return searcher.search(
        state["q"],
        lang=state["from"] or None,
        target=[state["to"]] if state["to"] else (),
        subjects=state["subjects"],
        statuses=state["statuses"],
        min_reliability=state["min_reliability"],
        limit=PAGE_SIZE,
        offset=(state["page"] - 1) * PAGE_SIZE,
    )


@twin_route(pages, "/")
def search(fmt: str) -> Any:
    if any(not value.strip() for value in request.args.values()):
        # The form sends its empty fields; drop them so the permalink stays short.
        kept = {key: [v for v in values if v.strip()] for key, values in query_args().items()}
        return redirect(url_for("pages.search", fmt=fmt, **{k: v for k, v in kept.items() if v}))
    if len(request.args.get("q", "")) > MAX_QUERY_LENGTH:
        abort(400, _("The query is too long: at most %(limit)s characters.", limit=format_number(MAX_QUERY_LENGTH)))
    searcher = get_searcher()
    info = searcher.info
    state = _search_state(list(info.languages))
    result = None
    hits: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    sentence_total = 0
    if state["q"]:
        result = _search_page(searcher, state)
        last = max(1, (result.total + PAGE_SIZE - 1) // PAGE_SIZE)
        if state["page"] > last:  # past the end: show the last page (and say so) rather than an empty one
            state["page"] = last
            result = _search_page(searcher, state)
        if fmt == "html":
            hits = [_hit_view(hit, state, list(info.languages)) for hit in result.hits]
        if state["page"] == 1:
            found = searcher.search_sentences(state["q"], lang=state["from"] or None, limit=SENTENCES_SHOWN)
            sentences = [sentence_view(searcher, hit, interface_language(), _concept_page) for hit in found.hits]
            sentence_total = found.total
    data = {
        "query": state,
        "total": result.total if result else 0,
        "did_you_mean": result.did_you_mean if result else None,
        "hits": [
            {
                "concept": concept_json(hit.concept),
                "score": hit.score,
                "matched": {"lang": hit.matched.lang, "term": hit.matched.term, "how": hit.matched.how},
            }
            for hit in (result.hits if result else [])
        ],
        "sentences": sentences,
        "sentence_total": sentence_total,
    }
    pages_count = (data["total"] + PAGE_SIZE - 1) // PAGE_SIZE
    return render_twin(
        fmt,
        "search.html",
        data,
        state=state,
        result=result,
        hits=hits,
        sentences=sentences,
        sentence_total=sentence_total,
        pages_count=pages_count,
        info=info,
        statuses=STATUSES,
        reliability_levels=range(RELIABILITY_MAX, RELIABILITY_MIN - 1, -1),
        subject_label=subject_label,
        language_name=language_name,
    )
