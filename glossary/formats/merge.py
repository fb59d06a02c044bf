"""Add an imported term base to an existing one, reporting every clash instead of overwriting.

Existing content always wins: a concept, source or subject whose id is
already taken with different content is left as it was and listed as a
conflict, so a merge never silently changes reviewed entries.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary.model import SOURCE_FIELDS, Termbase


@dataclass(frozen=True)
class Conflict:
    kind: str  # "concept", "source" or "subject"
    id: str

    def __str__(self) -> str:
        return f"{self.kind} {self.id!r}: already present with different content; kept the existing one"


@dataclass
class MergeResult:
    termbase: Termbase
    added: int
    unchanged: int
    conflicts: list[Conflict]

    def lines(self) -> list[str]:
        """The counts, then one line per conflict, as ``glossary import --merge`` prints them."""
        counts = f"merge: {self.added} added, {self.unchanged} unchanged, {len(self.conflicts)} conflict(s)"
        return [counts, *(f"  conflict: {conflict}" for conflict in self.conflicts)]


def merge(existing: Termbase, incoming: Termbase) -> MergeResult:
    """``existing`` plus whatever ``incoming`` adds; clashes are reported, not applied."""
    conflicts: list[Conflict] = []
    concepts = dict(existing.concepts)
    added = unchanged = 0
    for concept_id, concept in incoming.concepts.items():
        current = concepts.get(concept_id)
        if current is None:
            concepts[concept_id] = concept
            added += 1
        elif current == concept:
            unchanged += 1
        else:
            conflicts.append(Conflict("concept", concept_id))
    sources = dict(existing.sources)
    for source_id, source in incoming.sources.items():
        if source_id not in sources:
            sources[source_id] = source
        elif _source_key(sources[source_id]) != _source_key(source):
            conflicts.append(Conflict("source", source_id))
    subjects = dict(existing.subjects)
    for subject_id, subject in incoming.subjects.items():
        if subject_id not in subjects:
            subjects[subject_id] = subject
        elif subjects[subject_id] != subject:
            conflicts.append(Conflict("subject", subject_id))
    languages = existing.languages
    if languages:
        used = {code for c in concepts.values() for code in c.languages} | {
            n.lang for c in concepts.values() for n in c.notes if n.lang
        }
        languages = tuple(dict.fromkeys([*languages, *sorted(used - set(languages))]))
    merged = Termbase(existing.name, existing.description, languages, concepts, sources, subjects)
    return MergeResult(merged, added, unchanged, conflicts)


def _source_key(source: object) -> tuple[str, ...]:
    return tuple(str(getattr(source, name)) for name in SOURCE_FIELDS)
