"""A Kazakh–Russian–English terminology library: term bases, search, formats.

Usable from a Python shell without Flask::

    >>> from glossary import load_termbase
    >>> termbase = load_termbase("glossary/data")  # doctest: +SKIP

The packages' public APIs: :mod:`glossary.termbase` (load, check, write),
:mod:`glossary.search` (``Searcher``, ``ensure_index``),
:mod:`glossary.formats` (``open_termbase`` for a directory or any
importable file, ``import_into``, the format registry).
"""

from glossary.model import Concept, LanguageSection, Source, Term, Termbase
from glossary.termbase import TermbaseInvalid, check_termbase, load_termbase, write_termbase

__all__ = [
    "Concept",
    "LanguageSection",
    "Source",
    "Term",
    "Termbase",
    "TermbaseInvalid",
    "check_termbase",
    "load_termbase",
    "write_termbase",
]
