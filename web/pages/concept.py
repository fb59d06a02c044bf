"""The concept page: every language section with its citations, notes, relation graph and lint findings.

The JSON twin gives every language version of each note and, when the index
was built with lint, the concept's findings (``lint``, empty when clean).
The RDF twins (``.ttl``, ``.jsonld``, or ``Accept: text/turtle`` /
``application/ld+json`` at the page's address) give the concept as SKOS-XL,
as ``glossary export --format skos-ttl`` would, rooted at the site's address.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import abort, make_response, request

from glossary.formats.skos_write import concept_graph
from web.i18n import interface_language
from web.pages import pages
from web.pages.twins import RDF_TWINS, negotiated, render_rdf, render_twin, site_root, twin_route
from web.present.concepts import cite, concept_json, context_lines, ordered_terms, relation_graph
from web.present.labels import language_name, subject_label
from web.present.lint import finding_json, language_in_text, rule_name, terminologist_notes
from web.present.notes import remarks
from web.services import get_searcher


@twin_route(pages, "/concept/<concept_id>", rdf=True)
def concept(concept_id: str, fmt: str) -> Any:
    searcher = get_searcher()
    found = searcher.concept(concept_id)
    if found is None:
        abort(404)
    info = searcher.info
    fmt = negotiated(fmt)
    if fmt in RDF_TWINS:
        response = render_rdf(fmt, concept_graph(found, site_root(), info.subjects))
        response.cache_control.no_cache = True
        response.add_etag()
        return response.make_conditional(request)
    findings = searcher.lint_findings(concept_id) if info.lint else ()  # read for this concept alone
    if fmt == "json":
        data = concept_json(found)
        if info.lint is not None:
            data["lint"] = [finding_json(f) for f in findings]
        return render_twin(fmt, "", data)
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
                "citation": cite(definition.source, info.sources, lang) if definition else None,
            }
        )
    notes = remarks(found, lang, info.sources)
    relations, graph = relation_graph(found, searcher.concept, lang)
    html = render_twin(
        fmt,
        "concept.html",
        {},
        concept=found,
        label=found.label(lang),
        sections=sections,
        notes=notes,
        qa_notes=terminologist_notes(findings, found),
        relations=relations,
        graph=graph,
        info=info,
        subject_label=subject_label,
        language_name=language_name,
        language_in_text=language_in_text,
        rule_name=rule_name,
        today=dt.date.today(),
    )
    # Revalidated on every visit: the ETag spares the body when the index has not changed.
    response = make_response(html)
    response.vary.add("Accept")  # the same address answers RDF to a client that asks for it
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)
