import pytest

from glossary.text.keyboard import english_layout_to_russian, russian_layout_to_english


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("cnfylfhn", "стандарт"),
        ("vt;leyfhjlyfz jhufybpfwbz", "международная организация"),
        ("Cnfylfhnbpfwbz", "Стандартизация"),
        ("`krf", "ёлка"),
        ("j,]trn", "объект"),
    ],
)
def test_russian_typed_with_the_english_layout(typed, meant):
    assert english_layout_to_russian(typed) == meant
    assert russian_layout_to_english(meant) == typed


def test_other_characters_pass_through():
    assert english_layout_to_russian("9001 — ӘҒ") == "9001 — ӘҒ"
    assert russian_layout_to_english("ISO 9001") == "ISO 9001"
