"""Every page has a JSON twin: the same data, at the same URL plus ``.json``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, jsonify, render_template


def twin_route(blueprint: Blueprint, rule: str, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``rule`` (HTML) and ``rule + '.json'`` (JSON); the view gets ``fmt``."""
    json_rule = (rule.rstrip("/") or "/index") + ".json"

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        blueprint.add_url_rule(rule, view_func=view, defaults={"fmt": "html"}, **options)
        blueprint.add_url_rule(json_rule, view_func=view, defaults={"fmt": "json"}, **options)
        return view

    return register


def render_twin(fmt: str, template: str, data: dict[str, Any], **context: Any) -> Response | str:
    """The page as HTML, or its ``data`` as JSON."""
    if fmt == "json":
        return jsonify(data)
    return render_template(template, data=data, **context)
