"""The concept-oriented data model, aligned with TBX-Basic data categories.

A concept is language-independent; each language section holds the terms
that designate it in one language, plus that language's definition.  Value
lists for term type, administrative status and part of speech are TBX-Basic's
own, so that YAML maps onto TBX v3 and back without loss.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: The longest id, in characters, of a concept, source or subject.  An id is part of its page's
#: address and of a file name: 100 characters of up to 4 UTF-8 bytes stay far below a server's
#: request-line limit (4,094 bytes in gunicorn, even percent-encoded) and fit a file name once
#: :func:`glossary.termbase.write.concept_filename` caps it in bytes.  Ids minted on import are
#: a few characters (``c123``) or a slug of at most 60.
ID_MAX_LENGTH = 100
#: A valid concept id: a letter, digit or '_', then those or '.' and '-', at most
#: :data:`ID_MAX_LENGTH` in all.  Imports mint source and subject ids of the same shape.
#: No ':', so a locator ``id:N`` parses back; ``\Z``, not ``$``, so no trailing line break.
ID_PATTERN = re.compile(rf"^[\w][\w.\-]{{0,{ID_MAX_LENGTH - 1}}}\Z")
#: The only schemes a link from a term base may use: any other (``javascript:``, ``data:``)
#: could run in a reader's browser or reach a file of theirs.
URL_SCHEMES: tuple[str, ...] = ("http", "https")
#: ``text`` or ``text:sentence``; see :func:`parse_locator`.
LOCATOR_PATTERN = re.compile(r"^(?P<text>.+?)(?::(?P<sentence>\d+))?$")

TERM_TYPES: tuple[str, ...] = (
    "fullForm",
    "acronym",
    "abbreviation",
    "shortForm",
    "variant",
    "phrase",
)
STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated", "superseded")
PARTS_OF_SPEECH: tuple[str, ...] = (
    "noun",
    "verb",
    "adjective",
    "adverb",
    "properNoun",
    "other",
)
RELATION_TYPES: tuple[str, ...] = ("broader", "narrower", "related")
#: TBX's ``reliabilityCode`` scale (ISO 12620): 1 (least reliable) to 10 (most reliable).
RELIABILITY_MIN = 1
RELIABILITY_MAX = 10
#: Named bands of the scale, after IATE's four grades (see :func:`reliability_band`):
#: each IATE grade's converted value falls in its own band.
RELIABILITY_BANDS: tuple[tuple[int, str], ...] = (
    (10, "very-reliable"),
    (7, "reliable"),
    (4, "minimum"),
    (1, "unverified"),
)

#: TBX-Basic's term types that are short forms of a full name.
ABBREVIATION_TYPES: frozenset[str] = frozenset({"acronym", "abbreviation", "shortForm"})
#: Statuses that advise against a term: a translation should use another one.
DISCOURAGED_STATUSES: frozenset[str] = frozenset({"deprecated", "superseded"})

#: Display rank of a status (the order of :data:`STATUSES`) and of a term type
#: (full forms, then short forms, variants, phrases); unknown values sort last.
STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUSES)}
TYPE_RANK: dict[str, int] = {"fullForm": 0, **dict.fromkeys(sorted(ABBREVIATION_TYPES), 1), "variant": 2, "phrase": 3}
UNRANKED = 9


@dataclass(frozen=True)
class Source:
    """Where a definition, context or note comes from.

    ``text`` is the id of an entry in ``sources.yaml``; ``sentence`` is the
    1-based sentence number in that text's sentence file, when it has one.
    """

    text: str
    sentence: int | None = None

    def __str__(self) -> str:
        return self.text if self.sentence is None else f"{self.text}:{self.sentence}"


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a valid concept id (a message for ``glossary check``), or None."""
    if len(value) > ID_MAX_LENGTH:
        return f"the id is {len(value)} characters long; an id has at most {ID_MAX_LENGTH}"
    if not ID_PATTERN.match(value):
        return f"{value!r} may hold only letters, digits, '.', '-' and '_'"
    return None


