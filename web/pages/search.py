"""The search page (the home page): a query, its filters and one page of hits, with a JSON twin."""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, request, url_for
from flask_babel import format_number
from flask_babel import gettext as _

from glossary.languages import find_language
from glossary.model import STATUSES, Concept
from glossary.search import Searcher
from glossary.search.results import SearchResult
from web.i18n import interface_language, query_args
from web.pages import pages
from web.pages.twins import render_twin, twin_route
from web.present.concepts import concept_json, ordered_terms
from web.present.highlight import highlight
from web.present.labels import language_name, subject_label
from web.services import get_searcher

PAGE_SIZE = 20
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
    definition = None
    for code in (matched.lang, state["to"], interface_language(), *languages):
        if code and concept.definition(code):
            definition = concept.definition(code)
            break
    return {
        "concept": concept,
        "matched": matched,
        "segments": highlight(matched.term, state["q"]),
        "equivalents": equivalents,
        "definition": definition,
    }


def _search_page(searcher: Searcher, state: dict[str, Any]) -> SearchResult:
    return searcher.search(
        state["q"],
        lang=state["from"] or None,
        target=[state["to"]] if state["to"] else (),
        subjects=state["subjects"],
        statuses=state["statuses"],
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
    if state["q"]:
        result = _search_page(searcher, state)
        last = max(1, (result.total + PAGE_SIZE - 1) // PAGE_SIZE)
        if state["page"] > last:  # past the end: show the last page (and say so) rather than an empty one
            state["page"] = last
            result = _search_page(searcher, state)
        if fmt == "html":
            hits = [_hit_view(hit, state, list(info.languages)) for hit in result.hits]
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
    }
    pages_count = (data["total"] + PAGE_SIZE - 1) // PAGE_SIZE
    return render_twin(
        fmt,
        "search.html",
        data,
        state=state,
        result=result,
        hits=hits,
        pages_count=pages_count,
        info=info,
        statuses=STATUSES,
        subject_label=subject_label,
        language_name=language_name,
    )
