"""What a corpus names that a term base does not cover.

A term base drawn from texts should hold every abbreviation those texts use
("(ИСО)", "/МЭК/", "ИСО-ның", "ТК 12", "ГОСТ-1.0-92") and their frequent
multi-word terms. This module finds both in the sentences of a term base's
sources and reports which of them no term matches, so that a test can fail
on a gap instead of a reader finding it.

Matching is case-insensitive and tolerant of Kazakh inflection: words are the
tokenizer's (:func:`glossary.text.tokens.words`), and a corpus word matches a term
word when the Kazakh stemmer (:mod:`glossary.text.kazakh_stem`), the one search and
recognition use, can read one as an inflected form of the other
("ұйымдарының" ~ "ұйымы", "кеңесінде" ~ "кеңес"); derivation stays apart
("стандарттау" ≁ "стандарт").  A suffix after a hyphen ("ИСО-ның") is never part
of an abbreviation.

Two more kinds of candidate catch notions a text names only once or twice:
what it puts in quotation marks (titles of standards and names: «Сенімділікті
қамтамасыз ету бағдарламасы туралы жетекшілік» names dependability), and
single words shaped like Kazakh terms, abstract nouns in -лық/-лік
(бәсекелестік) and verbal nouns in -у (сынау), seen at least twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from glossary.model import Termbase
from glossary.text.kazakh_stem import stem_kk
from glossary.text.tokens import words

UPPER = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"
#: An all-capital token of two or more letters: ИСО, МЭК, ГОСТ, ДСҰ, XX.
CAPS_TOKEN = re.compile(rf"(?<![\w.])[{UPPER}]{{2,}}(?![\w])")
#: An abbreviation in brackets or slashes: "(ИСО)", "/МЭК/", "( ПААКО )", "(Е.О)", "(СЕН ЭЛЕК)".
BRACKETED = re.compile(rf"[(/]\s*([{UPPER}](?:[{UPPER}. ]{{0,12}}[{UPPER}])?\.?)\s*[)/]")
#: A technical-committee code: "ТК 12", "ТК-22".
COMMITTEE_CODE = re.compile(r"(?<!\w)(ТК|TC)\s*[-–]?\s*(\d+)(?![\d\w])")
#: A standard number after its issuer: "ИСО 9001", "ИСО-9000", "ГОСТ-1.0-92", "ИСО 9001,9002,9003".
STANDARD_NUMBER = re.compile(
    r"(?<!\w)(ИСО|ISO|ГОСТ|GOST|МЭК|IEC|EN)\s*[-–]?\s*(\d+(?:[.\-–:]\d+)*(?:\s*,\s*\d{3,}(?:[.\-–:]\d+)*)*)"
)
#: Words before a bracketed abbreviation that may form its full name stop at these.
CLAUSE_BREAK = re.compile(r"[.;:,!?«»\"()/]|\s[-–—]\s")
FULL_FORM_MAX_WORDS = 5

#: Function words that never begin or end a candidate term.
_STOPWORD_LIST = """және мен бен пен да де та те үшін туралы жөніндегі жөнінен бойынша болып табылады болады бар жоқ осы бұл
    ол олар оның олардың оларға сол мына мынадай яғни ал бірақ жылы жылдан ретінде арасында кезде қазіргі
    оны мұнда соның ішінде сияқты немесе емес екі бір әр барлық басқа т б ж жж кейбір қандай
    барысында саласында саласындағы шеңберінде құрамында қатысты арналған негізінде жылдың мың астам кіреді"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())


@dataclass(frozen=True)
class AbbreviationFinding:
    """One abbreviation of the corpus, with the full forms seen beside it and where it occurs."""

    text: str
    key: str
    full_forms: tuple[str, ...] = ()
    locators: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.locators)


@dataclass(frozen=True)
class CandidateTerm:
    """A frequent word sequence of the corpus that may be a term."""

    text: str
    count: int
    locators: tuple[str, ...] = ()


