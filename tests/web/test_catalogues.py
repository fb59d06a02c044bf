"""The kk, ru and en catalogues: complete, not fuzzy, with CLDR plural rules, and in step with the code."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

LOCALES = ROOT / "locales"
PLURAL_FORMS = {"kk": 2, "ru": 3, "en": 2}


def catalog(lang: str):
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", sorted(PLURAL_FORMS))
def test_no_empty_or_fuzzy_message(lang: str) -> None:
    cat = catalog(lang)
    assert not cat.fuzzy, f"{lang}: the catalogue header is fuzzy, so pybabel compile would skip it"
    problems = []
    for message in cat:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(s and s.strip() for s in strings):
            problems.append(f"empty: {message.id!r}")
        if isinstance(message.id, tuple) and len(strings) != PLURAL_FORMS[lang]:
            problems.append(f"{len(strings)} plural forms instead of {PLURAL_FORMS[lang]}: {message.id!r}")
    assert not problems, f"locales/{lang}/LC_MESSAGES/messages.po:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", sorted(PLURAL_FORMS))
def test_placeholders_survive_translation(lang: str) -> None:
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\(\w+\)s", ids[-1]))
        for string in strings:
            assert set(re.findall(r"%\(\w+\)s", string)) == wanted, f"{lang}: {message.id!r} -> {string!r}"


def test_plural_rules_follow_cldr() -> None:
    ru = catalog("ru")
    assert ru.num_plurals == 3
    plural = gettext.c2py(ru.plural_expr)
    assert [plural(n) for n in (1, 2, 5, 11, 21, 22, 25)] == [0, 1, 2, 2, 0, 1, 2]
    assert catalog("kk").num_plurals == 2


def test_russian_and_kazakh_are_really_translated() -> None:
    """No English left in kk or ru, apart from names and codes that are the same in every language."""
    for lang in ("kk", "ru"):
        for message in catalog(lang):
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                latin_words = re.findall(r"\b[a-z]{4,}\b", re.sub(r"%\(\w+\)s", "", string))
                allowed = {
                    *("standardization", "martif", "translate", "toolkit", "source", "target", "segments", "json"),
                    *("glossary", "lint"),  # the command that checks the term base
                    "kazterm",  # the site's name
                }
                assert set(latin_words) <= allowed, f"{lang}: {message.id!r} -> {string!r}"


def test_catalogues_hold_every_string_in_the_code(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "extract",
            "-F",
            "locales/babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as f:
        wanted = {m.id for m in read_po(f) if m.id}
    for lang in PLURAL_FORMS:
        have = {m.id for m in catalog(lang) if m.id}
        missing = wanted - have
        assert not missing, (
            f"locales/{lang}: run scripts/i18n extract && scripts/i18n update; missing {sorted(missing)}"
        )
