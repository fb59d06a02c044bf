"""The path a new user takes with a big term base, timed: export it as TBX, ``glossary import``, ``glossary build``.

Used by ``scripts/bench_search.py --pipeline``: the generated base is written
as a TBX-Basic v3 file, imported into a YAML term base with the real CLI
(shards of 1,000 concepts) and built into an index with the real CLI (lint
included, with ``--procs 2`` for the two cores the targets assume), each in its
own process so that its wall time and peak memory are its own.  The index it
builds is the one the rest of the benchmark searches and serves.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from glossary.formats import ExportOptions, export_termbase, get_format
from glossary.model import Termbase

GLOSSARY = Path(sys.executable).parent / "glossary"


def _peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_timed(command: list[str]) -> dict[str, Any]:
    """Run ``command``; its wall seconds and peak RSS (polled from /proc while it runs)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _peak_rss_mb(process.pid) or 0.0)
        time.sleep(0.2)
    output = process.stdout.read() if process.stdout else ""
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{output[-3000:]}")
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak, 1), "output": output.strip()[-400:]}


def import_and_build(termbase: Termbase, work: Path) -> tuple[Path, dict[str, Any]]:
    """Export ``termbase`` to TBX, then import and build it with the CLI; the index folder and the figures."""
    work.mkdir(parents=True, exist_ok=True)
    tbx, yaml_dir, index_dir = work / "base.tbx", work / "termbase", work / "index"
    started = time.perf_counter()
    with tbx.open("wb") as out:
        export_termbase(get_format("tbx"), termbase.concepts.values, out, ExportOptions(info=termbase))
    figures: dict[str, Any] = {
        "tbx_mb": round(tbx.stat().st_size / 1e6, 1),
        "export_s": round(time.perf_counter() - started, 1),
    }
    figures["import"] = run_timed([str(GLOSSARY), "import", str(tbx), "--into", str(yaml_dir), "--quiet"])
    figures["build"] = run_timed(
        [str(GLOSSARY), "build", "--termbase", str(yaml_dir), "--index", str(index_dir), "--procs", "2", "--quiet"]
    )
    figures["import_and_build_s"] = round(figures["import"]["seconds"] + figures["build"]["seconds"], 1)
    figures["yaml_files"] = sum(1 for _ in (yaml_dir / "concepts").glob("*.yaml"))
    tbx.unlink()
    return index_dir, figures
