"""A generated term base of a few thousand concepts, big enough that a letter or a subject spans many pages."""

from __future__ import annotations

import random
from pathlib import Path

from glossary.model import Concept, LanguageSection, Subject, Term, Termbase
from glossary.search.index import build_index
from glossary.text.alphabets import ALPHABETS

#: Letters that only Kazakh has, placed where code-point order would not put them.
KAZAKH_ONLY = "әғқңөұүһі"
SUBJECTS = ("physics", "law", "empty-field")


def _word(rng: random.Random, lang: str, first: str) -> str:
    letters = ALPHABETS[lang]
    return first + "".join(rng.choice(letters) for _ in range(rng.randint(2, 7)))


def big_termbase(size: int = 1500, seed: int = 11) -> Termbase:
    """``size`` kk/ru/en concepts; a third of the Kazakh terms start with а, every tenth has a synonym.

    Concept ``g<n>`` is filed under physics (every other one) and law (every
    third); the subject ``empty-field`` has no concept.  No Kazakh term starts with щ.
    """
    rng = random.Random(seed)
    concepts: dict[str, Concept] = {}
    seen: set[tuple[str, str]] = set()
    kk_firsts = [c for c in ALPHABETS["kk"] if c not in "щъь"]
    for n in range(size):
        sections = {}
        for lang in ("kk", "ru", "en"):
            terms = []
            for synonym in range(2 if n % 10 == 0 else 1):
                while True:
                    first = (
                        "а"
                        if lang == "kk" and n % 3 == 0
                        else rng.choice(kk_firsts if lang == "kk" else ALPHABETS[lang])
                    )
                    text = _word(rng, lang, first)
                    if (lang, text) not in seen:
                        seen.add((lang, text))
                        break
                terms.append(Term(text, status="preferred" if synonym == 0 else "admitted"))
            sections[lang] = LanguageSection(lang, tuple(terms))
        subjects = tuple(s for s, every in (("physics", 2), ("law", 3)) if n % every == 0)
        concepts[f"g{n}"] = Concept(id=f"g{n}", languages=sections, subjects=subjects)
    return Termbase(
        name="generated",
        languages=("kk", "ru", "en"),
        concepts=concepts,
        subjects={s: Subject(s, {"en": s, "kk": s, "ru": s}) for s in SUBJECTS},
    )


def build_big(target: Path, size: int = 1500) -> Path:
    """Index :func:`big_termbase` into ``target`` (no lint: it is not what these tests look at)."""
    build_index(big_termbase(size), target, lint=False)
    return target
