"""The YAML term base on disk: load and validate it, write it back atomically.

Public API::

    from glossary.termbase import load_termbase, check_termbase, write_termbase

To read either a term-base directory or an exchange file (TBX, CSV…), use
:func:`glossary.formats.open_termbase`: it needs the formats registry, which
itself builds on this package, so it lives there to keep imports one-way.
"""

from glossary.termbase.load import TermbaseInvalid, check_termbase, load_termbase
from glossary.termbase.write import replace_directory, write_termbase

__all__ = ["TermbaseInvalid", "check_termbase", "load_termbase", "replace_directory", "write_termbase"]
