"""Concepts as plain data: the one shape shared by YAML files, the JSON API and the index.

:func:`concept_to_dict` omits empty fields so that files stay short;
:func:`concept_from_dict` trusts its input (it reads what this module
wrote); untrusted YAML goes through :mod:`glossary.termbase.load` instead.
"""

from __future__ import annotations

from typing import Any

from glossary.model import (
    LOCALIZED_SOURCE_FIELDS,
    SOURCE_FIELDS,
    Concept,
    Context,
    Definition,
    LanguageSection,
    Note,
    Relation,
    Source,
    SourceText,
    Subject,
    Term,
    note_groups,
    parse_locator,
)


def _cited(text: str, source: Source | None) -> dict[str, Any]:
    data: dict[str, Any] = {"text": text}
    if source is not None:
        data["source"] = str(source)
    return data


def _source(value: str | None) -> Source | None:
    return parse_locator(value) if value else None


def term_to_dict(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {"text": term.text, "type": term.type, "status": term.status}
    if term.part_of_speech:
        data["part_of_speech"] = term.part_of_speech
    if term.usage_note:
        data["usage_note"] = term.usage_note
    if term.case_sensitive:
        data["case_sensitive"] = True
    if term.reliability is not None:
        data["reliability"] = term.reliability
    if term.contexts:
        data["contexts"] = [_cited(c.text, c.source) for c in term.contexts]
    return data


def concept_to_dict(concept: Concept) -> dict[str, Any]:
    data: dict[str, Any] = {"id": concept.id}
    if concept.subjects:
        data["subjects"] = list(concept.subjects)
    languages: dict[str, Any] = {}
    for lang, section in concept.languages.items():
        entry: dict[str, Any] = {}
        if section.definition is not None:
            entry["definition"] = _cited(section.definition.text, section.definition.source)
        entry["terms"] = [term_to_dict(t) for t in section.terms]
        languages[lang] = entry
    data["languages"] = languages
    if concept.notes:
        data["notes"] = [_note_to_dict(versions) for versions in note_groups(concept.notes)]
    if concept.relations:
        data["relations"] = [{"type": r.type, "target": r.target} for r in concept.relations]
    return data


def term_from_dict(data: dict[str, Any]) -> Term:
    return Term(
        text=data["text"],
        type=data.get("type", "fullForm"),
        status=data.get("status", "admitted"),
        part_of_speech=data.get("part_of_speech"),
        usage_note=data.get("usage_note", ""),
        case_sensitive=bool(data.get("case_sensitive", False)),
        contexts=tuple(Context(c["text"], _source(c.get("source"))) for c in data.get("contexts", ())),
        reliability=data.get("reliability"),
    )


def concept_from_dict(data: dict[str, Any]) -> Concept:
    languages = {}
    for lang, entry in data.get("languages", {}).items():
        definition = entry.get("definition")
        languages[lang] = LanguageSection(
            lang,
            tuple(term_from_dict(t) for t in entry.get("terms", ())),
            Definition(definition["text"], _source(definition.get("source"))) if definition else None,
        )
    return Concept(
        id=data["id"],
        subjects=tuple(data.get("subjects", ())),
        languages=languages,
        notes=tuple(note for i, n in enumerate(data.get("notes", ())) for note in _notes_from_dict(n, i)),
        relations=tuple(Relation(r["type"], r["target"]) for r in data.get("relations", ())),
    )


def _note_to_dict(versions: list[Note]) -> dict[str, Any]:
    """One remark: ``text`` and ``lang``, or ``text`` mapping each language to its version."""
    first = versions[0]
    item: dict[str, Any] = {}
    if len(versions) > 1:
        item["text"] = {note.lang or "": note.text for note in versions}
    else:
        item["text"] = first.text
        if first.lang:
            item["lang"] = first.lang
    if first.sources:
        item["sources"] = [str(s) for s in first.sources]
    return item


def _notes_from_dict(data: dict[str, Any], group: int) -> list[Note]:
    sources = tuple(s for s in map(_source, data.get("sources", ())) if s)
    text = data["text"]
    if isinstance(text, dict):
        return [Note(value, lang or None, sources, group) for lang, value in text.items()]
    return [Note(text, data.get("lang"), sources, group)]


def source_to_dict(source: SourceText) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(source, name) for name in SOURCE_FIELDS if getattr(source, name)}
    for name in LOCALIZED_SOURCE_FIELDS:
        versions = getattr(source, f"{name}_by_lang")
        if versions:
            data[name] = dict(versions)
    return data


def source_from_dict(source_id: str, data: dict[str, Any]) -> SourceText:
    """A source from :func:`source_to_dict`'s shape, plus the ``sentences`` the index stores beside it."""
    fields: dict[str, Any] = {}
    for name in SOURCE_FIELDS:
        value = data.get(name, "")
        if isinstance(value, dict):
            fields[f"{name}_by_lang"] = tuple(value.items())
            value = next(iter(value.values()), "")
        fields[name] = value
    return SourceText(
        id=source_id,
        sentences=tuple(data.get("sentences", ())),
        original_sentences=tuple(data.get("original_sentences", ())),
        **fields,
    )


def subject_to_dict(subject: Subject) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if subject.labels:
        data["labels"] = dict(subject.labels)
    if subject.parent:
        data["parent"] = subject.parent
    return data
