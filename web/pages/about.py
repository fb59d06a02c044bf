"""The about page: what the term base is, how big, from which sources, when it was indexed and how it passes lint.

The JSON twin carries the same numbers; ``lint`` is null for an index built without lint.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from web.i18n import interface_language
from web.pages import pages
from web.pages.twins import render_twin, twin_route
from web.present.labels import language_name
from web.present.lint import rule_counts
from web.services import get_searcher


def _built_date(stamp: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None
    except ValueError:
        return None


@twin_route(pages, "/about")
def about(fmt: str) -> Any:
    searcher = get_searcher()
    info = searcher.info
    lang = interface_language()
    counts = searcher.aggregates  # counted at build time: the page reads no concept
    built = _built_date(getattr(info, "built_at", ""))
    data = {
        "name": info.name_in(lang),
        "description": info.description_in(lang),
        "languages": list(info.languages),
        "concepts": info.concept_count,
        "terms": counts.terms,
        "terms_by_language": counts.terms_by_language,
        "terms_by_status": counts.terms_by_status,
        "subjects": len(info.subjects),
        "sources": {
            key: {"title": src.title_in(lang), "author": src.author, "year": src.year, "url": src.url}
            for key, src in info.sources.items()
        },
        "index_built": built.isoformat() if built else None,
        # None when the index was built without lint (glossary build --no-lint).
        "lint": info.lint.summary() if info.lint else None,
    }
    return render_twin(
        fmt,
        "about.html",
        data,
        info=info,
        built=built,
        language_name=language_name,
        lint_rules=rule_counts(info.lint.rules) if info.lint else [],
    )
