"""Conversion between the compiled module's tuples and the dataclasses: reports
go back to it as tuples for formatting; it builds the results it returns
itself, from the classes registered here."""

from __future__ import annotations

from typing import Any, Tuple

from . import _core
from ._types import (
    AuthResult,
    Category,
    Finding,
    LimitHit,
    Location,
    Part,
    RelatedLocation,
    Report,
    RuleInfo,
    RuleOption,
    Severity,
    Span,
    _auth_tuple,
)

_SEVERITIES = (Severity.INFO, Severity.WARNING, Severity.ERROR)


# The compiled module builds the result objects itself (python/bindings/objects.hpp).
_core.set_result_types(
    {
        "Span": Span,
        "Location": Location,
        "RelatedLocation": RelatedLocation,
        "Finding": Finding,
        "Part": Part,
        "LimitHit": LimitHit,
        "Category": Category,
        "AuthResult": AuthResult,
        "Report": Report,
        "Severity": Severity,
    }
)


def _location_tuple(l: Location) -> Tuple[Any, ...]:
    decoded = (l.decoded.begin, l.decoded.end) if l.decoded is not None else None
    return (l.part, (l.raw.begin, l.raw.end), decoded, l.line, l.column)


def report_to_tuple(r: Report) -> Tuple[Any, ...]:
    findings = tuple(
        (
            f.rule,
            f.slug,
            int(f.severity),
            f.message,
            _location_tuple(f.location),
            tuple((_location_tuple(x.location), x.message) for x in f.related),
            tuple(f.properties),
        )
        for f in r.findings
    )
    parts = tuple(
        (
            p.path,
            p.body_path,
            p.parent,
            p.depth,
            p.content_type,
            p.charset,
            p.transfer_encoding,
            (p.header.begin, p.header.end),
            (p.body.begin, p.body.end),
            p.is_multipart,
            p.is_message,
        )
        for p in r.parts
    )
    limits = tuple((h.limit, h.value, _location_tuple(h.location)) for h in r.limits_hit)
    c = r.category
    category = (c.name, float(c.promotional), float(c.transactional), tuple(c.signals))
    authentication = tuple(_auth_tuple(a) for a in r.authentication)
    return (r.message_size, findings, parts, limits, r.truncated, category, authentication)


def rule_from_tuple(t: Tuple[Any, ...]) -> RuleInfo:
    rid, slug, severity, category, summary, clause, options = t
    return RuleInfo(
        rid,
        slug,
        _SEVERITIES[severity],
        category,
        summary,
        clause,
        tuple(RuleOption(*o) for o in options),
    )
