"""Translator tools as pages: find the term base's terms in a text, check a translation, take a document glossary.

Mounted under ``/<lang_code>``, server rendered, usable without JavaScript.
The same tools answer JSON in :mod:`web.api.tools`; both run the same
library code through one recognizer per worker and language
(:mod:`web.services`).
"""

from __future__ import annotations

import io
import re
from typing import Any

from flask import Blueprint, Response, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from glossary.formats import REGISTRY, get_format
from glossary.tools.bilingual import Bilingual, segments_from_columns
from glossary.tools.document_glossary import export_document_glossary
from web.errors import InputError
from web.present.labels import format_label, language_name
from web.present.tools import found_terms, pieces
from web.services import get_checker, get_recognizer, get_searcher
from web.tool_input import (
    PAGE_TEXT_LIMIT,
    base_language,
    check_language,
    check_size,
    decode_text,
    limit_segments,
    parse_upload,
    read_upload,
)

tools_pages = Blueprint("tools_pages", __name__)


def _default_lang(languages: list[str], offset: int = 0) -> str:
    ui = str(get_locale() or "")
    ordered = ([ui] if ui in languages else []) + [code for code in languages if code != ui]
    return ordered[min(offset, len(ordered) - 1)] if ordered else ""


def _formats() -> list[dict[str, Any]]:
    return [{"name": name, "label": format_label(name, cls.label)} for name, cls in REGISTRY.items()]


def _submitted_text() -> str:
    """The pasted text, or the uploaded file's text when a file was chosen."""
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        data, name = read_upload(upload)
        return decode_text(data, name)
    return request.form.get("text", "")


@tools_pages.route("/tools/check-text", methods=["GET", "POST"])
def check_text() -> Any:
    searcher = get_searcher()
    languages = list(searcher.info.languages)
    context: dict[str, Any] = {
        "languages": languages,
        "language_name": language_name,
        "lang": request.form.get("lang") or _default_lang(languages),
        "text": "",
        "limit": PAGE_TEXT_LIMIT,
        "formats": _formats(),
        "result": None,
        "error": None,
    }
    if request.method != "POST":  # GET, and HEAD (GET without the body)
        return render_template("tools/check_text.html", **context)
    try:
        lang = check_language("lang", request.form.get("lang"), languages)
        text = check_size(_submitted_text(), PAGE_TEXT_LIMIT, _("The text"))
        if not text.strip():
            raise InputError(_("Paste a text or choose a file."))
    except InputError as error:
        context["error"] = str(error)
        context["text"] = request.form.get("text", "")[:PAGE_TEXT_LIMIT]
        return render_template("tools/check_text.html", **context), error.status
    recognizer = get_recognizer(searcher, lang)
    recognition = recognizer.find_with_nested(text)
    occurrences = recognition.occurrences
    context.update(
        text=text,
        lang=lang,
        result={
            "pieces": pieces(text, occurrences, recognizer.concepts, languages, recognition.nested),
            # Nested terms are rows too: the glossary offered below holds their concepts.
            "terms": found_terms(recognition.every(), recognizer.concepts),
            "occurrences": len({(o.start, o.end) for o in occurrences}),
        },
    )
    return render_template("tools/check_text.html", **context)


@tools_pages.post("/tools/check-text/glossary")
def document_glossary() -> Any:
    """The glossary of the posted text in the chosen format, as a download."""
    searcher = get_searcher()
    languages = list(searcher.info.languages)
    try:
        lang = check_language("lang", request.form.get("lang"), languages)
        text = check_size(request.form.get("text", ""), PAGE_TEXT_LIMIT, _("The text"))
        name = request.form.get("format", "")
        if name not in REGISTRY:
            raise InputError(_("Unknown export format."))
        target = request.form.get("to") or None
        if target is not None:
            target = check_language("to", target, languages)
    except InputError as error:
        return render_template("error.html", code=error.status, message=str(error), detail=None), error.status
    fmt = get_format(name)
    out = io.BytesIO()
    try:
        export_document_glossary(get_recognizer(searcher, lang), text, fmt, out, target_lang=target, info=searcher.info)
    except ValueError as error:
        return render_template("error.html", code=400, message=str(error), detail=None), 400
    response = Response(out.getvalue(), mimetype=fmt.mimetype)
    filename = re.sub(r"[^\w.-]+", "-", f"glossary-{lang}.{fmt.extensions[0].lstrip('.')}", flags=re.ASCII)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _submitted_pairs(languages: list[str]) -> tuple[Bilingual, str, str]:
    source_lang = check_language("source_lang", request.form.get("source_lang"), languages)
    target_lang = check_language("target_lang", request.form.get("target_lang"), languages)
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        data, name = read_upload(upload)
        bilingual = parse_upload(data, name, source_lang, target_lang)
        source_lang = base_language(bilingual.source_lang, languages) or source_lang
        target_lang = base_language(bilingual.target_lang, languages) or target_lang
    else:
        source = check_size(request.form.get("source", ""), PAGE_TEXT_LIMIT, _("The source text"))
        target = check_size(request.form.get("target", ""), PAGE_TEXT_LIMIT, _("The translation"))
        bilingual = limit_segments(segments_from_columns(source, target))
    if not bilingual.segments:
        raise InputError(_("Paste the source and the translation, one segment per line, or choose a file."))
    if source_lang == target_lang:
        raise InputError(_("The source and target languages must differ."))
    return bilingual, source_lang, target_lang


@tools_pages.route("/tools/check-translation", methods=["GET", "POST"])
def check_translation() -> Any:
    searcher = get_searcher()
    languages = list(searcher.info.languages)
    context: dict[str, Any] = {
        "languages": languages,
        "language_name": language_name,
        "source_lang": request.form.get("source_lang") or _default_lang(languages),
        "target_lang": request.form.get("target_lang") or _default_lang(languages, 1),
        "source": request.form.get("source", "")[:PAGE_TEXT_LIMIT],
        "target": request.form.get("target", "")[:PAGE_TEXT_LIMIT],
        "limit": PAGE_TEXT_LIMIT,
        "report": None,
        "error": None,
    }
    if request.method != "POST":  # GET, and HEAD (GET without the body)
        return render_template("tools/check_translation.html", **context)
    try:
        bilingual, source_lang, target_lang = _submitted_pairs(languages)
    except InputError as error:
        context["error"] = str(error)
        return render_template("tools/check_translation.html", **context), error.status
    checker = get_checker(searcher, source_lang, target_lang)
    report = checker.check(bilingual)
    ui = str(get_locale() or source_lang)
    labels = {
        concept_id: concept.label(ui if ui in concept.languages else source_lang)
        for segment in report.segments
        for check in segment.terms
        for concept_id in check.concept_ids
        if (concept := checker.source.concepts.get(concept_id)) is not None
    }
    context.update(
        source_lang=source_lang, target_lang=target_lang, report=report, summary=report.summary(), labels=labels
    )
    return render_template("tools/check_translation.html", **context)
