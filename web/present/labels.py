"""Translated names for the model's value lists (term types, statuses, relations)."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

TERM_TYPE_LABELS: dict[str, LazyString] = {
    "fullForm": _l("full form"),
    "acronym": _l("acronym"),
    "abbreviation": _l("abbreviation"),
    "shortForm": _l("short form"),
    "variant": _l("variant"),
    "phrase": _l("phrase"),
}
STATUS_LABELS: dict[str, LazyString] = {
    "preferred": _l("preferred"),
    "admitted": _l("admitted"),
    "deprecated": _l("deprecated"),
    "superseded": _l("superseded"),
}
PART_OF_SPEECH_LABELS: dict[str, LazyString] = {
    "noun": _l("noun"),
    "verb": _l("verb"),
    "adjective": _l("adjective"),
    "adverb": _l("adverb"),
    "properNoun": _l("proper noun"),
    "other": _l("other"),
}
RELATION_LABELS: dict[str, LazyString] = {
    "broader": _l("broader concept"),
    "narrower": _l("narrower concept"),
    "related": _l("related concept"),
}


def language_name(code: str) -> str:
    """A content language's name in the interface language, from CLDR (e.g. kk → «казахский» in ru)."""
    try:
        name = Locale.parse(code).get_display_name(get_locale()) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def subject_label(subject: object, lang: str) -> str:
    """A subject's label from the term base, in ``lang`` when it has one."""
    labels: dict[str, str] = getattr(subject, "labels", {}) or {}
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), "") or getattr(subject, "id", "")


#: The formats registry's labels are English; these say the same in the interface language.
FORMAT_LABELS: dict[str, LazyString] = {
    "tbx": _l("TBX-Basic v3 (ISO 30042:2019), all languages"),
    "tbx2": _l("TBX v2 (martif), one language pair: translate-toolkit, Weblate, OmegaT"),
    "csv": _l("CSV, one concept per row (UTF-8)"),
    "csv-excel": _l("CSV for Excel (UTF-8 with BOM, formula cells escaped)"),
    "weblate-csv": _l("Weblate glossary CSV, one language pair"),
    "omegat-tsv": _l("OmegaT glossary (tab-separated), one language pair"),
    "skos-ttl": _l("SKOS-XL linked data (Turtle), all languages"),
    "skos-jsonld": _l("SKOS-XL linked data (JSON-LD), all languages"),
    "html": _l("HTML dictionary to read or print: one page, sorted by letter"),
}


def format_label(name: str, fallback: str) -> str:
    """A format's label in the interface language, or the registry's own for a format added later."""
    label = FORMAT_LABELS.get(name)
    return str(label) if label is not None else fallback
