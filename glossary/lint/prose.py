"""The texts of a concept that lint judges, each with its language, field path and kind.

Only what the term base's authors wrote is judged: terms, definitions, usage
notes, notes and their own contexts.  A context that cites a sentence of a
source text is a quotation and keeps the source's spelling, errors included.
Inside the authors' prose, a span in quotation marks is a mention, not a use
(«ГОСТ-ның» is a typo of the source), so rules about usage skip it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from glossary.model import Concept

TERM = "term"
DEFINITION = "definition"
USAGE_NOTE = "usage_note"
NOTE = "note"
CONTEXT = "context"

# «…», “…”, „…“, "…" and '…' (not apostrophes inside words: O'Brien, ИСО'ның).
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")


@dataclass(frozen=True)
class Prose:
    """One authored text: ``text`` with its language (None when unknown) and where it is."""

    concept_id: str
    lang: str | None
    field: str
    text: str
    kind: str

    def unquoted_spans(self) -> list[tuple[int, int]]:
        """The ``(start, end)`` stretches of ``text`` outside quotation marks (all of a term)."""
        if self.kind == TERM:
            return [(0, len(self.text))]
        spans, start = [], 0
        for match in _QUOTED.finditer(self.text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(self.text)))
        return [(a, b) for a, b in spans if b > a]

    def in_use(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is used, not quoted."""
        return any(a <= start and end <= b for a, b in self.unquoted_spans())


def authored(concept: Concept) -> Iterator[Prose]:
    """Every authored text of ``concept``, in file order."""
    for lang, section in concept.languages.items():
        base = f"languages.{lang}"
        if section.definition and section.definition.text:
            yield Prose(concept.id, lang, f"{base}.definition.text", section.definition.text, DEFINITION)
        for i, term in enumerate(section.terms):
            path = f"{base}.terms[{i}]"
            yield Prose(concept.id, lang, f"{path}.text", term.text, TERM)
            if term.usage_note:
                yield Prose(concept.id, lang, f"{path}.usage_note", term.usage_note, USAGE_NOTE)
            for j, context in enumerate(term.contexts):
                if context.source is None or context.source.sentence is None:
                    yield Prose(concept.id, lang, f"{path}.contexts[{j}].text", context.text, CONTEXT)
    for i, note in enumerate(concept.notes):
        place = note.group if note.group is not None else i
        field = f"notes[{place}].text.{note.lang}" if note.lang else f"notes[{place}].text"
        yield Prose(concept.id, note.lang, field, note.text, NOTE)
