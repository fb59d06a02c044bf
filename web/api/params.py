"""What an API request asks for: its query parameters, read and checked, and the language it is answered in.

Every check raises :class:`~web.errors.InputError` with a translated message
that names the parameter, so a client can show it as it is.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from urllib.parse import quote

from flask import g, request, url_for
from flask_babel import gettext as _

from glossary.languages import UnknownLanguage, best_language, match_languages
from web.errors import InputError
from web.i18n import DEFAULT_LANGUAGE, LANGUAGES
from web.tool_input import check_choice

#: The page every concept URL in an answer points to.
CONCEPT_PAGE = "pages.concept"
#: Stands for the concept id in the URL built once per request (letters only, so it is not quoted).
_ID_MARKER = "CONCEPTIDMARKER"
#: What Werkzeug leaves unquoted in a path segment (its converters' ``to_url``); a test compares with url_for.
PATH_SEGMENT_SAFE = "!$&'()*+,/:;=@"


def use_interface_language() -> str:
    """Read ``ui`` (default en): the interface language of concept URLs and of error messages.

    The one rule for a bad ``ui``, for every endpoint: anything but an
    interface language is a 400, so no answer links to a page that does not
    exist.  It is stored where :mod:`web.i18n` looks for the request's
    language, so Babel translates the messages and ``url_for`` prefixes the
    page URLs with it.
    """
    ui = check_choice("ui", request.args.get("ui", DEFAULT_LANGUAGE), list(LANGUAGES))
    g.lang_code = ui
    return ui


def concept_url(concept_id: str) -> str:
    """The concept's page in the request's interface language, e.g. ``/kk/concept/iso``.

    Flask's URL building costs tens of microseconds, and an answer links every
    hit: the URL is built once per request and language, then the id is quoted into it.
    """
    lang = g.get("lang_code", DEFAULT_LANGUAGE)
    templates: dict[str, tuple[str, str]] = g.setdefault("concept_url_templates", {})
    template = templates.get(lang)
    if template is None:
        head, _marker, tail = url_for(CONCEPT_PAGE, lang_code=lang, concept_id=_ID_MARKER).rpartition(_ID_MARKER)
        template = templates[lang] = (head, tail)
    return template[0] + quote(concept_id, safe=PATH_SEGMENT_SAFE) + template[1]


def required(name: str) -> str:
    value = request.args.get(name)
    if value is None:
        raise InputError(_("'%(name)s' is required and must be a string", name=name))
    return value


def optional(name: str) -> str:
    """Any text, empty when absent."""
    return request.args.get(name, "")


def listed(name: str) -> list[str]:
    """A parameter given repeatedly or comma-separated: ``target=ru&target=en`` or ``target=ru,en``."""
    return [part.strip() for value in request.args.getlist(name) for part in value.split(",") if part.strip()]


def choice(name: str, known: Sequence[str]) -> str | None:
    """An optional single value out of ``known`` (an empty one counts as absent)."""
    value = request.args.get(name) or None
    return None if value is None else check_choice(name, value, known)


def choices(name: str, known: Sequence[str]) -> list[str]:
    """A listed parameter whose every value is one of ``known``."""
    return [check_choice(name, value, known) for value in listed(name)]


def unknown_language(name: str, error: UnknownLanguage) -> InputError:
    """The same refusal as any other choice: the parameter, the tags there are, and the value given."""
    return InputError(
        _(
            "'%(name)s' must be one of %(known)s, not %(value)s",
            name=name,
            known=", ".join(error.available),
            value=repr(error.language_range)[:30],
        )
    )


def language_value(name: str, value: str | None, known: Sequence[str]) -> str | None:
    """The term base's tag for one language range (``en`` → ``en-us`` when there is no ``en``); None when empty."""
    if not value:
        return None
    try:
        return best_language(value, known)
    except UnknownLanguage as error:
        raise unknown_language(name, error) from None


def language(name: str, known: Sequence[str]) -> str | None:
    """An optional language parameter, matched as :func:`glossary.languages.best_language` does."""
    return language_value(name, request.args.get(name), known)


def languages(name: str, known: Sequence[str]) -> list[str]:
    """A listed language parameter: each range selects its tags (``de`` → ``de-de``, ``de-at``; ``*`` all)."""
    try:
        return match_languages(listed(name), known)
    except UnknownLanguage as error:
        raise unknown_language(name, error) from None


def subjects(name: str, known: Collection[str]) -> list[str]:
    """Subject fields, each of the term base's (they are too many to list in the message)."""
    values = listed(name)
    unknown = [value for value in values if value not in known]
    if unknown:
        raise InputError(_("'%(name)s': unknown subject %(value)s", name=name, value=repr(unknown[0][:40])))
    return values


def optional_whole_number(name: str, low: int, high: int) -> int | None:
    """A whole number from ``low`` to ``high``, or None when absent or empty (a filter left unset)."""
    return None if not request.args.get(name) else whole_number(name, low, low, high)


def whole_number(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise InputError(
            _(
                "'%(name)s' must be a whole number from %(low)s to %(high)s, not %(value)s",
                name=name,
                low=low,
                high=high,
                value=repr(raw[:40]),
            )
        )
    return value
