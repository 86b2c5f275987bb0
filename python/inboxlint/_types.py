"""The result types: frozen, picklable dataclasses with short reprs."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Optional, Tuple


class Severity(enum.IntEnum):
    """How serious a finding is; ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"{value!r} is not a severity (error, warning, info)") from None


@dataclass(frozen=True)
class Span:
    """A half-open byte range ``[begin, end)``."""

    begin: int
    end: int

    def __len__(self) -> int:
        return self.end - self.begin

    def __repr__(self) -> str:
        return f"Span({self.begin}, {self.end})"


@dataclass(frozen=True)
class Location:
    """Where a finding points: the MIME part, the raw bytes, and line/column.

    ``raw`` is a range in the original message; ``decoded`` a range in the
    part's decoded UTF-8 text when the finding is about decoded content.
    ``line`` and ``column`` (1-based, columns in code points) are those of
    ``raw.begin``.
    """

    part: str
    raw: Span
    decoded: Optional[Span]
    line: int
    column: int

    def __repr__(self) -> str:
        part = f" part {self.part}" if self.part else ""
        return f"<Location {self.line}:{self.column}{part} bytes {self.raw.begin}-{self.raw.end}>"


@dataclass(frozen=True)
class RelatedLocation:
    location: Location
    message: str


@dataclass(frozen=True)
class Finding:
    """One problem found in a message."""

    rule: str
    slug: str
    severity: Severity
    message: str
    location: Location
    related: Tuple[RelatedLocation, ...] = ()
    properties: Tuple[Tuple[str, str], ...] = ()
    # The message the finding is about, for excerpts; shared with its Report.
    source: Optional[bytes] = field(default=None, compare=False, repr=False)

    def property(self, name: str) -> Optional[str]:
        """The value of a machine-readable detail, or None."""
        for key, value in self.properties:
            if key == name:
                return value
        return None

    def __repr__(self) -> str:
        return f"<Finding {self.rule} {self.severity} {self.location.line}:{self.location.column} {self.message!r}>"

    def _repr_html_(self) -> str:
        from ._html import finding_html

        return finding_html(self, self.source)


@dataclass(frozen=True)
class Part:
    """One node of the MIME tree."""

    path: str
    body_path: str
    parent: int
    depth: int
    content_type: str
    charset: str
    transfer_encoding: str
    header: Span
    body: Span
    is_multipart: bool
    is_message: bool

    def __repr__(self) -> str:
        return f"<Part {self.body_path or '(message)'} {self.content_type}>"


@dataclass(frozen=True)
class LimitHit:
    limit: str
    value: int
    location: Location


@dataclass(frozen=True)
class RuleOption:
    name: str
    type: str
    default: Any
    summary: str


@dataclass(frozen=True)
class RuleInfo:
    """A rule of the catalogue."""

    id: str
    slug: str
    default_severity: Severity
    category: str
    summary: str
    clause: str
    options: Tuple[RuleOption, ...] = ()

    def __repr__(self) -> str:
        return f"<RuleInfo {self.id} {self.slug}>"


@dataclass(frozen=True)
class Category:
    """What a message's content reads as: ``name`` is "promotional",
    "transactional" or "neutral"; the scores are the weighted evidence for
    each; ``signals`` the kinds of evidence found, strongest first
    ("order_number", "discount", ...). ``inboxlint.explain("CONT001")``
    describes the model."""

    name: str = "neutral"
    promotional: float = 0.0
    transactional: float = 0.0
    signals: Tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"<Category {self.name} promotional={self.promotional:g} transactional={self.transactional:g}>"


@dataclass(frozen=True)
class AuthResult:
    """One authentication method's result in RFC 8601 terms, as a receiver
    would record it in Authentication-Results: ``method`` "spf", "dkim" or
    "dmarc"; ``result`` "pass", "fail", "softfail", "neutral", "none",
    "temperror" or "permerror"; ``reason`` in words (it says when records
    were not supplied); ``properties`` what was checked, such as
    ``("smtp.mailfrom", "example.com")`` or ``("header.d", "example.com")``."""

    method: str
    result: str
    reason: str = ""
    properties: Tuple[Tuple[str, str], ...] = ()

    def __str__(self) -> str:
        from . import _core

        return str(_core.format_authentication_results([_auth_tuple(self)]))

    def __repr__(self) -> str:
        return f"<AuthResult {self.method}={self.result}>"


def _auth_tuple(a: AuthResult) -> Tuple[Any, ...]:
    return (a.method, a.result, a.reason, tuple(a.properties))


@dataclass(frozen=True)
class Report:
    """Everything inboxlint found in one message.

    ``source`` keeps the linted bytes so reports can show excerpts; it is left
    out of comparisons and reprs.
    """

    message_size: int
    findings: Tuple[Finding, ...]
    parts: Tuple[Part, ...]
    limits_hit: Tuple[LimitHit, ...]
    truncated: bool
    name: str = "<message>"
    source: Optional[bytes] = field(default=None, compare=False, repr=False)
    category: Category = Category()
    # SPF, DKIM (one per signature) and DMARC; see AuthResult.
    authentication: Tuple[AuthResult, ...] = ()

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.findings)

    def __bool__(self) -> bool:
        return True

    @property
    def ok(self) -> bool:
        """True when there is no finding at all."""
        return not self.findings

    def count(self, severity: "Severity | str") -> int:
        level = Severity.parse(severity)
        return sum(1 for f in self.findings if f.severity == level)

    def by_rule(self, rule: str) -> Tuple[Finding, ...]:
        """The findings of one rule id (or id prefix)."""
        return tuple(f for f in self.findings if f.rule.startswith(rule.upper()))

    def authentication_results(self) -> str:
        """The authentication summary as an Authentication-Results value:
        ``"spf=pass smtp.mailfrom=example.com; dkim=pass header.d=..."``."""
        from . import _core

        return str(_core.format_authentication_results([_auth_tuple(a) for a in self.authentication]))

    def max_severity(self) -> Optional[Severity]:
        return max((f.severity for f in self.findings), default=None)

    def __repr__(self) -> str:
        counts = ", ".join(f"{self.count(s)} {s}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        return f"<Report {self.name}: {len(self.findings)} findings ({counts})>"

    def to_text(self, *, excerpts: bool = True, color: bool = False) -> str:
        from ._convert import report_to_tuple
        from . import _core

        return str(_core.format_text(report_to_tuple(self), self.name, self.source or b"", excerpts, color))

    def to_json(self) -> str:
        from ._convert import report_to_tuple
        from . import _core

        return str(_core.format_json(report_to_tuple(self), self.name, self.source or b""))

    def to_sarif(self) -> str:
        from ._convert import report_to_tuple
        from . import _core

        return str(_core.format_sarif([(self.name, self.source or b"", report_to_tuple(self))]))

    def to_pandas(self) -> Any:
        """The findings as a pandas DataFrame, one row per finding."""
        from ._frames import to_dataframe

        return to_dataframe([self])

    def _repr_html_(self) -> str:
        from ._html import report_html

        return report_html(self)


@dataclass(frozen=True)
class BatchFinding:
    """A finding of a batch rule (CONT002, CONT003; see ``inboxlint.Batch``),
    attached to one message of the batch: ``finding`` points at its From
    field, and ``finding.related[i]`` is in the message named ``related[i]``."""

    name: str
    index: int
    finding: Finding
    related: Tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"<BatchFinding {self.finding.rule} {self.name}: {self.finding.message!r}>"
