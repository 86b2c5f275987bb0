"""Linting drafts: headers, a text body and an HTML body, with every finding
mapped back to the header value, the text or the HTML it concerns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence, Tuple, Union

from ._config import Config, default_config
from ._types import Finding, Report, Span

Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


@dataclass(frozen=True)
class DraftLocation:
    """Where a finding lies in the draft: ``source`` is ``"header"`` (then
    ``header`` names the field), ``"text"``, ``"html"`` or ``"none"``;
    ``range`` is a span of that header value, of the text or of the HTML
    (as UTF-8 bytes)."""

    source: str
    header: Optional[str]
    range: Span


@dataclass(frozen=True)
class DraftReport:
    message: bytes
    report: Report
    locations: Tuple[DraftLocation, ...]

    def findings(self) -> Tuple[Tuple[Finding, DraftLocation], ...]:
        return tuple(zip(self.report.findings, self.locations))


def lint_draft(
    headers: Headers,
    text: str = "",
    html: str = "",
    config: Optional[Config] = None,
) -> DraftReport:
    """Composes a message from the draft, lints it, and maps each finding back
    to the draft. MIME-Version, Content-Type and Content-Transfer-Encoding are
    the composer's own and are ignored in ``headers``."""
    pairs: Sequence[Tuple[str, str]] = list(headers.items() if isinstance(headers, Mapping) else headers)
    cfg = config or default_config()
    message, report, where = cfg._linter.lint_draft([(str(k), str(v)) for k, v in pairs], text, html, "<draft>")
    locations = tuple(
        DraftLocation(source, pairs[index][0] if source == "header" else None, Span(begin, end))
        for source, index, begin, end in where
    )
    return DraftReport(message, report, locations)
