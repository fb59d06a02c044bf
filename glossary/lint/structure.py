"""Rules on the shape of the base: ``gap`` (missing preferred terms, one-language definitions) and ``siblings``.

Siblings are the narrower concepts of one broader concept.  When their
preferred names share a head noun, they should join it the same way: ISO's
committees are all «… жөніндегі комитет», not some «… туралы комитет».
"""

from __future__ import annotations

from collections.abc import Iterator

from glossary.lint.findings import ERROR, WARNING, Finding
from glossary.model import Concept, Termbase
from glossary.text.tokens import analyze

GAP = "gap"
SIBLINGS = "siblings"
# Words that join a name's modifier to its head noun, per language; the head is last in Kazakh, first in Russian.
CONNECTORS = {
    "kk": frozenset({"туралы", "жөніндегі", "бойынша", "жөнінде", "саласындағы", "үшін"}),
    "ru": frozenset({"по", "о", "об", "для", "в"}),
}
HEAD_FIRST = frozenset({"ru"})


def check_gaps(concept: Concept, languages: tuple[str, ...]) -> Iterator[Finding]:
    for lang, section in concept.languages.items():
        if section.terms and not any(term.status == "preferred" for term in section.terms):
            message = f"no preferred term in {lang}"
            yield Finding(
                "", 0, f"languages.{lang}.terms", message, GAP, ERROR, concept.id, kind="no-preferred", subject=lang
            )
    defined = [lang for lang, section in concept.languages.items() if section.definition]
    if len(defined) == 1 and len([lang for lang in languages if lang in concept.languages]) > 1:
        yield Finding(
            "",
            0,
            f"languages.{defined[0]}.definition",
            f"a definition in {defined[0]} only; the other languages have none",
            GAP,
            WARNING,
            concept.id,
            kind="one-definition",
            subject=defined[0],
        )


def _pattern(text: str, lang: str) -> tuple[str, str] | None:
    """(head lemma, connector) of a multi-word name, or None when it has no connector."""
    tokens = analyze(text, lang)
    if len(tokens) < 3:
        return None
    head = tokens[0] if lang in HEAD_FIRST else tokens[-1]
    connectors = [t.text.lower() for t in tokens if t.text.lower() in CONNECTORS.get(lang, ())]
    return (head.lemma, connectors[0]) if connectors else None


def check_siblings(termbase: Termbase) -> Iterator[Finding]:
    children: dict[str, list[Concept]] = {}
    for concept in termbase.concepts.values():
        for relation in concept.relations:
            if relation.type == "broader":
                children.setdefault(relation.target, []).append(concept)
            elif relation.type == "narrower" and relation.target in termbase.concepts:
                children.setdefault(concept.id, []).append(termbase.concepts[relation.target])
    for parent, kids in children.items():
        unique = list({kid.id: kid for kid in kids}.values())
        for lang in CONNECTORS:
            by_head: dict[str, dict[str, list[Concept]]] = {}
            for kid in unique:
                section = kid.languages.get(lang)
                found = _pattern(section.preferred.text, lang) if section and section.preferred else None
                if found:
                    by_head.setdefault(found[0], {}).setdefault(found[1], []).append(kid)
            for head, patterns in by_head.items():
                if len(patterns) < 2:
                    continue
                usual = max(patterns, key=lambda key: len(patterns[key]))
                for connector, odd in patterns.items():
                    if connector == usual:
                        continue
                    for kid in odd:
                        section = kid.languages[lang]
                        index = section.terms.index(section.preferred) if section.preferred else 0
                        yield Finding(
                            "",
                            0,
                            f"languages.{lang}.terms[{index}].text",
                            f"«{kid.label(lang)}» joins «{head}» with «{connector}», its siblings under {parent} "
                            f"with «{usual}» ({', '.join(k.id for k in patterns[usual][:3])})",
                            SIBLINGS,
                            WARNING,
                            kid.id,
                            kind="connector",
                            subject=connector,
                            hint=usual,
                        )
