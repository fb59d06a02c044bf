"""Shape model objects for templates and JSON: term order, sources, KWIC lines, relations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import url_for

from glossary.model import Concept, Source, SourceText, Term, term_rank
from glossary.serialize import concept_to_dict
from web.headers import site_url
from web.i18n import interface_language
from web.present.graph import Graph, layout
from web.present.highlight import Kwic, kwic
from web.present.text_lang import label_lang


def ordered_terms(terms: tuple[Term, ...] | list[Term]) -> list[Term]:
    """Preferred terms first, then admitted, then deprecated/superseded; full forms before short ones."""
    return sorted(terms, key=term_rank)


@dataclass(frozen=True)
class Citation:
    """A source locator resolved for display: the text's title and the cited sentence."""

    locator: str
    title: str
    sentence: str | None
    href: str | None


def cite(source: Source | None, sources: dict[str, SourceText], lang: str | None = None) -> Citation | None:
    """``source`` resolved, its title in ``lang`` (by default the interface language)."""
    if source is None:
        return None
    text = sources.get(source.text)
    title = text.title_in(lang or interface_language()) if text else source.text
    sentence = text.sentence(source.sentence) if text and source.sentence else None
    href = None
    if text and text.sentences:
        href = url_for("sources_pages.source", source_id=text.id)
        if source.sentence:
            href += f"#s-{source.sentence}"
    return Citation(str(source), title, sentence, href)


@dataclass(frozen=True)
class ContextLine:
    kwic: Kwic | None
    text: str
    citation: Citation | None


def context_lines(term: Term, sources: dict[str, SourceText]) -> list[ContextLine]:
    return [ContextLine(kwic(c.text, term.text), c.text, cite(c.source, sources)) for c in term.contexts]


def relation_graph(concept: Concept, lookup: Any, lang: str) -> tuple[list[dict[str, Any]], Graph | None]:
    """The concept's relations as rows (type, label, href) and as a drawable graph."""
    rows = []
    for relation in concept.relations:
        target = lookup(relation.target)
        label = target.label(lang) if target else relation.target
        href = url_for("pages.concept", concept_id=relation.target) if target else None
        label_in = label_lang(target, lang) if target else None
        rows.append({"type": relation.type, "target": relation.target, "label": label, "lang": label_in, "href": href})
    graph = layout(concept.label(lang), [(r["type"], r["label"], r["href"]) for r in rows])
    return rows, graph


def concept_json(concept: Concept) -> dict[str, Any]:
    data = concept_to_dict(concept)
    data["url"] = site_url("pages.concept", concept_id=concept.id)
    return data
