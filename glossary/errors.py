"""Problems located in a file, shown the same way everywhere: ``file:line field: message``.

A terminologist or translator fixing an input goes straight to the place,
whether the problem came from the term-base loader, an import format or a
bilingual file.  The line is left out when unknown (0 or None), the field
when empty.
"""

from __future__ import annotations


def located(file: str, line: int | None, field: str, message: str) -> str:
    """``file:line field: message``, leaving out an unknown line and an empty field."""
    where = f"{file}:{line}" if line else file
    return f"{where}{' ' + field if field else ''}: {message}"


class Located:
    """Something said about a place in a file; subclasses provide the four attributes."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return located(self.file, self.line, self.field, self.message)


class LocatedError(Located, Exception):
    """Bad input that stops the reading, located by file, line and field."""

    def __init__(self, file: str, line: int | None, field: str, message: str) -> None:
        self.file, self.line, self.field, self.message = file, line, field, message
        super().__init__(located(file, line, field, message))
