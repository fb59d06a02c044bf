"""A TBX file as read, before its references are resolved: the hand-over from reader to resolver.

:class:`~glossary.formats.tbxread.TbxReader` fills a :class:`TbxDocument`
in one streaming pass; :class:`~glossary.formats.resolve.Resolver` turns it
into a term base once the whole file is known.  Citations, subject fields and
cross-references are still the file's own strings here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from glossary.model import Context, Definition, Note, SourceText, Subject, Term


class TermDraft:
    """A term being read; plain slots because one is made per term of large files."""

    __slots__ = ("case_sensitive", "contexts", "part_of_speech", "reliability", "status", "text", "type", "usage_notes")

    def __init__(self, text: str) -> None:
        self.text = text
        self.type = "fullForm"
        self.status = "admitted"
        self.part_of_speech: str | None = None
        self.usage_notes: list[str] = []
        self.case_sensitive = False
        self.contexts: list[Context] = []
        #: As the file wrote it: on the 1–10 scale, or an IATE grade the resolver converts.
        self.reliability: int | None = None

    def build(self) -> Term:
        if not self.usage_notes and not self.contexts and not self.case_sensitive and self.reliability is None:
            return Term(self.text, self.type, self.status, self.part_of_speech)
        return Term(
            self.text,
            self.type,
            self.status,
            self.part_of_speech,
            "\n".join(self.usage_notes),
            self.case_sensitive,
            tuple(self.contexts),
            self.reliability,
        )


@dataclass
class SectionDraft:
    """One language section; its definition's source is still the file's citation text."""

    terms: list[TermDraft] = field(default_factory=list)
    definition: Definition | None = None


@dataclass
class ConceptDraft:
    """One ``conceptEntry``/``termEntry``.

    ``relations`` are ``(type, target)`` pairs whose target is an XML id of an
    entry or of a term; ``inner_ids`` are this entry's term ids, which such a
    target may name.  ``orphan_definitions`` had no language to go to.
    """

    xml_id: str
    line: int
    subjects: list[str] = field(default_factory=list)
    sections: dict[str, SectionDraft] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    relations: list[tuple[str, str]] = field(default_factory=list)
    inner_ids: list[str] = field(default_factory=list)
    orphan_definitions: list[Definition] = field(default_factory=list)


@dataclass
class TbxHeader:
    """What the header says about the term base.

    ``description`` holds the title statement's notes; ``fallback_description``
    the source description's paragraphs, used when there are none.
    ``languages`` is ``None`` when the file does not declare them.
    """

    title: str = ""
    description: list[str] = field(default_factory=list)
    fallback_description: list[str] = field(default_factory=list)
    languages: list[str] | None = None


@dataclass
class TbxDocument:
    """A whole TBX file as drafts.

    ``lang`` is the root's ``xml:lang``.  ``sources`` and ``subjects`` are
    those described in the back matter (which our own exports write).
    ``highest_reliability`` is the largest ``reliabilityCode`` value read (0
    when none), which tells IATE's 1–4 grades from the 1–10 scale.
    """

    path: Path
    lang: str = ""
    header: TbxHeader = field(default_factory=TbxHeader)
    concepts: list[ConceptDraft] = field(default_factory=list)
    sources: dict[str, SourceText] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    highest_reliability: int = 0
