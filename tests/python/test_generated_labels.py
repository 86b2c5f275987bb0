"""Every generated message gets the mapped kinds its labels expect, and none
of those it forbids (../shared/testdata/generated/labels.json)."""

from __future__ import annotations

import json
from typing import Optional

import pytest

import inboxlint
from conftest import TESTDATA, shared_data
from label_map import LABEL_RULES, reported


def _labels():  # type: ignore[no-untyped-def]
    path = TESTDATA / "generated" / "labels.json"
    if not path.exists():
        return []
    return sorted(json.loads(path.read_text()).items())


_config: Optional[inboxlint.Config] = None


def _config_with_keys() -> inboxlint.Config:
    """The DKIM keys published with the messages (generated/keys/), so that
    signatures are verified and key sizes judged."""
    global _config
    if _config is None:
        keys = json.loads((shared_data("generated") / "keys" / "dkim-public-keys.json").read_text())
        _config = inboxlint.Config(dkim_keys=keys)
    return _config


@pytest.mark.parametrize("name,labels", _labels(), ids=[n for n, _ in _labels()])
def test_generated_message_labels(name: str, labels: dict) -> None:  # type: ignore[type-arg]
    report = inboxlint.lint_file(shared_data("generated") / name, _config_with_keys())
    problems = []
    for kind in labels["expected"]:
        if kind in LABEL_RULES and not reported(kind, report.findings):
            problems.append(f"expected {kind}, not reported")
    # The labels predate issue 23: a signature with a key under 1024 bits
    # never counts as signing List-Unsubscribe, whatever the label says.
    weak_key = reported("auth.weak_dkim_key", report.findings)
    for kind in labels["must_not"]:
        if kind == "unsubscribe.not_signed" and weak_key:
            if not reported(kind, report.findings):
                problems.append(f"{kind} not reported although the only signature has a short key")
            continue
        if kind in LABEL_RULES and reported(kind, report.findings):
            problems.append(f"{kind} reported but forbidden")
    assert not problems, f"{name}: {problems}\n{report.to_text(excerpts=False)}"


def test_every_mapped_kind_is_exercised() -> None:
    shared_data("generated")
    labels = dict(_labels())
    expected = {k for v in labels.values() for k in v["expected"]}
    for kind in LABEL_RULES:
        assert kind in expected, f"{kind} is mapped but no generated message expects it"
