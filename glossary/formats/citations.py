"""Map citation strings and subject labels from an imported file onto ``sources.yaml`` and ``subjects.yaml``.

A citation that names a known source (described in the file, or already in
the term base being merged into), optionally with ``:N`` for a sentence,
keeps its id.  Any other citation is free text: it becomes a new source
whose title is the text, under an id made from it, never with a sentence
number (a new term base has no sentence files to point into).
"""

from __future__ import annotations

from collections.abc import Mapping

from glossary.formats.base import ImportReport
from glossary.formats.idmap import IdMinter, slug
from glossary.model import ID_PATTERN, Source, SourceText, Subject, parse_locator


class Citations:
    def __init__(
        self,
        report: ImportReport,
        known_sources: Mapping[str, SourceText],
        known_subjects: Mapping[str, Subject],
        label_lang: str = "en",
    ) -> None:
        self.report = report
        self.known_sources = known_sources
        self.known_subjects = known_subjects
        self.label_lang = label_lang or "en"
        self.sources: dict[str, SourceText] = dict(known_sources)
        self.subjects: dict[str, Subject] = dict(known_subjects)
        self._free_sources: dict[str, Source] = {}
        self._free_subjects: dict[str, str] = {}
        self._source_ids = IdMinter(set(self.sources))
        self._subject_ids = IdMinter(set(self.subjects))

    def known(self, raw: str) -> Source | None:
        if raw in self.known_sources:
            return Source(raw)
        located = parse_locator(raw)
        if located.sentence is not None and located.text in self.known_sources:
            return located
        return None

    def source(self, raw: str) -> Source:
        found = self.known(raw)
        if found:
            return found
        if raw not in self._free_sources:
            source_id = self._source_ids.mint(slug(raw))
            url = raw if raw.startswith(("http://", "https://")) and " " not in raw else ""
            self.sources[source_id] = SourceText(id=source_id, title=raw, url=url)
            self._free_sources[raw] = Source(source_id)
            self.report.converted["free-text source turned into a sources.yaml entry"] += 1
        return self._free_sources[raw]

    def note_sources(self, raw: str) -> list[Source]:
        """A note's citation: several known sources joined by '; ', or one source."""
        parts = raw.split("; ")
        if len(parts) > 1 and all(self.known(p) for p in parts):
            return [self.source(p) for p in parts]
        return [self.source(raw)]

    def subject(self, raw: str, *, as_id: bool = False) -> str:
        """A subject id for ``raw``: a known id, else a new subject labelled ``raw`` (or bare, ``as_id``)."""
        if raw in self.known_subjects:
            return raw
        if raw not in self._free_subjects:
            wanted = raw if as_id and ID_PATTERN.match(raw) else slug(raw)
            subject_id = self._subject_ids.mint(wanted)
            labels = {} if as_id else {self.label_lang: raw}
            self.subjects[subject_id] = Subject(subject_id, labels)
            self._free_subjects[raw] = subject_id
            self.report.converted["subject field turned into a subjects.yaml entry"] += 1
        return self._free_subjects[raw]