def is_web_url(value: str) -> bool:
    """True for an absolute ``http://`` or ``https://`` address with a host, safe to emit as a link.

    Whitespace and control characters are refused outright: browsers drop
    some of them (``java\tscript:``) before reading the scheme.
    """
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in URL_SCHEMES and bool(parts.hostname)


def parse_locator(value: str) -> Source:
    """``"seed-1:12"`` → ``Source("seed-1", 12)``; a bare id has no sentence.  The inverse of ``str(source)``."""
    match = LOCATOR_PATTERN.match(value.strip())
    if not match:
        return Source(value.strip())
    sentence = match.group("sentence")
    return Source(match.group("text"), int(sentence) if sentence else None)


@dataclass(frozen=True)
class Definition:
    text: str
    source: Source | None = None


@dataclass(frozen=True)
class Context:
    """An authentic sentence showing a term in use."""

    text: str
    source: Source | None = None


@dataclass(frozen=True)
class Note:
    """A remark on a concept; ``lang`` is the language the note is written in.

    A note may cite several sources, e.g. when it records a disagreement.
    As in TBX, a note is in one language.  The same remark written in several
    languages is several notes sharing a ``group`` (its place in the concept's
    list of notes in YAML), so that a page can show the reader's language and
    fall back visibly when a translation is missing.
    """

    text: str
    lang: str | None = None
    sources: tuple[Source, ...] = ()
    group: int | None = field(default=None, compare=False)


def note_groups(notes: tuple[Note, ...] | list[Note]) -> list[list[Note]]:
    """The notes gathered into remarks: the language versions of one remark together, in order."""
    groups: list[list[Note]] = []
    by_group: dict[int, list[Note]] = {}
    for note in notes:
        if note.group is None:
            groups.append([note])
        elif note.group in by_group:
            by_group[note.group].append(note)
        else:
            by_group[note.group] = [note]
            groups.append(by_group[note.group])
    return groups


def note_in(versions: list[Note], lang: str, fallbacks: tuple[str, ...] = ("en", "ru", "kk")) -> tuple[Note, bool]:
    """The version of a remark in ``lang``, else in the first fallback language it has; True when it fell back."""
    by_lang = {note.lang: note for note in versions}
    if lang in by_lang:
        return by_lang[lang], False
    for other in fallbacks:
        if other in by_lang:
            return by_lang[other], True
    return versions[0], versions[0].lang is not None and versions[0].lang != lang


@dataclass(frozen=True)
class Relation:
    type: str
    target: str


@dataclass(frozen=True)
class Term:
    text: str
    type: str = "fullForm"
    status: str = "admitted"
    part_of_speech: str | None = None
    usage_note: str = ""
    case_sensitive: bool = False
    contexts: tuple[Context, ...] = ()
    #: How far the term can be trusted, on TBX's ``reliabilityCode`` scale; None when not rated.
    reliability: int | None = None

    @property
    def is_abbreviation(self) -> bool:
        return self.type in ABBREVIATION_TYPES

    @property
    def reliability_band(self) -> str | None:
        """The named band of :attr:`reliability` (``"reliable"`` for 7–9), for labels; None when not rated."""
        return reliability_band(self.reliability) if self.reliability is not None else None


