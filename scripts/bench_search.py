#!/usr/bin/env python3
"""Benchmark the search index: build time and size, in-process and HTTP latency, RSS per worker.

A benchmark, not a test: run it by hand and paste its table into docs/benchmarks.md.

    .venv/bin/python scripts/bench_search.py                       # bundled, apertium 29.5k, generated 50k
    .venv/bin/python scripts/bench_search.py --sizes 1000000       # the 1M-concept generated base
    .venv/bin/python scripts/bench_search.py --bases apertium --no-http

For every base it builds the index twice (one process; ``procs=2`` with one
segment per process), then times seven kinds of queries in-process (exact,
inflected, folded, fuzzy, autocomplete, full text, source sentences), then serves the index
under gunicorn on 127.0.0.1 (2 sync workers) and compares the throughput of
``/api/v1/search`` and ``/api/v1/suggest`` with a trivial Flask route served
by the same workers, and ``/api/v1/search`` with a minimal Flask + SQLite FTS5
peer on the same data under the same settings (``scripts/fts5_peer.py``), all
in the same run: cold (each distinct query once) and warm (50 queries repeated).  Figures go to stdout as a table and to
``bench/results-search.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.model import Concept, Definition, LanguageSection, Term, Termbase  # noqa: E402
from glossary.paths import BUNDLED_TERMBASE  # noqa: E402
from glossary.search.index import build_index, live_generation  # noqa: E402
from glossary.search.searcher import Searcher  # noqa: E402
from glossary.termbase.load import load_termbase  # noqa: E402
from glossary.text.fold import fold  # noqa: E402
from glossary.text.translit import kk_to_latin  # noqa: E402
from scripts.bench_pipeline import import_and_build  # noqa: E402
from scripts.fts5_peer import build_peer_db  # noqa: E402

APERTIUM = ROOT.parent / "shared" / "termbases" / "apertium"
QUERIES_PER_KIND = 400
KINDS = ("exact", "inflected", "folded", "fuzzy", "autocomplete", "fulltext", "sentences")


# -- term bases ------------------------------------------------------------------------------------


def load_apertium() -> Termbase:
    """The 29.5k kk–ru Apertium base, through the formats importer (TBX), else the CSV directly."""
    tbx = APERTIUM / "apertium_kaz-rus.tbx-basic-v3.tbx"
    try:
        from glossary.formats import format_for_path

        return format_for_path(tbx).import_(tbx).termbase
    except ImportError:
        import csv

        concepts = {}
        with (APERTIUM / "apertium_kaz-rus.csv").open(encoding="utf-8") as handle:
            for n, row in enumerate(csv.DictReader(handle), 1):
                concepts[f"c{n}"] = Concept(
                    id=f"c{n}",
                    languages={
                        "kk": LanguageSection("kk", (Term(row["kk"]),)),
                        "ru": LanguageSection("ru", (Term(row["ru"]),)),
                    },
                )
        return Termbase(name="apertium", languages=("kk", "ru"), concepts=concepts)


_KK = (
    "ба",
    "да",
    "қа",
    "са",
    "та",
    "жа",
    "ла",
    "ма",
    "на",
    "ра",
    "бе",
    "де",
    "ке",
    "ле",
    "ме",
    "не",
    "ре",
    "те",
    "қы",
    "ғы",
    "ты",
    "лы",
    "ні",
    "рі",
    "ті",
    "ұл",
    "ұр",
    "өн",
    "өр",
    "ің",
    "ас",
    "ар",
    "ол",
    "ет",
    "іс",
)
_RU = (
    "ва",
    "да",
    "ка",
    "ла",
    "ма",
    "на",
    "ра",
    "та",
    "ве",
    "де",
    "ле",
    "ме",
    "не",
    "ре",
    "те",
    "ко",
    "ло",
    "мо",
    "но",
    "ро",
    "ст",
    "пр",
    "ни",
    "ли",
    "ти",
)
_EN = (
    "ba",
    "de",
    "ka",
    "lo",
    "me",
    "ni",
    "ra",
    "so",
    "te",
    "vi",
    "st",
    "pr",
    "on",
    "al",
    "er",
    "in",
    "ar",
    "tion",
    "ment",
)


def _word(rng: random.Random, syllables: tuple[str, ...]) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def generate(size: int, seed: int = 7) -> Termbase:
    """``size`` concepts with unique 1–3-word kk/ru/en terms from a synthetic vocabulary; 30% have a Kazakh definition."""
    rng = random.Random(seed)
    vocab = {
        lang: [_word(rng, s) for _ in range(max(2000, size // 20))]
        for lang, s in (("kk", _KK), ("ru", _RU), ("en", _EN))
    }
    seen: set[str] = set()
    concepts = {}
    for n in range(size):
        sections = {}
        for lang in ("kk", "ru", "en"):
            while True:
                text = " ".join(rng.choice(vocab[lang]) for _ in range(rng.choice((1, 2, 2, 3))))
                if (lang, text) not in seen:
                    seen.add((lang, text))  # type: ignore[arg-type]
                    break
            definition = None
            if lang == "kk" and rng.random() < 0.3:
                definition = Definition(" ".join(rng.choice(vocab["kk"]) for _ in range(8)) + ".")
            sections[lang] = LanguageSection(lang, (Term(text, status="preferred"),), definition)
        concepts[f"g{n}"] = Concept(id=f"g{n}", languages=sections)
    return Termbase(name=f"generated-{size}", languages=("kk", "ru", "en"), concepts=concepts)


# -- queries ---------------------------------------------------------------------------------------

_KK_BACK = set("аоұы")


def _inflect(text: str, lang: str) -> str:
    """A plausible inflected form of a term: Kazakh genitive with harmony, Russian genitive, English plural."""
    if lang == "kk":
        vowels = [c for c in text.lower() if c in "аәеиоөұүыіэуюя"]
        back = not vowels or vowels[-1] in _KK_BACK
        last = text[-1].lower()
        if last in "аәеиоөұүыіэуюя":
            return text + ("ның" if back else "нің")
        if last in "мнң":
            return text + ("ның" if back else "нің")
        if last in "лрйузж":
            return text + ("дың" if back else "дің")
        return text + ("тың" if back else "тің")
    if lang == "ru":
        if text.endswith("а"):
            return text[:-1] + "ы"
        if text.endswith(("ь", "й")):
            return text[:-1] + "я"
        return text + "а"
    return text + "s"


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 5:
        return text + text[-1]
    i = rng.randint(1, len(text) - 3)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swap two letters inside the word


def make_queries(termbase: Termbase, rng: random.Random) -> dict[str, list[tuple[str, str | None]]]:
    """Per kind, ``(query, concept id expected first or None)`` drawn from the base itself."""
    concepts = list(termbase)
    sample = [rng.choice(concepts) for _ in range(QUERIES_PER_KIND)]
    queries: dict[str, list[tuple[str, str | None]]] = {kind: [] for kind in KINDS}
    for concept in sample:
        lang, term = rng.choice(list(concept.terms()))
        queries["exact"].append((term.text, concept.id))
        queries["inflected"].append((_inflect(term.text, lang), concept.id))
        kk = concept.languages.get("kk")
        kk_text = kk.terms[0].text if kk and kk.terms else term.text
        queries["folded"].append((fold(kk_text) if rng.random() < 0.5 else kk_to_latin(kk_text), concept.id))
        queries["fuzzy"].append((_typo(term.text, rng), concept.id))
        queries["autocomplete"].append((term.text[: rng.randint(1, 4)], None))
        definition = next((s.definition.text for s in concept.languages.values() if s.definition), None)
        words = (definition or term.text).split()
        queries["fulltext"].append((" ".join(rng.sample(words, min(2, len(words)))).strip(".,"), None))
    # A word of a source sentence (of a definition, in a base without sentence files), for the sentence search.
    sentences = [text for source in termbase.sources.values() for text in source.sentences]
    for query, _ in queries["fulltext"]:
        words = rng.choice(sentences).split() if sentences else query.split()
        queries["sentences"].append((rng.choice(words).strip(".,;:()«»") if words else query, None))
    return queries


# -- measuring -------------------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 3),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 3),
    }


def time_in_process(searcher: Searcher, queries: dict[str, list[tuple[str, str | None]]]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for kind, items in queries.items():
        call: Callable[[str], object] = (
            searcher.suggest if kind == "autocomplete" else (lambda q: searcher.search(q, limit=10))
        )
        if kind == "sentences":
            call = lambda q: searcher.search_sentences(q, limit=10)  # noqa: E731
        for query, _ in items[:50]:  # warm caches the way a running server has them
            call(query)
        samples, first = [], 0
        for query, expected in items:
            started = time.perf_counter()
            answer = call(query)
            samples.append(time.perf_counter() - started)
            hits = getattr(answer, "hits", None)
            # "Top" = among the hits sharing the best score: bases such as Apertium repeat a term in several concepts.
            if expected is not None and hits and expected in {h.concept.id for h in hits if h.score == hits[0].score}:
                first += 1
        row = _percentiles(samples)
        if kind not in ("autocomplete", "fulltext", "sentences"):
            row["found_top"] = round(first / len(items), 3)
        results[kind] = row
    return results


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_build(termbase: Termbase, work: Path, both: bool = True) -> tuple[dict[str, Any], Path]:
    rows: dict[str, Any] = {}
    live = work / "single"
    for label, procs in (("single", 1), ("procs2_multisegment", 2))[: 2 if both else 1]:
        target = work / label
        started = time.perf_counter()
        generation = build_index(termbase, target, procs=procs)
        seconds = time.perf_counter() - started
        rows[label] = {
            "seconds": round(seconds, 2),
            "concepts_per_s": round(len(termbase) / seconds),
            "index_mb": round(_dir_size(generation) / 1e6, 1),
        }
    return rows, live


# -- HTTP ------------------------------------------------------------------------------------------


def bench_app() -> Any:
    """The app gunicorn serves: the real app (its API links to its pages) plus a trivial route, in the same workers."""
    from flask import jsonify

    from web import create_app

    app = create_app({"INDEX_DIR": os.environ["BENCH_INDEX_DIR"]})

    @app.get("/trivial")
    def trivial() -> Any:
        return jsonify({"ok": True})

    return app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _load(base: str, paths: list[str], requests: int, threads: int) -> dict[str, Any]:
    """Send ``requests`` GETs from ``threads`` threads; throughput and latency."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        nonlocal errors
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + paths[n % len(paths)], timeout=30) as response:
                    response.read()
            except OSError:
                with lock:
                    errors += 1
                continue
            with lock:
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    row = {"requests_per_s": round(len(latencies) / elapsed, 1), "errors": errors}
    row.update(_percentiles(latencies or [0.0]))
    return row


