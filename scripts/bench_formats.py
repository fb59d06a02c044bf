#!/usr/bin/env python3
"""Benchmark the exchange formats: streaming export at scale, and TBX v2 import against translate-toolkit.

    .venv/bin/python scripts/bench_formats.py [--sizes 10000,100000,1000000] [--formats tbx,tbx2,csv] [--repeat 3]

Export: a term base of N generated concepts (three languages, four terms,
a Kazakh definition with a source, a context, a relation) is produced by a
generator and written by each format into a byte-counting sink.  Each
measurement runs in its own subprocess, so the peak RSS
(``resource.getrusage``) is that export's alone; a flat peak RSS across N
shows the writers stream in constant memory.

Import: our TBX v2 reader (full mapping of every language into a term
base, with the import report) and translate-toolkit's
``translate.storage.tbx`` parser read the same file
(../shared/termbases/suse/suse-glossary.tbx) in the same run, best of
``--repeat``.  translate-toolkit is timed twice: parsing and reading every
language's terms (the same work as ours), and parsing and reading only its
bilingual view (source and first target language, 2 of 19).  Ratios are
translate-toolkit's time divided by ours (above 1: we are faster).
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.formats import ExportOptions, get_format  # noqa: E402
from glossary.model import (  # noqa: E402
    Concept,
    Context,
    Definition,
    LanguageSection,
    Relation,
    Source,
    SourceText,
    Subject,
    Term,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SUSE = ROOT.parent / "shared" / "termbases" / "suse" / "suse-glossary.tbx"


@dataclass
class GeneratedInfo:
    name: str = "Generated benchmark term base"
    description: str = "Concepts made up by scripts/bench_formats.py"
    languages: tuple[str, ...] = ("kk", "ru", "en")
    subjects: dict[str, Subject] = field(default_factory=lambda: {"bench": Subject("bench", {"en": "Benchmark"})})
    sources: dict[str, SourceText] = field(default_factory=lambda: {"bench": SourceText("bench", "Benchmark text")})


def generated(count: int) -> Iterator[Concept]:
    """``count`` distinct concepts, made one at a time (nothing is kept)."""
    source = Source("bench")
    for n in range(count):
        yield Concept(
            id=f"c{n}",
            subjects=("bench",),
            languages={
                "kk": LanguageSection(
                    "kk",
                    (
                        Term(
                            f"стандарттау ұйымы {n}",
                            "fullForm",
                            "preferred",
                            "noun",
                            contexts=(Context(f"Стандарттау ұйымы {n} құжат шығарады.", source),),
                        ),
                        Term(f"СҰ-{n}", "acronym", "admitted", case_sensitive=True),
                    ),
                    Definition(f"Стандарттау жөніндегі {n}-ші ұйым.", source),
                ),
                "ru": LanguageSection("ru", (Term(f"организация по стандартизации {n}", status="preferred"),)),
                "en": LanguageSection("en", (Term(f"standards body {n}", status="preferred", part_of_speech="noun"),)),
            },
            relations=(Relation("related", f"c{(n + 1) % count}"),),
        )


class CountingSink(io.RawIOBase):
    """A binary stream that only counts what is written to it."""

    def __init__(self) -> None:
        self.bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.bytes += len(data)
        return len(data)


def child_export(format_name: str, count: int) -> dict[str, object]:
    fmt = get_format(format_name)
    options = ExportOptions(info=GeneratedInfo(), source_lang="kk", target_lang="ru")  # type: ignore[arg-type]
    sink = CountingSink()
    start = time.perf_counter()
    fmt.export(generated(count), sink, options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "format": format_name,
        "concepts": count,
        "seconds": seconds,
        "concepts_per_s": count / seconds,
        "megabytes": sink.bytes / 1e6,
        "peak_rss_mib": peak_kib / 1024,
    }


def child_import(which: str, repeat: int) -> dict[str, object]:
    best = float("inf")
    units = 0
    for _ in range(repeat):
        start = time.perf_counter()
        if which == "ours":
            result = get_format("tbx2").import_(SUSE)
            units = sum(1 for c in result.termbase for _ in c.terms())
        else:
            from translate.storage.tbx import tbxfile

            store = tbxfile.parsefile(str(SUSE))
            if which == "tt-pair":  # what a bilingual tool reads: source and first target language
                units = sum(len(u.get_source_terms()) + len(u.get_target_terms()) for u in store.units)
            else:  # every language, as our import does
                units = sum(
                    len(u.get_target_terms(node.get(XML_LANG))) for u in store.units for node in u.getlanguageNodes()
                )
        best = min(best, time.perf_counter() - start)
    return {"reader": which, "seconds": best, "terms_read": units}


def run_child(*args: str) -> dict[str, object]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--formats", default="tbx,tbx2,csv,weblate-csv,omegat-tsv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        data = child_export(rest[0], int(rest[1])) if kind == "export" else child_import(rest[0], int(rest[1]))
        print(json.dumps(data))
        return

    print(f"python {sys.version.split()[0]}; each figure from its own subprocess")
    print(f"{'format':<12} {'concepts':>9} {'seconds':>8} {'concepts/s':>11} {'MB out':>8} {'peak RSS MiB':>13}")
    for size in (int(s) for s in args.sizes.split(",")):
        for name in args.formats.split(","):
            r = run_child("export", name, str(size))
            print(
                f"{r['format']:<12} {r['concepts']:>9} {r['seconds']:>8.1f} {r['concepts_per_s']:>11,.0f} "
                f"{r['megabytes']:>8.1f} {r['peak_rss_mib']:>13.1f}"
            )
    if not SUSE.exists():
        print(f"skipping the import comparison: {SUSE} is absent")
        return
    ours = run_child("import", "ours", str(args.repeat))
    pair = run_child("import", "tt-pair", str(args.repeat))
    every = run_child("import", "tt-all", str(args.repeat))
    print(f"\nTBX v2 import of {SUSE.name}, best of {args.repeat} (each reader in its own subprocess):")
    print(f"  ours: whole term base, all languages, report   {ours['seconds']:.3f} s  ({ours['terms_read']} terms)")
    print(f"  translate-toolkit, every language's terms      {every['seconds']:.3f} s  ({every['terms_read']} terms)")
    print(f"  translate-toolkit, source + one target only    {pair['seconds']:.3f} s  ({pair['terms_read']} terms)")
    print(f"  ratio translate-toolkit / ours, same work (all languages): {every['seconds'] / ours['seconds']:.2f}x")
    print(f"  ratio translate-toolkit / ours, its bilingual view:        {pair['seconds'] / ours['seconds']:.2f}x")


if __name__ == "__main__":
    main()
