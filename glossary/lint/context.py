"""What every rule may consult: the term base, a recognizer per language, the full forms of abbreviations."""

from __future__ import annotations

from functools import cached_property

from glossary.model import Concept, Termbase
from glossary.tools.recognize import Occurrence, Recognizer


class LintContext:
    """Shared, lazily built views of one term base (a recognizer walks every concept once)."""

    def __init__(self, termbase: Termbase) -> None:
        self.termbase = termbase
        self._recognizers: dict[str, Recognizer] = {}

    def recognizer(self, lang: str) -> Recognizer:
        if lang not in self._recognizers:
            self._recognizers[lang] = Recognizer.from_concepts(self.termbase.concepts.values(), lang)
        return self._recognizers[lang]

    def spans(self, text: str, lang: str) -> dict[tuple[int, int], list[Occurrence]]:
        """The recognizer's matches in ``text`` grouped by span (a homonym gives one per concept)."""
        grouped: dict[tuple[int, int], list[Occurrence]] = {}
        for occurrence in self.recognizer(lang).find(text):
            grouped.setdefault((occurrence.start, occurrence.end), []).append(occurrence)
        return grouped

    @cached_property
    def expansions(self) -> dict[str, tuple[str, ...]]:
        """Kazakh abbreviation → the full forms its concepts give (ТМД → «Тәуелсіз Мемлекеттер Достастығы»)."""
        found: dict[str, list[str]] = {}
        for concept in self.termbase.concepts.values():
            section = concept.languages.get("kk")
            if section is None:
                continue
            full = [t.text for t in section.terms if not t.is_abbreviation]
            for term in section.terms:
                if term.is_abbreviation:
                    found.setdefault(term.text, []).extend(full)
        return {key: tuple(dict.fromkeys(values)) for key, values in found.items()}

    @cached_property
    def by_term_text(self) -> dict[str, list[tuple[str, Concept]]]:
        """Exact term text → ``(language, concept)`` for every term of every language."""
        index: dict[str, list[tuple[str, Concept]]] = {}
        for concept in self.termbase.concepts.values():
            for lang, term in concept.terms():
                index.setdefault(term.text, []).append((lang, concept))
        return index
