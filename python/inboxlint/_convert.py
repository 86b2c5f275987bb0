"""Conversion between the compiled module's tuples and the dataclasses."""

from __future__ import annotations

from typing import Any, Optional, Tuple

from ._types import (
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
)

_SEVERITIES = (Severity.INFO, Severity.WARNING, Severity.ERROR)


def _location(t: Tuple[Any, ...]) -> Location:
    part, raw, decoded, line, column = t
    return Location(part, Span(*raw), Span(*decoded) if decoded is not None else None, line, column)


def finding_from_tuple(t: Tuple[Any, ...], source: Optional[bytes]) -> Finding:
    return _finding(t, source)


def _finding(t: Tuple[Any, ...], source: Optional[bytes]) -> Finding:
    rule, slug, severity, message, location, related, properties = t
    return Finding(
        rule,
        slug,
        _SEVERITIES[severity],
        message,
        _location(location),
        tuple(RelatedLocation(_location(loc), msg) for loc, msg in related),
        tuple(properties),
        source,
    )


def _part(t: Tuple[Any, ...]) -> Part:
    path, body_path, parent, depth, ctype, charset, cte, header, body, multipart, message = t
    return Part(path, body_path, parent, depth, ctype, charset, cte, Span(*header), Span(*body), multipart, message)


def report_from_tuple(t: Tuple[Any, ...], name: str, source: Optional[bytes]) -> Report:
    size, findings, parts, limits, truncated = t[:5]
    category = Category(t[5][0], t[5][1], t[5][2], tuple(t[5][3])) if len(t) > 5 else Category()
    return Report(
        size,
        tuple(_finding(f, source) for f in findings),
        tuple(_part(p) for p in parts),
        tuple(LimitHit(limit, value, _location(loc)) for limit, value, loc in limits),
        truncated,
        name,
        source,
        category,
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
    return (r.message_size, findings, parts, limits, r.truncated, category)


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
