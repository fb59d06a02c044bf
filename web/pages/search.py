"""The search (home), concept and about pages, each with a JSON twin."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, make_response, redirect, request, url_for
from flask_babel import get_locale

from glossary.model import STATUSES, Concept
from web.pages.twins import render_twin, twin_route
from web.present.concepts import cite, concept_json, context_lines, ordered_terms, relation_graph
from web.present.highlight import highlight
from web.present.labels import language_name, subject_label
from web.services import get_searcher

pages = Blueprint("pages", __name__)

PAGE_SIZE = 20


def _interface_lang() -> str:
    return str(get_locale() or "en")


def _languages() -> list[str]:
    return list(get_searcher().info.languages)


def _search_state() -> dict[str, Any]:
    """The search form's state, read from the URL only (so every result page is a permalink)."""
    languages = _languages()
    source = request.args.get("from", "")
    target = request.args.get("to", "")
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    return {
        "q": request.args.get("q", "").strip(),
        "from": source if source in languages else "",
        "to": target if target in languages else "",
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
    for code in (matched.lang, state["to"], _interface_lang(), *languages):
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


@twin_route(pages, "/")
def search(fmt: str) -> Any:
    if any(not value.strip() for value in request.args.values()):
        # The form sends its empty fields; drop them so the permalink stays short.
        kept = {key: [v for v in values if v.strip()] for key, values in request.args.lists()}
        return redirect(url_for("pages.search", fmt=fmt, **{k: v for k, v in kept.items() if v}))
    searcher = get_searcher()
    info = searcher.info
    state = _search_state()
    result = None
    hits: list[dict[str, Any]] = []
    if state["q"]:
        result = searcher.search(
            state["q"],
            lang=state["from"] or None,
            target=[state["to"]] if state["to"] else (),
            subjects=state["subjects"],
            statuses=state["statuses"],
            limit=PAGE_SIZE,
            offset=(state["page"] - 1) * PAGE_SIZE,
        )
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


@twin_route(pages, "/concept/<concept_id>")
def concept(concept_id: str, fmt: str) -> Any:
    searcher = get_searcher()
    found = searcher.concept(concept_id)
    if found is None:
        abort(404)
    if fmt == "json":
        return render_twin(fmt, "", concept_json(found))
    info = searcher.info
    lang = _interface_lang()
    languages = [*info.languages, *(code for code in found.languages if code not in info.languages)]
    sections = []
    for code in languages:
        section = found.languages.get(code)
        if section is None:
            continue
        terms = [{"term": term, "contexts": context_lines(term, info.sources)} for term in ordered_terms(section.terms)]
        definition = section.definition
        sections.append(
            {
                "lang": code,
                "terms": terms,
                "definition": definition,
                "citation": cite(definition.source, info.sources) if definition else None,
            }
        )
    notes = [{"note": note, "citations": [cite(s, info.sources) for s in note.sources]} for note in found.notes]
    relations, graph = relation_graph(found, searcher.concept, lang)
    html = render_twin(
        fmt,
        "concept.html",
        {},
        concept=found,
        label=found.label(lang),
        sections=sections,
        notes=notes,
        relations=relations,
        graph=graph,
        info=info,
        subject_label=subject_label,
        language_name=language_name,
        today=dt.date.today(),
    )
    response = make_response(html)
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)


def _built_date(stamp: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None
    except ValueError:
        return None


@twin_route(pages, "/about")
def about(fmt: str) -> Any:
    searcher = get_searcher()
    info = searcher.info
    term_count = sum(1 for concept in searcher.concepts() for _ in concept.terms())
    built = _built_date(getattr(info, "built_at", ""))
    data = {
        "name": info.name,
        "description": info.description,
        "languages": list(info.languages),
        "concepts": info.concept_count,
        "terms": term_count,
        "subjects": len(info.subjects),
        "sources": {
            key: {"title": src.title, "author": src.author, "year": src.year, "url": src.url}
            for key, src in info.sources.items()
        },
        "index_built": built.isoformat() if built else None,
    }
    return render_twin(fmt, "about.html", data, info=info, built=built, language_name=language_name)
