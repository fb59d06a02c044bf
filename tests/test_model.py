"""The model's single definitions: ids, locators, source fields, statuses and term order."""

from dataclasses import fields

import pytest

from glossary.model import (
    DISCOURAGED_STATUSES,
    ID_MAX_LENGTH,
    ID_PATTERN,
    SOURCE_FIELDS,
    STATUSES,
    Source,
    SourceText,
    Term,
    is_web_url,
    parse_locator,
    term_rank,
)


@pytest.mark.parametrize(
    ("locator", "source"),
    [
        ("seed-1:12", Source("seed-1", 12)),
        ("ISO 8402", Source("ISO 8402")),
        (" seed-1:3 ", Source("seed-1", 3)),
        ("a:b:7", Source("a:b", 7)),
        ("seed-1:", Source("seed-1:")),
        (":12", Source(":12")),
        ("ГОСТ Р 1.5:x", Source("ГОСТ Р 1.5:x")),
    ],
)
def test_parse_locator(locator: str, source: Source) -> None:
    assert parse_locator(locator) == source


@pytest.mark.parametrize("source", [Source("seed-1", 12), Source("ISO 8402"), Source("kk.std-2", 1)])
def test_locator_round_trips(source: Source) -> None:
    assert parse_locator(str(source)) == source


def test_id_pattern_rejects_what_would_break_a_locator() -> None:
    assert ID_PATTERN.match("iso-9001.2015_x")
    assert ID_PATTERN.match("2015-standard")
    for bad in ("", "-lead", ".lead", "has:colon", "has space"):
        assert not ID_PATTERN.match(bad), bad


def test_ids_are_capped_so_that_every_id_can_be_served() -> None:
    """A page's address holds its id: 10,000 characters pass Whoosh but not a server's request line."""
    assert 64 <= ID_MAX_LENGTH <= 128
    assert ID_PATTERN.match("a" * ID_MAX_LENGTH)
    assert ID_PATTERN.match("ж" * ID_MAX_LENGTH)
    assert not ID_PATTERN.match("a" * (ID_MAX_LENGTH + 1))
    assert not ID_PATTERN.match("a" * 10_000)


def test_an_id_may_not_end_in_a_line_break() -> None:
    assert not ID_PATTERN.match("iso\n")


@pytest.mark.parametrize(
    "url",
    ["https://example.org/sample?a=1&b=2", "http://example.org", "HTTPS://EXAMPLE.ORG/x", "https://[::1]:8080/p"],
)
def test_web_urls_are_http_or_https_with_a_host(url: str) -> None:
    assert is_web_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/file",
        "//example.org/no-scheme",
        "/relative/path",
        "example.org",
        "https:no-host",
        "https://",
        "https://exa mple.org/",
        "https://example.org/\nline",
        "http://[::1",
    ],
)
def test_other_schemes_and_malformed_urls_are_not_web_urls(url: str) -> None:
    assert not is_web_url(url)


def test_source_fields_are_the_text_fields_of_a_source() -> None:
    text_fields = {f.name for f in fields(SourceText) if f.type == "str"} - {"id"}
    assert set(SOURCE_FIELDS) == text_fields


def test_discouraged_statuses_are_statuses() -> None:
    assert sorted(DISCOURAGED_STATUSES) == ["deprecated", "superseded"]
    assert DISCOURAGED_STATUSES.issubset(STATUSES)


def test_term_rank_puts_preferred_full_forms_first() -> None:
    terms = [
        Term("old", status="deprecated"),
        Term("ABC", type="acronym", status="preferred"),
        Term("odd", type="unknown", status="preferred"),
        Term("a b c", status="admitted"),
        Term("gone", status="superseded"),
        Term("Alpha Beta Gamma", status="preferred"),
        Term("weird", status="unknown"),
    ]
    assert [t.text for t in sorted(terms, key=term_rank)] == [
        "Alpha Beta Gamma",
        "ABC",
        "odd",
        "a b c",
        "old",
        "gone",
        "weird",
    ]
