"""inboxlint: lint outgoing e-mail against inbox-provider sender guidelines.

    >>> import inboxlint
    >>> report = inboxlint.lint(open("message.eml", "rb").read())
    >>> for finding in report.findings:
    ...     print(finding.rule, finding.location.line, finding.message)
"""

from __future__ import annotations

from ._api import explain, lint, lint_file, rules
from ._config import Config, Limits
from ._core import __version__
from ._types import (
    Finding,
    LimitHit,
    Location,
    Part,
    RelatedLocation,
    Report,
    RuleInfo,
    RuleOption,
    Severity,
    Span,
)

__all__ = [
    "Config",
    "Finding",
    "LimitHit",
    "Limits",
    "Location",
    "Part",
    "RelatedLocation",
    "Report",
    "RuleInfo",
    "RuleOption",
    "Severity",
    "Span",
    "__version__",
    "explain",
    "lint",
    "lint_file",
    "rules",
]
