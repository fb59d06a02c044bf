"""Find every occurrence of a term base's terms in running text.

Terms and text go through the same analysis (:mod:`glossary.tools.keyer`):
each word becomes its folded lemma, so that
"стандарттардың", "ИСО-ның" or "международных стандартов" meet the dictionary
form of a term.  Terms are stored in a token-level trie (a dict of dicts
keyed by those word keys), and the text is walked once, trying every word as
a start; the cost grows with the text, not with the number of terms.

Matches are chosen longest first and never overlap; offsets index the
original text.  A span that designates several concepts (homonyms) yields
one :class:`Occurrence` per concept, all with the same offsets.
:meth:`Recognizer.find_with_nested` also reports the terms inside each match
(«нормативный документ» in «фонд нормативных документов»), as CAT tools show
every term hit.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, NamedTuple

from glossary.model import DISCOURAGED_STATUSES, Concept, Term
from glossary.text.fold import fold
from glossary.text.tokens import kazakh_lexicon
from glossary.text.translit import has_latin
from glossary.tools.keyer import KeyedText, Keyer, folded_surface

#: Key under which a trie node keeps the terms that end there; never a word key.
_END = ""


def freeze_long_lived() -> None:
    """Hide every object alive now (a recognizer's trie above all) from the cyclic collector.

    ``find()`` over a long text allocates hundreds of thousands of results,
    and each full collection they trigger would walk the whole trie again:
    about half of ``find()``'s time on a 30k-concept base.  It is
    process-wide, so the library never calls it; a shell calls it once its
    recognizers are built (measured: scripts/bench_recognize.py).
    """
    gc.freeze()


class Occurrence(NamedTuple):
    """One term of one concept found at ``text[start:end]`` (a tuple: texts yield many of them)."""

    start: int
    end: int
    surface: str
    concept_id: str
    term: Term
    lang: str


@dataclass(frozen=True, slots=True)
class _Entry:
    """A term waiting at the trie node where its key path ends."""

    concept_id: str
    term: Term
    words: tuple[str, ...]  # the term's own words, for case-sensitive checks
    prefix: str = ""  # a folded beginning the matched word must have (see Recognizer._prefix)

    @property
    def checked(self) -> bool:
        """Whether a match must be confirmed against the text, not just the keys."""
        return self.term.case_sensitive or bool(self.prefix)

    def accepts(self, text: str, keyed: KeyedText, first: int, last: int) -> bool:
        surfaces = [text[keyed.starts[i] : keyed.ends[i]] for i in range(first, last + 1)]
        if len(surfaces) != len(self.words):
            return False
        if self.term.case_sensitive and not all(map(_same_case, self.words, surfaces)):
            return False
        return not self.prefix or folded_surface(surfaces[0]).startswith(self.prefix)


class _Terminal:
    """The terms whose key path ends at one trie node, split by whether a match needs checking."""

    __slots__ = ("any_case", "checked", "ids", "terms")

    def __init__(self) -> None:
        self.any_case: list[_Entry] = []
        self.checked: list[_Entry] = []
        #: When ``any_case`` has one entry per concept and ``checked`` is empty, their concept ids
        #: and terms, ready to copy into occurrences; else None.
        self.ids: tuple[str, ...] | None = None
        self.terms: tuple[Term, ...] = ()

    def add(self, entry: _Entry) -> None:
        bucket = self.checked if entry.checked else self.any_case
        if entry not in bucket:
            bucket.append(entry)
        concepts = {e.concept_id for e in self.any_case}
        unique = not self.checked and len(concepts) == len(self.any_case)
        self.ids = tuple(e.concept_id for e in self.any_case) if unique else None
        self.terms = tuple(e.term for e in self.any_case) if unique else ()

    def entries(self, text: str, keyed: KeyedText, first: int, last: int) -> list[_Entry]:
        return self.any_case + [e for e in self.checked if e.accepts(text, keyed, first, last)]


def _same_case(term_word: str, surface: str) -> bool:
    """Whether the surface has the term's upper/lower case pattern over their common length.

    Comparing the case pattern rather than the letters lets "ИСО-ның" match
    "ИСО" (a suffix follows) and "ISO" typed in Latin letters match too,
    while "исо" does not.
    """
    return all(a.isupper() == b.isupper() for a, b in zip(term_word, surface, strict=False))


_new_occurrence = tuple.__new__


@dataclass(frozen=True)
class Recognition:
    """A text's longest matches and, by each match's span, the terms nested inside it."""

    occurrences: list[Occurrence]
    #: By (start, end) of a match: the other concepts' occurrences lying inside it, by position, longest first.
    nested: dict[tuple[int, int], list[Occurrence]]

    def nested_in(self, occurrence: Occurrence) -> list[Occurrence]:
        """The occurrences inside ``occurrence``'s span (none for most)."""
        return self.nested.get((occurrence.start, occurrence.end), [])

    def every(self) -> list[Occurrence]:
        """The matches and the terms nested in them, each match followed by its nested terms."""
        out: list[Occurrence] = []
        previous: tuple[int, int] | None = None
        for occurrence in self.occurrences:
            span = (occurrence.start, occurrence.end)
            if previous is not None and span != previous:
                out.extend(self.nested.get(previous, []))
            out.append(occurrence)
            previous = span
        if previous is not None:
            out.extend(self.nested.get(previous, []))
        return out


class Recognizer:
    """Finds the terms of one language in texts of that language.

    Build once per term base and language, then call :meth:`find` per text,
    from as many threads as you like: after the build the trie is only read,
    and the one thing :meth:`find` writes, the keyer's per-word cache, is
    written under a lock.  :meth:`find` leaves the process-wide garbage
    collector alone; it keeps the objects it creates besides its result few
    (spans are ints, not tuples) so that the collector has little to walk.
    """

    def __init__(self, lang: str, lexicon: frozenset[str] | None = None) -> None:
        self.lang = lang
        self.concepts: dict[str, Concept] = {}
        self.term_count = 0
        self._keyer = Keyer(lang, lexicon)
        self._root: dict[str, Any] = {}

    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], lang: str) -> Recognizer:
        """A recognizer for every term in ``lang`` of ``concepts``; their Kazakh terms are the stemmer's lexicon."""
        concepts = list(concepts)
        sections = (concept.languages.get("kk") for concept in concepts)
        lexicon = kazakh_lexicon(term.text for section in sections if section is not None for term in section.terms)
        recognizer = cls(lang, lexicon if lang == "kk" else None)
        for concept in concepts:
            recognizer.add(concept)
        return recognizer

    def add(self, concept: Concept) -> None:
        """Add the terms ``concept`` has in this recognizer's language."""
        section = concept.languages.get(self.lang)
        if section is None or not section.terms:
            return
        self.concepts[concept.id] = concept
        for term in section.terms:
            self._add_term(concept.id, term)

    def _add_term(self, concept_id: str, term: Term) -> None:
        keyed = self._keyer.keyed(term.text)
        if not keyed.keys:
            return
        words = tuple(term.text[s:e] for s, e in zip(keyed.starts, keyed.ends, strict=True))
        entry = _Entry(concept_id, term, words, self._prefix(words, keyed.keys))
        self.term_count += 1
        node = self._root
        for index, key in enumerate(keyed.keys):
            if index in keyed.gaps:
                node = node.setdefault(keyed.gaps[index], {})
            node = node.setdefault(key, {})
        terminal = node.get(_END)
        if terminal is None:
            terminal = node[_END] = _Terminal()
        terminal.add(entry)

    def _prefix(self, words: tuple[str, ...], keys: list[str]) -> str:
        """For a one-word Kazakh term that analysis cut down (a verb stem like "сақта" keyed as "сақ"),
        the term's own folded spelling, which the matched word must begin with.

        Otherwise every form of the shorter word ("сақ", careful) would match
        the term; the term's own inflected forms ("сақтады") still do.
        """
        if self.lang != "kk" or len(words) != 1 or has_latin(words[0]) or any(c.isdigit() for c in words[0]):
            return ""
        folded = fold(words[0])
        return folded if keys[0] != folded else ""

    def find(self, text: str, *, overlapping: bool = False) -> list[Occurrence]:
        """Every term occurrence in ``text``, ordered by position.

        By default the longest matches win and no two spans overlap.  With
        ``overlapping=True`` every match is returned, including terms nested
        in longer ones (a translation check counts those too).
        """
        keyed = self._keyer.keyed(text)
        count = len(keyed.keys)
        terminals = self._candidates(text, keyed)
        if overlapping:
            spans = sorted(terminals, key=lambda span: span - 2 * (span % count))  # by first, then longest
        else:
            spans = _longest_first(list(terminals), count)
            spans.sort()  # no two overlap: by first word
        return self._occurrences(text, keyed, terminals, spans)

    def find_with_nested(self, text: str) -> Recognition:
        """The longest matches of ``text``, as :meth:`find` gives them, and the terms inside each.

        A translator needs the equivalents of «нормативный документ» inside
        «фонд нормативных документов» too.  The nested spans come from the
        same candidate pass, so this costs little more than :meth:`find`.
        """
        keyed = self._keyer.keyed(text)
        count = len(keyed.keys)
        terminals = self._candidates(text, keyed)
        kept = _longest_first(list(terminals), count)
        kept.sort()
        occurrences = self._occurrences(text, keyed, terminals, kept)
        owner = [-1] * count  # the kept span covering each word, if any
        for span in kept:
            first, last = divmod(span, count)
            owner[first : last + 1] = [span] * (last + 1 - first)
        inner = sorted(
            (
                span
                for span in terminals
                if owner[span // count] == owner[span % count] >= 0 and owner[span // count] != span
            ),
            key=lambda span: span - 2 * (span % count),  # by first, then longest
        )
        starts, ends = keyed.starts, keyed.ends
        nested: dict[tuple[int, int], list[Occurrence]] = {}
        own: dict[int, set[str]] = {}  # the concepts of each match with terms inside it
        for occurrence in self._occurrences(text, keyed, terminals, inner):
            outer = owner[bisect_right(starts, occurrence.start) - 1]
            ids = own.get(outer)
            if ids is None:
                first, last = divmod(outer, count)
                ids = own[outer] = {e.concept_id for e in terminals[outer].entries(text, keyed, first, last)}
            if occurrence.concept_id not in ids:  # the match's own concept under another of its terms
                nested.setdefault((starts[outer // count], ends[outer % count]), []).append(occurrence)
        return Recognition(occurrences, nested)

    def _occurrences(
        self, text: str, keyed: KeyedText, terminals: dict[int, _Terminal], spans: list[int]
    ) -> list[Occurrence]:
        """The occurrences of ``spans``, in their order, one per concept a span designates."""
        count = len(keyed.keys)
        # Built column by column and zipped in C: a text can yield hundreds of thousands of occurrences.
        starts, ends = keyed.starts, keyed.ends
        out_starts: list[int] = []
        out_ends: list[int] = []
        out_surfaces: list[str] = []
        out_ids: list[str] = []
        out_terms: list[Term] = []
        for span in spans:
            first, last = divmod(span, count)
            terminal = terminals[span]
            start, end = starts[first], ends[last]
            surface = text[start:end]
            ids, terms = terminal.ids, terminal.terms
            if ids is None:
                chosen = _one_per_concept(terminal.entries(text, keyed, first, last), surface)
                ids, terms = tuple(e.concept_id for e in chosen), tuple(e.term for e in chosen)
            count_here = len(ids)
            out_starts.extend(repeat(start, count_here))
            out_ends.extend(repeat(end, count_here))
            out_surfaces.extend(repeat(surface, count_here))
            out_ids.extend(ids)
            out_terms.extend(terms)
        rows = zip(out_starts, out_ends, out_surfaces, out_ids, out_terms, repeat(self.lang), strict=False)
        return list(map(_new_occurrence, repeat(Occurrence), rows))

    def _candidates(self, text: str, keyed: KeyedText) -> dict[int, _Terminal]:
        """The terminal of every word span whose key path is in the trie and whose case fits.

        A span from word ``first`` to word ``last`` is the int ``first * len(keyed.keys) + last``
        (see :func:`_longest_first` for why not a tuple).  Between two words, a path must first
        pass the gap key when the text has punctuation there.
        """
        root = self._root
        keys, gaps = keyed.keys, keyed.gaps
        count = len(keys)
        found: dict[int, _Terminal] = {}
        for first in range(count):
            node = root.get(keys[first])
            last = first
            while node is not None:
                terminal = node.get(_END)
                if terminal is not None and (terminal.any_case or terminal.entries(text, keyed, first, last)):
                    found[first * count + last] = terminal
                last += 1
                if last >= count:
                    break
                gap = gaps.get(last)
                if gap is not None:
                    node = node.get(gap)
                    if node is None:
                        break
                node = node.get(keys[last])
        return found


def _longest_first(spans: list[int], count: int) -> list[int]:
    """Keep the longest spans that do not overlap an already kept one (ties: leftmost).

    Spans are ints (``first * count + last``), and so are their sort keys: a long text has
    hundreds of thousands of candidates, and a tuple per candidate is an object the cyclic
    garbage collector must then track and walk, which used to cost more than the matching.
    """
    taken = bytearray(count)
    kept: list[int] = []
    # Longest first, then leftmost: first * (count + 1) - last * count == first - (last - first) * count.
    for span in sorted(spans, key=lambda span: (span // count) * (count + 1) - (span % count) * count):
        first, last = divmod(span, count)
        if first == last:
            if taken[first]:
                continue
            taken[first] = 1
        else:
            if any(taken[first : last + 1]):
                continue
            taken[first : last + 1] = b"\x01" * (last + 1 - first)
        kept.append(span)
    return kept


def _one_per_concept(entries: list[_Entry], surface: str) -> list[_Entry]:
    """One entry per concept: the term spelt like the surface if any, else an allowed one, else the first."""
    by_concept: dict[str, _Entry] = {}
    lowered = surface.casefold()
    for entry in entries:
        current = by_concept.get(entry.concept_id)
        if current is None or _rank(entry, lowered) < _rank(current, lowered):
            by_concept[entry.concept_id] = entry
    return list(by_concept.values())


def _rank(entry: _Entry, lowered_surface: str) -> tuple[bool, bool]:
    return (entry.term.text.casefold() != lowered_surface, entry.term.status in DISCOURAGED_STATUSES)


def occurrence_to_dict(occurrence: Occurrence) -> dict[str, Any]:
    """An occurrence as JSON-ready data: offsets, the surface, the matched term and its concept's id.

    The concept's terms are not repeated here: :func:`recognition_to_dict` lists each concept once.
    """
    return {
        "start": occurrence.start,
        "end": occurrence.end,
        "surface": occurrence.surface,
        "concept_id": occurrence.concept_id,
        "term": {"text": occurrence.term.text, "lang": occurrence.lang, "status": occurrence.term.status},
    }


def concept_terms_to_dict(concept: Concept | None) -> dict[str, list[dict[str, str]]]:
    """A concept's terms by language, as JSON-ready data (none for an unknown concept)."""
    terms: dict[str, list[dict[str, str]]] = {}
    if concept is not None:
        for lang, term in concept.terms():
            terms.setdefault(lang, []).append({"text": term.text, "type": term.type, "status": term.status})
    return terms


def recognition_to_dict(
    occurrences: Sequence[Occurrence],
    concepts: Mapping[str, Concept],
    *,
    limit: int | None = None,
    nested: Mapping[tuple[int, int], Sequence[Occurrence]] | None = None,
) -> dict[str, Any]:
    """The occurrences of one text as JSON-ready data, sized by the matches listed, not by the concepts' terms.

    ``matches`` holds the first ``limit`` occurrences (all without a limit) and
    ``concepts`` the terms of just the concepts they name, once each: a text
    repeating one term a hundred thousand times lists its concept once.
    ``total`` counts every occurrence and ``truncated`` says whether some were left out.

    With ``nested`` (from :meth:`Recognizer.find_with_nested`), each match
    lists the terms inside it under ``nested``, naming their concepts in the
    same ``concepts``; nested entries count toward ``limit`` with the matches,
    and ``nested_total`` counts every one.
    """
    if nested is None:
        shown = list(occurrences if limit is None else occurrences[:limit])
        matches = [occurrence_to_dict(occurrence) for occurrence in shown]
        truncated = len(shown) < len(occurrences)
    else:
        shown, matches, truncated = _with_nested(occurrences, nested, limit)
    referenced = dict.fromkeys(occurrence.concept_id for occurrence in shown)
    answer: dict[str, Any] = {
        "total": len(occurrences),
        "truncated": truncated,
        "concepts": {
            concept_id: {"terms": concept_terms_to_dict(concepts.get(concept_id))} for concept_id in referenced
        },
        "matches": matches,
    }
    if nested is not None:
        answer["nested_total"] = sum(len(nested.get((o.start, o.end), ())) for o in occurrences)
    return answer


def _with_nested(
    occurrences: Sequence[Occurrence], nested: Mapping[tuple[int, int], Sequence[Occurrence]], limit: int | None
) -> tuple[list[Occurrence], list[dict[str, Any]], bool]:
    """The matches with their nested terms, at most ``limit`` entries in all; the occurrences listed; cut or not."""
    left = len(occurrences) + sum(map(len, nested.values())) if limit is None else limit
    shown: list[Occurrence] = []
    matches: list[dict[str, Any]] = []
    truncated = False
    for occurrence in occurrences:
        if left <= 0:
            truncated = True
            break
        inside = nested.get((occurrence.start, occurrence.end), ())
        listed = list(inside[: left - 1])
        truncated = len(listed) < len(inside)
        left -= 1 + len(listed)
        shown.append(occurrence)
        shown.extend(listed)
        match = occurrence_to_dict(occurrence)
        match["nested"] = [occurrence_to_dict(o) for o in listed]
        matches.append(match)
        if truncated:
            break
    return shown, matches, truncated
