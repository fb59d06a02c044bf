"""Progress of long commands (build, import, export) as one updating line on a terminal.

The core reports ``(done, total)`` through callbacks (see
:mod:`glossary.termbase.progress`) and never prints; this module turns those
calls into a line on standard error, rewritten in place with ``\\r``::

    reading YAML: 12,000/29,547 files (41%), 8,120/s, ETA 0:02

It is shown only on a terminal and not with ``--quiet``, so logs and pipes
stay clean; it is redrawn at most :data:`INTERVAL` seconds apart (a callback
may come a million times), and a step that ends before the first redraw
shows nothing.  A step that was shown ends with one summary line, when its
count reaches the total or the next step starts, so that messages printed
after a step (such as a term base's errors) start on a line of their own.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TextIO, TypeVar

import click

from glossary.termbase.progress import Progress

T = TypeVar("T")

#: Seconds between redraws (about five a second).
INTERVAL = 0.2

quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="Show no progress line (it shows only on a terminal anyway)."
)


def clock_text(seconds: float) -> str:
    """``75`` → ``1:15``; ``3725`` → ``1:02:05``."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressLine:
    """One step's line: count, rate and time left, redrawn at most every :data:`INTERVAL` seconds."""

    def __init__(self, label: str, unit: str, stream: TextIO, clock: Callable[[], float]) -> None:
        self.label, self.unit, self.stream, self.clock = label, unit, stream, clock
        self.started = clock()
        self.shown_at: float | None = None
        self.width = 0
        self.done, self.total = 0, None
        self.finished = False

    def __call__(self, done: int, total: int | None) -> None:
        self.done, self.total = done, total
        if total is not None and done >= total:
            self.finish()
            return
        now = self.clock()
        last = self.shown_at if self.shown_at is not None else self.started
        if now - last >= INTERVAL and not self.finished:
            self._draw(self.text(now))
            self.shown_at = now

    def text(self, now: float) -> str:
        """The line for the current count: ``label: done/total unit (pct%), rate/s, ETA m:ss``."""
        elapsed = now - self.started
        count = f"{self.done:,}/{self.total:,}" if self.total else f"{self.done:,}"
        parts = [f"{self.label}: {count} {self.unit}" + (f" ({100 * self.done // self.total}%)" if self.total else "")]
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if rate > 0:
            parts.append(f"{rate:,.0f}/s")
            if self.total:
                parts.append(f"ETA {clock_text(math.ceil((self.total - self.done) / rate))}")  # never "0:00" early
        return ", ".join(parts)

    def finish(self) -> None:
        """End a line that was shown with a summary and a newline; a step never shown stays silent."""
        if self.finished:
            return
        self.finished = True
        if self.shown_at is None:
            return
        elapsed = self.clock() - self.started
        rate = f", {self.done / elapsed:,.0f}/s" if elapsed > 0 else ""
        self._draw(f"{self.label}: {self.done:,} {self.unit} in {clock_text(elapsed)}{rate}")
        self.stream.write("\n")
        self.stream.flush()

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)


class ProgressDisplay:
    """The progress of a command's steps, one line each; does nothing when quiet or not on a terminal.

    Use as a context manager, so that the last line is ended even when the command fails.
    """

    def __init__(
        self, *, quiet: bool = False, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.enabled = not quiet and is_terminal(self.stream)
        self.current: ProgressLine | None = None

    def step(self, label: str, unit: str = "concepts") -> Progress:
        """A callback for the next step (the previous line is ended); a no-op one when disabled."""
        self.close()
        if not self.enabled:
            return _ignore
        self.current = ProgressLine(label, unit, self.stream, self.clock)
        return self.current

    def close(self) -> None:
        if self.current is not None:
            self.current.finish()
            self.current = None

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def counted(items: Callable[[], Iterable[T]], total: int, progress: Progress) -> Callable[[], Iterator[T]]:
    """``items``, reporting each item as it is taken (for a consumer that cannot report itself).

    ``items`` may be called more than once (an export that filters reads the
    concepts twice); ``total`` is what all the calls take together, and the
    count goes on from one call to the next.
    """
    done = 0

    def iterate() -> Iterator[T]:
        nonlocal done
        for item in items():
            done += 1
            progress(done, total)
            yield item

    return iterate


def _ignore(done: int, total: int | None) -> None:
    """The callback of a display that shows nothing."""


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (a closed or odd stream is not)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
