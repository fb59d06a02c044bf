"""Load and validate a YAML term-base directory.

Layout::

    termbase.yaml        name, description, declared languages (optional file)
    sources.yaml         texts that definitions, contexts and notes cite
    subjects.yaml        the controlled list of subject fields
    concepts/*.yaml      one concept per file, or a list of concepts (a shard)

Loading never stops at the first mistake: every problem is collected with
its file, line and field path, so one ``glossary check`` run shows them all.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from yaml.nodes import MappingNode, Node, SequenceNode

from glossary.model import (
    ID_MAX_LENGTH,
    LOCALIZED_SOURCE_FIELDS,
    PARTS_OF_SPEECH,
    RELATION_TYPES,
    SOURCE_FIELDS,
    STATUSES,
    TERM_TYPES,
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
    Termbase,
    id_problem,
    is_web_url,
    parse_locator,
)
from glossary.termbase.files import yaml_files
from glossary.termbase.progress import Progress
from glossary.termbase.scripts import mixed_script_words
from glossary.termbase.yamlnodes import NodeReader, Problem, collector_paused, compose_file, join, line_of

CONCEPT_FIELDS = ("id", "subjects", "languages", "notes", "relations")
SECTION_FIELDS = ("definition", "terms")
TERM_FIELDS = (
    "text",
    "type",
    "status",
    "part_of_speech",
    "usage_note",
    "case_sensitive",
    "reliability",
    "contexts",
)


class TermbaseInvalid(Exception):
    """Raised by :func:`load_termbase` when a term base has errors; carries them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in term base:\n" + "\n".join(map(str, errors)))


def load_termbase(directory: str | Path, *, progress: Progress | None = None) -> Termbase:
    """Load a term base, raising :class:`TermbaseInvalid` if it has any error.

    ``progress`` is told how many concept files have been read, of how many.
    """
    termbase, problems = check_termbase(directory, progress=progress)
    if any(p.severity == "error" for p in problems):
        raise TermbaseInvalid(problems)
    return termbase


def check_termbase(directory: str | Path, *, progress: Progress | None = None) -> tuple[Termbase, list[Problem]]:
    """Load what can be loaded and return it with every problem found (errors and warnings)."""
    with collector_paused():
        return _Loader(Path(directory), progress).load()


