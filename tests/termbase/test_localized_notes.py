"""Notes and source titles in several languages; the old single-language forms still load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary.model import note_groups, note_in
from glossary.serialize import concept_from_dict, concept_to_dict, source_from_dict, source_to_dict
from glossary.termbase import check_termbase, load_termbase

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    target = tmp_path / "base"
    shutil.copytree(FIXTURES / "small", target)
    concept = target / "concepts" / "iso.yaml"
    text = concept.read_text(encoding="utf-8")
    text = text.replace(
        "notes:\n  - text: Founded in 1947.\n    lang: en\n    sources: [notes:2]\n",
        "notes:\n"
        "  - text:\n"
        "      kk: 1947 жылы құрылған.\n"
        "      ru: Основана в 1947 году.\n"
        "      en: Founded in 1947.\n"
        "    sources: [notes:2]\n"
        "  - text: An old single-language note.\n"
        "    lang: en\n",
    )
    concept.write_text(text, encoding="utf-8")
    sources = target / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace(
            "  title: Translation by the project",
            "  title:\n    kk: Жобаның аудармасы\n    ru: Перевод проекта\n    en: Translation by the project",
        ),
        encoding="utf-8",
    )
    return target


def test_a_note_per_language_loads_as_one_note_per_language_sharing_a_group(base: Path) -> None:
    iso = load_termbase(base).concepts["iso"]
    assert [(n.lang, n.text, n.group) for n in iso.notes] == [
        ("kk", "1947 жылы құрылған.", 0),
        ("ru", "Основана в 1947 году.", 0),
        ("en", "Founded in 1947.", 0),
        ("en", "An old single-language note.", 1),
    ]
    assert all(str(s) == "notes:2" for s in iso.notes[0].sources + iso.notes[2].sources)
    first, second = note_groups(iso.notes)
    assert note_in(first, "ru") == (iso.notes[1], False)
    assert note_in(second, "kk") == (iso.notes[3], True)  # shown in English, marked as a fallback


def test_notes_and_localized_titles_survive_the_plain_data_shape(base: Path) -> None:
    termbase = load_termbase(base)
    iso = termbase.concepts["iso"]
    data = concept_to_dict(iso)
    assert data["notes"][0]["text"] == {
        "kk": "1947 жылы құрылған.",
        "ru": "Основана в 1947 году.",
        "en": "Founded in 1947.",
    }
    assert data["notes"][1] == {"text": "An old single-language note.", "lang": "en"}
    again = concept_from_dict(data)
    assert again == iso and [n.group for n in again.notes] == [0, 0, 0, 1]
    project = termbase.sources["project"]
    assert (project.title_in("kk"), project.title_in("ru"), project.title_in("de")) == (
        "Жобаның аудармасы",
        "Перевод проекта",
        "Жобаның аудармасы",
    )
    assert source_from_dict("project", source_to_dict(project)) == project


def test_a_note_cannot_give_both_a_language_map_and_lang(base: Path) -> None:
    concept = base / "concepts" / "iso.yaml"
    concept.write_text(
        concept.read_text(encoding="utf-8").replace(
            "    sources: [notes:2]\n", "    lang: en\n    sources: [notes:2]\n", 1
        ),
        encoding="utf-8",
    )
    _, problems = check_termbase(base)
    assert any("give the language as the keys of text" in str(p) for p in problems)


def test_an_unknown_language_key_in_a_note_is_located(base: Path) -> None:
    concept = base / "concepts" / "iso.yaml"
    concept.write_text(
        concept.read_text(encoding="utf-8").replace("      ru: Основана", "      xx: Основана"), encoding="utf-8"
    )
    _, problems = check_termbase(base)
    assert any("concepts/iso.yaml:" in str(p) and "notes[0].text.xx" in str(p) for p in problems), problems


def test_the_term_base_name_and_description_may_be_given_per_language(tmp_path: Path) -> None:
    from glossary.search.index import build_index
    from glossary.search.searcher import Searcher
    from glossary.termbase import write_termbase

    target = tmp_path / "base"
    shutil.copytree(FIXTURES / "small", target)
    (target / "termbase.yaml").write_text(
        "name: {kk: Шағын база, ru: Малая база, en: Small base}\n"
        "description: {kk: Сынақ базасы., en: A test base.}\n"
        "languages: [kk, ru, en]\n",
        encoding="utf-8",
    )
    termbase = load_termbase(target)
    assert (termbase.name, termbase.name_in("ru"), termbase.name_in("de")) == ("Шағын база", "Малая база", "Шағын база")
    assert termbase.description_in("ru") == "Сынақ базасы."  # no Russian version: the first given
    write_termbase(termbase, tmp_path / "copy", copy_files_from=target)
    assert load_termbase(tmp_path / "copy").name_by_lang == termbase.name_by_lang
    build_index(termbase, tmp_path / "index")
    info = Searcher(tmp_path / "index").info
    assert (info.name_in("en"), info.description_in("en")) == ("Small base", "A test base.")
