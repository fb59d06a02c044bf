"""Links built from data: only web addresses become ``href``, so a ``javascript:`` URL in a term base stays text."""

from __future__ import annotations

from urllib.parse import urlsplit

#: The schemes a link from data may have; anything else (javascript:, data:, vbscript:, file:…) is shown as text.
WEB_SCHEMES = frozenset({"http", "https"})


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host, or a path on this site; else None.

    Browsers drop tabs and newlines inside a URL and read a backslash as a
    slash, so such a URL is refused rather than parsed the way Python would.
    """
    if not url or url != url.strip() or any(ch in url for ch in "\t\n\r\\") or not url.isprintable():
        return None
    if url.startswith("/"):
        return None if url.startswith("//") else url
    parts = urlsplit(url)
    if parts.scheme.lower() in WEB_SCHEMES and parts.netloc:
        return url
    return None
