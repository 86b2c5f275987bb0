"""The content-category model on the labelled real templates of
../shared/testdata/email-templates (issue 23; figures printed by
template_labels.py).

Held targets: category agreement of 95% or more on the labels not marked
BORDERLINE, and CONT001 on none of the pure messages. Not yet held, so
guarded where they stand (a fall fails; raise the floors as they improve):
CONT001 on the mixed messages (target 90%, 12 of 13) and transactional
templates called promotional (clear labels; target none: the welcome mails
whose whole body is a coupon)."""

from __future__ import annotations

from typing import List

import pytest

import template_labels
from conftest import shared_data

MIXED_FOUND_AT_LEAST = 6
TRANSACTIONAL_AS_PROMOTIONAL_AT_MOST = 3


@pytest.fixture(scope="module")
def rows() -> List[template_labels.Outcome]:
    return template_labels.outcomes(shared_data("email-templates"))


def test_agreement_on_clear_labels(rows: List[template_labels.Outcome]) -> None:
    clear = [o for o in rows if not o.borderline]
    assert len(clear) >= 100
    wrong = [f"{o.name}: {o.label} -> {o.got}" for o in clear if o.label != o.got]
    assert template_labels.agreement(clear) >= 0.95, wrong


def test_no_cont001_on_pure_messages(rows: List[template_labels.Outcome]) -> None:
    assert [o.name for o in template_labels.pure_flagged(rows)] == []


def test_cont001_on_mixed_messages_does_not_fall(rows: List[template_labels.Outcome]) -> None:
    hit, total = template_labels.mixed_recall(rows)
    assert total == 13
    assert hit >= MIXED_FOUND_AT_LEAST, [o.name for o in rows if o.mixed and not o.cont001]


def test_transactional_templates_called_promotional_do_not_rise(rows: List[template_labels.Outcome]) -> None:
    wrong = [o.name for o in rows if not o.borderline and o.label == "transactional" and o.got == "promotional"]
    assert len(wrong) <= TRANSACTIONAL_AS_PROMOTIONAL_AT_MOST, wrong
