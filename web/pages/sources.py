"""The corpus texts, sentence by sentence, each sentence with its own anchor (``#s-N``).

Titles and notes are shown in the interface language when the term base gives them per language.

Definitions and contexts link straight to the sentence they cite.  Where a
sentence was repaired (layout digits, OCR), the text as found is shown too.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from flask import Blueprint, abort

from glossary.model import SourceText
from web.i18n import interface_language
from web.pages.twins import render_twin, twin_route
from web.present.highlight import Segment
from web.services import get_searcher

sources_pages = Blueprint("sources_pages", __name__)


def diff_segments(original: str, repaired: str) -> tuple[list[Segment], list[Segment]]:
    """Mark what repair removed from ``original`` and what it put into ``repaired``."""
    before: list[Segment] = []
    after: list[Segment] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, original, repaired, autojunk=False).get_opcodes():
        if op == "equal":
            before.append(Segment(original[i1:i2]))
            after.append(Segment(repaired[j1:j2]))
        else:
            if i2 > i1:
                before.append(Segment(original[i1:i2], marked=True))
            if j2 > j1:
                after.append(Segment(repaired[j1:j2], marked=True))
    return before, after


def described(source: SourceText, lang: str) -> dict[str, Any]:
    """A source's description for a JSON twin: title and note in ``lang``, and every version given."""
    data: dict[str, Any] = {
        "title": source.title_in(lang),
        "author": source.author,
        "year": source.year,
        "url": source.url,
        "note": source.note_in(lang),
    }
    if source.title_by_lang:
        data["titles"] = dict(source.title_by_lang)
    if source.note_by_lang:
        data["notes"] = dict(source.note_by_lang)
    return data


@twin_route(sources_pages, "/sources/")
def index(fmt: str) -> Any:
    info = get_searcher().info
    lang = interface_language()
    data = {key: {**described(s, lang), "sentences": len(s.sentences)} for key, s in info.sources.items()}
    return render_twin(fmt, "sources.html", data, sources=list(info.sources.values()), lang=lang)


@twin_route(sources_pages, "/sources/<source_id>")
def source(source_id: str, fmt: str) -> Any:
    text = get_searcher().info.sources.get(source_id)
    if text is None:
        abort(404)
    rows = []
    for number, sentence in enumerate(text.sentences, start=1):
        original = text.original_sentences[number - 1] if number <= len(text.original_sentences) else sentence
        changed = original != sentence
        before, after = diff_segments(original, sentence) if changed else ([], [])
        rows.append(
            {
                "number": number,
                "text": sentence,
                "original": original if changed else None,
                "before": before,
                "after": after,
            }
        )
    lang = interface_language()
    data = {
        "id": text.id,
        **described(text, lang),
        "sentences": [{"n": r["number"], "text": r["text"], "original": r["original"]} for r in rows],
    }
    return render_twin(fmt, "source.html", data, source=text, rows=rows, lang=lang)
