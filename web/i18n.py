"""The interface language: part of every page's URL (``/kk/…``, ``/ru/…``, ``/en/…``).

The interface language is independent of the content languages a user
searches in; it only chooses the catalogue, number and date formats.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, current_app, g, redirect, request, url_for
from flask_babel import Babel, format_date, format_decimal, format_number, get_locale
from werkzeug.wrappers import Response

#: Interface languages, in the order the switcher shows them, with their own names.
LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "en"


def best_language() -> str:
    """The interface language the browser asks for, else the default."""
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LANGUAGE


def select_locale() -> str:
    return g.get("lang_code") or best_language()


def interface_language() -> str:
    """The interface language of the current request, as a code (``kk``, ``ru``, ``en``)."""
    return str(get_locale() or DEFAULT_LANGUAGE)


def _pull_lang_code(endpoint: str | None, values: dict[str, Any] | None) -> None:
    if values is None or "lang_code" not in values:
        return
    code = values.pop("lang_code")
    if code not in LANGUAGES:
        abort(404)
    g.lang_code = code


def _add_lang_code(endpoint: str, values: dict[str, Any]) -> None:
    if "lang_code" in values:
        return
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
        # Error pages for unknown prefixes have no lang_code of their own: use the browser's.
        values["lang_code"] = g.get("lang_code") or best_language()


def query_args(**overrides: Any) -> dict[str, Any]:
    """The request's query parameters for ``url_for``, with ``overrides`` applied.

    Names the URL rule itself uses (``lang_code``, ``fmt``, a path part) and
    ``url_for``'s own options (``_external``, ``_scheme``…) are left out: a
    visitor's ``?fmt=json`` must neither break the link nor change what it points to.
    """
    reserved = {"lang_code", "fmt", *(request.view_args or {})}
    if request.url_rule is not None:
        reserved |= request.url_rule.arguments | set(request.url_rule.defaults or {})
    values = {
        key: value
        for key, value in request.args.to_dict(flat=False).items()
        if key not in reserved and not key.startswith("_")
    }
    values.update(overrides)
    return values


def switch_language_url(code: str) -> str:
    """This page, with the same query string, in interface language ``code``."""
    endpoint = request.endpoint
    if endpoint is None or not current_app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
        return url_for("pages.search", lang_code=code)
    values: dict[str, Any] = query_args(**(request.view_args or {}))
    values["lang_code"] = code
    return url_for(endpoint, **values)


def _root_redirect() -> Response:
    response = redirect(url_for("pages.search", lang_code=best_language()))
    response.vary.add("Accept-Language")
    return response


def _template_helpers() -> dict[str, Any]:
    return {
        "LANGUAGES": LANGUAGES,
        "current_language": g.get("lang_code") or str(get_locale() or DEFAULT_LANGUAGE),
        "switch_language_url": switch_language_url,
        "query_args": query_args,
        "format_number": format_number,
        "format_decimal": format_decimal,
        "format_date": format_date,
    }


def init_app(app: Flask) -> None:
    """Install Babel, the URL prefix handling and the bare ``/`` redirect."""
    Babel(app, locale_selector=select_locale)
    app.url_value_preprocessor(_pull_lang_code)
    app.url_defaults(_add_lang_code)
    app.add_url_rule("/", "root", _root_redirect)
    app.context_processor(_template_helpers)
