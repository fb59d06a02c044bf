"""Browse the term base: A–Z per content language (in its own alphabet) and by subject field."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import Blueprint, abort
from flask_babel import get_locale

from glossary.model import Concept
from glossary.text.alphabets import OTHER, alphabet, first_letter, sort_key
from web.pages.twins import render_twin, twin_route
from web.present.labels import language_name, subject_label
from web.services import get_searcher

browse_pages = Blueprint("browse_pages", __name__)


def _letters(lang: str) -> dict[str, list[dict[str, Any]]]:
    """Every term in ``lang`` bucketed by first letter, each bucket in alphabetical order."""
    buckets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for concept in get_searcher().concepts():
        for _, term in concept.terms(lang):
            buckets[first_letter(term.text, lang)].append({"term": term, "concept": concept})
    for entries in buckets.values():
        entries.sort(key=lambda e: sort_key(e["term"].text, lang))
    return buckets


def _subject_counts(concepts: list[Concept]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for concept in concepts:
        for subject in concept.subjects:
            counts[subject] += 1
    return counts


@twin_route(browse_pages, "/browse/")
def index(fmt: str) -> Any:
    searcher = get_searcher()
    info = searcher.info
    concepts = list(searcher.concepts())
    rows = []
    for lang in info.languages:
        present = {first_letter(term.text, lang) for c in concepts for _, term in c.terms(lang)}
        letters = [*alphabet(lang), OTHER]
        rows.append({"lang": lang, "letters": [(letter, letter in present) for letter in letters]})
    counts = _subject_counts(concepts)
    data = {
        "languages": {row["lang"]: [letter for letter, used in row["letters"] if used] for row in rows},
        "subjects": {
            key: {"labels": dict(s.labels), "parent": s.parent, "concepts": counts.get(key, 0)}
            for key, s in info.subjects.items()
        },
    }
    return render_twin(
        fmt,
        "browse.html",
        data,
        rows=rows,
        info=info,
        counts=counts,
        subject_label=subject_label,
        language_name=language_name,
    )


@twin_route(browse_pages, "/browse/<content_lang>/<letter>")
def letter(content_lang: str, letter: str, fmt: str) -> Any:
    info = get_searcher().info
    if content_lang not in info.languages or (letter != OTHER and letter not in alphabet(content_lang)):
        abort(404)
    entries = _letters(content_lang).get(letter, [])
    data = {
        "lang": content_lang,
        "letter": letter,
        "terms": [
            {"text": e["term"].text, "type": e["term"].type, "status": e["term"].status, "concept": e["concept"].id}
            for e in entries
        ],
    }
    present = set(_letters(content_lang))
    letters = [(x, x in present) for x in [*alphabet(content_lang), OTHER]]
    return render_twin(
        fmt,
        "browse_letter.html",
        data,
        entries=entries,
        content_lang=content_lang,
        letter=letter,
        letters=letters,
        info=info,
        language_name=language_name,
    )


@twin_route(browse_pages, "/subjects/<subject_id>")
def subject(subject_id: str, fmt: str) -> Any:
    searcher = get_searcher()
    info = searcher.info
    found = info.subjects.get(subject_id)
    if found is None:
        abort(404)
    lang = str(get_locale() or "en")
    concepts = sorted(
        (c for c in searcher.concepts() if subject_id in c.subjects), key=lambda c: sort_key(c.label(lang), lang)
    )
    children = [s for s in info.subjects.values() if s.parent == subject_id]
    data = {
        "id": subject_id,
        "labels": dict(found.labels),
        "parent": found.parent,
        "concepts": [c.id for c in concepts],
    }
    return render_twin(
        fmt,
        "subject.html",
        data,
        subject=found,
        concepts=concepts,
        children=children,
        info=info,
        lang=lang,
        subject_label=subject_label,
    )
