"""Find candidate concepts for a query, level by level, and score them so that stronger matches rank first.

Levels and their score bands (higher is better)::

    1000  exact      a whole term equals the query (lower-cased); abbreviations included
     900  lemma      a whole term has the query's lemmas ("стандарттардың" → стандарт)
     800  folded     folded or transliterated whole term ("halyqaralyq standart", "халыкаралык")
     700  fuzzy      a whole term within an edit distance that grows with word length
     600+ lemma      a term containing every word of the query (shorter terms first)
     500+ fuzzy      a term containing every word of the query, some corrected
     300+ source     a source sentence about the concept holds every word of the query
                     (only when no term matched; see Searcher.search and glossary.search.sentences)
     100+ fulltext   definitions, contexts and notes (rarer words weigh more)

Whole-term levels are direct look-ups in the key fields (microseconds).
The fuzzy levels run only when no whole term matched: a query that names a
term exactly does not need its typo-neighbours.  The word and full-text
levels score short posting lists in Python and hand words found in more
than DIRECT_LIMIT concepts to Whoosh's top-k search.  Every Whoosh query is
built from analysed keys, so no user text ever reaches a query parser.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.query.compound import DefaultOr
from whoosh.searching import Searcher as WhooshSearcher

from glossary.search.fuzzy import WordLexicon
from glossary.search.keys import MAX_QUERY_WORDS, query_variants, term_keys
from glossary.search.postings import Postings
from glossary.search.schema import LEVEL_MARKS

WHOLE_LEVELS: tuple[tuple[str, float], ...] = (("exact", 1000.0), ("lemma", 900.0), ("folded", 800.0))
FUZZY_WHOLE = 700.0
PARTIAL = 600.0
FUZZY_PARTIAL = 500.0
SOURCE = 300.0
FULLTEXT = 100.0
#: Width of the band a scored level spreads over.
BAND = 99.0
#: Posting lists up to this long are scored in Python; longer ones go to Whoosh's top-k search.
DIRECT_LIMIT = 1000


@dataclass
class Candidate:
    """Why a document is in the results: enough to name the matched term later."""

    score: float
    how: str
    kind: str  # "exact" | "lemma" | "folded": a whole-term key; "words": words per language; "text": full text
    lang: str | None = None
    key: str = ""
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Collected:
    candidates: dict[int, Candidate]
    total: int


def max_edits(word: str) -> int:
    """Edit distance allowed for a word: none below 4 letters, 1 up to 7, 2 beyond."""
    if len(word) < 4:
        return 0
    return 1 if len(word) <= 7 else 2


def _any(queries: list[wq.Query]) -> wq.Query:
    """A union matched lazily: Whoosh's automatic choice for small indexes preloads an array as long as the index."""
    return queries[0] if len(queries) == 1 else DefaultOr(queries)


