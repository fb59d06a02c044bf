"""The direct YAML emitter: byte for byte what PyYAML writes, plain only when PyYAML reads the same string back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from glossary.model import Concept, LanguageSection, Note, Relation, Term, Termbase
from glossary.paths import BUNDLED_TERMBASE
from glossary.serialize import concept_to_dict
from glossary.termbase.load import load_termbase
from glossary.termbase.write import concept_yaml, dump_yaml, write_termbase
from glossary.termbase.yamlemit import Unsupported, emit_document, plain_safe
from tests.conftest import FIXTURES

#: Strings a plain scalar must never carry as they are.
HOSTILE = [
    "",
    " leading",
    "trailing ",
    "two  spaces",
    "key: value",
    "ends with colon:",
    "a #comment",
    "#hash",
    "- dash",
    "? question",
    ": colon",
    "yes",
    "No",
    "ON",
    "off",
    "true",
    "False",
    "null",
    "Null",
    "~",
    "12",
    "-3",
    "+4",
    "0x1F",
    "0o17",
    "1_000",
    "1.5",
    "1e3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    "12:30:00",
    "2024-01-01",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "'single'",
    '"double"',
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "carriage\rreturn",
    "nul\x00",
    "bell\x07",
    "escape\x1b",
    "del\x7f",
    "next\x85line",
    "line\u2028separator",
    "paragraph\u2029separator",
    "bom\ufeff",
    "noncharacter\ufffe",
    "emoji 😀",
    "...",
    "---",
    "--- x",
    "... x",
    "&anchor",
    "*alias",
    "!tag",
    "|literal",
    ">folded",
    "%directive",
    "@at",
    "`tick",
    "[flow]",
    "{flow}",
    ",comma",
    "stress\u0301",
    "nbsp\u00a0inside",
    "x" * 500,
    " ".join(["слово"] * 60),
    " ".join(["word"] * 40) + " :end",
]
ALPHABET = [
    *"aZ09 .,;:!?#-_'\"\\/()[]{}&*|>%@`~^=+<$№§°«»“”„‘’–—…ёқңӘ",
    *"\t\n\r\x00\x07\x1b\x7f\x85\xa0\u2028\u2029\ufeff\ufffe😀\u0301",
    *("yes", "no", "null", "~", "1.5", "1e3", "2024-01-01", "12:30", ".inf", "- ", "? ", ": ", " #", "...", "---"),
]


def _documents(text: str) -> list[object]:
    """``text`` in every place a concept puts a string: a value, a list item, a key, deep and shallow."""
    return [
        {"text": text},
        [{"id": "x", "languages": {"kk": {"terms": [{"text": text, "status": "preferred"}]}}, "subjects": [text]}],
        {"id": "x", "notes": [{"text": {text: "note"}}]},
        {"id": text, "languages": {"en": {"definition": {"text": text}, "terms": []}}},
    ]


def _same_as_pyyaml(document: object) -> bool:
    """True when the emitter wrote ``document`` (then exactly as PyYAML, and it loads back); False if it declined."""
    try:
        fast = emit_document(document)  # type: ignore[arg-type]
    except Unsupported:
        return False
    assert fast == dump_yaml(document)
    assert yaml.safe_load(fast) == document
    return True


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_are_left_to_pyyaml_or_written_as_it_would(text: str) -> None:
    for document in _documents(text):
        _same_as_pyyaml(document)


#: Look hostile, but PyYAML (YAML 1.1) reads them back as these very strings, so they are written plain.
PLAIN_AFTER_ALL = ("0o17", "1e3", "back\\slash", "x" * 500, " ".join(["слово"] * 60), " ".join(["word"] * 40) + " :end")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_string_is_plain_only_when_pyyaml_reads_it_back_as_the_same_str(text: str) -> None:
    assert plain_safe(text) == (text in PLAIN_AFTER_ALL)
    if plain_safe(text):
        assert yaml.safe_load(text) == text


def test_long_plain_text_is_folded_as_libyaml_folds_it() -> None:
    long = " ".join(f"word{n}" for n in range(60))
    assert plain_safe(long)
    for document in _documents(long)[:2]:
        assert _same_as_pyyaml(document)
    assert "\n" in emit_document({"text": long})


def test_random_strings_match_pyyaml() -> None:
    rng = random.Random(11)
    written = 0
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))
        if rng.random() < 0.1:
            text = " ".join([text] * rng.randint(5, 30))
        written += sum(_same_as_pyyaml(document) for document in _documents(text))
    assert written > 1000  # the test would prove nothing if every string were declined


def test_values_of_other_types() -> None:
    assert _same_as_pyyaml({"case_sensitive": True, "reliability": 9, "n": False, "empty": [], "none": {}})
    for document in ({}, [], {"x": None}, {"x": 1.5}, [[1]], [{}], {1: "x"}):
        with pytest.raises(Unsupported):
            emit_document(document)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "folder", [BUNDLED_TERMBASE, FIXTURES / "small", FIXTURES / "formats" / "adversarial"], ids=lambda p: p.name
)
def test_every_concept_is_written_byte_for_byte_as_pyyaml_writes_it(folder: Path) -> None:
    for concept in load_termbase(folder).concepts.values():
        data = concept_to_dict(concept)
        assert concept_yaml(concept) == dump_yaml(data)
        assert concept_yaml(concept, in_shard=True) == dump_yaml([data])


@pytest.mark.parametrize("shards", [False, True])
@pytest.mark.parametrize("folder", [FIXTURES / "small", FIXTURES / "formats" / "adversarial"], ids=lambda p: p.name)
def test_load_of_write_is_the_same_term_base(folder: Path, shards: bool, tmp_path: Path) -> None:
    original = load_termbase(folder)
    write_termbase(original, tmp_path / "copy", copy_files_from=folder, shards=shards)
    assert load_termbase(tmp_path / "copy") == original


def test_hostile_texts_in_a_term_base_load_back_unchanged(tmp_path: Path) -> None:
    """Every hostile text that a valid term base can hold, in terms, notes and relations, survives write and load."""
    usable = [t for t in HOSTILE if t.strip() and t == " ".join(t.split()) and "\ufffe" not in t and "\x00" not in t]
    concepts = {}
    for n, text in enumerate(usable):
        concepts[f"c{n}"] = Concept(
            f"c{n}",
            languages={"en": LanguageSection("en", (Term(text), Term(f"{text} 2")))},
            notes=(Note(text, "en"),),
            relations=(Relation("related", "c0"),),
        )
    original = Termbase(name="hostile", languages=("en",), concepts=concepts)
    write_termbase(original, tmp_path / "tb")
    assert load_termbase(tmp_path / "tb").concepts == original.concepts