@dataclass
class CoverageReport:
    abbreviations: list[AbbreviationFinding] = field(default_factory=list)
    uncovered_abbreviations: list[AbbreviationFinding] = field(default_factory=list)
    ignored_abbreviations: list[AbbreviationFinding] = field(default_factory=list)
    candidates: list[CandidateTerm] = field(default_factory=list)
    uncovered_candidates: list[CandidateTerm] = field(default_factory=list)
    uncovered_quoted: list[CandidateTerm] = field(default_factory=list)
    uncovered_words: list[CandidateTerm] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        def abbreviation(found: AbbreviationFinding) -> dict[str, object]:
            return {
                "text": found.text,
                "count": found.count,
                "full_forms": list(found.full_forms),
                "locators": list(found.locators),
            }

        def candidate(found: CandidateTerm) -> dict[str, object]:
            return {"text": found.text, "count": found.count, "locators": list(found.locators)}

        return {
            "abbreviations": [abbreviation(a) for a in self.abbreviations],
            "uncovered_abbreviations": [abbreviation(a) for a in self.uncovered_abbreviations],
            "ignored_abbreviations": [abbreviation(a) for a in self.ignored_abbreviations],
            "candidates": [candidate(c) for c in self.candidates],
            "uncovered_candidates": [candidate(c) for c in self.uncovered_candidates],
            "uncovered_quoted": [candidate(c) for c in self.uncovered_quoted],
            "uncovered_words": [candidate(c) for c in self.uncovered_words],
        }


class IgnoreListError(ValueError):
    """The ignore list is malformed; the message names the file, line and field."""


def abbreviation_key(text: str) -> str:
    """Compare abbreviations and standard numbers regardless of case, spacing and punctuation.

    "Е.О" ~ "ЕО", "СЕН ЭЛЕК" ~ "СЕНЭЛЕК", "ГОСТ-1.0-92" ~ "ГОСТ 1.0-92",
    "ИСО -9000-2000" ~ "ИСО 9000:2000"; the dot inside "1.0" is kept.
    """
    key = text.casefold().replace("–", "-").replace(":", "-")
    key = re.sub(r"(?<=[^\W\d_])\.", "", key)
    key = re.sub(r"\s+", "", key)
    return re.sub(r"(?<=[^\W\d_])-(?=\d)", "", key)


def find_abbreviations(sentence: str) -> list[tuple[str, str | None]]:
    """``(abbreviation, full form or None)`` pairs in one sentence, in text order.

    >>> find_abbreviations("Халықаралық электротехникалық комиссия (МЭК) және ИСО-ның ТК 12")
    [('МЭК', 'Халықаралық электротехникалық комиссия'), ('ИСО', None), ('ТК 12', None)]
    """
    found: list[tuple[int, str, str | None]] = []
    taken: list[tuple[int, int]] = []
    for match in BRACKETED.finditer(sentence):
        inner = match.group(1).strip()
        if sum(c.isalpha() for c in inner) < 2:
            continue
        found.append((match.start(1), re.sub(r"\s+", " ", inner), _full_form_before(sentence, match.start())))
        taken.append(match.span(1))
    for match in COMMITTEE_CODE.finditer(sentence):
        found.append((match.start(), f"{match.group(1)} {match.group(2)}", None))
        taken.append(match.span())
    for match in STANDARD_NUMBER.finditer(sentence):
        issuer = match.group(1)
        for number in re.split(r"\s*,\s*", match.group(2)):
            found.append((match.start(), f"{issuer} {number.replace('–', '-')}", None))
    for match in CAPS_TOKEN.finditer(sentence):
        if not any(start <= match.start() < end for start, end in taken):
            found.append((match.start(), match.group(), None))
    found.sort(key=lambda item: item[0])
    return [(text, full) for _, text, full in found]


def _full_form_before(sentence: str, position: int) -> str | None:
    """The words just before a bracketed abbreviation, back to the clause start (at most a few words)."""
    clause = CLAUSE_BREAK.split(sentence[:position])[-1]
    words = [w for w in clause.split() if any(c.isalnum() for c in w)][-FULL_FORM_MAX_WORDS:]
    return " ".join(words) if words else None


def _word_runs(text: str) -> list[list[str]]:
    """The tokenizer's words of ``text``, case-folded, in runs that a number ("9001", "ИСО-9000") ends.

    A number names no term, and a word sequence across one ("ИСО 9001 стандарты") is no term either.
    """
    runs: list[list[str]] = [[]]
    for word in words(text):
        if any(char.isdigit() for char in word.text):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(word.text.casefold())
    return [run for run in runs if run]


