"""Error pages in the interface language, and JSON errors under the API."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException


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
