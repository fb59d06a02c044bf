"""One whole concept, as stored in the index, with the URL of its page."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from flask_babel import gettext as _

from glossary.serialize import concept_to_dict
from web.api import params
from web.errors import InputError
from web.services import get_searcher


def concept(concept_id: str) -> Response:
    found = get_searcher().concept(concept_id)
    if found is None:
        raise InputError(_("No concept has the id %(id)s.", id=repr(concept_id[:100])), 404)
    data: dict[str, Any] = concept_to_dict(found)
    data["url"] = params.concept_url(found.id)
    return jsonify(data)
