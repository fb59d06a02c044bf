#!/usr/bin/env python3
"""Benchmark every page in-process: p50 / p95 ms per page, against a trivial route in the same app and run.

A benchmark, not a test: run it by hand and paste its table into docs/benchmarks.md.

    .venv/bin/python scripts/bench_pages.py                         # apertium 29.5k
    .venv/bin/python scripts/bench_pages.py --bases generated --sizes 100000

For every base it builds the index (one process, lint included, as ``glossary
build`` does), opens the app with Flask's test client, warms each page once,
then requests each page ``--requests`` times (varying the query, concept,
letter page and subject page among real ones) and reports p50 and p95.
For comparison it also times a walk over every concept, which the about and
browse pages did on every request before they read stored aggregates.  The
target of issue #11 is ≤ 50 ms for every page at 1M concepts.  Figures go to
stdout as a table and to ``bench/results-pages.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import random
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.model import Subject, Termbase  # noqa: E402
from glossary.search.index import build_index  # noqa: E402
from glossary.search.searcher import Searcher  # noqa: E402
from scripts.bench_search import generate, load_apertium  # noqa: E402

#: Subjects given to a base that has none, so that the subject page has something to list.
BENCH_SUBJECTS = ("physics", "law", "medicine", "it")


def with_subjects(termbase: Termbase, seed: int = 5) -> Termbase:
    """``termbase`` with each concept filed under one of :data:`BENCH_SUBJECTS`, when it has no subjects."""
    if termbase.subjects:
        return termbase
    rng = random.Random(seed)
    concepts = {
        key: dataclasses.replace(concept, subjects=(rng.choice(BENCH_SUBJECTS),))
        for key, concept in termbase.concepts.items()
    }
    subjects = {s: Subject(s, {"en": s}) for s in BENCH_SUBJECTS}
    return dataclasses.replace(termbase, concepts=concepts, subjects=subjects)


def page_paths(searcher: Searcher, termbase: Termbase, rng: random.Random, count: int) -> dict[str, list[str]]:
    """For each page, ``count`` real URLs: queries, concepts, letter pages and subject pages drawn from the base."""
    concepts = list(termbase)
    aggregates = searcher.aggregates
    lang = max(aggregates.letters, key=lambda code: aggregates.terms_by_language.get(code, 0))
    letters = [(letter, n) for letter, n in aggregates.letter_row(lang) if n]
    biggest = max(letters, key=lambda item: item[1])
    subjects = [(s, n) for s, n in aggregates.subjects.items() if n]

    def quote(text: str) -> str:
        return urllib.parse.quote(text, safe="")

    def a_term() -> str:
        concept = rng.choice(concepts)
        return concept.label(lang)

    def a_letter_page() -> str:
        letter, n = rng.choice(letters)
        page = rng.randint(1, max(1, (n + 99) // 100))
        return f"/en/browse/{lang}/{quote(letter)}?page={page}"

    def a_subject_page() -> str:
        subject, n = rng.choice(subjects)
        return f"/en/subjects/{quote(subject)}?page={rng.randint(1, max(1, (n + 99) // 100))}"

    return {
        "trivial": ["/trivial"] * count,
        "home": ["/en/"] * count,
        "search": [f"/en/?q={quote(a_term())}" for _ in range(count)],
        "concept": [f"/en/concept/{quote(rng.choice(concepts).id)}" for _ in range(count)],
        "about": ["/en/about"] * count,
        "browse": ["/en/browse/"] * count,
        "letter": [a_letter_page() for _ in range(count)],
        "letter_last_of_biggest": [f"/en/browse/{lang}/{quote(biggest[0])}?page={(biggest[1] + 99) // 100}"] * count,
        "letter_jump": [
            f"/en/browse/{lang}/{quote(biggest[0])}?from={quote(term[:3])}"
            for term in (a_term() for _ in range(count * 10))
            if term[:1].casefold() == biggest[0]
        ][:count]
        or [f"/en/browse/{lang}/{quote(biggest[0])}"] * count,
        "subjects": [a_subject_page() for _ in range(count)] if subjects else [],
        "export": ["/en/export/"] * count,
    }


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 2),
    }


def time_pages(index_dir: Path, paths: dict[str, list[str]]) -> dict[str, Any]:
    from flask import jsonify

    from web import create_app

    app = create_app({"INDEX_DIR": str(index_dir), "RESULT_CACHE_SIZE": 0})  # pages timed cold, not from the cache

    @app.get("/trivial")
    def trivial() -> Any:
        return jsonify({"ok": True})

    client = app.test_client()
    searcher = Searcher(index_dir)
    walks = []
    for _ in range(3):  # what the about and browse pages did on every request before #11: walk every concept
        started = time.perf_counter()
        sum(1 for concept in searcher.concepts() for _ in concept.terms())
        walks.append(time.perf_counter() - started)
    searcher.close()
    results: dict[str, Any] = {}
    for page, urls in paths.items():
        if not urls:
            continue
        client.get(urls[0])  # the first request opens the searcher and compiles the templates
        samples, sizes = [], []
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            samples.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            sizes.append(len(response.data))
        results[page] = {**_percentiles(samples), "kb": round(sum(sizes) / len(sizes) / 1024, 1)}
    results["full_walk_for_comparison"] = {**_percentiles(walks), "kb": 0.0}
    return results


def run_base(name: str, termbase: Termbase, requests: int, work: Path) -> dict[str, Any]:
    termbase = with_subjects(termbase)
    target = work / name
    started = time.perf_counter()
    build_index(termbase, target)
    built = time.perf_counter() - started
    size = len(termbase)
    print(f"{name}: {size} concepts built in {built:.1f} s", file=sys.stderr)
    searcher = Searcher(target)
    try:
        paths = page_paths(searcher, termbase, random.Random(3), requests)
    finally:
        searcher.close()
    # A worker holds no term base: without this, collecting its millions of objects stalls random requests.
    del termbase
    gc.collect()
    return {"concepts": size, "build_s": round(built, 1), "pages": time_pages(target, paths)}


def table(results: dict[str, Any]) -> str:
    names = list(results)
    pages = list(dict.fromkeys(page for r in results.values() for page in r["pages"]))
    lines = [
        "| page | " + " | ".join(f"{n} ({results[n]['concepts']:,}) p50 / p95 ms, KB" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for page in pages:
        cells = []
        for n in names:
            row = results[n]["pages"].get(page)
            cells.append(f"{row['p50_ms']} / {row['p95_ms']}, {row['kb']}" if row else "–")
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bases", default="apertium", help="comma-separated: apertium, generated")
    parser.add_argument("--sizes", default="100000", help="sizes of the generated base, comma-separated")
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results-pages.json")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        work = Path(tmp)
        for base in args.bases.split(","):
            if base == "apertium":
                results["apertium"] = run_base("apertium", load_apertium(), args.requests, work)
            elif base == "generated":
                for size in (int(s) for s in args.sizes.split(",")):
                    results[f"generated-{size}"] = run_base(f"generated-{size}", generate(size), args.requests, work)
            else:
                raise SystemExit(f"unknown base {base!r}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
