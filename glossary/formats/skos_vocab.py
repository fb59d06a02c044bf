"""The vocabularies and addresses SKOS export and import share, and the SKOS integrity plan for a concept.

SKOS and SKOS-XL name concepts, labels, notes and relations; they have no
term for what TBX-Basic records about a term (its type, administrative
status, part of speech), for the order of things (RDF graphs are unordered),
or for our citation locators.  Those go in one small project namespace,
:data:`KT`, described in ``docs/formats.md``; the values are TBX-Basic's own
picklist values, as in the YAML.

Three of SKOS's integrity conditions constrain labels (SKOS reference
§5.4, S13/S14) and one relations (S27, checked per concept here):

* at most one ``skos:prefLabel`` per language: a second preferred term in
  one language is written as ``skosxl:altLabel`` (its ``kt:status`` stays
  ``preferred``, so our import restores it);
* ``prefLabel``, ``altLabel`` and ``hiddenLabel`` are pairwise disjoint: a
  term whose text repeats an earlier label of its language is attached with
  ``kt:otherLabel`` only (no plain-SKOS label);
* ``skos:related`` is disjoint with ``skos:broaderTransitive``: a related
  link to a concept that is also broader or narrower, directly or through
  other concepts of the export, is written as ``kt:related``.

:func:`plan_labels` and :func:`related_clashes` make those choices;
:class:`Adjustments` counts them for the export's note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS
from rdflib.term import Node

from glossary.model import ID_PATTERN, Term

SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")
#: The project namespace: a name only (it does not dereference); every term is listed in docs/formats.md.
KT = Namespace("https://kazterm.example/ns#")

#: Source fields written as one literal each (``title`` and ``note`` also once per language).
SOURCE_LITERALS: dict[str, URIRef] = {
    "title": DCTERMS.title,
    "author": DCTERMS.creator,
    "year": DCTERMS.date,
    "note": DCTERMS.description,
    "url": KT.url,
    "file": KT.file,
    "original": KT.original,
}
#: The base URI when none is given: a placeholder that says so.  The web pages use the site's own address.
DEFAULT_BASE_URI = "https://kazterm.example"
PREFIXES = {"skos": SKOS, "skosxl": SKOSXL, "dct": DCTERMS, "kt": KT, "rdf": RDF}

#: Term status → the SKOS-XL label property it is written with when the integrity conditions allow.
LABEL_FOR_STATUS = {
    "preferred": SKOSXL.prefLabel,
    "admitted": SKOSXL.altLabel,
    "deprecated": SKOSXL.hiddenLabel,
    "superseded": SKOSXL.hiddenLabel,
}
#: SKOS-XL label property → its plain-SKOS twin (the dumbing-down of SKOS-XL, S55–S57).
PLAIN_LABEL = {SKOSXL.prefLabel: SKOS.prefLabel, SKOSXL.altLabel: SKOS.altLabel, SKOSXL.hiddenLabel: SKOS.hiddenLabel}
#: What a label property says about a foreign label's status.
STATUS_FOR_LABEL = {
    SKOSXL.prefLabel: "preferred",
    SKOSXL.altLabel: "admitted",
    SKOSXL.hiddenLabel: "deprecated",
    SKOS.prefLabel: "preferred",
    SKOS.altLabel: "admitted",
    SKOS.hiddenLabel: "deprecated",
}
RELATION_PROPERTIES = {"broader": SKOS.broader, "narrower": SKOS.narrower, "related": SKOS.related}
EXPORT_NOTE_PREFIX = "SKOS export:"


def base_of(base_uri: str) -> str:
    return (base_uri or DEFAULT_BASE_URI).rstrip("/")


def concept_uri(base: str, concept_id: str) -> URIRef:
    """``<base>/concept/<id>``, the id percent-encoded so that any id makes a valid IRI."""
    return URIRef(f"{base}/concept/{quote(concept_id, safe='')}")


def source_uri(base: str, source_id: str) -> URIRef:
    return URIRef(f"{base}/source/{quote(source_id, safe='')}")


def subject_uri(base: str, subject_id: str) -> URIRef:
    return URIRef(f"{base}/subject/{quote(subject_id, safe='')}")


def scheme_uri(base: str) -> URIRef:
    return URIRef(f"{base}/scheme")


def local_id(uri: str, kind: str = "concept") -> str | None:
    """The id in one of our URIs (``…/<kind>/<id>``), or None when ``uri`` is not shaped like one.

    Concept ids must be valid ids; source ids are taken as written (``glossary check`` judges them).
    """
    head, sep, tail = str(uri).rpartition(f"/{kind}/")
    if not sep or not head or not tail or "/" in tail or "#" in tail:
        return None
    value = unquote(tail)
    return value if kind != "concept" or ID_PATTERN.match(value) else None


def local_name(uri: str) -> str:
    """The last segment of a foreign URI (after '#' or '/'), to mint a readable id from."""
    text = str(uri).rstrip("/#")
    return unquote(text.rpartition("#")[2] if "#" in text else text.rpartition("/")[2])


@dataclass
class Adjustments:
    """What an export changed to keep SKOS's integrity conditions, counted for the scheme's editorial note."""

    counts: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        return [f"{EXPORT_NOTE_PREFIX} {count} {what}" for what, count in sorted(self.counts.items())]


SECOND_PREFERRED = "preferred terms written as skosxl:altLabel (one prefLabel per language, S14)"
REPEATED_TEXT = "terms repeating a label's text attached with kt:otherLabel only (labels disjoint, S13)"
RELATED_CLASH = "related links to a broader or narrower concept (maybe through others) written as kt:related (S27)"


def plan_labels(lang: str, terms: tuple[Term, ...], adjustments: Adjustments) -> list[URIRef]:
    """The SKOS-XL property each term of one language section is attached with, in order."""
    chosen: list[URIRef] = []
    has_pref, texts = False, set()
    for term in terms:
        prop = LABEL_FOR_STATUS.get(term.status, SKOSXL.altLabel)
        if term.text in texts:
            prop = KT.otherLabel
            adjustments.counts[REPEATED_TEXT] += 1
        elif prop == SKOSXL.prefLabel and has_pref:
            prop = SKOSXL.altLabel
            adjustments.counts[SECOND_PREFERRED] += 1
        has_pref = has_pref or prop == SKOSXL.prefLabel
        texts.add(term.text)
        chosen.append(prop)
    return chosen


def ancestors(up: Mapping[Node, set[Node]], start: Node) -> set[Node]:
    """Every concept above ``start`` through broader links (cycles are harmless)."""
    seen: set[Node] = set()
    stack = list(up.get(start, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(up.get(node, ()))
    return seen


def related_clashes(graph: Graph, adjustments: Adjustments) -> None:
    """Turn each ``skos:related`` that clashes with the transitive hierarchy (S27) into ``kt:related``."""
    up: dict[Node, set[Node]] = {}
    for lower, upper in graph.subject_objects(SKOS.broader):
        up.setdefault(lower, set()).add(upper)
    for upper, lower in graph.subject_objects(SKOS.narrower):
        up.setdefault(lower, set()).add(upper)
    for one, other in sorted(graph.subject_objects(SKOS.related)):
        if other in ancestors(up, one) or one in ancestors(up, other):
            graph.remove((one, SKOS.related, other))
            graph.add((one, KT.related, other))
            adjustments.counts[RELATED_CLASH] += 1
