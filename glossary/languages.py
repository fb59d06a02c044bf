"""Language ranges as people type them, matched to a term base's real tags (BCP 47, RFC 4647).

An imported base may tag its languages ``en-us`` and ``de-de`` while a user
asks for ``en,de``; a file may say ``kk-KZ`` of a base that has ``kk``.  Every
shell (CLI options, web parameters, the tools) resolves what it is given here,
once, and passes the term base's own tags on, so results and exports show the
real tags.

The rules, for one range against the available tags (compared without regard
to case, ``_`` read as ``-``):

1. an exact tag wins: ``de`` selects only ``de`` when the base has it;
2. otherwise basic filtering (RFC 4647 §3.3.1): ``de`` selects ``de-de`` and
   ``de-at``; ``*`` selects every tag;
3. otherwise lookup (§3.4): the range is truncated from the end until a tag
   matches, so ``kk-Cyrl-KZ`` finds ``kk`` (a ``-x-`` singleton goes with the
   subtag before it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

WILDCARD = "*"


class UnknownLanguage(ValueError):
    """No available tag matches a range; the message lists the tags there are."""

    def __init__(self, language_range: str, available: Sequence[str]) -> None:
        self.language_range = language_range
        self.available = tuple(available)
        known = ", ".join(self.available) or "none"
        super().__init__(f"no language matches {language_range!r}; available: {known}")


def normalize(tag: str) -> str:
    """The form tags are compared in: lower case, hyphens, no surrounding space."""
    return tag.strip().replace("_", "-").lower()


def _filter(language_range: str, available: Sequence[str]) -> list[str]:
    wanted = normalize(language_range)
    if wanted == WILDCARD:
        return list(available)
    exact = [tag for tag in available if normalize(tag) == wanted]
    if exact:
        return exact[:1]
    return [tag for tag in available if normalize(tag).startswith(wanted + "-")]


def _lookup(language_range: str, available: Sequence[str]) -> str | None:
    subtags = normalize(language_range).split("-")
    while subtags:
        candidate = "-".join(subtags)
        for tag in available:
            if normalize(tag) == candidate:
                return tag
        subtags.pop()
        if len(subtags) > 1 and len(subtags[-1]) == 1:  # never end on a singleton such as x
            subtags.pop()
    return None


def matches(language_range: str, available: Sequence[str]) -> list[str]:
    """The available tags ``language_range`` selects, in the base's order; empty when none."""
    if not normalize(language_range):
        return []
    found = _filter(language_range, available)
    if found:
        return found
    looked_up = _lookup(language_range, available) if normalize(language_range) != WILDCARD else None
    return [looked_up] if looked_up else []


def match_languages(ranges: Iterable[str], available: Sequence[str]) -> list[str]:
    """Every available tag the ranges select, without repeats, in the order of the ranges.

    Raises :class:`UnknownLanguage` for the first range that selects nothing,
    rather than quietly exporting or searching less than was asked.
    """
    selected: dict[str, None] = {}
    for language_range in ranges:
        if not normalize(language_range):
            continue
        found = matches(language_range, available)
        if not found:
            raise UnknownLanguage(language_range.strip(), available)
        selected.update(dict.fromkeys(found))
    return list(selected)


def find_language(language_range: str, available: Sequence[str]) -> str | None:
    """The one tag a range stands for, or None: where a value that matches nothing is dropped, not refused."""
    if normalize(language_range) == WILDCARD:
        return None
    found = matches(language_range, available)
    return found[0] if found else None


def best_language(language_range: str, available: Sequence[str]) -> str:
    """The one tag a range stands for, where only one will do (a source or a target language).

    The exact tag if there is one, else the first tag the range selects in
    the base's order (``de`` → ``de-de`` before ``de-at`` when the base lists
    them so).  Raises :class:`UnknownLanguage` when none matches; ``*`` is
    refused, as it does not name one language.
    """
    found = find_language(language_range, available)
    if found is None:
        raise UnknownLanguage(language_range.strip(), available)
    return found


def split_ranges(values: Iterable[str | None]) -> list[str]:
    """Ranges given repeatedly or comma-separated (``en,de`` or ``en`` ``de``), blanks dropped."""
    return [part.strip() for value in values if value for part in value.split(",") if part.strip()]
