"""HTML renderings for Jupyter: a summary, a findings table, and the source
around each finding with its byte range highlighted."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, List, Optional

if TYPE_CHECKING:
    from ._types import Finding, Report

_COLORS = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
_CONTEXT = 120  # bytes of source shown on each side of a range


def _excerpt(source: Optional[bytes], begin: int, end: int) -> str:
    if not source or begin > len(source):
        return ""
    line_start = source.rfind(b"\n", 0, begin) + 1
    line_end = source.find(b"\n", max(begin, end - 1) if end > begin else begin)
    line_end = len(source) if line_end < 0 else line_end
    start = max(line_start, begin - _CONTEXT)
    stop = min(line_end, max(end, begin) + _CONTEXT)
    end = min(max(end, begin), stop)

    def text(b: bytes) -> str:
        return html.escape(b.decode("utf-8", "replace").replace("\r", ""))

    mark = text(source[begin:end]) or "&#x2038;"
    prefix = "…" if start > line_start else ""
    suffix = "…" if stop < line_end else ""
    return (
        f"<pre style='margin:2px 0;white-space:pre-wrap'>{prefix}{text(source[start:begin])}"
        f"<mark style='background:#ffe082'>{mark}</mark>{text(source[end:stop])}{suffix}</pre>"
    )


def _severity_badge(severity: str) -> str:
    return f"<span style='color:{_COLORS.get(severity, '#333')};font-weight:bold'>{severity}</span>"


def finding_html(finding: "Finding", source: Optional[bytes] = None) -> str:
    loc = finding.location
    where = f"{loc.line}:{loc.column}" + (f" (part {html.escape(loc.part)})" if loc.part else "")
    return (
        f"<div>{_severity_badge(str(finding.severity))} <code>{finding.rule}</code> "
        f"{html.escape(finding.slug)} at {where}: {html.escape(finding.message)}"
        f"{_excerpt(source, loc.raw.begin, loc.raw.end)}</div>"
    )


def report_html(report: "Report") -> str:
    from . import rules

    summaries = {r.id: r.summary for r in rules()}
    rows: List[str] = []
    for f in report.findings:
        loc = f.location
        rows.append(
            "<tr>"
            f"<td>{_severity_badge(str(f.severity))}</td>"
            f"<td><code>{f.rule}</code><br><small>{html.escape(summaries.get(f.rule, f.slug))}</small></td>"
            f"<td>{loc.line}:{loc.column}{('<br><small>part ' + html.escape(loc.part) + '</small>') if loc.part else ''}</td>"
            f"<td style='text-align:left'>{html.escape(f.message)}{_excerpt(report.source, loc.raw.begin, loc.raw.end)}</td>"
            "</tr>"
        )
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("error", "warning", "info"))
    head = (
        f"<p><b>{html.escape(report.name)}</b>: {report.message_size} bytes, {len(report.parts)} MIME parts, "
        f"{len(report.findings)} findings ({counts}){' — truncated by a limit' if report.truncated else ''}</p>"
    )
    if not rows:
        return head
    table = (
        "<table><thead><tr><th>severity</th><th>rule</th><th>where</th><th style='text-align:left'>finding</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    return f"<div class='inboxlint-report'>{head}{table}</div>"