def _worker_rss_mb(master: int) -> list[float]:
    """Peak RSS (VmHWM) of each gunicorn worker, from /proc."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master) and "VmHWM" in fields:
            found.append(round(int(fields["VmHWM"].split()[0]) / 1024, 1))
    return sorted(found)


@contextmanager
def served(app: str, env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """``app`` ("module:factory()") under gunicorn, 2 sync workers on 127.0.0.1: (base URL, master pid)."""
    port = _free_port()
    env = dict(os.environ, **env, PYTHONPATH=f"{ROOT}:{ROOT / 'scripts'}")
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning", app], env=env, cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/trivial", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield base, server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def _distinct(queries: dict[str, list[tuple[str, str | None]]], kinds: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(q for kind in kinds for q, _ in queries[kind] if q.strip()))


def bench_http(
    index_dir: Path, termbase: Termbase, queries: dict[str, list[tuple[str, str | None]]], requests: int, work: Path
) -> dict[str, Any]:
    """Our search against the FTS5 peer, cold (each distinct query once) and warm (50 queries repeated).

    Both apps run under the same gunicorn settings, one after the other, and both are warmed
    first with queries outside the measured ones (the full-text kind), so "cold" means
    queries neither has seen, not a cold process.
    """
    terms = _distinct(queries, ("exact", "inflected", "folded"))
    cold_count = min(requests, len(terms))
    warm_terms = terms[:50]
    warmup = _distinct(queries, ("fulltext",))

    def ours(q: str) -> str:
        return "/api/v1/search?" + urllib.parse.urlencode({"q": q, "limit": 10})

    def peer(q: str) -> str:
        return "/search?" + urllib.parse.urlencode({"q": q})

    suggest_paths = ["/api/v1/suggest?" + urllib.parse.urlencode({"q": q}) for q, _ in queries["autocomplete"][:100]]
    with served("bench_search:bench_app()", {"BENCH_INDEX_DIR": str(index_dir)}) as (base, pid):
        _load(base, [ours(q) for q in warmup] + suggest_paths, 200, 4)
        trivial = _load(base, ["/trivial"], requests, 4)
        cold = _load(base, [ours(q) for q in terms[:cold_count]], cold_count, 4)
        warm = _load(base, [ours(q) for q in warm_terms], requests, 4)
        suggest = _load(base, suggest_paths, requests, 4)
        rss = _worker_rss_mb(pid)
    database = work / "fts5-peer.sqlite"
    started = time.perf_counter()
    build_peer_db(termbase, database)
    peer_build = round(time.perf_counter() - started, 2)
    with served("fts5_peer:peer_app()", {"BENCH_PEER_DB": str(database)}) as (base, _):
        _load(base, [peer(q) for q in warmup], 200, 4)
        peer_trivial = _load(base, ["/trivial"], requests, 4)
        peer_cold = _load(base, [peer(q) for q in terms[:cold_count]], cold_count, 4)
        peer_warm = _load(base, [peer(q) for q in warm_terms], requests, 4)

    def ratio(a: dict[str, Any], b: dict[str, Any]) -> float:
        return round(a["requests_per_s"] / b["requests_per_s"], 2) if b["requests_per_s"] else 0.0

    return {
        "trivial": trivial,
        "search_cold": cold,
        "search_warm": warm,
        "suggest": suggest,
        "peer": {"build_s": peer_build, "trivial": peer_trivial, "search_cold": peer_cold, "search_warm": peer_warm},
        "search_vs_trivial": ratio(cold, trivial),
        "cold_vs_peer": ratio(cold, peer_cold),
        "warm_vs_peer": ratio(warm, peer_warm),
        "suggest_vs_trivial": ratio(suggest, trivial),
        "worker_peak_rss_mb": rss,
    }


# -- main ------------------------------------------------------------------------------------------


def run_base(name: str, termbase: Termbase, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    print(f"== {name}: {len(termbase)} concepts", flush=True)
    result: dict[str, Any] = {"concepts": len(termbase)}
    if args.pipeline:
        index_dir, result["pipeline"] = import_and_build(termbase, work / name)
        generation = live_generation(index_dir)
        assert generation is not None
        seconds = result["pipeline"]["build"]["seconds"]
        result["build"] = {
            "single": {
                "seconds": seconds,
                "concepts_per_s": round(len(termbase) / seconds),
                "index_mb": round(_dir_size(generation) / 1e6, 1),
            }
        }
        print(f"   pipeline {result['pipeline']}", flush=True)
    else:
        result["build"], index_dir = bench_build(termbase, work / name, both=not args.single_build)
        print(f"   build {result['build']}", flush=True)
    started = time.perf_counter()
    searcher = Searcher(index_dir, result_cache_size=0)  # in-process figures are cold: every query searches
    result["open_searcher_ms"] = round((time.perf_counter() - started) * 1000, 1)
    queries = make_queries(termbase, random.Random(11))
    result["in_process"] = time_in_process(searcher, queries)
    print(f"   in-process {result['in_process']}", flush=True)
    searcher.close()
    if args.http:
        result["http"] = bench_http(index_dir, termbase, queries, args.requests, work / name)
        print(f"   http {result['http']}", flush=True)
    return result


def _versus(http: dict[str, Any], kind: str) -> str:
    if not http:
        return "–"
    ours, peer = http[f"search_{kind}"]["requests_per_s"], http["peer"][f"search_{kind}"]["requests_per_s"]
    return f"{http[f'{kind}_vs_peer']}× ({ours} vs {peer} req/s)"


def table(results: dict[str, Any]) -> str:
    lines = [
        "| base | concepts | build 1 proc | build procs=2 | index MB | exact p50/p95 | inflected p50/p95 | folded p50/p95 | fuzzy p50/p95 | autocomplete p50/p95 | full text p50/p95 | sentences p50/p95 | HTTP search cold / FTS5 peer | HTTP search warm / FTS5 peer | HTTP p99 cold | HTTP search/trivial | HTTP suggest/trivial | worker peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results["bases"].items():
        b = r["build"]
        p = r["in_process"]
        h = r.get("http", {})

        def cell(kind: str, p: dict[str, Any] = p) -> str:
            return f"{p[kind]['p50_ms']:.2f} / {p[kind]['p95_ms']:.2f}"

        lines.append(
            f"| {name} | {r['concepts']} | {b['single']['seconds']} s ({b['single']['concepts_per_s']}/s) "
            + (
                f"| {b['procs2_multisegment']['seconds']} s ({b['procs2_multisegment']['concepts_per_s']}/s) "
                if "procs2_multisegment" in b
                else "| – "
            )
            + f"| {b['single']['index_mb']} | {cell('exact')} | {cell('inflected')} | {cell('folded')} | {cell('fuzzy')} "
            f"| {cell('autocomplete')} | {cell('fulltext')} | {cell('sentences') if 'sentences' in p else '–'} "
            f"| {_versus(h, 'cold')} | {_versus(h, 'warm')} | {h.get('search_cold', {}).get('p99_ms', '–')} ms "
            f"| {h.get('search_vs_trivial', '–')} ({h.get('search_cold', {}).get('requests_per_s', '–')} vs {h.get('trivial', {}).get('requests_per_s', '–')} req/s) "
            f"| {h.get('suggest_vs_trivial', '–')} | {', '.join(map(str, h.get('worker_peak_rss_mb', []))) or '–'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--bases", default="bundled,apertium,generated", help="comma-separated: bundled, apertium, generated"
    )
    parser.add_argument("--sizes", default="50000", help="sizes of the generated base, comma-separated (e.g. 1000000)")
    parser.add_argument("--requests", type=int, default=2000, help="HTTP requests per endpoint")
    parser.add_argument("--no-http", dest="http", action="store_false", help="skip the gunicorn part")
    parser.add_argument("--single-build", action="store_true", help="skip the procs=2 build (halves the time at 1M)")
    parser.add_argument(
        "--pipeline",
        action="store_true",
        help="export each base to TBX, then `glossary import` and `glossary build` it with the CLI (timed), "
        "instead of building in-process",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results-search.json")
    args = parser.parse_args()

    bases = args.bases.split(",")
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load_avg_at_start": os.getloadavg()},
        "bases": {},
    }
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        if "bundled" in bases:
            results["bases"]["bundled"] = run_base("bundled", load_termbase(BUNDLED_TERMBASE), args, work)
        if "apertium" in bases and APERTIUM.exists():
            results["bases"]["apertium"] = run_base("apertium", load_apertium(), args, work)
        if "generated" in bases:
            for size in (int(s) for s in args.sizes.split(",") if s):
                results["bases"][f"generated-{size}"] = run_base(f"generated-{size}", generate(size), args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["machine"]["load_avg_at_end"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print()
    print(f"Search benchmark, {results['date']}, {os.cpu_count()} CPUs, load {results['machine']['load_avg_at_start']}")
    print(table(results))
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
