"""Error pages in the interface language, JSON errors under the API, and the one error type for bad input."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException


class InputError(ValueError):
    """A request the app cannot serve as asked: a bad parameter, body or upload, or an unknown id.

    The message is shown to the user as it is, so it is already translated;
    ``status`` is the HTTP status (400, or 404 for an unknown id, 413 for too much).
    The tools pages show it in their form; the API answers it as JSON.
    """

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _titles() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        404: _("This page does not exist."),
        413: _("The upload is too large."),
        500: _("Something went wrong on our side."),
    }


def _handle(error: HTTPException) -> Any:
    code = error.code or 500
    message = _titles().get(code, error.name)
    detail = error.description if code == 400 and error.description != type(error).description else None
    if request.path.startswith("/api/") or request.path.endswith(".json"):
        return jsonify({"error": message, "detail": detail, "status": code}), code
    return render_template("error.html", code=code, message=message, detail=detail), code


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle)
