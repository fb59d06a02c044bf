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


def test_hashed_static_files_are_cacheable_for_a_year_without_no_cache(client: FlaskClient) -> None:
    html = client.get("/en/").get_data(as_text=True)
    for url in re.findall(r'(?:href|src)="(/static/[^"]+\?v=[0-9a-f]{12})"', html):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", url
        response.close()


def test_unhashed_or_stale_static_urls_are_revalidated(client: FlaskClient) -> None:
    for url in ("/static/app.js", "/static/app.js?v=000000000000"):
        response = client.get(url)
        assert response.cache_control.no_cache and "immutable" not in response.headers["Cache-Control"], url
        response.close()


def test_a_missing_static_file_is_not_cached(client: FlaskClient) -> None:
    response = client.get("/static/nothere.js?v=000000000000")
    assert response.status_code == 404
    assert "max-age" not in response.headers.get("Cache-Control", "")
