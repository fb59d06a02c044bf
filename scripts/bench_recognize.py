#!/usr/bin/env python3
"""Benchmark term recognition: MB/s of Kazakh text against the 29.5k-concept apertium kk–ru base.

The recognizer is compared, in the same run, with a naive baseline: one
compiled regular expression per term (case-insensitive, word-bounded, any
word ending allowed so that inflected forms match), run over a sample of the
text for a subset of the terms and scaled to the whole term base.

    .venv/bin/python scripts/bench_recognize.py [--megabytes 2] [--baseline-terms 300]

(from a git worktree, point GLOSSARY_SHARED at the shared directory).

The text is built from the Kazakh seed texts and the surface forms of the
hand-tagged Kazakh texts in ../shared, shuffled by sentence with a fixed seed
and repeated to the requested size.  Rates are MB of UTF-8 text per second
of CPU time (wall time is printed too; it varies with the machine's load).
Two figures are given: a cold pass (a
fresh recognizer, so every distinct word is analyzed once) and a warm pass
(the per-word analysis cache filled, as in a long-running server).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.model import Concept, LanguageSection, Term  # noqa: E402
from glossary.tools.recognize import Recognizer, freeze_long_lived  # noqa: E402

#: The shared data beside the project; ``--shared`` or $GLOSSARY_SHARED points elsewhere (a git worktree).
SHARED = Path(os.environ.get("GLOSSARY_SHARED") or ROOT.parent / "shared")
APERTIUM = SHARED / "termbases" / "apertium"


def load_apertium() -> tuple[list[Concept], str]:
    """The apertium kk–ru concepts: through the formats registry's TBX importer, else from its CSV twin."""
    tbx = APERTIUM / "apertium_kaz-rus.tbx-basic-v3.tbx"
    try:
        from glossary.formats import get_format
    except ImportError:
        return _load_csv(APERTIUM / "apertium_kaz-rus.csv"), "csv (glossary.formats not available)"
    return list(get_format("tbx").import_(tbx).termbase), "tbx via glossary.formats"


def _load_csv(path: Path) -> list[Concept]:
    concepts = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), 1):
            languages = {
                lang: LanguageSection(lang, (Term(row[lang].strip()),)) for lang in ("kk", "ru") if row[lang].strip()
            }
            concepts.append(Concept(f"c{number}", languages=languages))
    return concepts


def build_text(megabytes: float) -> str:
    """Kazakh sentences from ../shared, shuffled with a fixed seed, repeated to ``megabytes`` of UTF-8."""
    sentences: list[str] = []
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        sentences.extend(s.strip() + "." for s in re.split(r"[.!?]\s*", text) if s.strip())
    for tagged in sorted((SHARED / "nlp" / "kazakh-tagged").glob("*.tagged.txt")):
        words: list[str] = []
        for line in tagged.read_text(encoding="utf-8").splitlines():
            if line.startswith('"<') and line.endswith('>"'):
                words.append(line[2:-2])
            elif not line.strip() and words:
                sentences.append(" ".join(words))
                words = []
    rng = random.Random(20261123)
    target = int(megabytes * 1024 * 1024)
    parts: list[str] = []
    size = 0
    while size < target:
        rng.shuffle(sentences)
        for sentence in sentences:
            parts.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
            if size >= target:
                break
    return "\n".join(parts)


def naive_baseline(concepts: list[Concept], text: str, term_count: int, sample_terms: int) -> float:
    """MB/s of one-regex-per-term over ``text``, measured on ``sample_terms`` terms and scaled to all."""
    terms = [t.text for c in concepts for _, t in c.terms("kk")]
    rng = random.Random(7)
    subset = rng.sample(terms, min(sample_terms, len(terms)))
    patterns = [re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, t.split())) + r"\w*", re.IGNORECASE) for t in subset]
    started = time.process_time()
    found = 0
    for pattern in patterns:
        found += sum(1 for _ in pattern.finditer(text))
    elapsed = time.process_time() - started
    megabytes = len(text.encode("utf-8")) / 1e6
    per_term_seconds_per_mb = elapsed / len(patterns) / megabytes
    return 1 / (per_term_seconds_per_mb * term_count)


