"""The part tree agrees with Python's email package on the MIME torture test
and on real messages."""

from __future__ import annotations

import email
import email.policy

import inboxlint
from conftest import shared_data


def python_part_count(data: bytes) -> int:
    message = email.message_from_bytes(data, policy=email.policy.default)
    return sum(1 for _ in message.walk())


def test_torture_test_part_tree_matches_python() -> None:
    data = (shared_data("crymap") / "torture-test.eml").read_bytes()
    report = inboxlint.lint(data)
    assert len(report.parts) == python_part_count(data)
    assert not report.truncated
    for part in report.parts:
        assert 0 <= part.header.begin <= part.header.end <= part.body.begin <= part.body.end <= len(data)
