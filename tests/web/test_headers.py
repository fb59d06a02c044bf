"""Security headers on every response, long caching for versioned static files, upload limit."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient


def test_security_headers_on_pages_and_errors(client: FlaskClient) -> None:
    for path in ("/en/", "/en/concept/iso", "/xx/", "/en/concept/iso.json"):
        response = client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'self'" in csp and "object-src 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"


def test_static_files_are_versioned_and_cached(client: FlaskClient) -> None:
    html = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/style\.css\?v=[0-9a-f]{12})"', html)
    js = re.search(r'src="(/static/app\.js\?v=[0-9a-f]{12})"', html)
    assert css and js
    response = client.get(css.group(1))
    assert response.status_code == 200
    assert response.cache_control.max_age == 365 * 24 * 3600
    assert response.cache_control.public and "immutable" in response.headers["Cache-Control"]
    plain = client.get("/static/app.js")
    assert plain.cache_control.max_age == 3600
    plain.close()
    response.close()


def test_no_asset_comes_from_another_origin(client: FlaskClient) -> None:
    for path in ("/en/", "/en/concept/iso", "/en/export/"):
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html.replace('href="http://localhost/', ""))


def test_upload_limit_applies_app_wide(app: Flask) -> None:
    assert app.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    app.config["MAX_CONTENT_LENGTH"] = 10

    @app.post("/upload-probe")
    def probe() -> str:
        from flask import request

        return str(len(request.get_data()))

    response = app.test_client().post("/upload-probe", data=b"x" * 100, headers={"Accept-Language": "kk"})
    assert response.status_code == 413
    assert "Жүктелген файл тым үлкен." in response.get_data(as_text=True)