class Collector:
    """Runs the levels for one query against one Whoosh searcher."""

    def __init__(
        self,
        searcher: WhooshSearcher,
        langs: tuple[str, ...],
        allowed: set[int] | None,
        lexicon: Callable[[str], WordLexicon],
        *,
        kk_lexicon: frozenset[str] | None = None,
        postings: Postings | None = None,
    ) -> None:
        self.searcher = searcher
        self.lexicon = lexicon
        self.kk_lexicon = kk_lexicon  # the stemmer's known Kazakh words, as the index was built with
        self.reader = searcher.reader()
        self.postings = postings if postings is not None else Postings(self.reader)
        self.langs = langs
        self.allowed = allowed
        self.candidates: dict[int, Candidate] = {}
        self.extra_total = 0
        # The levels ask for the same keys again (an uninflected query's exact, lemma and folded keys are one
        # key, and each level also reads the stricter levels' marks): each is read from disk once per query.
        self._postings: dict[tuple[str, str], list[int]] = {}

    def _ids(self, fieldname: str, key: str) -> list[int]:
        found = self._postings.get((fieldname, key))
        if found is None:
            found = self._postings[fieldname, key] = self._read_ids(fieldname, key)
        return found

    def _read_ids(self, fieldname: str, key: str) -> list[int]:
        if not key:
            return []
        ids = self.postings.ids(fieldname, key)
        if self.allowed is None:
            return list(ids)
        return [i for i in ids if i in self.allowed]

    def _whole_ids(self, lang: str, kind: str, key: str) -> set[int]:
        """Documents with a term whose keys of level ``kind`` or stricter equal ``key``."""
        return {d for mark in LEVEL_MARKS[kind] for d in self._ids(f"term_{lang}", mark + key)}

    def _add(self, docnum: int, candidate: Candidate) -> None:
        current = self.candidates.get(docnum)
        if current is None or candidate.score > current.score:
            self.candidates[docnum] = candidate

    def whole_terms(self, query: str) -> None:
        """Levels 1-3: the query equals a whole term, its lemmas, or its folded/transliterated form."""
        for lang in self.langs:
            for text, transliterated in query_variants(query, lang):
                keys = term_keys(text, lang, self.kk_lexicon)
                for kind, score in WHOLE_LEVELS:
                    how = "folded" if transliterated else kind
                    level = min(score, 800.0) if transliterated else score
                    key = getattr(keys, kind)
                    for docnum in self._whole_ids(lang, kind, key):
                        self._add(docnum, Candidate(level, how, kind, lang, key))

    def query_words(self, query: str) -> dict[str, tuple[str, ...]]:
        """Folded lemmas of the query's words per language (the transliterated reading for Latin Kazakh)."""
        words: dict[str, tuple[str, ...]] = {}
        for lang in self.langs:
            found: dict[str, None] = {}
            for text, _ in query_variants(query, lang):
                found.update(dict.fromkeys(term_keys(text, lang, self.kk_lexicon).words))
            if found:
                words[lang] = tuple(found)[:MAX_QUERY_WORDS]
        return words

    def _scored_search(self, per_lang: dict[str, wq.Query], limit: int) -> list[tuple[int, float, str | None]]:
        if not per_lang or self.allowed == set():  # Whoosh reads an empty filter set as "no filter"
            return []
        combined = _any(list(per_lang.values()))
        results = self.searcher.search(combined, limit=limit, filter=self.allowed)
        # An estimate: counting exactly re-runs the query over every match, which costs more than the search.
        self.extra_total = max(self.extra_total, results.estimated_length() - results.scored_length())
        lang = next(iter(per_lang)) if len(per_lang) == 1 else None
        return [(hit.docnum, hit.score, lang) for hit in results]

    def _short_postings(self, fieldname: str, key: str) -> list[tuple[int, float]] | None:
        """``(docnum, weight)`` of a short posting list, [] for an unknown key, None when too long to score here."""
        frequency = self.postings.doc_frequency(fieldname, key)
        if not frequency or frequency > DIRECT_LIMIT:
            return None if frequency else []
        return self.postings.weights(fieldname, key)

    def _short_ids(self, fieldname: str, key: str) -> list[int] | None:
        """The documents of a short posting list (no weights to decode), [] for an unknown key, None when too long."""
        frequency = self.postings.doc_frequency(fieldname, key)
        if not frequency or frequency > DIRECT_LIMIT:
            return None if frequency else []
        return self.postings.ids(fieldname, key)

    def _permitted(self, docnum: int) -> bool:
        return self.allowed is None or docnum in self.allowed

    def partial_terms(self, words: dict[str, tuple[str, ...]], limit: int) -> None:
        """Terms containing every word of the query, scored so that shorter terms come first.

        Short posting lists are intersected here (a Whoosh search costs milliseconds
        to set up); a word found in more than DIRECT_LIMIT concepts goes to Whoosh.
        """
        long_lists: dict[str, wq.Query] = {}
        for lang, ws in words.items():
            fieldname = f"words_{lang}"
            lists = [self._short_ids(fieldname, w) for w in ws]
            if not ws or any(found == [] for found in lists):
                continue
            if any(found is None for found in lists):
                long_lists[lang] = wq.And([wq.Term(fieldname, w) for w in ws])
                continue
            common = set.intersection(*(set(found or ()) for found in lists))
            for docnum in common:
                if self._permitted(docnum):
                    length = self.reader.doc_field_length(docnum, fieldname, 1) or 1
                    coverage = min(1.0, len(ws) / length)
                    self._add(docnum, Candidate(PARTIAL + BAND * coverage, "lemma", "words", lang, words=words))
        if long_lists:
            self._add_scored(self._scored_search(long_lists, limit), PARTIAL, "lemma", "words", words)

    def _add_scored(
        self,
        hits: list[tuple[int, float, str | None]],
        base: float,
        how: str,
        kind: str,
        words: dict[str, tuple[str, ...]],
    ) -> None:
        top = max((score for _, score, _ in hits), default=0.0) or 1.0
        for docnum, score, lang in hits:
            self._add(docnum, Candidate(base + BAND * score / top, how, kind, lang, words=words))

    def fuzzy_terms(self, words: dict[str, tuple[str, ...]], limit: int, loose: bool = False) -> None:
        """Level 4 and its partial form: correct each word to nearby words of the term lexicon."""
        for lang, ws in words.items():
            fieldname = f"words_{lang}"
            lexicon = self.lexicon(lang)
            choices: list[list[tuple[int, str]]] = []
            for word in ws:
                allowed = max_edits(word) + (1 if loose else 0)
                if self.postings.foreign_letters(fieldname, word) > allowed:
                    near = []  # a Cyrillic word in an English lexicon: too far from every word, no need to look
                elif allowed == 0 or len(word) < 3:
                    near = [(0, word)] if word in lexicon else []
                else:
                    near = lexicon.near(word, allowed)
                if not near:
                    break
                choices.append(near)
            else:
                if choices and any(d for d, _ in itertools.chain.from_iterable(choices)):
                    self._fuzzy_whole(lang, choices)
                    corrected = {lang: tuple(w for c in choices for _, w in c)}
                    query = wq.And([_any([wq.Term(fieldname, w) for _, w in c]) for c in choices])
                    hits = self._scored_search({lang: query}, limit)
                    self._add_scored(hits, FUZZY_PARTIAL, "fuzzy", "words", corrected)

    def _fuzzy_whole(self, lang: str, choices: list[list[tuple[int, str]]]) -> None:
        for combination in itertools.islice(itertools.product(*choices), 27):
            distance = sum(d for d, _ in combination)
            key = " ".join(w for _, w in combination)
            for docnum in self._whole_ids(lang, "folded", key):
                self._add(docnum, Candidate(FUZZY_WHOLE - 20 * distance, "fuzzy", "folded", lang, key))

    def full_text(self, words: dict[str, tuple[str, ...]], limit: int) -> None:
        """Level 5: definitions, contexts and notes containing any of the words, rarer words weighing more.

        Short posting lists are scored here (idf × saturated term frequency);
        a language with a very common word goes to Whoosh's BM25 top-k search.
        """
        documents = max(1, self.reader.doc_count_all())
        long_lists: dict[str, wq.Query] = {}
        scores: dict[tuple[int, str], float] = {}
        for lang, ws in words.items():
            fieldname = f"text_{lang}"
            lists = [self._short_postings(fieldname, w) for w in ws]
            if any(found is None for found in lists):
                long_lists[lang] = _any([wq.Term(fieldname, w) for w in ws])
                continue
            for found in lists:
                idf = math.log(1 + documents / max(1, len(found or ())))
                for docnum, frequency in found or ():
                    if self._permitted(docnum):
                        scores[docnum, lang] = scores.get((docnum, lang), 0.0) + idf * frequency / (frequency + 1.2)
        top = max(scores.values(), default=1.0)
        for (docnum, lang), score in scores.items():
            self._add(docnum, Candidate(FULLTEXT + BAND * score / top, "fulltext", "text", lang, words=words))
        if long_lists:
            self._add_scored(self._scored_search(long_lists, limit), FULLTEXT, "fulltext", "text", words)


def collect(
    searcher: WhooshSearcher,
    query: str,
    *,
    langs: tuple[str, ...],
    allowed: set[int] | None,
    want: int,
    lexicon: Callable[[str], WordLexicon],
    loose: bool = False,
    kk_lexicon: frozenset[str] | None = None,
    postings: Postings | None = None,
) -> Collected:
    """All candidates for ``query`` in ``langs``; ``want`` bounds the scored levels.

    ``lexicon(lang)`` gives the words of ``words_<lang>`` for fuzzy look-ups; ``postings``
    reads ``searcher``'s posting lists (the caller keeps one per index it opened).
    """
    collector = Collector(searcher, langs, allowed, lexicon, kk_lexicon=kk_lexicon, postings=postings)
    words = collector.query_words(query)
    if loose:
        collector.fuzzy_terms(words, want, loose=True)
        return Collected(collector.candidates, len(collector.candidates))
    collector.whole_terms(query)
    if not collector.candidates:
        collector.fuzzy_terms(words, want)
    collector.partial_terms(words, want)
    collector.full_text(words, want)
    return Collected(collector.candidates, len(collector.candidates) + collector.extra_total)
