"""Export: choose a format from the formats registry, languages and subjects, then download.

The same registry serves the CLI and the API, so every format there is offered here.
"""

from __future__ import annotations

import io
import re
from typing import Any

from flask import Blueprint, Response, abort, request
from flask_babel import gettext as _

from glossary.formats import REGISTRY, ExportOptions, export_termbase, get_format
from glossary.languages import UnknownLanguage, best_language, match_languages, split_ranges
from web.headers import site_url
from web.pages.twins import render_twin, site_root, twin_route
from web.present.labels import format_label, language_name, subject_label
from web.services import get_searcher

export_pages = Blueprint("export_pages", __name__)


def _formats() -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "label": format_label(name, cls.label),
            "extension": cls.extensions[0],
            "bilingual": cls.bilingual,
        }
        for name, cls in REGISTRY.items()
    ]


def _filename(stem: str, extension: str) -> str:
    safe = re.sub(r"[^\w.-]+", "-", stem, flags=re.ASCII).strip("-") or "termbase"
    return f"{safe}.{extension.lstrip('.')}"


@export_pages.app_context_processor
def _format_choices() -> dict[str, Any]:
    return {"format_names": list(REGISTRY)}


@twin_route(export_pages, "/export/")
def form(fmt: str) -> Any:
    info = get_searcher().info
    data = {
        "formats": [{**f, "download": site_url("export_pages.download", format=f["name"])} for f in _formats()],
        "languages": list(info.languages),
        "subjects": list(info.subjects),
    }
    return render_twin(
        fmt,
        "export.html",
        data,
        formats=_formats(),
        info=info,
        language_name=language_name,
        subject_label=subject_label,
    )


@export_pages.route("/export/download")
def download() -> Response:
    searcher = get_searcher()
    info = searcher.info
    name = request.args.get("format", "")
    if name not in REGISTRY:
        abort(400, _("Unknown export format."))
    exporter = get_format(name)
    try:
        # Ranges as people type them (de: de-de and de-at; en: en-us), resolved to the base's real tags.
        # Refused, not dropped: an unknown code would otherwise give an empty file or a default pair.
        languages = tuple(match_languages(split_ranges(request.args.getlist("lang")), info.languages))
        source, target = (
            best_language(request.args[end], info.languages) if request.args.get(end) else None
            for end in ("from", "to")
        )
    except UnknownLanguage as error:
        abort(400, _("The term base has no language “%(code)s”.", code=error.language_range[:20]))
    subjects = tuple(s for s in request.args.getlist("subject") if s in info.subjects)
    ids = tuple(i for i in request.args.getlist("id") if i)
    options = ExportOptions(
        languages=languages,
        source_lang=source,
        target_lang=target,
        subjects=subjects,
        ids=ids,
        info=info,
        base_uri=site_root(),
    )
    out = io.BytesIO()
    try:
        # export_termbase works out a bilingual format's pair (ExportOptions.pair: missing ends default to
        # the first chosen or indexed languages) and keeps to concepts with a source term
        export_termbase(exporter, searcher.concepts, out, options)
    except ValueError as error:
        abort(400, str(error))
    stem = ids[0] if len(ids) == 1 else (info.name or "termbase")
    response = Response(out.getvalue(), mimetype=exporter.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(stem, exporter.extensions[0])}"'
    return response
