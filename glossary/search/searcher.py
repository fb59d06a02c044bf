"""Search an index built by :mod:`glossary.search.index`: ranked concepts, autocomplete, single concepts.

A :class:`Searcher` is expensive to open (Whoosh reads the segment files and
the metadata) and cheap to query, so keep one per process and call
:meth:`Searcher.refresh` to pick up a rebuilt index::

    searcher = Searcher(index_dir)
    result = searcher.search("стандарттардың")
    result.hits[0].concept.id, result.hits[0].matched.how   # ('standard', 'lemma')
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq

from glossary.lint.findings import Finding
from glossary.model import Concept
from glossary.search.aggregates import Aggregates, read_aggregates
from glossary.search.browse import COMPLETE, BrowseEntry, SubjectEntry, letter_page, prefix_rank, subject_page
from glossary.search.fuzzy import WordLexicon
from glossary.search.index import LISTINGS, live_generation, meta_kk_lexicon, read_meta
from glossary.search.keys import clean_query, prefix_keys, term_keys, text_keys
from glossary.search.postings import Postings
from glossary.search.ranking import BAND, FUZZY_PARTIAL, SOURCE, Candidate, collect
from glossary.search.result_cache import DEFAULT_SIZE, ResultCache
from glossary.search.results import Hit, IndexInfo, Match, SearchResult, SentenceHit, SentenceResult, Suggestion
from glossary.search.schema import split_complete_key
from glossary.search.sentences import open_sentences, query_words, score_sentences
from glossary.search.sorted_keys import SortedKeys, open_key_files
from glossary.search.stored_lint import read_findings
from glossary.serialize import concept_from_dict

#: Autocomplete looks at this many lexicon entries per key before picking the best ones.
SUGGEST_SCAN = 300
_CONCEPT_CACHE = 4096
_FILTER_CACHE = 64
#: A search that matches no term looks for its concepts in this many best sentences.
SOURCE_SENTENCES = 20


class IndexMissing(FileNotFoundError):
    """No built index in the directory; the message says how to build one."""


class Searcher:
    """Query one index directory; one instance per process or worker."""

    def __init__(self, index_dir: Path, *, result_cache_size: int = DEFAULT_SIZE) -> None:
        """``result_cache_size`` bounds the per-generation cache of search results (0: no cache, for timing)."""
        self.index_dir = Path(index_dir)
        self._result_cache_size = result_cache_size
        self._lock = threading.Lock()
        self._generation: Path | None = None
        self._open()

    # -- opening -----------------------------------------------------------------------------------

    def _open(self) -> None:
        generation = live_generation(self.index_dir)
        if generation is None:
            raise IndexMissing(f"{self.index_dir}: no search index here; run `glossary build` first")
        aggregates = read_aggregates(generation)
        if aggregates is None:  # the pages would have to count by scanning: rebuild instead
            raise IndexMissing(f"{generation}: built by an older version of glossary; run `glossary build` again")
        if not (generation / LISTINGS).is_dir():  # listings and autocomplete would be empty
            raise IndexMissing(f"{generation}: built by an older version of glossary; run `glossary build` again")
        # Read in place, never loaded: the workers of a server share the listing keys through the page cache.
        listings = open_key_files(generation / LISTINGS)
        ix = whoosh_index.open_dir(str(generation))
        self._whoosh = ix.searcher()
        self._reader = self._whoosh.reader()
        meta = read_meta(generation)
        self._aggregates = aggregates
        self._info = IndexInfo.from_meta(meta)
        self._kk_lexicon = meta_kk_lexicon(meta)
        self._postings = Postings(self._reader, aggregates.key_letters)
        self._concepts: OrderedDict[int, Concept] = OrderedDict()
        self._filters: dict[tuple[tuple[str, ...], tuple[str, ...]], set[int] | None] = {}
        self._lexicons: dict[str, WordLexicon] = {}
        self._sentences = open_sentences(generation)
        self._listings: dict[str, SortedKeys] = listings
        # Per generation: a result never outlives its index.
        self._results: ResultCache[SearchResult] = ResultCache(self._result_cache_size)
        self._generation = generation

    def refresh(self) -> None:
        """Reopen when a build has swapped in a new index; cheap when nothing changed."""
        generation = live_generation(self.index_dir)
        if generation is None or generation == self._generation:
            return
        with self._lock:
            if generation != self._generation:
                old, old_sentences, old_listings = self._whoosh, self._sentences, self._listings
                self._open()
                old.close()
                for keys in old_listings.values():
                    keys.close()
                if old_sentences is not None:
                    old_sentences.close()

    def close(self) -> None:
        self._whoosh.close()
        for keys in self._listings.values():
            keys.close()
        if self._sentences is not None:
            self._sentences.close()

    def __del__(self) -> None:
        # The index is read through open files (see glossary.search.index: compound=False); a searcher that is
        # dropped without close() must not leave them to the garbage collector's ResourceWarning.
        whoosh = getattr(self, "_whoosh", None)
        if whoosh is not None and not whoosh.is_closed:
            whoosh.close()
        sentences = getattr(self, "_sentences", None)
        if sentences is not None and not sentences.is_closed:
            sentences.close()

    @property
    def generation(self) -> Path | None:
        """The generation directory being served (the web response cache keys answers by it)."""
        return self._generation

    @property
    def info(self) -> IndexInfo:
        return self._info

    @property
    def aggregates(self) -> Aggregates:
        """The generation's counts (concepts, terms, subjects, letters), read once when it was opened."""
        return self._aggregates

    # -- listings (A–Z and subjects, a page at a time; see glossary.search.browse) -------------------

    def _keys_from(self, field: str, start: str) -> Iterator[str]:
        """The keys of the listing ``field`` from ``start`` on (none for a field the index does not have)."""
        keys = self._listings.get(field)
        return iter(()) if keys is None else keys.keys_from(start)

    def browse_letter(self, lang: str, letter: str, *, start: int = 0, limit: int = 100) -> list[BrowseEntry]:
        """The terms of ``lang`` starting with ``letter``, from the ``start``-th on, in the alphabet's order."""
        return letter_page(self._keys_from, lang, letter, start, limit)

    def browse_position(self, lang: str, letter: str, prefix: str) -> int:
        """How many terms of ``letter`` sort before ``prefix``: where a jump to ``prefix`` lands."""
        count = self._aggregates.letter_count(lang, letter)
        return prefix_rank(self._keys_from, lang, letter, count, prefix)

    def browse_subject(self, subject_id: str, lang: str, *, start: int = 0, limit: int = 100) -> list[SubjectEntry]:
        """The concepts filed under ``subject_id``, from the ``start``-th on, by their label in ``lang``."""
        return subject_page(self._keys_from, subject_id, lang, start, limit)

    # -- concepts ----------------------------------------------------------------------------------

    def _concept_at(self, docnum: int) -> Concept:
        concept = self._concepts.get(docnum)
        if concept is None:
            concept = concept_from_dict(json.loads(self._reader.stored_fields(docnum)["data"]))
            self._concepts[docnum] = concept
            if len(self._concepts) > _CONCEPT_CACHE:
                self._concepts.popitem(last=False)
        return concept

    def concept(self, concept_id: str) -> Concept | None:
        docnum = self._whoosh.document_number(id=concept_id)
        return None if docnum is None else self._concept_at(docnum)

    def lint_findings(self, concept_id: str) -> tuple[Finding, ...]:
        """The lint findings of one concept: none when it is clean or lint did not run.

        Read from the generation's side file for this concept alone: no worker holds the findings of the whole base.
        """
        return () if self._generation is None else read_findings(self._generation, concept_id)

    def concepts(self) -> Iterator[Concept]:
        """Every concept, in index order: term-base order, except after a multisegment (``procs`` > 1) build."""
        for fields in self._reader.all_stored_fields():
            yield concept_from_dict(json.loads(fields["data"]))

    # -- search ------------------------------------------------------------------------------------

    def _word_lexicon(self, lang: str) -> WordLexicon:
        """The words of ``words_<lang>`` in memory, loaded on the first fuzzy look-up in that language."""
        lexicon = self._lexicons.get(lang)
        if lexicon is None:
            fieldname = f"words_{lang}"
            words = self._reader.lexicon(fieldname) if fieldname in self._reader.schema else ()
            lexicon = WordLexicon(w.decode("utf-8") if isinstance(w, bytes) else w for w in words)
            self._lexicons[lang] = lexicon
        return lexicon

    def _languages(self, lang: str | None) -> tuple[str, ...]:
        if lang is None:
            return self._info.languages
        return (lang,) if lang in self._info.languages else ()

    def _subject_closure(self, subjects: Sequence[str]) -> tuple[str, ...]:
        """The subjects and all their descendants: filtering by a field includes its sub-fields."""
        chosen = set(subjects)
        changed = True
        while changed:
            changed = False
            for subject in self._info.subjects.values():
                if subject.parent in chosen and subject.id not in chosen:
                    chosen.add(subject.id)
                    changed = True
        return tuple(sorted(chosen))

    def _allowed(
        self, subjects: Sequence[str], statuses: Sequence[str], min_reliability: int | None = None
    ) -> set[int] | None:
        key = (tuple(sorted(subjects)), tuple(sorted(statuses)), min_reliability)
        if not subjects and not statuses and min_reliability is None:
            return None
        if key not in self._filters:
            parts: list[wq.Query] = []
            if subjects:
                parts.append(wq.Or([wq.Term("subject", s) for s in self._subject_closure(subjects)]))
            if statuses:
                parts.append(wq.Or([wq.Term("status", s) for s in statuses]))
            if min_reliability is not None:
                parts.append(wq.Term("reliability", str(min_reliability)))
            query = parts[0] if len(parts) == 1 else wq.And(parts)
            if len(self._filters) >= _FILTER_CACHE:
                self._filters.clear()
            self._filters[key] = set(self._whoosh.docs_for_query(query))
        return self._filters[key]

    @property
    def result_cache(self) -> ResultCache[SearchResult]:
        """The current generation's cache of search results (its hit and miss counts show how it serves)."""
        return self._results

    def search(
        self,
        query: str,
        *,
        lang: str | None = None,
        target: Sequence[str] = (),
        subjects: Sequence[str] = (),
        statuses: Sequence[str] = (),
        min_reliability: int | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResult:
        """Concepts matching ``query``, best first.  Any string is a safe query.

        ``lang`` restricts matching to one language; ``subjects`` (with their
        sub-fields), ``statuses`` and ``min_reliability`` filter (a concept passes
        the last when any of its terms, in any language, is rated at least that
        on the 1–10 scale).  ``target`` does not change which
        concepts match: callers use it to choose which equivalents to show.
        """
        del target  # part of the signature so that callers can pass the pair through
        cleaned = clean_query(query)
        limit, offset = max(0, limit), max(0, offset)
        key = (cleaned, lang, tuple(sorted(subjects)), tuple(sorted(statuses)), min_reliability, limit, offset)
        results = self._results  # the generation's cache, even if a refresh swaps it meanwhile
        cached = results.get(key)
        if cached is None:
            cached = self._search(
                cleaned,
                lang=lang,
                subjects=subjects,
                statuses=statuses,
                min_reliability=min_reliability,
                limit=limit,
                offset=offset,
            )
            results.put(key, cached)
        return cached

    def _search(
        self,
        cleaned: str,
        *,
        lang: str | None,
        subjects: Sequence[str],
        statuses: Sequence[str],
        min_reliability: int | None,
        limit: int,
        offset: int,
    ) -> SearchResult:
        langs = self._languages(lang)
        if not cleaned or not langs:
            return SearchResult(query=cleaned, hits=[], total=0)
        allowed = self._allowed(subjects, statuses, min_reliability)
        if allowed == set():
            return SearchResult(query=cleaned, hits=[], total=0)
        want = offset + limit
        collected = collect(
            self._whoosh,
            cleaned,
            langs=langs,
            allowed=allowed,
            want=max(want, 10),
            lexicon=self._word_lexicon,
            kk_lexicon=self._kk_lexicon,
            postings=self._postings,
        )
        ranked = sorted(collected.candidates.items(), key=lambda item: (-item[1].score, item[0]))
        total = collected.total
        if all(candidate.score < FUZZY_PARTIAL for candidate in collected.candidates.values()):
            # No term matches: the concepts the matching source sentences are about rank above full text.
            for docnum, candidate in self._through_sources(cleaned, langs, allowed):
                known = collected.candidates.get(docnum)
                total += known is None
                if known is None:
                    collected.candidates[docnum] = candidate
                elif known.score < candidate.score:
                    # Its own text matched too: it says so (a more direct match), ranked as its sources rank it.
                    collected.candidates[docnum] = replace(known, score=candidate.score)
            ranked = sorted(collected.candidates.items(), key=lambda item: (-item[1].score, item[0]))
        hits = [self._hit(docnum, candidate, langs) for docnum, candidate in ranked[offset:want]]
        did_you_mean = None
        if ranked and ranked[0][1].how == "fuzzy":
            did_you_mean = self._hit(ranked[0][0], ranked[0][1], langs).matched.term
        elif not total:
            loose = collect(
                self._whoosh,
                cleaned,
                langs=langs,
                allowed=allowed,
                want=1,
                lexicon=self._word_lexicon,
                loose=True,
                kk_lexicon=self._kk_lexicon,
                postings=self._postings,
            )
            if loose.candidates:
                docnum, candidate = max(loose.candidates.items(), key=lambda item: item[1].score)
                did_you_mean = self._hit(docnum, candidate, langs).matched.term
        return SearchResult(query=cleaned, hits=hits, total=total, did_you_mean=did_you_mean)

    def _through_sources(
        self, query: str, langs: tuple[str, ...], allowed: set[int] | None
    ) -> list[tuple[int, Candidate]]:
        """Concepts reached through the sentences matching ``query``: each scores its best sentences' scores.

        They rank below every term hit (they are looked for only when there
        is none) and above full-text hits, and among themselves by their sentences' BM25 scores, a
        concept the sentence is mainly about (cited first) counting fully.
        """
        scores: dict[int, float] = {}
        for sentence in self._sentence_hits(query, langs, SOURCE_SENTENCES)[0]:
            for rank, concept_id in enumerate(sentence.concept_ids):
                docnum = self._whoosh.document_number(id=concept_id)
                if docnum is None or (allowed is not None and docnum not in allowed):
                    continue
                scores[docnum] = scores.get(docnum, 0.0) + sentence.score / (1 + rank)
        top = max(scores.values(), default=1.0) or 1.0
        return [
            (docnum, Candidate(SOURCE + BAND * score / top, "source", "source")) for docnum, score in scores.items()
        ]

    # -- sentences ---------------------------------------------------------------------------------

    def _sentence_hits(self, query: str, langs: tuple[str, ...], want: int) -> tuple[list[SentenceHit], int]:
        if self._sentences is None or want <= 0 or not self._sentences.doc_count():
            return [], 0
        ranked = score_sentences(self._sentences.reader(), query_words(query, langs))
        hits = []
        for docnum, score in ranked[:want]:
            fields = self._sentences.stored_fields(docnum)
            source = self._info.sources.get(fields["source"])
            if source is None:
                continue
            number = int(fields["n"])
            hits.append(
                SentenceHit(
                    source=source,
                    number=number,
                    text=source.sentence(number) or "",
                    score=round(score, 3),
                    concept_ids=tuple(fields["concepts"].split()),
                )
            )
        return hits, len(ranked)

    def search_sentences(
        self, query: str, *, lang: str | None = None, limit: int = 20, offset: int = 0
    ) -> SentenceResult:
        """Source sentences containing every word of ``query`` (in any inflection and script), best first."""
        cleaned = clean_query(query)
        limit, offset = max(0, limit), max(0, offset)
        langs = self._languages(lang)
        if not cleaned or not langs:
            return SentenceResult(query=cleaned, hits=[], total=0)
        hits, total = self._sentence_hits(cleaned, langs, offset + limit)
        return SentenceResult(query=cleaned, hits=hits[offset:], total=total)

    def _hit(self, docnum: int, candidate: Candidate, langs: tuple[str, ...]) -> Hit:
        concept = self._concept_at(docnum)
        return Hit(concept, round(candidate.score, 3), _matched(concept, candidate, langs, self._kk_lexicon))

    # -- autocomplete ------------------------------------------------------------------------------

    def suggest(self, prefix: str, *, lang: str | None = None, limit: int = 10) -> list[Suggestion]:
        """The best ``limit`` terms starting with ``prefix`` in any script: exact completions, then shorter."""
        cleaned = clean_query(prefix)
        if not cleaned or limit <= 0:
            return []
        complete = self._listings.get(COMPLETE)
        if complete is None:
            return []
        found: dict[tuple[str, str], tuple[tuple[bool, int, int, int, str], Suggestion]] = {}
        for script, key in enumerate(prefix_keys(cleaned)):
            for i, entry in enumerate(complete.expand_prefix(key)):
                if i >= SUGGEST_SCAN:
                    break
                folded, term_lang, text, concept_id = split_complete_key(entry)
                if lang is not None and term_lang != lang:
                    continue
                rank = (folded != key, script, folded.count(" "), len(folded), text)
                dedupe = (text.lower(), concept_id)
                if dedupe not in found or rank < found[dedupe][0]:
                    found[dedupe] = (rank, Suggestion(text, term_lang, concept_id))
        return [suggestion for _, suggestion in sorted(found.values(), key=lambda item: item[0])[:limit]]


def _matched(
    concept: Concept, candidate: Candidate, langs: tuple[str, ...], kk_lexicon: frozenset[str] | None
) -> Match:
    """Name the term (and language) through which ``concept`` matched."""
    if candidate.kind in ("exact", "lemma", "folded") and candidate.lang:
        section = concept.languages.get(candidate.lang)
        depth = ("exact", "lemma", "folded").index(candidate.kind) + 1
        for term in section.terms if section else ():
            keys = term_keys(term.text, candidate.lang, kk_lexicon)
            if candidate.key in (keys.exact, keys.lemma, keys.folded)[:depth]:
                return Match(candidate.lang, term.text, candidate.how)
    if candidate.kind == "words":
        best: tuple[int, str, str] | None = None
        for lang in (candidate.lang,) if candidate.lang else langs:
            wanted = set(candidate.words.get(lang, ()))
            section = concept.languages.get(lang)
            for term in section.terms if section and wanted else ():
                if wanted <= set(term_keys(term.text, lang, kk_lexicon).words) and (
                    best is None or len(term.text) < best[0]
                ):
                    best = (len(term.text), lang, term.text)
            if best:
                return Match(best[1], best[2], candidate.how)
    if candidate.kind == "text":
        for lang in langs:
            wanted = set(candidate.words.get(lang, ()))
            if wanted and wanted & _text_words(concept, lang, kk_lexicon):
                return Match(lang, concept.label(lang), candidate.how)
    lang = candidate.lang or next((code for code in langs if code in concept.languages), langs[0])
    return Match(lang, concept.label(lang), candidate.how)


def _text_words(concept: Concept, lang: str, kk_lexicon: frozenset[str] | None) -> set[str]:
    section = concept.languages.get(lang)
    words: set[str] = set()
    if section is None:
        return words
    if section.definition:
        words.update(text_keys(section.definition.text, lang, kk_lexicon))
    for term in section.terms:
        for context in term.contexts:
            words.update(text_keys(context.text, lang, kk_lexicon))
    for note in concept.notes:
        if note.lang == lang:
            words.update(text_keys(note.text, lang, kk_lexicon))
    return words
