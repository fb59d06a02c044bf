#!/usr/bin/env python3
"""Measure the lemmatizers against hand-made gold data, and the analyzer's speed.

Kazakh: lemma accuracy of ``stem_kk`` on the hand-disambiguated CG texts in
``../shared/nlp/kazakh-tagged/*.tagged.txt`` (plus ``kk_forms.tsv`` and the project's own verb-forms
list ``tests/fixtures/nlp/kk_verb_forms.tsv``); Russian: ``ru_forms.tsv``; speed: words per second
of ``analyze`` on the Kazakh texts, cold and warm cache.

What counts: a word (the surface has a letter or digit and no space) whose gold lemma is one
word.  "nominal" words are those whose first reading is not a verb (v, vaux, cop); "all words" adds
the verbs, whose gold lemma is the root (стандартталған → стандартта).  A word whose gold is
ambiguous (several readings, none chosen) counts as right when the stem equals any reading's lemma.

Two figures are given with verbs.  "raw" compares strings.  "citation-normalized" also accepts,
for a verb, the -у/-ю form of the gold root (:func:`citation_forms`): the tagged texts cite a verb
by its root (беруге → бер), while Kazakh dictionaries and this term base cite it by its verbal
noun (беру, оқу, сақтау, стандарттау), which the stemmer keeps whole because it is a term of its
own (kk_forms.tsv: стандарттаудың → стандарттау).  «бер» and «беру» are one lexeme under two
citation conventions; the normalization changes neither the gold nor any word's stem, and it
applies to every verb alike.

An ablation table follows: the suffix rules alone, with the common-word list (as shipped), and,
with ``--lexicon``, with an independent term base's Kazakh words as the lexicon (see
:func:`print_ablation` for why this matters).

    .venv/bin/python scripts/measure_stemmer.py [--shared ../shared] [--lexicon TERMBASE] [--errors 30]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.formats import FormatError, open_termbase  # noqa: E402
from glossary.search.index import termbase_kk_lexicon  # noqa: E402
from glossary.termbase import TermbaseInvalid  # noqa: E402
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


def citation_forms(root: str) -> frozenset[str]:
    """The dictionary (-у/-ю verbal noun) citation of a verb root, by the spelling rules of -у.

    After a consonant -у is added (бер → беру, көр → көру); a root-final high vowel ы/і merges
    into it (оқы → оқу, тілі → тілу); и + у is written ию (ки → кию); after any other vowel -у
    is added (сақта → сақтау, ізде → іздеу, ту → туу).
    """
    if not root or not root[-1].isalpha():
        return frozenset()
    last = root[-1]
    if last in "ыі" and len(root) > 1:
        return frozenset({root[:-1] + "у"})
    if last == "и":
        return frozenset({root + "ю"})
    return frozenset({root + "у"})


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


@dataclass(frozen=True)
class FileScores:
    nominal: Score
    everything: Score  # raw: the stem must equal a gold lemma
    normalized: Score  # a verb may also give its gold root's citation form (see citation_forms)


def score_tagged(
    files: list[Path],
    errors: Counter[tuple[str, str, str]] | None = None,
    verb_errors: Counter[tuple[str, str, str]] | None = None,
    stemmer: Callable[[str], str] = stem_kk,
) -> dict[str, FileScores]:
    """Per file: the nominal, all-words and citation-normalized all-words scores."""
    results = {}
    for path in files:
        scores = FileScores(Score(), Score(), Score())
        for word in read_tagged(path):
            stem = stemmer(word.surface)
            ok = stem in word.lemmas
            scores.everything.add(ok)
            if word.verbal:
                normalized = ok or any(stem in citation_forms(lemma_) for lemma_ in word.lemmas)
                scores.normalized.add(normalized)
                if not normalized and verb_errors is not None:
                    verb_errors[(word.surface.lower(), stem, "|".join(word.lemmas))] += 1
                continue
            scores.nominal.add(ok)
            scores.normalized.add(ok)
            if not ok and errors is not None:
                errors[(word.surface.lower(), stem, "|".join(word.lemmas))] += 1
        results[path.name] = scores
    return results


def overall(results: dict[str, FileScores]) -> FileScores:
    """The sums over every file."""
    total = FileScores(Score(), Score(), Score())
    for scores in results.values():
        for mine, theirs in zip(
            (total.nominal, total.everything, total.normalized),
            (scores.nominal, scores.everything, scores.normalized),
            strict=True,
        ):
            mine.right += theirs.right
            mine.total += theirs.total
    return total


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


def print_ablation(files: list[Path], lexicon_path: Path | None) -> None:
    """What the rules, the common-word list and a lexicon each contribute, over every file.

    The common-word list (glossary/text/kazakh_word_stems.py) was written after reading the errors
    on these same texts, so "rules + common words" is an optimistic figure; a lexicon from an
    independent term base (say the Apertium kk–ru dictionary, --lexicon) was not tuned on them.
    """
    configurations: list[tuple[str, Callable[[str], str]]] = [
        ("rules only", partial(stem_kk, common_words=False)),
        ("rules + common words (as shipped)", stem_kk),
    ]
    if lexicon_path is not None:
        lexicon = termbase_kk_lexicon(open_termbase(lexicon_path).concepts.values())
        print(f"\nlexicon: the Kazakh terms of {lexicon_path.name} ({len(lexicon):,} forms, written and folded)")
        configurations += [
            ("rules + lexicon", partial(stem_kk, lexicon=lexicon, common_words=False)),
            ("rules + common words + lexicon", partial(stem_kk, lexicon=lexicon)),
        ]
    print(f"{'what the stemmer uses':36} {'nominal words':>22} {'all words, citation-normalized':>32}")
    for label, stemmer in configurations:
        total = overall(score_tagged(files, stemmer=stemmer))
        print(f"  {label:34} {total.nominal!s:>22} {total.normalized!s:>32}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument(
        "--lexicon",
        type=Path,
        help="also score with this term base's Kazakh terms as the stemmer's lexicon (a folder or any importable file)",
    )
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        help="print the N most frequent wrong (form, stem, gold) triples, nominal and verbal",
    )
    args = parser.parse_args()
    nlp = args.shared / "nlp"
    if not nlp.is_dir():
        print(f"measure_stemmer: {nlp} does not exist; pass --shared", file=sys.stderr)
        return 2

    files = sorted((nlp / "kazakh-tagged").glob("*.tagged.txt"))
    errors: Counter[tuple[str, str, str]] = Counter()
    verb_errors: Counter[tuple[str, str, str]] = Counter()
    results = score_tagged(files, errors, verb_errors)
    print(
        f"{'Kazakh hand-lemmatized texts':34} {'nominal words':>22} {'all words, raw':>24} "
        f"{'all words, citation-normalized':>30}"
    )
    for name, scores in [*results.items(), ("overall", overall(results))]:
        print(f"  {name:32} {scores.nominal!s:>22} {scores.everything!s:>24} {scores.normalized!s:>30}")
    print(f"{'search key = gold lemma key (nominal)':36} {key_agreement(files)!s:>22}")
    try:
        print_ablation(files, args.lexicon)
    except (FormatError, TermbaseInvalid) as error:
        print(f"measure_stemmer: --lexicon: {error}", file=sys.stderr)
        return 1

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
        for title, counter in (("nominal errors", errors), ("verb errors, citation-normalized", verb_errors)):
            print(f"\nMost frequent {title} (count, surface, stem, gold):")
            for (surface, stem, gold), count in counter.most_common(args.errors):
                print(f"  {count:4}  {surface:24} {stem:20} {gold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
