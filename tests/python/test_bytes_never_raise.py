"""The Python layer never raises on message bytes (issue 23): a byte that is
not UTF-8 in any header role reaches Python as U+FFFD, its exact bytes stay
reachable through the finding's raw span, and every entry point (lint,
lint_many, Batch, the formatters, the Jupyter and pandas views) takes it.

The fuzz test mutates real header lines with hypothesis; CI runs a short
run, INBOXLINT_FUZZ_EXAMPLES sets a long one."""

from __future__ import annotations

import os

import pytest

import inboxlint

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

BASE = {
    "From": b"From: Ada <ada@example.com>",
    "To": b"To: Bo <bo@example.org>",
    "Subject": b"Subject: Your receipt",
    "Date": b"Date: Tue, 02 Jun 2026 09:00:00 +0000",
    "Message-ID": b"Message-ID: <r1@example.com>",
}

# Each role with a byte that is not UTF-8 in its domain, as real mail has it.
ROLE_LINES = {
    "From": b"From: Ada <ada@example.com\xa0>",
    "Sender": b"Sender: <s@exam\xffple.com>",
    "Reply-To": b"Reply-To: <someone@outlook.com\xa0>",
    "Return-Path": b"Return-Path: <bounce@bou\xe9nce.example.com>",
    "DKIM-Signature": b"DKIM-Signature: v=1; a=rsa-sha256; d=ex\xe9ample.com; s=s1; h=from; bh=AAAA; b=AAAA",
}


def message(extra: dict[str, bytes], body: bytes = b"Thanks for your order.\r\n") -> bytes:
    fields = dict(BASE)
    fields.update(extra)
    return b"\r\n".join(fields.values()) + b"\r\n\r\n" + body


def every_entry_point(raw: bytes) -> inboxlint.Report:
    """Runs what a pipeline or notebook would on one message; returns its report."""
    report = inboxlint.lint(raw)
    for text in (report.to_json(), report.to_sarif(), report.to_text(), report._repr_html_()):
        assert isinstance(text, str)
        text.encode("utf-8")  # no lone surrogates either
    for finding in report.findings:
        finding.message.encode("utf-8")
        for name, value in finding.properties:
            (name + value).encode("utf-8")
    return report


@pytest.mark.parametrize("role", sorted(ROLE_LINES))
def test_a_bad_byte_in_each_role_becomes_a_replacement_character(role: str) -> None:
    raw = message({role: ROLE_LINES[role]})
    report = every_entry_point(raw)
    bad = next(i for i, b in enumerate(raw) if b >= 0x80)
    covering = [f for f in report.findings if f.location.raw.begin <= bad < f.location.raw.end]
    assert covering, f"no finding points at the byte of {role}"
    assert any("\ufffd" in f.message for f in report.findings if f.location.part == ""), role
    # The exact bytes stay reachable through the raw span.
    span = covering[0].location.raw
    assert raw[bad : bad + 1] in report.source[span.begin : span.end]


def test_lint_many_and_batch_go_on_past_bad_bytes() -> None:
    raws = [message({role: line}) for role, line in sorted(ROLE_LINES.items())] * 3 + [message({})]
    batch = inboxlint.Batch()
    reports = list(inboxlint.lint_many(raws, workers=2, batch_size=4, batch=batch))
    assert len(reports) == len(raws)
    assert [r.message_size for r in reports] == [len(r) for r in raws]
    assert len(batch) == len(raws)
    for finding in batch.findings():
        finding.finding.message.encode("utf-8")
    frame = inboxlint.to_dataframe(reports)
    assert len(frame) == sum(len(r.findings) for r in reports)
    for report in reports:
        report.to_pandas()


HEADER_LINES = list(BASE.values()) + list(ROLE_LINES.values())


@st.composite
def mutated_messages(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.sampled_from(HEADER_LINES), min_size=1, max_size=8))
    mutated = []
    for line in lines:
        at = draw(st.integers(0, len(line)))
        junk = draw(st.binary(min_size=0, max_size=6))
        mutated.append(line[:at] + junk + line[at:])
    body = draw(st.binary(max_size=64))
    return b"\r\n".join(mutated) + b"\r\n\r\n" + body


FUZZ_EXAMPLES = int(os.environ.get("INBOXLINT_FUZZ_EXAMPLES", "150"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated_messages())
def test_fuzz_entry_points_never_raise(raw: bytes) -> None:
    report = every_entry_point(raw)
    assert report.message_size == len(raw)
    [again] = list(inboxlint.lint_many([raw], workers=1))
    assert [(f.rule, f.location.raw) for f in again.findings] == [(f.rule, f.location.raw) for f in report.findings]
