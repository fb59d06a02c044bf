"""Browse the term base: A–Z per content language (in its own alphabet) and by subject field."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, request, url_for
from flask_babel import format_number, get_locale
from flask_babel import gettext as _

from glossary.text.alphabets import OTHER, alphabet, first_letter
from web.pages.twins import render_twin, twin_route
from web.present.labels import language_name, subject_label
from web.services import get_searcher

browse_pages = Blueprint("browse_pages", __name__)

#: Entries on one letter or subject page.
PAGE_SIZE = 100
#: A longer ``from=`` is refused: no term needs more to be found.
MAX_PREFIX = 100


def _page_count(total: int) -> int:
    return max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)


def _page(pages: int) -> int:
    """The ``page`` parameter, 1 when absent; anything but a page of the list is a 400 that says why."""
    value = request.args.get("page", "1").strip()
    if not value.isdecimal() or len(value) > len(str(pages)) or not 1 <= int(value) <= pages:
        abort(400, _("The page number must be a whole number from 1 to %(pages)s.", pages=format_number(pages)))
    return int(value)


def _prefix() -> str | None:
    """The ``from`` parameter (where to jump to), None when absent; empty or too long is a 400."""
    if "from" not in request.args:
        return None
    value = request.args.get("from", "").strip()
    if not value or len(value) > MAX_PREFIX:
        abort(400, _("Type the first letters of a term (at most %(limit)s characters).", limit=MAX_PREFIX))
    return value


@twin_route(browse_pages, "/browse/")
def index(fmt: str) -> Any:
    searcher = get_searcher()
    info = searcher.info
    aggregates = searcher.aggregates
    rows = []
    for lang in info.languages:
        rows.append({"lang": lang, "letters": [(letter, count > 0) for letter, count in aggregates.letter_row(lang)]})
    counts = aggregates.subjects
    data = {
        "languages": {row["lang"]: [letter for letter, used in row["letters"] if used] for row in rows},
        "letter_counts": {lang: aggregates.letters.get(lang, {}) for lang in info.languages},
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
    """One page of the terms starting with ``letter``; ``?page=N``, or ``?from=prefix`` for the page where it starts."""
    searcher = get_searcher()
    info = searcher.info
    if content_lang not in info.languages or (letter != OTHER and letter not in alphabet(content_lang)):
        abort(404)
    aggregates = searcher.aggregates
    total = aggregates.letter_count(content_lang, letter)
    pages = _page_count(total)
    prefix = _prefix()
    if prefix is None:
        page = _page(pages)
    else:
        bucket = first_letter(prefix, content_lang)
        if bucket != letter:  # the prefix starts another letter: its page is there
            target = url_for("browse_pages.letter", content_lang=content_lang, letter=bucket, fmt=fmt)
            return redirect(f"{target}?{request.query_string.decode('ascii', 'replace')}")
        page = min(pages, searcher.browse_position(content_lang, letter, prefix) // PAGE_SIZE + 1)
    entries = searcher.browse_letter(content_lang, letter, start=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    data = {
        "lang": content_lang,
        "letter": letter,
        "total": total,
        "page": page,
        "pages": pages,
        "page_size": PAGE_SIZE,
        "terms": [
            {"text": e.term.text, "type": e.term.type, "status": e.term.status, "concept": e.concept_id}
            for e in entries
        ],
    }
    letters = [(x, count > 0) for x, count in aggregates.letter_row(content_lang)]
    return render_twin(
        fmt,
        "browse_letter.html",
        data,
        entries=entries,
        content_lang=content_lang,
        letter=letter,
        letters=letters,
        total=total,
        page=page,
        pages=pages,
        prefix=prefix or "",
        info=info,
        language_name=language_name,
    )


@twin_route(browse_pages, "/subjects/<subject_id>")
def subject(subject_id: str, fmt: str) -> Any:
    """One page of the concepts filed under a subject, by their label in the interface language."""
    searcher = get_searcher()
    info = searcher.info
    found = info.subjects.get(subject_id)
    if found is None:
        abort(404)
    lang = str(get_locale() or "en")
    # Listings are sorted at build time in each content language; another interface language uses the first.
    listing_lang = lang if lang in info.languages or not info.languages else info.languages[0]
    total = searcher.aggregates.subject_count(subject_id)
    pages = _page_count(total)
    page = _page(pages)
    entries = searcher.browse_subject(subject_id, listing_lang, start=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    children = [s for s in info.subjects.values() if s.parent == subject_id]
    data = {
        "id": subject_id,
        "labels": dict(found.labels),
        "parent": found.parent,
        "total": total,
        "page": page,
        "pages": pages,
        "page_size": PAGE_SIZE,
        "concepts": [e.concept_id for e in entries],
    }
    return render_twin(
        fmt,
        "subject.html",
        data,
        subject=found,
        entries=entries,
        total=total,
        page=page,
        pages=pages,
        children=children,
        info=info,
        lang=lang,
        subject_label=subject_label,
    )