def reliability_problem(value: object) -> str | None:
    """Why ``value`` is not a reliability code (a message naming the scale), or None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{value!r} is not a whole number from {RELIABILITY_MIN} to {RELIABILITY_MAX}"
    if not RELIABILITY_MIN <= value <= RELIABILITY_MAX:
        return f"{value} is outside the scale {RELIABILITY_MIN}–{RELIABILITY_MAX}"
    return None


def reliability_band(value: int) -> str:
    """``unverified`` (1–3), ``minimum`` (4–6), ``reliable`` (7–9) or ``very-reliable`` (10)."""
    return next(name for floor, name in RELIABILITY_BANDS if value >= floor)


def term_rank(term: Term) -> tuple[int, int]:
    """Sort key for showing terms: preferred, admitted, then discouraged; full forms before short ones."""
    return STATUS_RANK.get(term.status, UNRANKED), TYPE_RANK.get(term.type, UNRANKED)


@dataclass(frozen=True)
class LanguageSection:
    lang: str
    terms: tuple[Term, ...] = ()
    definition: Definition | None = None

    @property
    def preferred(self) -> Term | None:
        """The first preferred term, else the first term."""
        for term in self.terms:
            if term.status == "preferred":
                return term
        return self.terms[0] if self.terms else None


@dataclass(frozen=True)
class Concept:
    id: str
    subjects: tuple[str, ...] = ()
    languages: dict[str, LanguageSection] = field(default_factory=dict)
    notes: tuple[Note, ...] = ()
    relations: tuple[Relation, ...] = ()

    def terms(self, lang: str | None = None) -> Iterator[tuple[str, Term]]:
        """Yield ``(lang, term)`` for one language or for all."""
        for code, section in self.languages.items():
            if lang is None or code == lang:
                for term in section.terms:
                    yield code, term

    def definition(self, lang: str) -> Definition | None:
        section = self.languages.get(lang)
        return section.definition if section else None

    def label(self, lang: str) -> str:
        """The best display term: preferred in ``lang``, else in any language, else the id."""
        section = self.languages.get(lang)
        if section and section.preferred:
            return section.preferred.text
        for section in self.languages.values():
            if section.preferred:
                return section.preferred.text
        return self.id


@dataclass(frozen=True)
class SourceText:
    """A text that definitions and contexts cite.

    ``sentences`` is the text's sentence-split form (one sentence per line),
    loaded so that locators can be checked and the cited sentence shown.
    ``original_sentences``, when given, is aligned line by line with it and
    holds each sentence as it stood before repair.
    """

    id: str
    title: str
    author: str = ""
    year: str = ""
    url: str = ""
    note: str = ""
    file: str = ""
    original: str = ""
    sentences: tuple[str, ...] = ()
    original_sentences: tuple[str, ...] = ()
    #: ``title`` and ``note`` in other languages, as ``(lang, text)`` pairs.
    title_by_lang: tuple[tuple[str, str], ...] = ()
    note_by_lang: tuple[tuple[str, str], ...] = ()

    def title_in(self, lang: str) -> str:
        """The title in ``lang``, else the title as given first."""
        return dict(self.title_by_lang).get(lang, self.title)

    def note_in(self, lang: str) -> str:
        return dict(self.note_by_lang).get(lang, self.note)

    def sentence(self, number: int) -> str | None:
        if 1 <= number <= len(self.sentences):
            return self.sentences[number - 1]
        return None


#: The descriptive text fields of a :class:`SourceText`, as written in
#: ``sources.yaml`` and in a TBX file's back matter.
SOURCE_FIELDS: tuple[str, ...] = ("title", "author", "year", "url", "note", "file", "original")
#: Source fields that may be given per language (``title: {kk: …, ru: …, en: …}``).
LOCALIZED_SOURCE_FIELDS: tuple[str, ...] = ("title", "note")


@dataclass(frozen=True)
class Subject:
    id: str
    labels: dict[str, str] = field(default_factory=dict)
    parent: str | None = None


@dataclass
class Termbase:
    """A whole term base: concepts in file order, plus the sources and subjects they refer to."""

    name: str = ""
    description: str = ""
    languages: tuple[str, ...] = ()
    concepts: dict[str, Concept] = field(default_factory=dict)
    sources: dict[str, SourceText] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    #: ``name`` and ``description`` in other languages, as ``(lang, text)`` pairs.
    name_by_lang: tuple[tuple[str, str], ...] = ()
    description_by_lang: tuple[tuple[str, str], ...] = ()

    def name_in(self, lang: str) -> str:
        return dict(self.name_by_lang).get(lang, self.name)

    def description_in(self, lang: str) -> str:
        return dict(self.description_by_lang).get(lang, self.description)

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def used_languages(self) -> tuple[str, ...]:
        """Declared languages first, then any others the concepts use, in first-seen order."""
        seen = dict.fromkeys(self.languages)
        for concept in self.concepts.values():
            seen.update(dict.fromkeys(concept.languages))
        return tuple(seen)
