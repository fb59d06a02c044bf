"""How long jobs (load, write, import, index) tell a caller how far they are.

The core never prints: a job takes an optional callback and calls it with
``(done, total)`` as it goes (``total`` None when unknown), often, so the
callback must be cheap; the command-line display throttles what it shows
(see :mod:`glossary.cli.progress`).  A job made of several steps takes a
:data:`Phases` instead, which it calls with each step's name to get that
step's callback.
"""

from __future__ import annotations

from collections.abc import Callable

#: Called with (items done, total items or None).
Progress = Callable[[int, int | None], None]
#: Called with a step's name ("writing", "checking", …); returns that step's callback.
Phases = Callable[[str], Progress]
