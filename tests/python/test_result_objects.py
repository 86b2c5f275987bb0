"""The compiled core builds the result objects itself (python/bindings/
objects.hpp), without the dataclasses' __init__: they must be
indistinguishable from the objects the constructors make."""

from __future__ import annotations

import dataclasses
import gc
import pickle
from typing import Any, List, Tuple

import pytest

import inboxlint
from conftest import CORPUS


def corpus_messages() -> List[Tuple[str, bytes]]:
    return [(str(p.relative_to(CORPUS)), p.read_bytes()) for p in sorted(CORPUS.rglob("*.eml"))]


def rebuilt(value: Any) -> Any:
    """The same value made by the constructors, field by field, all the way down."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: rebuilt(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return type(value)(**fields)
    if isinstance(value, tuple):
        return tuple(rebuilt(item) for item in value)
    return value


@pytest.fixture(scope="module")
def reports() -> List[inboxlint.Report]:
    """The corpus linted as configured by default, then under tight limits (LimitHit objects)."""
    tight = inboxlint.Config(limits=inboxlint.Limits(max_parts=2, max_html_nodes=10, max_findings_per_rule=1))
    return [r for config in (None, tight) for r in inboxlint.lint_many(corpus_messages(), config, workers=2)]


def test_the_corpus_exercises_every_kind_of_field(reports: List[inboxlint.Report]) -> None:
    findings = [f for r in reports for f in r.findings]
    assert any(f.related for f in findings)
    assert any(f.properties for f in findings)
    assert any(f.location.decoded is not None for f in findings)
    assert any(r.limits_hit for r in reports)
    assert any(r.category.signals for r in reports)


def test_objects_equal_and_hash_like_constructed_ones(reports: List[inboxlint.Report]) -> None:
    for report in reports:
        copy = rebuilt(report)
        assert copy == report, report.name
        assert hash(copy) == hash(report), report.name
        assert repr(copy) == repr(report)
        assert [repr(f) for f in copy.findings] == [repr(f) for f in report.findings]


def test_objects_hold_exactly_their_fields(reports: List[inboxlint.Report]) -> None:
    report = next(r for r in reports if r.findings and r.parts and r.limits_hit)
    samples = [report, report.findings[0], report.findings[0].location, report.findings[0].location.raw,
               report.parts[0], report.limits_hit[0], report.category]
    for obj in samples:
        assert set(vars(obj)) == {f.name for f in dataclasses.fields(obj)}, type(obj).__name__


def test_objects_stay_frozen_and_pickle(reports: List[inboxlint.Report]) -> None:
    report = next(r for r in reports if r.findings)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.findings[0].rule = "X"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.name = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(report)) == report


def test_severities_are_the_enum_members(reports: List[inboxlint.Report]) -> None:
    for finding in (f for r in reports for f in r.findings):
        assert finding.severity is inboxlint.Severity(int(finding.severity))


def test_findings_share_their_reports_source() -> None:
    name, data = corpus_messages()[0]
    for report in (inboxlint.lint(data, name=name), next(inboxlint.lint_many([(name, bytearray(data))]))):
        assert report.source == data and isinstance(report.source, bytes)
        assert report.name == name
        assert all(f.source is report.source for f in report.findings)


def test_lint_many_leaves_the_garbage_collector_as_it_found_it() -> None:
    messages = corpus_messages()[:20]
    assert gc.isenabled()
    assert len(list(inboxlint.lint_many(messages))) == len(messages)
    assert gc.isenabled()
    gc.disable()
    try:
        assert len(list(inboxlint.lint_many(messages))) == len(messages)
        assert not gc.isenabled()
    finally:
        gc.enable()
