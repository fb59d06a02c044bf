"""Language ranges on the command line: ``--langs en,de`` on a base tagged en-us, de-de and de-at."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from tests.conftest import FIXTURES, shared_path

REGIONAL = FIXTURES / "formats" / "regional" / "regional.csv"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def regional(tmp_path: Path) -> Path:
    """The fixture CSV (en-us, de-de, de-at, kk) imported as a term base."""
    code, output = run("import", str(REGIONAL), "--into", str(tmp_path / "base"))
    assert code == 0, output
    return tmp_path / "base"


def header(output: str) -> list[str]:
    return [column for column in next(csv.reader(io.StringIO(output))) if ":" not in column]


def test_export_langs_selects_regional_tags_and_shows_them(regional: Path) -> None:
    code, output = run("export", "--format", "csv", "--termbase", str(regional), "--langs", "en,de", "-o", "-")
    assert code == 0, output
    assert header(output)[2:5] == ["en-us", "de-de", "de-at"]
    assert "kk" not in header(output)
    assert "Jänner" in output and "Januar" in output


def test_export_langs_ignore_case_and_prefer_an_exact_tag(regional: Path) -> None:
    code, output = run("export", "--format", "csv", "--termbase", str(regional), "--langs", "EN-us,DE-AT", "-o", "-")
    assert code == 0, output
    assert header(output)[2:4] == ["en-us", "de-at"]
    assert "Januar," not in output
    code, output = run("export", "--format", "csv", "--termbase", str(regional), "--langs", "*", "-o", "-")
    assert code == 0, output
    assert header(output)[2:6] == ["en-us", "de-de", "de-at", "kk"]


def test_a_bilingual_export_takes_one_tag_per_end(regional: Path) -> None:
    args = ("export", "--format", "omegat-tsv", "--termbase", str(regional), "-o", "-")
    code, output = run(*args, "--source-lang", "de", "--target-lang", "EN")
    assert code == 0, output
    assert "Januar\tJanuary" in output  # de-de comes first in the base
    code, output = run(*args, "--source-lang", "de-AT", "--target-lang", "en")
    assert code == 0, output
    assert "Jänner\tJanuary" in output and "Lift\televator" in output


@pytest.mark.parametrize(
    ("option", "value"), [("--langs", "en,fr"), ("--source-lang", "fr"), ("--target-lang", "en-gb")]
)
def test_an_unknown_range_names_the_option_and_the_tags(regional: Path, option: str, value: str) -> None:
    code, output = run("export", "--format", "omegat-tsv", "--termbase", str(regional), option, value, "-o", "-")
    assert code == 2
    assert option in output
    assert "available: en-us, de-de, de-at, kk" in output


def test_search_lang_and_target_take_ranges(regional: Path, tmp_path: Path) -> None:
    base = ("search", "--termbase", str(regional), "--index", str(tmp_path / "index"))
    code, output = run(*base, "Lift", "--lang", "de", "--target", "en,de")
    assert code == 1  # Lift is de-at's, and "de" means de-de where only one language will do
    code, output = run(*base, "Lift", "--lang", "de-at", "--target", "EN,de", "--json")
    assert code == 0, output
    hit = json.loads(output[: output.rindex("}") + 1])["results"][0]
    assert hit["matched"]["lang"] == "de-at"
    assert list(hit["terms"]) == ["de-at", "en-us", "de-de"]
    code, output = run(*base, "Lift", "--target", "en,de")
    assert code == 0, output
    assert "en-us: elevator" in output and "de-de: Aufzug" in output and "de-at: Lift" in output
    code, output = run(*base, "Lift", "--target", "fr")
    assert code == 2 and "--target" in output and "available: en-us, de-de, de-at, kk" in output


def test_recognize_and_check_translation_take_ranges(tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    text.write_text("The elevator stops in January.\n", encoding="utf-8")
    code, output = run("recognize", str(text), "--lang", "en", "--termbase", str(REGIONAL), "--json")
    assert code == 0, output
    answer = json.loads(output[output.index("{") :])
    assert answer["lang"] == "en-us"
    code, output = run("recognize", str(text), "--lang", "fr", "--termbase", str(REGIONAL))
    assert code == 2 and "--lang" in output and "available: en-us, de-de, de-at, kk" in output
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("en\tde\nThe elevator.\tDer Aufzug.\n", encoding="utf-8")
    code, output = run("check-translation", str(pairs), "--termbase", str(REGIONAL), "--json")
    assert code in {0, 1}, output
    assert "elevator" in output and "Aufzug" in output


@pytest.mark.slow
def test_export_langs_en_de_on_the_suse_import(tmp_path: Path) -> None:
    code, output = run(
        "import", str(shared_path("termbases", "suse", "suse-glossary.tbx")), "--into", str(tmp_path / "suse")
    )
    assert code == 0, output
    code, output = run("export", "--format", "csv", "--termbase", str(tmp_path / "suse"), "--langs", "en,de", "-o", "-")
    assert code == 0, output
    assert header(output)[2:] == ["en-us", "de-de", "notes", "relations"]
    rows = list(csv.DictReader(io.StringIO(output)))
    assert len(rows) == 1349
    assert sum(1 for row in rows if row["de-de"]) > 500
    code, output = run(
        "export", "--format", "tbx2", "--termbase", str(tmp_path / "suse"), "--langs", "en,de", "-o", "-"
    )
    assert code == 0, output
    assert 'xml:lang="en-us"' in output and 'xml:lang="de-de"' in output and 'xml:lang="fr-fr"' not in output
    code, output = run("export", "--format", "csv", "--termbase", str(tmp_path / "suse"), "--langs", "es,pt", "-o", "-")
    assert code == 0, output
    assert header(output)[2:6] == ["es-es", "es-419", "pt-br", "pt-pt"]  # the base's order
