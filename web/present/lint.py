"""Lint results in the reader's language: rule names for the About page, findings as terminologist notes.

The core words its findings in English (``glossary lint`` is a tool for
terminologists); each finding also carries its rule, kind, subject and hint,
from which these functions word it again in the interface language.  A kind
this module does not know yet is shown with the core's English message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from glossary.lint.findings import Finding
from glossary.model import Concept
from web.i18n import interface_language
from web.present.labels import language_name

#: Each rule's name and a one-line explanation, in the order ``glossary lint`` lists them.
RULE_LABELS: dict[str, tuple[LazyString, LazyString]] = {
    "suffix-harmony": (
        _l("Suffix harmony"),
        _l("A Kazakh suffix after a hyphen agrees with how the abbreviation, number or code before it is read."),
    ),
    "discouraged-term": (
        _l("Discouraged terms"),
        _l("The term base's own texts use no deprecated or superseded term."),
    ),
    "script": (
        _l("Script"),
        _l("An abbreviation is written in the script of the text around it when the term base has such a form."),
    ),
    "circular": (
        _l("Circular definitions"),
        _l("A definition neither begins with nor is built on its own term (ISO 704)."),
    ),
    "year": (
        _l("Years"),
        _l("A dated designation and its definition give the same year."),
    ),
    "language": (
        _l("Language"),
        _l("Definitions, usage notes and notes are written in the language they are filed under."),
    ),
    "siblings": (
        _l("Consistency among siblings"),
        _l("Concepts under one broader concept join a shared head noun in the same way."),
    ),
    "gap": (
        _l("Gaps"),
        _l("Every language has a preferred term; definitions and notes exist in every language."),
    ),
}


@dataclass(frozen=True)
class RuleCount:
    rule: str
    name: str
    explanation: str
    count: int


def rule_counts(rules: dict[str, int]) -> list[RuleCount]:
    """Every known rule with its count (zero included), then any rule this shell does not know."""
    known = [RuleCount(rule, str(name), str(why), rules.get(rule, 0)) for rule, (name, why) in RULE_LABELS.items()]
    unknown = [RuleCount(rule, rule, "", count) for rule, count in rules.items() if rule not in RULE_LABELS]
    return known + unknown


@dataclass(frozen=True)
class TerminologistNote:
    """One finding as the concept page shows it; ``lang`` is None when ``text`` is in the interface language."""

    severity: str
    rule: str
    place: str
    text: str
    lang: str | None


def language_in_text(code: str) -> str:
    """A language's name to use inside a sentence (lower case, as Kazakh and Russian write it there)."""
    name = language_name(code)
    return name if interface_language() == "en" else name[:1].lower() + name[1:]


_TERM_FIELD = re.compile(r"^languages\.(?P<lang>[^.]+)\.terms\[(?P<i>\d+)\](?:\.(?P<rest>.+))?$")
_SECTION_FIELD = re.compile(r"^languages\.(?P<lang>[^.]+)\.(?P<what>definition|terms)(?:\.text)?$")
_NOTE_FIELD = re.compile(r"^notes\[(?P<n>\d+)\]\.text(?:\.(?P<lang>.+))?$")


def field_in_words(field: str, concept: Concept | None) -> str:
    """``languages.kk.definition.text`` → "Kazakh definition"; the field path itself when it is not known."""
    if match := _SECTION_FIELD.match(field):
        language = language_in_text(match["lang"])
        if match["what"] == "definition":
            return _("%(language)s definition", language=language)
        return _("%(language)s terms", language=language)
    if match := _TERM_FIELD.match(field):
        language = language_in_text(match["lang"])
        section = concept.languages.get(match["lang"]) if concept else None
        index = int(match["i"])
        term = section.terms[index].text if section and index < len(section.terms) else match["i"]
        rest = match["rest"] or "text"
        if rest == "usage_note":
            return _("%(language)s usage note of «%(term)s»", language=language, term=term)
        if rest.startswith("contexts"):
            return _("%(language)s context of «%(term)s»", language=language, term=term)
        return _("%(language)s term «%(term)s»", language=language, term=term)
    if match := _NOTE_FIELD.match(field):
        number = int(match["n"]) + 1
        if match["lang"]:
            return _("note %(n)s (%(language)s)", n=number, language=language_in_text(match["lang"]))
        return _("note %(n)s", n=number)
    return field


def _languages(codes: str) -> str:
    return ", ".join(language_in_text(code.strip()) for code in codes.split(",") if code.strip())


def finding_text(finding: Finding) -> str | None:
    """The finding worded in the interface language, or None for a kind this shell does not know."""
    subject, hint = finding.subject, finding.hint
    kind = finding.kind
    if kind == "suffix":
        text = _("«%(form)s»: the suffix does not agree with how the word before the hyphen is read.", form=subject)
        return text + " " + _("The reading allows: %(forms)s.", forms=hint) if hint else text
    if kind in ("deprecated", "superseded"):
        if kind == "deprecated":
            text = _("«%(form)s» is a deprecated term.", form=subject)
        else:
            text = _("«%(form)s» is a superseded term.", form=subject)
        return text + " " + _("Use «%(term)s».", term=hint) if hint else text
    if kind == "script":
        return _("«%(form)s» is in the other script; the term base has «%(term)s».", form=subject, term=hint)
    if kind == "begins-with-term":
        return _("The definition begins with its own term «%(term)s» (ISO 704).", term=subject)
    if kind == "built-on-term":
        return _("The definition is built on its own term «%(term)s» (ISO 704).", term=subject)
    if kind == "repeats-term":
        return _("The definition repeats its own term «%(term)s» (ISO 704).", term=subject)
    if kind == "year":
        return _("The definition gives %(stated)s; the designation gives %(year)s.", stated=subject, year=hint)
    if kind == "latin":
        return _("The text is in Latin letters, not in the language it is filed under.")
    if kind == "not-latin":
        return _("The text is filed as English but is not written in Latin letters.")
    if kind == "kazakh-in-russian":
        return _("The Russian text has Kazakh letters outside quotation marks.")
    if kind == "russian-in-kazakh":
        return _("The Kazakh text has none of Kazakh's own letters; it reads as Russian.")
    if kind == "connector":
        return _(
            "The name joins its head noun with «%(word)s»; its sibling concepts use «%(usual)s».",
            word=subject,
            usual=hint,
        )
    if kind == "no-preferred":
        return _("No term in this language is marked preferred.")
    if kind == "one-definition":
        return _("Only this language has a definition.")
    if kind == "note-missing-language":
        return _("The note has no version in: %(languages)s.", languages=_languages(subject))
    return None


def terminologist_notes(findings: tuple[Finding, ...] | list[Finding], concept: Concept) -> list[TerminologistNote]:
    """A concept's findings for its page, errors first."""
    notes = []
    for finding in sorted(findings, key=lambda f: f.severity != "error"):
        worded = finding_text(finding)
        place = field_in_words(finding.field, concept)
        notes.append(
            TerminologistNote(
                finding.severity,
                finding.rule,
                place[:1].upper() + place[1:],  # it opens the line
                worded if worded is not None else finding.message,
                None if worded is not None else "en",
            )
        )
    return notes


def finding_json(finding: Finding) -> dict[str, str]:
    """A finding in a JSON twin: the core's own fields, the same in every interface language."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "kind": finding.kind,
        "field": finding.field,
        "subject": finding.subject,
        "hint": finding.hint,
        "message": finding.message,
    }


def rule_name(rule: str) -> str:
    """A rule's name in the interface language (its id for a rule this shell does not know)."""
    label = RULE_LABELS.get(rule)
    return str(label[0]) if label else rule
