"""The concept page: every language section with its citations, notes and relation graph, with a JSON twin."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import abort, make_response, request

from web.i18n import interface_language
from web.pages import pages
from web.pages.twins import render_twin, twin_route
from web.present.concepts import cite, concept_json, context_lines, ordered_terms, relation_graph
from web.present.labels import language_name, subject_label
from web.services import get_searcher


@twin_route(pages, "/concept/<concept_id>")
def concept(concept_id: str, fmt: str) -> Any:
    searcher = get_searcher()
    found = searcher.concept(concept_id)
    if found is None:
        abort(404)
    if fmt == "json":
        return render_twin(fmt, "", concept_json(found))
    info = searcher.info
    lang = interface_language()
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
    # Revalidated on every visit: the ETag spares the body when the index has not changed.
    response = make_response(html)
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)
