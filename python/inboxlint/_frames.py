"""Findings as pandas DataFrames (pandas is an optional extra:
``pip install inboxlint[pandas]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List

if TYPE_CHECKING:
    from ._types import Report

COLUMNS = [
    "name", "rule", "slug", "severity", "message", "part", "raw_begin", "raw_end",
    "decoded_begin", "decoded_end", "line", "column", "category",
]


def _rows(report: "Report") -> List[Dict[str, Any]]:
    rows = []
    for f in report.findings:
        loc = f.location
        rows.append(
            {
                "name": report.name,
                "rule": f.rule,
                "slug": f.slug,
                "severity": str(f.severity),
                "message": f.message,
                "part": loc.part,
                "raw_begin": loc.raw.begin,
                "raw_end": loc.raw.end,
                "decoded_begin": loc.decoded.begin if loc.decoded else None,
                "decoded_end": loc.decoded.end if loc.decoded else None,
                "line": loc.line,
                "column": loc.column,
                "category": report.category.name,  # the report's, so findings can be grouped by it
            }
        )
    return rows


def to_dataframe(reports: Iterable["Report"]) -> Any:
    """One row per finding of every report, with the report's name.

    Messages without findings contribute no rows; count reports separately
    if you need them.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised without pandas
        raise ImportError("to_dataframe needs pandas: pip install 'inboxlint[pandas]'") from e
    rows: List[Dict[str, Any]] = []
    for report in reports:
        rows.extend(_rows(report))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["severity"] = pd.Categorical(frame["severity"], categories=["info", "warning", "error"], ordered=True)
    return frame
