"""The examples in glossary.text docstrings are run, so they cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "glossary.text",
    "glossary.text.fold",
    "glossary.text.translit",
    "glossary.text.kazakh_stem",
    "glossary.text.lemmatize",
    "glossary.text.tokens",
    "glossary.text.keyboard",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
