"""The translator tools as JSON: ``POST /recognize`` (the term occurrences in a text) and ``POST /check``.

The same library code as the tools pages (:mod:`web.pages.tools`), through
one recognizer per worker and language (:mod:`web.services`); only the input
and the answer differ.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Response, jsonify, request
from flask_babel import gettext as _

from glossary.tools.bilingual import Bilingual, Segment, segments_from_columns
from glossary.tools.recognize import recognition_to_dict
from glossary.tools.translation_check import SegmentReport, TranslationReport
from web.api import params
from web.errors import InputError
from web.services import get_checker, get_recognizer, get_searcher
from web.tool_input import (
    API_MATCH_LIMIT,
    API_TEXT_LIMIT,
    base_language,
    check_language,
    check_size,
    limit_segments,
    parse_upload,
    read_upload,
    replace_lone_surrogates,
)


def _json_body(shape: str) -> dict[str, Any]:
    """The JSON object the request carries; anything else (not JSON, nested too deep to parse) is a 400."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # silent=True swallows only ValueError; a deep nest exhausts the parser's stack
        body = None
    if not isinstance(body, dict):
        raise InputError(_("The body must be a JSON object: %(shape)s", shape=shape))
    return body


def _string(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str):
        raise InputError(_("'%(name)s' is required and must be a string", name=name))
    return replace_lone_surrogates(value)


def recognize() -> Response:
    """The term occurrences in ``text`` (see the OpenAPI document)."""
    body = _json_body('{"text": "...", "lang": "kk"}')
    text = check_size(_string(body, "text"), API_TEXT_LIMIT, "'text'")
    searcher = get_searcher()
    lang = check_language("lang", body.get("lang"), list(searcher.info.languages))
    nested = body.get("nested", True)
    if not isinstance(nested, bool):
        raise InputError(_("'%(name)s' must be a boolean (%(values)s)", name="nested", values="true, false"))
    recognizer = get_recognizer(searcher, lang)
    if nested:
        recognition = recognizer.find_with_nested(text)
        answer = recognition_to_dict(
            recognition.occurrences, recognizer.concepts, limit=API_MATCH_LIMIT, nested=recognition.nested
        )
    else:
        answer = recognition_to_dict(recognizer.find(text), recognizer.concepts, limit=API_MATCH_LIMIT)
    for concept_id, concept in answer["concepts"].items():
        concept["url"] = params.concept_url(concept_id)
    return jsonify({"lang": lang, **answer})


def _pairs(languages: list[str]) -> tuple[Bilingual, str | None, str | None]:
    """Segments from a multipart upload (``file``) or from the JSON body (``segments`` or ``source``/``target``)."""
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        data, name = read_upload(upload)
        source_lang, target_lang = request.form.get("source_lang"), request.form.get("target_lang")
        bilingual = parse_upload(data, name, source_lang, target_lang)
        return (
            bilingual,
            source_lang or base_language(bilingual.source_lang, languages),
            target_lang or base_language(bilingual.target_lang, languages),
        )
    body = _json_body(
        '{"source_lang": "kk", "target_lang": "ru", "segments": [{"id": "1", "source": "...", "target": "..."}]}'
    )
    if "segments" in body:
        raw = body["segments"]
        if not isinstance(raw, list):
            raise InputError(_("'segments' must be a list of objects with 'source' and 'target'"))
        segments = []
        for number, item in enumerate(raw, 1):
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("source"), str)
                or not isinstance(item.get("target", ""), str)
            ):
                raise InputError(
                    _("'segments[%(number)s]' must be an object with string 'source' and 'target'", number=number)
                )
            source, target = replace_lone_surrogates(item["source"]), replace_lone_surrogates(item.get("target", ""))
            check_size(source + target, API_TEXT_LIMIT, f"'segments[{number}]'")
            segment_id = replace_lone_surrogates(str(item.get("id", number)))
            segments.append(Segment(segment_id, source, target, number))
        bilingual = limit_segments(Bilingual(segments))
    else:
        source = check_size(_string(body, "source"), API_TEXT_LIMIT, "'source'")
        target = check_size(_string(body, "target"), API_TEXT_LIMIT, "'target'")
        bilingual = limit_segments(segments_from_columns(source, target))
    return bilingual, body.get("source_lang"), body.get("target_lang")


def check() -> Response:
    """The terminology report of a translation (see the OpenAPI document)."""
    searcher = get_searcher()
    languages = list(searcher.info.languages)
    bilingual, source_lang, target_lang = _pairs(languages)
    source_lang = check_language("source_lang", source_lang, languages)
    target_lang = check_language("target_lang", target_lang, languages)
    if source_lang == target_lang:
        raise InputError(_("The source and target languages must differ."))
    report = get_checker(searcher, source_lang, target_lang).check(bilingual)
    return jsonify(_bounded_report(report, API_MATCH_LIMIT))


def _bounded_report(report: TranslationReport, limit: int) -> dict[str, Any]:
    """The report as JSON with at most ``limit`` term checks and deprecated uses listed in all.

    Each listed item repeats a few target terms, so a long target full of one
    deprecated term would otherwise answer many times its own size.  Segments
    are listed in order until one holds more than is left: that one is cut
    (left out when none of it fits), the rest are left out, and ``truncated``
    says so.  The summary and each listed segment's ``problems`` still count
    everything.
    """
    left = limit
    listed: list[SegmentReport] = []
    truncated = False
    for segment in report.segments:
        terms = segment.terms[:left]
        deprecated = segment.deprecated[: left - len(terms)]
        left -= len(terms) + len(deprecated)
        truncated = len(terms) < len(segment.terms) or len(deprecated) < len(segment.deprecated)
        if terms or deprecated or not truncated:
            listed.append(SegmentReport(segment.segment, terms, deprecated))
        if truncated:
            break
    answer = replace(report, segments=listed).to_dict()
    answer["summary"] = report.summary()
    for shown, segment in zip(answer["segments"], report.segments, strict=False):
        shown["problems"] = segment.problems
    answer["truncated"] = truncated
    return answer
