#!/usr/bin/env python3
"""Benchmark the YAML loader against an older revision of itself and against plain PyYAML, in one run.

    .venv/bin/python scripts/bench_load.py --termbase /tmp/apx [--baseline-rev 4dbc676] [--repeat 3]

``--termbase`` is a term base written one concept per file (for example
``glossary import apertium_kaz-rus.tbx-basic-v3.tbx --into /tmp/apx --no-shards``).
A sharded copy of it (lists of 1,000 concepts per file) is written to a
temporary folder, and both layouts are loaded by:

* ``current``: this checkout's validating loader (``load_termbase``);
* ``baseline``: the loader of ``--baseline-rev``, extracted with ``git archive``
  (it cannot read shards, so it is timed on one file per concept only);
* ``floor``: ``yaml.load`` with libyaml's ``CSafeLoader`` of every concept
  file, with no validation and no line numbers: what no validating loader beats.

Every measurement runs in a fresh subprocess, and the three alternate within
each repeat, so that a machine busy with other work slows them alike; the
figures are medians and the ratios compare runs of the same repeat.  Both
wall-clock and CPU time (``time.process_time``) are reported: on a shared
machine the CPU time is the steadier of the two.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOADER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from glossary.termbase import load_termbase
started, cpu = time.perf_counter(), time.process_time()
termbase = load_termbase(sys.argv[2])
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu": cpu, "concepts": len(termbase.concepts)}))
"""

FLOOR = """
import json, os, sys, time
import yaml
started, cpu = time.perf_counter(), time.process_time()
concepts = 0
for folder, _, names in os.walk(os.path.join(sys.argv[2], "concepts")):
    for name in names:
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), "rb") as handle:
                data = yaml.load(handle.read().decode("utf-8-sig"), Loader=yaml.CSafeLoader)
            concepts += len(data) if isinstance(data, list) else 1
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"seconds": seconds, "cpu": cpu, "concepts": concepts}))
"""


def run(code: str, package_root: Path, termbase: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(package_root), str(termbase)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def extract_revision(rev: str, into: Path) -> Path:
    """The ``glossary`` package of ``rev``, unpacked under ``into``."""
    archive = subprocess.run(["git", "archive", rev, "glossary"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def write_shards(termbase: Path, into: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from glossary.termbase import load_termbase, write_termbase  # only after sys.path is set

    target = into / "sharded"
    write_termbase(load_termbase(termbase), target, shards=True, copy_files_from=termbase)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--termbase", type=Path, default=Path("/tmp/apx"), help="a base with one concept per file")
    parser.add_argument("--baseline-rev", default="main", help="git revision whose loader is the baseline")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as scratch:
        scratch_dir = Path(scratch)
        baseline = extract_revision(args.baseline_rev, scratch_dir / "baseline")
        sharded = write_shards(args.termbase, scratch_dir)
        runs: dict[str, list[dict[str, float]]] = {}
        plan = [
            ("baseline, one file per concept", LOADER, baseline, args.termbase),
            ("current, one file per concept", LOADER, ROOT, args.termbase),
            ("floor, one file per concept", FLOOR, ROOT, args.termbase),
            ("current, shards of 1,000", LOADER, ROOT, sharded),
            ("floor, shards of 1,000", FLOOR, ROOT, sharded),
        ]
        for repeat in range(args.repeat):
            for label, code, package_root, termbase in plan:
                runs.setdefault(label, []).append(run(code, package_root, termbase))
                print(f"  repeat {repeat + 1}: {label}: {runs[label][-1]['seconds']:.2f} s", file=sys.stderr)
    print(f"term base: {args.termbase}; baseline: {args.baseline_rev}; median of {args.repeat} runs")
    print(f"{'loader':34} {'wall s':>7} {'cpu s':>7} {'concepts/s':>11}")
    for label, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        print(f"{label:34} {seconds:7.2f} {cpu:7.2f} {results[0]['concepts'] / seconds:11,.0f}")

    def ratio(slow: str, fast: str, key: str) -> float:
        """The median over repeats of one run's time over the other's, in the same repeat."""
        return statistics.median(a[key] / b[key] for a, b in zip(runs[slow], runs[fast], strict=True))

    comparisons = [
        (
            "current is faster than baseline, one file per concept",
            "baseline, one file per concept",
            "current, one file per concept",
        ),
        (
            "current takes the floor's time times, one file per concept",
            "current, one file per concept",
            "floor, one file per concept",
        ),
        ("current takes the floor's time times, shards", "current, shards of 1,000", "floor, shards of 1,000"),
        ("shards are faster than one file per concept", "current, one file per concept", "current, shards of 1,000"),
    ]
    for text, slow, fast in comparisons:
        print(f"{text}: {ratio(slow, fast, 'seconds'):.2f}x wall, {ratio(slow, fast, 'cpu'):.2f}x cpu")


if __name__ == "__main__":
    main()
