"""A generated term base with many hits for one query, so result pages, pagers and highlighting have work to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.web.support import WEB_FIXTURE, build

#: Enough concepts for several result pages of 20.
CONCEPTS = 70


def crowded_termbase(target: Path) -> Path:
    """The web fixture plus :data:`CONCEPTS` concepts whose many-word terms all contain "a" and "standard"."""
    termbase = target / "crowded"
    shutil.copytree(WEB_FIXTURE, termbase)
    for n in range(CONCEPTS):
        concept = {
            "id": f"crowd-{n}",
            "languages": {
                "kk": {"terms": [{"text": f"а стандарт әр түрлі деңгей {n} а б в г д е ж"}]},
                "ru": {"terms": [{"text": f"a стандарт уровня {n} а б в г д е ж з и к л"}]},
                "en": {"terms": [{"text": f"a standard of level {n} a b c d e f g h i j k l m"}]},
            },
        }
        (termbase / "concepts" / f"crowd-{n}.yaml").write_text(yaml.safe_dump(concept, allow_unicode=True))
    return termbase


def crowded_index(target: Path) -> tuple[Path, Path]:
    """The crowded term base and its built index."""
    termbase = crowded_termbase(target)
    return termbase, build(termbase, target / "index")
