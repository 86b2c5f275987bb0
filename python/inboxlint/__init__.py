"""inboxlint: lint outgoing e-mail against inbox-provider sender guidelines.

    >>> import inboxlint
    >>> report = inboxlint.lint(open("message.eml", "rb").read())
    >>> for finding in report.findings:
    ...     print(finding.rule, finding.location.line, finding.message)
"""

from __future__ import annotations

from ._api import explain, lint, lint_file, rules
from ._batch import Batch, lint_many
from ._config import NXDOMAIN, SERVFAIL, Config, Envelope, Limits
from ._draft import DraftLocation, DraftReport, lint_draft
from ._core import __version__
from ._frames import to_dataframe
from ._sources import iter_dir, iter_maildir, iter_mbox
from ._types import (
    AuthResult,
    BatchFinding,
    Category,
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
    "AuthResult",
    "Batch",
    "BatchFinding",
    "Category",
    "Config",
    "DraftLocation",
    "DraftReport",
    "Envelope",
    "Finding",
    "LimitHit",
    "Limits",
    "NXDOMAIN",
    "Location",
    "Part",
    "RelatedLocation",
    "Report",
    "RuleInfo",
    "RuleOption",
    "SERVFAIL",
    "Severity",
    "Span",
    "__version__",
    "explain",
    "iter_dir",
    "iter_maildir",
    "iter_mbox",
    "lint",
    "lint_draft",
    "lint_file",
    "lint_many",
    "rules",
    "to_dataframe",
]