def _letter_words(text: str) -> list[str]:
    """The words of ``text`` that are not numbers, case-folded."""
    return [word for run in _word_runs(text) for word in run]


@cache
def _readings(word: str) -> frozenset[str]:
    """The word itself and its stem: what the other word's analysis must reach for the two to match."""
    return frozenset({word.casefold(), stem_kk(word)})


@cache
def words_match(corpus_word: str, term_word: str) -> bool:
    """Whether one word may be an inflected form of the other ("ұйымдарының" ~ "ұйымы").

    The stemmer is asked to prefer the other word's readings among its analyses
    (its ``lexicon``), so "кеңесінде" reaches "кеңес" although alone it would pick "кеңе".
    """
    corpus, term = _readings(corpus_word), _readings(term_word)
    return stem_kk(corpus_word, term) in term or stem_kk(term_word, corpus) in corpus


class TermMatcher:
    """Answers whether a term base already covers an abbreviation or a candidate phrase."""

    def __init__(self, terms: Iterable[str]) -> None:
        terms = list(terms)
        self.keys = {abbreviation_key(t) for t in terms}
        self.term_words = [tuple(_letter_words(t)) for t in terms]

    def covers_abbreviation(self, text: str) -> bool:
        return abbreviation_key(text) in self.keys

    def covers_phrase(self, phrase: str) -> bool:
        """True when the phrase is a term or a contiguous part of one, up to inflection."""
        wanted = _letter_words(phrase)
        size = len(wanted)
        for term in self.term_words:
            for start in range(len(term) - size + 1):
                if all(words_match(w, t) for w, t in zip(wanted, term[start : start + size], strict=True)):
                    return True
        return False


def find_candidate_terms(
    sentences: Iterable[tuple[str, str]], *, min_count: int = 3, min_words: int = 2, max_words: int = 3
) -> list[CandidateTerm]:
    """Word sequences of ``min_words``..``max_words`` words occurring at least ``min_count`` times.

    Single words are left out by default: in running text the frequent ones
    are mostly verbs and generic nouns, while the terms worth a concept are
    multi-word names ("сынақ зертханасы", "сапа жүйесі").

    ``sentences`` are ``(locator, text)`` pairs. Sequences never cross
    punctuation or a number and never begin or end with a function word; inflected
    forms (one stem per word) are counted together under their most frequent spelling.
    """
    counts: dict[tuple[str, ...], dict[str, int]] = {}
    where: dict[tuple[str, ...], list[str]] = {}
    for locator, text in sentences:
        for run in (run for clause in CLAUSE_BREAK.split(text) for run in _word_runs(clause)):
            for size in range(min_words, max_words + 1):
                for start in range(len(run) - size + 1):
                    gram = run[start : start + size]
                    if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or any(len(w) < 3 for w in gram):
                        continue
                    key = tuple(stem_kk(w) for w in gram)
                    spelling = " ".join(gram)
                    counts.setdefault(key, {})[spelling] = counts.get(key, {}).get(spelling, 0) + 1
                    where.setdefault(key, []).append(locator)
    candidates = []
    for key, spellings in counts.items():
        total = sum(spellings.values())
        if total >= min_count:
            text = max(spellings, key=lambda s: (spellings[s], -len(s)))
            candidates.append(CandidateTerm(text, total, tuple(dict.fromkeys(where[key]))))
    candidates.sort(key=lambda c: (-c.count, c.text))
    return candidates


QUOTED = re.compile(r"«\s*([^«»]{3,120}?)\s*»")
#: Endings of Kazakh words shaped like terms: abstract nouns and relational adjectives, verbal nouns.
TERM_SHAPED_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік", "у", "ю")
MIN_TERM_WORD = 5


def find_quoted(sentences: Iterable[tuple[str, str]]) -> list[CandidateTerm]:
    """Every phrase the corpus puts in quotation marks (titles, names), with where it occurs."""
    where: dict[str, list[str]] = {}
    for locator, text in sentences:
        for match in QUOTED.finditer(text):
            where.setdefault(" ".join(match.group(1).split()), []).append(locator)
    return sorted(
        (CandidateTerm(text, len(locs), tuple(dict.fromkeys(locs))) for text, locs in where.items()),
        key=lambda c: (-c.count, c.text),
    )


