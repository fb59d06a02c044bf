"""The default language pair of a bilingual export: one rule (ExportOptions.pair) for the CLI and the web."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.formats import ExportOptions, export_termbase, get_format
from glossary.termbase import load_termbase


@pytest.mark.parametrize(
    ("options", "available", "pair"),
    [
        (ExportOptions(), ("kk", "ru", "en"), ("kk", "ru")),
        (ExportOptions(languages=("en", "kk")), ("kk", "ru", "en"), ("en", "kk")),
        (ExportOptions(source_lang="ru"), ("kk", "ru", "en"), ("ru", "kk")),
        (ExportOptions(target_lang="en"), ("kk", "ru", "en"), ("kk", "en")),
        (ExportOptions(source_lang="en", target_lang="ru"), (), ("en", "ru")),
        (ExportOptions(languages=("ru",), target_lang="kk"), ("kk", "en"), ("ru", "kk")),
    ],
)
def test_missing_ends_default_to_the_first_chosen_or_available_languages(
    options: ExportOptions, available: tuple[str, ...], pair: tuple[str, str]
) -> None:
    assert options.pair(available) == pair


@pytest.mark.parametrize(
    ("options", "available"),
    [
        (ExportOptions(), ()),
        (ExportOptions(), ("kk",)),
        (ExportOptions(source_lang="kk", target_lang="kk"), ("kk", "ru")),
        (ExportOptions(languages=("ru",)), ("kk", "ru")),
    ],
)
def test_no_two_different_languages_is_an_error(options: ExportOptions, available: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="two different languages"):
        options.pair(available)


def test_export_termbase_and_the_cli_agree_on_the_default_pair(small_termbase_dir: Path) -> None:
    termbase = load_termbase(small_termbase_dir)
    out = io.BytesIO()
    export_termbase(get_format("omegat-tsv"), termbase.concepts.values, out, ExportOptions(info=termbase))
    result = CliRunner().invoke(
        main, ["export", "--format", "omegat-tsv", "--termbase", str(small_termbase_dir), "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.encode() == out.getvalue()
    rows = [line.split("\t")[:2] for line in out.getvalue().decode().splitlines()]
    assert ["Халықаралық стандарттау ұйымы", "Международная организация по стандартизации"] in rows  # kk → ru


def test_the_cli_asks_for_a_pair_it_cannot_work_out(small_termbase_dir: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["export", "--format", "tbx2", "--termbase", str(small_termbase_dir), "--langs", "kk", "-o", "-"],
    )
    assert result.exit_code == 2
    assert "tbx2 holds one language pair: give --source-lang and --target-lang" in result.output
