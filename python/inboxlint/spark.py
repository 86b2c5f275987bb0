"""Apache Spark: lint a DataFrame column of raw messages.

    >>> from inboxlint.spark import lint_column
    >>> linted = lint_column(spark.read.format("binaryFile").load("s3://bucket/mail/"), "content")
    >>> linted.select("path", "findings").show()

The work runs in Arrow-based pandas UDFs on the executors, one batch of rows
at a time, with the C++ core releasing the GIL. The executors need inboxlint
installed (``pip install inboxlint`` on each node, or ship the wheel with
``--py-files`` / ``spark.archives``).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from ._config import Config

FINDING_FIELDS = [
    ("rule", "string"),
    ("slug", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("part", "string"),
    ("raw_begin", "long"),
    ("raw_end", "long"),
    ("line", "long"),
    ("column", "long"),
]


def findings_type() -> Any:
    """The Spark type of the findings column: array<struct<rule, slug,
    severity, message, part, raw_begin, raw_end, line, column>>."""
    from pyspark.sql import types as T

    names = {"string": T.StringType(), "long": T.LongType()}
    return T.ArrayType(T.StructType([T.StructField(n, names[t], True) for n, t in FINDING_FIELDS]))


def category_type() -> Any:
    """The Spark type of the category column: struct<name string,
    promotional double, transactional double, signals array<string>>."""
    from pyspark.sql import types as T

    return T.StructType(
        [
            T.StructField("name", T.StringType(), True),
            T.StructField("promotional", T.DoubleType(), True),
            T.StructField("transactional", T.DoubleType(), True),
            T.StructField("signals", T.ArrayType(T.StringType()), True),
        ]
    )


def authentication_type() -> Any:
    """The Spark type of the authentication column: array<struct<method
    string, result string, reason string, properties map<string,string>>>
    (SPF, DKIM per signature and DMARC; ``inboxlint.AuthResult``)."""
    from pyspark.sql import types as T

    return T.ArrayType(
        T.StructType(
            [
                T.StructField("method", T.StringType(), True),
                T.StructField("result", T.StringType(), True),
                T.StructField("reason", T.StringType(), True),
                T.StructField("properties", T.MapType(T.StringType(), T.StringType()), True),
            ]
        )
    )


def _authentication_rows(report: Any) -> List[Dict[str, Any]]:
    return [
        {"method": a.method, "result": a.result, "reason": a.reason, "properties": dict(a.properties)}
        for a in report.authentication
    ]


def _category_row(report: Any) -> Dict[str, Any]:
    c = report.category
    return {
        "name": c.name,
        "promotional": float(c.promotional),
        "transactional": float(c.transactional),
        "signals": list(c.signals),
    }


def _finding_rows(report: Any) -> List[Dict[str, Any]]:
    return [
        {
            "rule": f.rule,
            "slug": f.slug,
            "severity": str(f.severity),
            "message": f.message,
            "part": f.location.part,
            "raw_begin": f.location.raw.begin,
            "raw_end": f.location.raw.end,
            "line": f.location.line,
            "column": f.location.column,
        }
        for f in report.findings
    ]


def lint_column(
    df: Any,
    column: str,
    config: Optional[Config] = None,
    *,
    findings: str = "findings",
    category: Optional[str] = "category",
    authentication: Optional[str] = "authentication",
) -> Any:
    """Adds a ``findings`` column (see ``findings_type``) computed from the raw
    message bytes in ``column`` (binary; a string column is encoded as UTF-8),
    a ``category`` column (see ``category_type``) for routing on the content
    category and an ``authentication`` column (see ``authentication_type``);
    ``category=None`` or ``authentication=None`` leaves one out. Null
    messages give null columns."""
    import pandas as pd
    from pyspark.sql import types as T
    from pyspark.sql.functions import col, pandas_udf  # type: ignore[attr-defined,unused-ignore]

    cfg = config if config is not None else Config()
    result_type = T.StructType(
        [
            T.StructField("findings", findings_type(), True),
            T.StructField("category", category_type(), True),
            T.StructField("authentication", authentication_type(), True),
        ]
    )

    def lint_udf(messages: pd.Series) -> pd.DataFrame:
        from . import lint_many

        present = [m for m in messages if m is not None]
        encoded = [m.encode("utf-8") if isinstance(m, str) else bytes(m) for m in present]
        reports = iter(lint_many(encoded, cfg, workers=1))
        rows: List[Dict[str, Any]] = []
        for m in messages:
            report = None if m is None else next(reports)
            rows.append(
                {
                    "findings": None if report is None else _finding_rows(report),
                    "category": None if report is None else _category_row(report),
                    "authentication": None if report is None else _authentication_rows(report),
                }
            )
        return pd.DataFrame(rows, columns=["findings", "category", "authentication"])

    # Spark infers the UDF kind from the type hints, which it cannot resolve
    # from strings naming a local import (PEP 563 annotations): give it the types.
    lint_udf.__annotations__ = {"messages": pd.Series, "return": pd.DataFrame}
    udf = pandas_udf(result_type)(lint_udf)
    scratch = "__inboxlint_result"
    out = df.withColumn(scratch, udf(col(column))).withColumn(findings, col(scratch + ".findings"))
    if category is not None:
        out = out.withColumn(category, col(scratch + ".category"))
    if authentication is not None:
        out = out.withColumn(authentication, col(scratch + ".authentication"))
    return out.drop(scratch)
