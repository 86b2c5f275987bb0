"""inboxlint.spark in a local Spark session: the findings column matches what
inboxlint.lint reports for the same messages."""

from __future__ import annotations

import os
import sys

import pytest

import inboxlint
from conftest import CORPUS

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from pyspark.sql import SparkSession

    # Spark's Python workers run `python3` from PATH unless told otherwise;
    # they must run this interpreter, which has inboxlint and pandas.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("inboxlint-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_findings_column_matches_lint(spark) -> None:  # type: ignore[no-untyped-def]
    from inboxlint.spark import lint_column

    paths = sorted(CORPUS.rglob("*.eml"))[:12]
    # A byte that is not UTF-8 in Reply-To's domain (issue 23) must not stop the column.
    bad = b"From: <a@example.com>\r\nReply-To: <someone@outlook.com\xa0>\r\nSubject: x\r\n\r\nhi\r\n"
    rows = [(p.name, p.read_bytes()) for p in paths] + [("null", None), ("bad", bad)]
    df = spark.createDataFrame(rows, "name string, raw binary")
    result = {r["name"]: r["findings"] for r in lint_column(df, "raw").collect()}
    assert result["null"] is None
    assert [f["message"] for f in result["bad"]] == [f.message for f in inboxlint.lint(bad).findings]
    for path in paths:
        expected = inboxlint.lint(path.read_bytes())
        got = result[path.name]
        assert [(f["rule"], f["raw_begin"], f["raw_end"], f["line"]) for f in got] == [
            (f.rule, f.location.raw.begin, f.location.raw.end, f.location.line) for f in expected.findings
        ], path.name
        assert all(f["severity"] in ("error", "warning", "info") for f in got)


def test_config_reaches_the_executors(spark) -> None:  # type: ignore[no-untyped-def]
    from inboxlint.spark import lint_column

    raw = (CORPUS / "from" / "two-mailboxes.eml").read_bytes()
    df = spark.createDataFrame([("m", raw)], "name string, raw binary")
    rules = {f["rule"] for f in lint_column(df, "raw", inboxlint.Config(select=["FROM001"])).first()["findings"]}
    assert rules == {"FROM001"}


def test_category_column_matches_lint(spark) -> None:  # type: ignore[no-untyped-def]
    from inboxlint.spark import lint_column

    paths = sorted((CORPUS / "cont").glob("*.eml"))
    rows = [(p.name, p.read_bytes()) for p in paths] + [("null", None)]
    df = spark.createDataFrame(rows, "name string, raw binary")
    result = {r["name"]: r["category"] for r in lint_column(df, "raw").collect()}
    assert result["null"] is None
    for path in paths:
        expected = inboxlint.lint(path.read_bytes()).category
        got = result[path.name]
        assert (got["name"], got["promotional"], got["transactional"], tuple(got["signals"])) == (
            expected.name,
            expected.promotional,
            expected.transactional,
            expected.signals,
        ), path.name
    assert "category" not in lint_column(df, "raw", category=None).columns


def test_authentication_column_matches_lint(spark) -> None:  # type: ignore[no-untyped-def]
    from inboxlint.spark import lint_column

    case = CORPUS / "dns" / "spf-fail"
    config = inboxlint.Config(dns=case.with_suffix(".zone"),
                              envelope=inboxlint.Envelope(client_ip="203.0.113.9", helo="mail.shop.example"))
    df = spark.createDataFrame([("m", case.with_suffix(".eml").read_bytes()), ("null", None)], "name string, raw binary")
    result = {r["name"]: r["authentication"] for r in lint_column(df, "raw", config).collect()}
    assert result["null"] is None
    expected = inboxlint.lint_file(case.with_suffix(".eml"), config).authentication
    got = [(a["method"], a["result"], a["reason"], dict(a["properties"])) for a in result["m"]]
    assert got == [(a.method, a.result, a.reason, dict(a.properties)) for a in expected]
    assert [a.method for a in expected] == ["iprev", "spf", "dkim", "dmarc"]
    assert "authentication" not in lint_column(df, "raw", config, authentication=None).columns
