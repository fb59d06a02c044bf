"""A Kazakh–Russian–English terminology library: term bases, search, formats.

Usable from a Python shell without Flask::

    >>> from glossary import load_termbase
    >>> termbase = load_termbase("glossary/data")  # doctest: +SKIP
"""

from glossary.model import Concept, LanguageSection, Source, Term, Termbase
from glossary.termbase.load import TermbaseInvalid, check_termbase, load_termbase
from glossary.termbase.write import write_termbase

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
