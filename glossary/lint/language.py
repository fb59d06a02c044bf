"""Rule ``language``: authored prose is written in the language it is filed under.

A usage note in a Kazakh section is read by a Kazakh reader and must be
Kazakh, not English or Russian (TBX files a note under the language it is
written in); likewise a note marked ``lang: ru``.  The script decides
Latin against Cyrillic; Kazakh's own letters (ә ғ қ ң ө ұ ү һ і) tell
Kazakh from Russian.  Quoted spans are left out: a note may quote a form in
another language.  Every remark should also exist in each language of the
term base, so that no reader meets a fallback (a warning under ``gap``).
"""

from __future__ import annotations

from collections.abc import Iterator

from glossary.lint.findings import ERROR, WARNING, Finding
from glossary.lint.prose import CONTEXT, DEFINITION, NOTE, USAGE_NOTE, Prose
from glossary.model import Concept, note_groups

RULE = "language"
GAP = "gap"
KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC_LANGUAGES = frozenset({"kk", "ru"})
#: Below this many words a text may well lack Kazakh's own letters (a name, a date).
MIN_WORDS_TO_TELL_KAZAKH = 8


def check(prose: Prose) -> Iterator[Finding]:
    if prose.kind not in (DEFINITION, USAGE_NOTE, NOTE, CONTEXT) or prose.lang is None:
        return
    text = "".join(prose.text[a:b] for a, b in prose.unquoted_spans())
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 12:
        return
    latin = sum("a" <= ch.lower() <= "z" for ch in letters) / len(letters)
    # (kind, message): the kind lets a shell word the finding in the reader's language.
    wrong: tuple[str, str] | None = None
    if prose.lang in CYRILLIC_LANGUAGES and latin > 0.5:
        wrong = ("latin", "is written in Latin letters")
    elif prose.lang == "en" and latin < 0.5:
        wrong = ("not-latin", "is not written in English")
    elif prose.lang == "ru" and KAZAKH_LETTERS.intersection(letters):
        wrong = (
            "kazakh-in-russian",
            "has Kazakh letters outside quotation marks; write it in Russian or quote the Kazakh",
        )
    elif (
        prose.lang == "kk"
        and len(text.split()) >= MIN_WORDS_TO_TELL_KAZAKH
        and not KAZAKH_LETTERS.intersection(letters)
    ):
        wrong = ("russian-in-kazakh", "has none of Kazakh's own letters; it reads as Russian")
    if wrong:
        kind, message = wrong
        yield Finding(
            "",
            0,
            prose.field,
            f"this {prose.lang} text {message}",
            RULE,
            ERROR,
            prose.concept_id,
            kind=kind,
            subject=prose.lang,
        )


def check_translated(concept: Concept, languages: tuple[str, ...]) -> Iterator[Finding]:
    """A warning for each remark that lacks a version in one of the term base's languages."""
    for versions in note_groups(concept.notes):
        have = {note.lang for note in versions}
        missing = [lang for lang in languages if lang not in have]
        if missing:
            place = versions[0].group if versions[0].group is not None else concept.notes.index(versions[0])
            yield Finding(
                "",
                0,
                f"notes[{place}].text",
                f"this note has no {', '.join(missing)} version; readers of those languages meet a fallback",
                GAP,
                WARNING,
                concept.id,
                kind="note-missing-language",
                subject=", ".join(missing),
            )
