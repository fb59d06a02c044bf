"""The Whoosh schema: per-language key fields, full-text fields and the stored concept.

All linguistic work (lemmas, folding, transliteration) happens in
:mod:`glossary.search.keys`, once at build time and once per query, with the
same functions.  Whoosh therefore receives ready-made keys, and every field
here uses :class:`KeyListTokenizer`, which emits each key as one token.  It is
a module-level class because Whoosh pickles the schema into the index.

Fields (``L`` is a language code)::

    id            the concept id (unique, stored)
    data          the concept as compact JSON (stored only): pages render from it
    subject       subject ids, for filtering
    status        term statuses, for filtering
    reliability   ``1`` … the highest reliability code of any of the concept's terms, so that
                  "at least N" is one key lookup (a concept with no rated term has none)
    term_L        whole-term keys: exact (lower-cased), and, where they differ from it,
                  lemma (marked LEMMA_MARK) and folded (FOLDED_MARK) — see :func:`whole_term_keys`
    words_L       folded lemma of every word of every term (partial and fuzzy matching)
    text_L        folded lemmas of the definition and contexts (full text, BM25-scored)

Keys that are only ever read in order, never as postings, are not Whoosh
fields but sorted key files beside the index (see :mod:`glossary.search.sorted_keys`)::

    complete      autocomplete keys ``folded-surface␟lang␟term␟concept-id`` (:func:`complete_key`), one per term
    browse_L      A–Z listing keys ``letter␟rank␟type␟status␟concept-id␟term``, one per term in L
    subject_order subject listing keys ``subject␟L␟rank␟concept-id␟label`` (see :mod:`glossary.search.browse`)

In Whoosh they were half of the unique terms and 72% of the key bytes, with
about 73 bytes of overhead on each: moved out, an index of 100k generated
concepts is 30% smaller (238.6 → 166.5 MB; docs/scaling.md has the figures).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import Token, Tokenizer

#: Separates the parts of an autocomplete key; sorts before every printable character.
KEY_SEPARATOR = "\x1f"

#: Marks a lemma key / a folded key in ``term_L``; control characters never occur in a cleaned query.
LEMMA_MARK = "\x01"
FOLDED_MARK = "\x02"
#: The lookups each level makes in ``term_L``: a level-N query key may equal any term key of level ≤ N.
LEVEL_MARKS: dict[str, tuple[str, ...]] = {
    "exact": ("",),
    "lemma": ("", LEMMA_MARK),
    "folded": ("", LEMMA_MARK, FOLDED_MARK),
}


class KeyListTokenizer(Tokenizer):
    """Emit each item of a list (or each line of a string) as one token, unchanged."""

    def __call__(  # type: ignore[override]  # noqa: PLR0917 - Whoosh's Tokenizer signature
        self,
        value: str | Iterable[str],
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        items = value.split("\n") if isinstance(value, str) else value
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, item in enumerate(items):
            if not item:
                continue
            token.text = item
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = item
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(item)
            yield token


def _key_field() -> fields.FieldType:
    """An indexed list of keys: membership is all the search needs.

    Marked scorable only so that Whoosh writes a (tiny) length column: without
    one, committing a segment stats a missing column file once per posting.
    """
    return fields.FieldType(formats.Existence(), KeyListTokenizer(), scorable=True)


def _text_field() -> fields.FieldType:
    """Frequencies without positions: enough for BM25, half the size of a phrase index."""
    return fields.FieldType(formats.Frequency(), KeyListTokenizer(), scorable=True)


def build_schema(languages: Iterable[str]) -> fields.Schema:
    """A schema with key and text fields for each of ``languages``."""
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        data=fields.STORED(),
        subject=_key_field(),
        status=_key_field(),
        reliability=_key_field(),
        lang=_key_field(),
    )
    for lang in languages:
        schema.add(f"term_{lang}", _key_field())
        # Scored, so that among terms containing the query's words the shorter ones rank first.
        schema.add(f"words_{lang}", _text_field())
        schema.add(f"text_{lang}", _text_field())
    return schema


def reliability_keys(highest: int | None) -> list[str]:
    """The ``reliability`` keys of a concept whose best-rated term has ``highest``: every level it reaches."""
    return [str(level) for level in range(1, (highest or 0) + 1)]


def complete_key(folded: str, lang: str, term: str, concept_id: str) -> str:
    """An autocomplete key: the folded surface first, so that prefix expansion works on it."""
    return KEY_SEPARATOR.join((folded, lang, term, concept_id))


def split_complete_key(key: str) -> tuple[str, str, str, str]:
    """``(folded, lang, term, concept_id)`` from a key made by :func:`complete_key`."""
    folded, lang, term, concept_id = key.split(KEY_SEPARATOR, 3)
    return folded, lang, term, concept_id


def whole_term_keys(exact: str, lemma: str, folded: str) -> list[str]:
    """The ``term_L`` keys of one term: each kind stored once, marked only when it adds a new key.

    One field with few keys instead of three fields with three keys halves
    the postings Whoosh writes (a Russian term in its base form has one key).
    """
    keys = [exact]
    if lemma and lemma != exact:
        keys.append(LEMMA_MARK + lemma)
    if folded and folded not in (exact, lemma):
        keys.append(FOLDED_MARK + folded)
    return keys
