"""The sentence index: every sentence of the term base's sources, searchable with the concept keys' analyzers.

A student often remembers a fact ("Женева", "1906"), not a name; the fact is
in a source sentence that no definition repeats.  The sentences get their own
Whoosh index in the ``sentences/`` folder of each generation, rather than a
second document type in the concept index: the concept index's document
numbers, counts, filters and ``concepts()`` walk then stay about concepts
only, and the concept search's hot path does not change.  It is built and
swapped with its generation, so both always describe the same term base.

A source does not say its language, so each sentence is analysed in every
language of the term base (``text_L``, with :func:`~glossary.search.keys.text_keys`,
the analyzer of definitions and contexts): a query then meets a sentence in
the language it is read in, inflected forms, folding and Latin included.

Each sentence stores the concepts it is about, best first: those whose
definitions, contexts or notes cite it (the precise link); a sentence that
no concept cites takes the concepts cited by both its neighbours, because a
sentence between two about one concept continues its topic («Бас кеңсесі
Женевада» follows and precedes sentences on the WTO).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from whoosh import fields, formats
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import IndexReader
from whoosh.searching import Searcher as WhooshSearcher

from glossary.model import Concept, Source, Termbase
from glossary.search.keys import MAX_QUERY_WORDS, query_variants, text_keys
from glossary.search.schema import KeyListTokenizer

#: The folder of the sentence index inside a generation.
SENTENCES_DIR = "sentences"


def sentence_schema(languages: Iterable[str]) -> fields.Schema:
    """``key`` is ``source:n``; ``concepts`` the concept ids the sentence is about, space-separated."""
    schema = fields.Schema(
        key=fields.ID(stored=True, unique=True),
        source=fields.STORED(),
        n=fields.STORED(),
        concepts=fields.STORED(),
    )
    for lang in languages:
        schema.add(f"text_{lang}", fields.FieldType(formats.Frequency(), KeyListTokenizer(), scorable=True))
    return schema


def citations(concepts: Iterable[Concept]) -> dict[Source, list[str]]:
    """Each cited sentence → the ids of the concepts citing it, definitions before contexts before notes."""
    ranked: dict[Source, dict[str, int]] = {}

    def cite(source: Source | None, concept_id: str, weight: int) -> None:
        if source is not None and source.sentence is not None:
            citers = ranked.setdefault(source, {})
            citers[concept_id] = min(weight, citers.get(concept_id, weight))

    for concept in concepts:
        for section in concept.languages.values():
            if section.definition is not None:
                cite(section.definition.source, concept.id, 0)
            for term in section.terms:
                for context in term.contexts:
                    cite(context.source, concept.id, 1)
        for note in concept.notes:
            for source in note.sources:
                cite(source, concept.id, 2)
    return {source: sorted(citers, key=lambda cid: (citers[cid], cid)) for source, citers in ranked.items()}


def about(source_id: str, count: int, cited: dict[Source, list[str]]) -> list[list[str]]:
    """The concepts each sentence of a source is about: its citers, else those of both its neighbours."""
    own = [cited.get(Source(source_id, n), []) for n in range(1, count + 1)]
    result = []
    for i, citers in enumerate(own):
        if not citers and 0 < i < count - 1:
            after = set(own[i + 1])
            result.append([cid for cid in own[i - 1] if cid in after])
        else:
            result.append(citers)
    return result


def sentence_keys(sentence: str, lang: str) -> list[str]:
    """The sentence's :func:`text_keys`, plus the words of hyphen-joined ones («Ұйымы-Минскідегі» → минск).

    Sentences and queries are keyed without the term base's Kazakh lexicon: it holds term words as
    terms inflect them (сауда ұйымы), which would keep «ұйымы» whole in running text and part it
    from the query «ұйым».  Both sides use the same analysis, so they meet.

    Source texts join words with a hyphen where a dash was meant; a term
    field never does, so only sentences read both ways.
    """
    keys = list(text_keys(sentence, lang))
    if "-" in sentence:
        seen = set(keys)
        keys.extend(key for key in text_keys(sentence.replace("-", " "), lang) if key not in seen)
    return keys


def write_sentence_index(termbase: Termbase, generation: Path, languages: tuple[str, ...]) -> int:
    """Index every source sentence of ``termbase`` into ``generation/sentences``; return how many."""
    folder = generation / SENTENCES_DIR
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), sentence_schema(languages))
    writer = ix.writer(codec=W3Codec(compression=0))
    cited = citations(termbase)
    count = 0
    try:
        for source_id, source in termbase.sources.items():
            for n, (sentence, concepts) in enumerate(
                zip(source.sentences, about(source_id, len(source.sentences), cited), strict=True), start=1
            ):
                doc: dict[str, object] = {
                    "key": f"{source_id}:{n}",
                    "source": source_id,
                    "n": n,
                    "concepts": " ".join(concepts),
                }
                for lang in languages:
                    keys = sentence_keys(sentence, lang)
                    if keys:
                        doc[f"text_{lang}"] = keys
                writer.add_document(**doc)
                count += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def open_sentences(generation: Path) -> WhooshSearcher | None:
    """A Whoosh searcher over a generation's sentences; None for an index built before sentences were."""
    folder = generation / SENTENCES_DIR
    if not whoosh_index.exists_in(str(folder)):
        return None
    return whoosh_index.open_dir(str(folder)).searcher()


def query_words(query: str, langs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The query's folded lemmas per language, as :func:`text_keys` reads a sentence (Latin Kazakh read too)."""
    words: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        found: dict[str, None] = {}
        for text, _ in query_variants(query, lang):
            found.update(dict.fromkeys(text_keys(text, lang)))
        if found:
            words[lang] = tuple(found)[:MAX_QUERY_WORDS]
    return words


def score_sentences(reader: IndexReader, words: dict[str, tuple[str, ...]]) -> list[tuple[int, float]]:
    """``(docnum, score)`` of the sentences holding every word of the query in one of its readings, best first.

    Scored straight from the posting lists (idf × saturated term frequency,
    as the concept full text is): a Whoosh top-k search costs a millisecond
    of set-up, more than the whole look-up in a corpus of a few thousand
    sentences.  A sentence read in several languages keeps its best score.
    """
    documents = max(1, reader.doc_count_all())
    best: dict[int, float] = {}
    for lang, ws in words.items():
        fieldname = f"text_{lang}"
        scores: dict[int, float] | None = None
        for word in ws:
            if (fieldname, word) not in reader:
                scores = {}
                break
            postings = reader.postings(fieldname, word).items_as("weight")
            found = dict(postings)
            idf = math.log(1 + documents / max(1, len(found)))
            if scores is None:
                scores = {docnum: idf * tf / (tf + 1.2) for docnum, tf in found.items()}
            else:
                scores = {d: score + idf * found[d] / (found[d] + 1.2) for d, score in scores.items() if d in found}
            if not scores:
                break
        for docnum, score in (scores or {}).items():
            best[docnum] = max(score, best.get(docnum, 0.0))
    return sorted(best.items(), key=lambda item: (-item[1], item[0]))
