"""The content category in Python: Report.category, its JSON and pickling,
the batch rules through inboxlint.Batch and lint_many(batch=...), and the
command's batch output."""

from __future__ import annotations

import json
import pickle
import subprocess

import inboxlint
from conftest import CORPUS, inboxlint_command


def mail(sender: str, body: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: r@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/html; charset=utf-8\r\n\r\n{body}"
    ).encode()


PROMO = "<h1>Flash sale: 40% off</h1><p>Free shipping today only.</p>"
RECEIPT = "<p>Your order #KC-20931 is confirmed. Total paid $24.70.</p><p>Track your order</p>"


def test_report_category() -> None:
    report = inboxlint.lint((CORPUS / "cont" / "receipt-with-promo-banner.eml").read_bytes())
    c = report.category
    assert isinstance(c, inboxlint.Category)
    assert c.name == "transactional"
    assert c.transactional >= 3 and c.promotional > 0
    assert "order_number" in c.signals and "discount" in c.signals
    assert report.by_rule("CONT001")
    assert json.loads(report.to_json())["category"]["name"] == "transactional"
    assert pickle.loads(pickle.dumps(report)).category == c
    assert inboxlint.lint(mail("a@x.example", "<p>See you Tuesday.</p>")).category.name == "neutral"


def test_batch_with_lint_many() -> None:
    messages = [
        ("news", mail("hello@shop.example.com", PROMO)),
        ("receipt", mail("hello@shop.example.com", RECEIPT)),
        ("other", mail("orders@other.example.org", RECEIPT)),
    ]
    batch = inboxlint.Batch()
    reports = list(inboxlint.lint_many(messages, batch=batch))
    assert [r.category.name for r in reports] == ["promotional", "transactional", "transactional"]
    assert len(batch) == 3
    findings = batch.findings()
    assert [(b.name, b.index, b.finding.rule) for b in findings] == [("news", 0, "CONT003"), ("receipt", 1, "CONT003")]
    first = findings[0]
    assert first.related == ("receipt",)
    assert first.finding.location.line == 1
    assert first.finding.property("categories") == "promotional, transactional"
    assert first.finding.related[0].location.raw.begin == 0, "the other message's From field"
    selected = inboxlint.Batch(inboxlint.Config(ignore=["CONT003"]))
    for r in reports:
        selected.add(r)
    assert selected.findings() == ()


def test_command_prints_batch_findings_after_the_reports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.eml").write_bytes(mail("hello@shop.example.com", PROMO))
    (tmp_path / "b.eml").write_bytes(mail("hello@shop.example.com", RECEIPT))
    run = lambda *a: subprocess.run(  # noqa: E731
        inboxlint_command() + list(a) + ["--fail-on", "never", str(tmp_path)], capture_output=True, timeout=120
    )
    lines = [json.loads(line) for line in run("--format", "json").stdout.splitlines()]
    assert [("batch" in d) for d in lines] == [False, False, True, True]
    assert lines[2]["batch"]["rule"] == "CONT003"
    assert lines[2]["batch"]["related"][0]["name"].endswith("b.eml")
    text = run().stdout.decode()
    assert "batch: 2 findings over 2 messages" in text
    sarif = json.loads(run("--format", "sarif").stdout)
    assert sum(r["ruleId"] == "CONT003" for r in sarif["runs"][0]["results"]) == 2
    assert sarif["runs"][0]["artifacts"][0]["properties"]["category"] == "promotional"
