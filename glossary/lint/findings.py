"""What lint reports: a located finding with its rule and severity, and the report over a term base."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from glossary.errors import Located, located

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding(Located):
    """One content problem, printed as ``file:line field: message [rule]``."""

    file: str
    line: int
    field: str
    message: str
    rule: str = ""
    severity: str = ERROR
    concept_id: str = ""
    #: For shells that word the finding themselves (the web, in three languages): which case of the rule,
    #: the text at fault and what to write instead.
    kind: str = ""
    subject: str = ""
    hint: str = ""

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == WARNING else ""
        return located(self.file, self.line, self.field, f"{prefix}{self.message} [{self.rule}]")

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "concept": self.concept_id,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "kind": self.kind,
            "subject": self.subject,
            "hint": self.hint,
        }


@dataclass
class LintReport:
    """Every finding of one run, in file order."""

    findings: list[Finding] = field(default_factory=list)
    concepts_checked: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(f.rule for f in self.findings).items()))

    def for_concept(self, concept_id: str) -> list[Finding]:
        return [f for f in self.findings if f.concept_id == concept_id]

    def summary(self) -> dict[str, Any]:
        """Counts for a page or a log: concepts checked, errors, warnings and findings per rule."""
        return {
            "concepts": self.concepts_checked,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "rules": self.by_rule(),
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "findings": [f.to_dict() for f in self.findings]}