def _timed(recognizer: Recognizer, text: str, *, nested: bool = False) -> tuple[int, float, float]:
    """(occurrences, CPU seconds, wall seconds) of one pass; CPU time is what a busy machine leaves comparable.

    With ``nested``, the pass also finds the terms inside each match, and counts them too.
    """
    cpu, wall = time.process_time(), time.perf_counter()
    if nested:
        recognition = recognizer.find_with_nested(text)
        found = len(recognition.occurrences) + sum(map(len, recognition.nested.values()))
    else:
        found = len(recognizer.find(text))
    return found, time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=2.0, help="size of the benchmark text (default 2)")
    parser.add_argument("--baseline-terms", type=int, default=300, help="terms timed for the regex baseline")
    parser.add_argument("--baseline-kilobytes", type=int, default=200, help="text the baseline runs over")
    args = parser.parse_args()
    if not APERTIUM.exists():
        raise SystemExit(f"{APERTIUM} not found: the benchmark needs ../shared beside the project")

    started = time.perf_counter()
    concepts, how = load_apertium()
    loaded = time.perf_counter()
    recognizer = Recognizer.from_concepts(concepts, "kk")
    built = time.perf_counter()
    text = build_text(args.megabytes)
    megabytes = len(text.encode("utf-8")) / 1e6
    print(
        f"term base: {len(concepts)} concepts, {recognizer.term_count} kk terms ({how}); load {loaded - started:.1f}s"
    )
    print(f"recognizer built in {built - loaded:.2f}s")
    print(f"text: {megabytes:.2f} MB, {len(set(text.split()))} distinct whitespace-separated words")

    cold, cold_cpu, cold_wall = _timed(recognizer, text)
    warm, warm_cpu, warm_wall = _timed(recognizer, text)
    freeze_long_lived()  # as the web and CLI shells do once their recognizers are built
    frozen, frozen_cpu, _ = _timed(recognizer, text)
    assert frozen == warm
    assert cold == warm
    cold_rate, warm_rate = megabytes / cold_cpu, megabytes / warm_cpu
    print(
        f"recognizer, cold cache: {cold_rate:.2f} MB/s of CPU time ({cold_cpu:.2f}s CPU, {cold_wall:.2f}s wall), "
        f"{cold} occurrences"
    )
    print(f"recognizer, warm cache: {warm_rate:.2f} MB/s of CPU time ({warm_cpu:.2f}s CPU, {warm_wall:.2f}s wall)")
    print(
        f"recognizer, warm and frozen (gc.freeze after building): {megabytes / frozen_cpu:.2f} MB/s of CPU time, "
        f"{warm_cpu / frozen_cpu:.2f}x the unfrozen warm pass"
    )
    with_nested, nested_cpu, _ = _timed(recognizer, text, nested=True)
    print(
        f"recognizer with nested terms (find_with_nested, warm and frozen): {megabytes / nested_cpu:.2f} MB/s "
        f"of CPU time, {with_nested - frozen} nested occurrence(s), {nested_cpu / frozen_cpu:.2f}x the time of find()"
    )

    sample = text[: args.baseline_kilobytes * 1024]
    baseline = naive_baseline(concepts, sample, recognizer.term_count, args.baseline_terms)
    print(
        f"naive baseline (one regex per term, {args.baseline_terms} terms timed on {args.baseline_kilobytes} KB, "
        f"scaled to {recognizer.term_count} terms): {baseline:.4f} MB/s of CPU time"
    )
    print(f"ratio recognizer/baseline: cold {cold_rate / baseline:.0f}x, warm {warm_rate / baseline:.0f}x")


if __name__ == "__main__":
    main()