def find_term_shaped_words(sentences: Iterable[tuple[str, str]], *, min_count: int = 2) -> list[CandidateTerm]:
    """Single words whose stem ends like a Kazakh term (-лық, -у …), counted across inflection."""
    counts: dict[str, dict[str, int]] = {}
    where: dict[str, list[str]] = {}
    for locator, text in sentences:
        for word in _letter_words(text):
            stem = stem_kk(word)
            if word in STOPWORDS or len(stem) < MIN_TERM_WORD or not stem.endswith(TERM_SHAPED_ENDINGS):
                continue
            counts.setdefault(stem, {})[word] = counts.get(stem, {}).get(word, 0) + 1
            where.setdefault(stem, []).append(locator)
    found = [
        CandidateTerm(stem, sum(spellings.values()), tuple(dict.fromkeys(where[stem])))
        for stem, spellings in counts.items()
        if sum(spellings.values()) >= min_count
    ]
    return sorted(found, key=lambda c: (-c.count, c.text))


def load_ignore_list(path: Path) -> dict[str, str]:
    """Read ``coverage-ignore.yaml``: a list of ``{text, reason}``; every entry must say why."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise IgnoreListError(f"{path}: cannot read: {error}") from error
    if node is None:
        return {}
    if not isinstance(node, yaml.SequenceNode):
        raise IgnoreListError(f"{path}:{node.start_mark.line + 1}: expected a list of {{text, reason}} entries")
    ignored: dict[str, str] = {}
    for index, item in enumerate(node.value):
        line = item.start_mark.line + 1
        fields = {k.value: v for k, v in item.value} if isinstance(item, yaml.MappingNode) else {}
        for name in ("text", "reason"):
            value = fields.get(name)
            if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
                raise IgnoreListError(f"{path}:{line} [{index}].{name}: required, a non-empty string")
        unknown = set(fields) - {"text", "reason"}
        if unknown:
            raise IgnoreListError(f"{path}:{line} [{index}]: unknown field(s) {', '.join(sorted(unknown))}")
        ignored[abbreviation_key(str(fields["text"].value))] = str(fields["reason"].value)
    return ignored


def corpus_sentences(termbase: Termbase) -> list[tuple[str, str]]:
    """``(locator, sentence)`` for every sentence of every source that has a sentence file."""
    return [
        (f"{source.id}:{number}", sentence)
        for source in termbase.sources.values()
        for number, sentence in enumerate(source.sentences, start=1)
    ]


def coverage_report(
    termbase: Termbase, ignored: Mapping[str, str] | None = None, *, min_count: int = 3
) -> CoverageReport:
    """Abbreviations and candidate terms of the term base's corpus, and which of them it does not cover."""
    ignored = ignored or {}
    sentences = corpus_sentences(termbase)
    matcher = TermMatcher(term.text for concept in termbase for _, term in concept.terms())
    report = CoverageReport()
    for finding in _collect_abbreviations(sentences):
        report.abbreviations.append(finding)
        if finding.key in ignored:
            report.ignored_abbreviations.append(finding)
        elif not matcher.covers_abbreviation(finding.text):
            report.uncovered_abbreviations.append(finding)
    report.candidates = find_candidate_terms(sentences, min_count=min_count)
    report.uncovered_candidates = [c for c in report.candidates if not matcher.covers_phrase(c.text)]
    report.uncovered_quoted = [c for c in find_quoted(sentences) if not matcher.covers_phrase(c.text)]
    report.uncovered_words = [c for c in find_term_shaped_words(sentences) if not matcher.covers_phrase(c.text)]
    return report


def _collect_abbreviations(sentences: Iterable[tuple[str, str]]) -> list[AbbreviationFinding]:
    texts: dict[str, str] = {}
    fulls: dict[str, list[str]] = {}
    where: dict[str, list[str]] = {}
    for locator, sentence in sentences:
        for text, full in find_abbreviations(sentence):
            key = abbreviation_key(text)
            texts.setdefault(key, text)
            if full:
                fulls.setdefault(key, []).append(full)
            where.setdefault(key, []).append(locator)
    return [
        AbbreviationFinding(texts[key], key, tuple(dict.fromkeys(fulls.get(key, []))), tuple(where[key]))
        for key in sorted(texts, key=lambda k: (-len(where[k]), k))
    ]
