"""Where the bundled data lives, and where derived files (the index) go."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_TERMBASE = PACKAGE_DIR / "data"
CORPUS_DIR = PACKAGE_DIR / "corpus"


def default_termbase() -> Path:
    """The term base to use when none is named: ``$GLOSSARY_TERMBASE`` or the bundled one."""
    return Path(os.environ.get("GLOSSARY_TERMBASE") or BUNDLED_TERMBASE)


def default_index_dir(termbase: Path) -> Path:
    """``$GLOSSARY_INDEX`` or a per-term-base folder under the user's cache."""
    if os.environ.get("GLOSSARY_INDEX"):
        return Path(os.environ["GLOSSARY_INDEX"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = str(termbase.resolve()).strip("/").replace("/", "_")[-120:]
    return cache / "glossary" / key
