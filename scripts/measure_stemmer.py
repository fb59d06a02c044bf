#!/usr/bin/env python3
"""Measure the lemmatizers against hand-made gold data, and the analyzer's speed.

Kazakh: lemma accuracy of ``stem_kk`` on the hand-disambiguated CG texts in
``../shared/nlp/kazakh-tagged/*.tagged.txt`` (plus ``kk_forms.tsv`` and the project's own verb-forms
list ``tests/fixtures/nlp/kk_verb_forms.tsv``); Russian: ``ru_forms.tsv``; speed: words per second
of ``analyze`` on the Kazakh texts, cold and warm cache.

What counts: a word (the surface has a letter or digit and no space) whose gold lemma is one
word.  "nominal" words are those whose first reading is not a verb (v, vaux, cop); "all words" adds
the verbs, whose gold lemma is the root (стандартталған → стандартта).  The stemmer keeps verbal
nouns whole (стандарттау, a term of its own), which the gold counts as verbs with the root as lemma.  A word whose gold is ambiguous (several readings, none
chosen) counts as right when the stem equals any reading's lemma.

    .venv/bin/python scripts/measure_stemmer.py [--shared ../shared] [--errors 30]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.text import analyze, folded_key, lemma, stem_kk, tokenize  # noqa: E402

VERBAL_TAGS = frozenset({"v", "vaux", "cop"})
_SURFACE = re.compile(r'^"<(.*)>"\s*$')
_READING = re.compile(r'^\t"(.*)"\s+(\S+)?')


@dataclass(frozen=True)
class GoldWord:
    surface: str
    lemmas: tuple[str, ...]
    verbal: bool


def read_tagged(path: Path) -> Iterator[GoldWord]:
    """The countable words of one CG file (see the module docstring for what counts)."""
    surface: str | None = None
    readings: list[tuple[str, str]] = []

    def flush() -> Iterator[GoldWord]:
        if surface is None or not readings or " " in surface:
            return
        if not any(char.isalnum() for char in surface):
            return
        lemmas = tuple(dict.fromkeys(lemma_.lower() for lemma_, _ in readings if " " not in lemma_))
        if lemmas:
            yield GoldWord(surface, lemmas, readings[0][1] in VERBAL_TAGS)

    for line in path.read_text(encoding="utf-8").splitlines():
        match = _SURFACE.match(line)
        if match:
            yield from flush()
            surface, readings = match.group(1), []
            continue
        reading = _READING.match(line)
        if reading and surface is not None:
            readings.append((reading.group(1), reading.group(2) or ""))
    yield from flush()


@dataclass
class Score:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.accuracy:7.2%} ({self.right}/{self.total})"


def score_tagged(
    files: list[Path], errors: Counter[tuple[str, str, str]] | None = None
) -> dict[str, tuple[Score, Score]]:
    """Per file: (nominal score, all-words score)."""
    results = {}
    for path in files:
        nominal, everything = Score(), Score()
        for word in read_tagged(path):
            ok = stem_kk(word.surface) in word.lemmas
            everything.add(ok)
            if not word.verbal:
                nominal.add(ok)
                if not ok and errors is not None:
                    errors[(word.surface.lower(), stem_kk(word.surface), "|".join(word.lemmas))] += 1
        results[path.name] = (nominal, everything)
    return results


def key_agreement(files: list[Path]) -> Score:
    """How often a nominal word's search key (analyze's folded key) equals its gold lemma's key.

    This is what search needs: an inflected form must meet its dictionary form, whether or
    not the stem itself is the linguist's lemma.
    """
    score = Score()
    for path in files:
        for word in read_tagged(path):
            if not word.verbal:
                keys = {folded_key(lemma_, "kk") for lemma_ in word.lemmas}
                score.add(folded_key(word.surface, "kk") in keys)
    return score


def read_forms(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(row[0], row[1]) for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def clear_caches() -> None:
    from glossary.text import kazakh_stem, tokens

    for cached in (lemma, tokens.folded_key, tokens._keys, kazakh_stem._stem_cached, kazakh_stem._stem_folded_cached):
        cached.cache_clear()


def tokenize_rate(texts: list[str]) -> float:
    start = time.perf_counter()
    words = sum(len(tokenize(text)) for text in texts)
    return words / (time.perf_counter() - start)


def words_per_second(texts: list[str], lang: str) -> tuple[float, float, int]:
    """Analyze throughput, cold (caches cleared) then warm (the same text again)."""
    analyze(texts[0], lang)  # load dictionaries outside the clock
    clear_caches()
    rates = []
    for _ in range(2):
        start = time.perf_counter()
        words = sum(len(analyze(text, lang)) for text in texts)
        rates.append(words / (time.perf_counter() - start))
    return rates[0], rates[1], words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent nominal errors")
    args = parser.parse_args()
    nlp = args.shared / "nlp"
    if not nlp.is_dir():
        print(f"measure_stemmer: {nlp} does not exist; pass --shared", file=sys.stderr)
        return 2

    files = sorted((nlp / "kazakh-tagged").glob("*.tagged.txt"))
    errors: Counter[tuple[str, str, str]] = Counter()
    results = score_tagged(files, errors)
    print(f"{'Kazakh hand-lemmatized texts':34} {'nominal words':>22} {'all words (with verbs)':>24}")
    total_nominal, total_all = Score(), Score()
    for name, (nominal, everything) in results.items():
        print(f"  {name:32} {nominal!s:>22} {everything!s:>24}")
        total_nominal.right += nominal.right
        total_nominal.total += nominal.total
        total_all.right += everything.right
        total_all.total += everything.total
    print(f"  {'overall':32} {total_nominal!s:>22} {total_all!s:>24}")
    print(f"{'search key = gold lemma key (nominal)':36} {key_agreement(files)!s:>22}")

    lists = (
        ("kk_forms.tsv", nlp / "kk_forms.tsv", stem_kk),
        ("kk_verb_forms.tsv (own)", ROOT / "tests" / "fixtures" / "nlp" / "kk_verb_forms.tsv", stem_kk),
        ("ru_forms.tsv", nlp / "ru_forms.tsv", None),
    )
    for name, path, lemmatize in lists:
        lang = "kk" if lemmatize else "ru"
        forms = read_forms(path)
        score = Score()
        for form, expected in forms:
            score.add((lemmatize(form) if lemmatize else lemma(form, lang)) == expected)
        print(f"{name:36} {score!s:>22}")

    texts = []
    for path in files:
        words = [word.surface for word in read_tagged(path)]
        texts.extend(" ".join(words[i : i + 20]) for i in range(0, len(words), 20))
    baseline = tokenize_rate(texts)
    print(f"speed baseline, tokenize() alone on the same texts: {baseline:,.0f} words/s")
    cold, warm, count = words_per_second(texts, "kk")
    print(
        f"analyze(kk) on {count} words: cold cache {cold:,.0f} words/s ({cold / baseline:.2f}× tokenize), "
        f"warm cache {warm:,.0f} words/s ({warm / baseline:.2f}× tokenize)"
    )
    ru_texts = [" ".join(form for form, _ in read_forms(nlp / "ru_forms.tsv"))] * 50
    cold, warm, count = words_per_second(ru_texts, "ru")
    print(f"analyze(ru) on {count} words (40 distinct): {cold:,.0f} words/s ({cold / baseline:.2f}× tokenize)")

    if args.errors:
        print("\nMost frequent nominal errors (surface, stem, gold):")
        for (surface, stem, gold), count in errors.most_common(args.errors):
            print(f"  {count:4}  {surface:24} {stem:20} {gold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
