#!/usr/bin/env python3
"""Rebuild glossary/corpus/<id>.sentences.txt, .original-sentences.txt and .repairs.tsv from the verbatim texts.

Run after changing the repair or the sentence splitter; then fix any citation
whose sentence number moved (tests/data/test_citations.py tells you which).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary.corpus.build import write_derived_files


def main() -> None:
    for path in write_derived_files():
        print(path)


if __name__ == "__main__":
    main()