@lru_cache(maxsize=1024)
def _language_known(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


class _Loader:
    def __init__(self, root: Path, progress: Progress | None = None) -> None:
        self.root = root
        self.progress = progress
        self.problems: list[Problem] = []
        # references are checked once everything is loaded: (kind, value, reader, line, path);
        # a line, not the node, so that each file's nodes are freed once it is read
        self.pending: list[tuple[str, object, NodeReader, int, str]] = []

    def load(self) -> tuple[Termbase, list[Problem]]:
        termbase = Termbase()
        if not self.root.is_dir():
            self.problems.append(Problem(str(self.root), 0, "", "not a term-base directory"))
            return termbase, self.problems
        self._load_meta(termbase)
        termbase.sources = self._load_sources()
        termbase.subjects = self._load_subjects()
        self._load_concepts(termbase)
        self._check_references(termbase)
        return termbase, sorted(self.problems, key=lambda p: (p.file, p.line, p.field))

    # -- small files ---------------------------------------------------------

    def _open(self, name: str, *, required: bool) -> tuple[NodeReader, Node | None]:
        reader = NodeReader(name, self.problems)
        path = self.root / name
        if not path.exists():
            if required:
                self.problems.append(Problem(name, 0, "", "file is missing"))
            return reader, None
        return reader, compose_file(path, name, self.problems)

    def _load_meta(self, termbase: Termbase) -> None:
        reader, node = self._open("termbase.yaml", required=False)
        if node is None:
            return
        fields = reader.mapping(node, "", ("name", "description", "languages"))
        if fields is None:
            return
        for key in ("name", "description"):
            versions = self._localized(reader, fields.get(key), key, required=False)
            setattr(termbase, key, versions[0][1] if versions else "")
            setattr(termbase, f"{key}_by_lang", tuple(pair for pair in versions if pair[0]))
        languages = []
        for code, item in reader.string_list(fields.get("languages"), "languages"):
            if code and not _language_known(code):
                reader.error(item, "languages", f"{code!r} is not a known language code")
            languages.append(code)
        termbase.languages = tuple(languages)

    def _load_sources(self) -> dict[str, SourceText]:
        reader, node = self._open("sources.yaml", required=True)
        sources: dict[str, SourceText] = {}
        if node is None:
            return sources
        for source_id, value in (reader.mapping(node, "") or {}).items():
            self._check_id_length(reader, value, source_id, source_id)
            fields = reader.mapping(value, source_id, SOURCE_FIELDS)
            if fields is None:
                continue
            localized = {
                key: self._localized(reader, fields.get(key), join(source_id, key), required=False)
                for key in LOCALIZED_SOURCE_FIELDS
            }
            text = {
                key: localized[key][0][1] if key in localized else reader.string(fields.get(key), join(source_id, key))
                for key in SOURCE_FIELDS
            }
            by_lang = {f"{key}_by_lang": tuple(p for p in localized[key] if p[0]) for key in LOCALIZED_SOURCE_FIELDS}
            if not text["title"].strip():
                reader.error(value, join(source_id, "title"), "every source needs a title")
            if text["url"] and not is_web_url(text["url"]):
                reader.error(
                    fields["url"],
                    join(source_id, "url"),
                    f"{text['url']!r} is not a web address; a link must start with http:// or https://",
                )
            sentences: tuple[str, ...] = ()
            if text["file"]:
                sentences = self._read_sentences(reader, fields["file"], source_id, text["file"])
            originals: tuple[str, ...] = ()
            if text["original"]:
                originals = self._read_sentences(reader, fields["original"], source_id, text["original"])
                if len(originals) != len(sentences):
                    reader.error(
                        fields["original"],
                        join(source_id, "original"),
                        f"has {len(originals)} lines but the sentence file has {len(sentences)}; they must align",
                    )
            sources[source_id] = SourceText(
                id=source_id, sentences=sentences, original_sentences=originals, **text, **by_lang
            )
        return sources

    def _read_sentences(self, reader: NodeReader, node: Node, source_id: str, name: str) -> tuple[str, ...]:
        path = (self.root / name).resolve()
        try:
            content = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reader.error(node, join(source_id, "file"), f"cannot read sentence file {name}: {exc}")
            return ()
        return tuple(content.splitlines())

    def _load_subjects(self) -> dict[str, Subject]:
        reader, node = self._open("subjects.yaml", required=True)
        subjects: dict[str, Subject] = {}
        if node is None:
            return subjects
        for subject_id, value in (reader.mapping(node, "") or {}).items():
            self._check_id_length(reader, value, subject_id, subject_id)
            fields = reader.mapping(value, subject_id, ("labels", "parent"))
            if fields is None:
                continue
            labels: dict[str, str] = {}
            if "labels" in fields:
                for lang, label in (reader.mapping(fields["labels"], join(subject_id, "labels")) or {}).items():
                    labels[lang] = reader.string(label, f"{subject_id}.labels.{lang}", required=True)
            parent = reader.string(fields.get("parent"), join(subject_id, "parent")) or None
            if parent:
                self.pending.append(("parent", parent, reader, line_of(fields["parent"]), join(subject_id, "parent")))
            subjects[subject_id] = Subject(subject_id, labels, parent)
        return subjects

    @staticmethod
    def _check_id_length(reader: NodeReader, node: Node, path: str, key: str) -> None:
        """Source and subject ids are free text, but capped like concept ids: each names a page."""
        if len(key) > ID_MAX_LENGTH:
            reader.error(node, path, f"the id is {len(key)} characters long; an id has at most {ID_MAX_LENGTH}")

    # -- concepts ------------------------------------------------------------

    def _load_concepts(self, termbase: Termbase) -> None:
        folder = self.root / "concepts"
        if not folder.is_dir():
            self.problems.append(Problem("concepts/", 0, "", "folder is missing"))
            return
        first_seen: dict[str, str] = {}
        base = os.fspath(folder) + os.sep
        files = yaml_files(folder)
        for done, relative in enumerate(files):
            if self.progress is not None:
                self.progress(done, len(files))
            name = "concepts/" + relative
            node = compose_file(base + relative, name, self.problems)
            if node is None:
                continue
            reader = NodeReader(name, self.problems)
            # a file holds one concept, or a list of them (a shard written by a big import)
            shard = isinstance(node, SequenceNode)
            for item in node.value if shard else (node,):
                concept = self._concept(reader, item)
                if concept is None:
                    continue
                if concept.id in first_seen:
                    reader.error(
                        item, "id", f"duplicate concept id {concept.id!r}, first defined in {first_seen[concept.id]}"
                    )
                    continue
                first_seen[concept.id] = f"{name}:{line_of(item)}" if shard else name
                termbase.concepts[concept.id] = concept
        if self.progress is not None:
            self.progress(len(files), len(files))

    def _concept(self, reader: NodeReader, node: Node) -> Concept | None:
        fields = reader.mapping(node, "", CONCEPT_FIELDS)
        if fields is None:
            return None
        concept_id = reader.string(fields.get("id"), "id", required=True)
        if "id" not in fields:
            reader.error(node, "id", "every concept needs an id")
            return None
        problem = id_problem(concept_id) if concept_id else None
        if problem:
            reader.error(fields["id"], "id", problem)
        subjects = []
        for i, (subject, item) in enumerate(reader.string_list(fields.get("subjects"), "subjects")):
            self.pending.append(("subject", subject, reader, line_of(item), f"subjects[{i}]"))
            subjects.append(subject)
        languages: dict[str, LanguageSection] = {}
        if "languages" not in fields:
            reader.error(node, "languages", "every concept needs at least one language section")
        else:
            for lang, value in (reader.mapping(fields["languages"], "languages") or {}).items():
                self.pending.append(("language", lang, reader, line_of(value), f"languages.{lang}"))
                languages[lang] = self._section(reader, value, lang)
        notes = tuple(
            note
            for i, item in enumerate(reader.sequence(fields["notes"], "notes") if "notes" in fields else [])
            for note in self._notes(reader, item, f"notes[{i}]", i)
        )
        relations = []
        for i, item in enumerate(reader.sequence(fields["relations"], "relations") if "relations" in fields else []):
            path = f"relations[{i}]"
            parts = reader.mapping(item, path, ("type", "target"))
            if parts is None:
                continue
            kind = reader.choice(parts.get("type"), join(path, "type"), RELATION_TYPES, "related")
            target = reader.string(parts.get("target"), join(path, "target"), required=True)
            if "target" not in parts:
                reader.error(item, join(path, "target"), "every relation needs a target")
            elif target:
                self.pending.append(("concept", target, reader, line_of(parts["target"]), join(path, "target")))
            relations.append(Relation(kind, target))
        return Concept(concept_id, tuple(subjects), languages, notes, tuple(relations))

    def _section(self, reader: NodeReader, node: Node, lang: str) -> LanguageSection:
        path = f"languages.{lang}"
        fields = reader.mapping(node, path, SECTION_FIELDS) or {}
        definition = None
        if "definition" in fields:
            text, source = self._cited_text(reader, fields["definition"], join(path, "definition"))
            definition = Definition(text, source) if text else None
        terms = []
        seen: set[str] = set()
        items = reader.sequence(fields["terms"], join(path, "terms")) if "terms" in fields else []
        for i, item in enumerate(items):
            term = self._term(reader, item, f"{path}.terms[{i}]")
            if term is None:
                continue
            if term.text in seen:
                reader.error(item, f"{path}.terms[{i}]", f"term {term.text!r} is listed twice")
            seen.add(term.text)
            terms.append(term)
        return LanguageSection(lang, tuple(terms), definition)

    def _term(self, reader: NodeReader, node: Node, path: str) -> Term | None:
        fields = reader.mapping(node, path, TERM_FIELDS)
        if fields is None:
            return None
        if "text" not in fields:
            reader.error(node, join(path, "text"), "every term needs a text")
            return None
        text = reader.string(fields["text"], join(path, "text"), required=True)
        if not text.strip():
            return None
        if text != text.strip() or "  " in text or "\n" in text:
            reader.error(fields["text"], join(path, "text"), "has leading, trailing, repeated or line-break whitespace")
        for word in mixed_script_words(text):
            reader.error(
                fields["text"], join(path, "text"), f"word {word!r} mixes Latin and Cyrillic letters", "warning"
            )
        pos_node = fields.get("part_of_speech")
        contexts = tuple(
            Context(*self._cited_text(reader, item, f"{path}.contexts[{i}]"))
            for i, item in enumerate(
                reader.sequence(fields["contexts"], join(path, "contexts")) if "contexts" in fields else []
            )
        )
        return Term(
            text=text,
            type=reader.choice(fields.get("type"), join(path, "type"), TERM_TYPES, "fullForm"),
            status=reader.choice(fields.get("status"), join(path, "status"), STATUSES, "admitted"),
            part_of_speech=reader.choice(pos_node, join(path, "part_of_speech"), PARTS_OF_SPEECH, "other")
            if pos_node
            else None,
            usage_note=reader.string(fields.get("usage_note"), join(path, "usage_note")),
            case_sensitive=reader.boolean(fields.get("case_sensitive"), join(path, "case_sensitive")),
            contexts=tuple(c for c in contexts if c.text),
            reliability=reader.reliability(fields.get("reliability"), join(path, "reliability")),
        )

    def _cited_text(self, reader: NodeReader, node: Node, path: str) -> tuple[str, Source | None]:
        """A ``{text, source}`` mapping (or plain text) as used by definitions and contexts."""
        fields = reader.mapping(node, path, ("text", "source"))
        if fields is None:
            return "", None
        text = reader.string(fields.get("text"), join(path, "text"), required=True)
        if "text" not in fields:
            reader.error(node, join(path, "text"), "missing text")
        source = self._source(reader, fields.get("source"), join(path, "source"))
        return text, source

    def _notes(self, reader: NodeReader, node: Node, path: str, group: int) -> list[Note]:
        """One note, or its versions when ``text`` maps languages to texts (``text: {kk: …, ru: …}``)."""
        fields = reader.mapping(node, path, ("text", "lang", "sources"))
        if fields is None:
            return []
        if "text" not in fields:
            reader.error(node, join(path, "text"), "missing text")
        sources = []
        for i, (_, item) in enumerate(reader.string_list(fields.get("sources"), join(path, "sources"))):
            source = self._source(reader, item, f"{path}.sources[{i}]")
            if source:
                sources.append(source)
        texts = self._localized(reader, fields.get("text"), join(path, "text"), required=True)
        if isinstance(fields.get("text"), MappingNode):
            if "lang" in fields:
                reader.error(fields["lang"], join(path, "lang"), "give the language as the keys of text, not as lang")
            return [Note(text, lang, tuple(sources), group) for lang, text in texts if text]
        lang = reader.string(fields.get("lang"), join(path, "lang")) or None
        if lang:
            self.pending.append(("language", lang, reader, line_of(fields["lang"]), join(path, "lang")))
        return [Note(text, lang, tuple(sources), group) for _, text in texts if text]

    def _localized(self, reader: NodeReader, node: Node | None, path: str, *, required: bool) -> list[tuple[str, str]]:
        """A text, or a mapping of language codes to texts, as ``(lang, text)`` pairs (lang "" for plain text)."""
        if not isinstance(node, MappingNode):
            return [("", reader.string(node, path, required=required))]
        pairs = []
        for lang, value in (reader.mapping(node, path) or {}).items():
            self.pending.append(("language", lang, reader, line_of(value), join(path, lang)))
            pairs.append((lang, reader.string(value, join(path, lang), required=True)))
        if not pairs and required:
            reader.error(node, path, "must not be empty")
        return pairs

    def _source(self, reader: NodeReader, node: Node | None, path: str) -> Source | None:
        if node is None:
            return None
        value = reader.string(node, path, required=True)
        if not value:
            return None
        source = parse_locator(value)
        self.pending.append(("source", source, reader, line_of(node), path))
        return source

    # -- cross references ----------------------------------------------------

    def _check_references(self, termbase: Termbase) -> None:
        for kind, value, reader, line, path in self.pending:
            if kind == "concept" and value not in termbase.concepts:
                reader.error_at(line, path, f"relation to missing concept {value!r}")
            elif kind in ("subject", "parent") and value not in termbase.subjects:
                reader.error_at(line, path, f"unknown subject {value!r}; add it to subjects.yaml")
            elif kind == "language":
                self._check_language(termbase, reader, line, path, str(value))
            elif kind == "source" and isinstance(value, Source):
                self._check_source(termbase, reader, line, path, value)

    @staticmethod
    def _check_language(termbase: Termbase, reader: NodeReader, line: int, path: str, code: str) -> None:
        if termbase.languages and code not in termbase.languages:
            reader.error_at(
                line, path, f"unknown language {code!r}; termbase.yaml declares {', '.join(termbase.languages)}"
            )
        elif not termbase.languages and not _language_known(code):
            reader.error_at(line, path, f"unknown language {code!r}")

    @staticmethod
    def _check_source(termbase: Termbase, reader: NodeReader, line: int, path: str, source: Source) -> None:
        text = termbase.sources.get(source.text)
        if text is None:
            reader.error_at(line, path, f"unknown source {source.text!r}; add it to sources.yaml")
        elif source.sentence is not None:
            if not text.sentences:
                reader.error_at(
                    line,
                    path,
                    f"source {source.text!r} has no sentence file, so sentence {source.sentence} cannot be cited",
                )
            elif text.sentence(source.sentence) is None:
                reader.error_at(
                    line,
                    path,
                    f"source {source.text!r} has {len(text.sentences)} sentences; there is no sentence {source.sentence}",
                )
