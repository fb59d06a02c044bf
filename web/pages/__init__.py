"""The HTML pages under ``/<lang_code>/``, each with a JSON twin.

The search, concept and about pages live in their own modules but share the
``pages`` blueprint, so their endpoints stay ``pages.search``,
``pages.concept`` and ``pages.about`` wherever templates call ``url_for``.
"""

from __future__ import annotations

from flask import Blueprint, Flask

pages = Blueprint("pages", __name__)


def register_pages(app: Flask) -> None:
    """Register the page blueprints under the interface-language prefix."""
    # Importing these modules adds their views to ``pages``; it must happen before the first registration.
    from web.pages import about, concept, search  # noqa: F401
    from web.pages.browse import browse_pages
    from web.pages.export import export_pages
    from web.pages.opensearch import opensearch_pages
    from web.pages.sources import sources_pages
    from web.pages.tools import tools_pages
    from web.pages.uris import uris

    for blueprint in (pages, browse_pages, sources_pages, export_pages, tools_pages, opensearch_pages):
        app.register_blueprint(blueprint, url_prefix="/<lang_code>")
    app.register_blueprint(uris)  # the linked-data URIs have no language prefix: they redirect to one
