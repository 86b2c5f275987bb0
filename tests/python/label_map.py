"""How the kinds in ../shared/testdata/generated/labels.json map to rules.

One table, extended as rule families land. A kind maps to one or more
(rule id, required property) pairs; the kind counts as reported when any pair
matches a finding. Kinds not in the table are not checked yet.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

Match = Tuple[str, Optional[Tuple[str, str]]]

LABEL_RULES: Dict[str, List[Match]] = {
    "from.multiple": [("FROM001", None)],
    "message_id.missing": [("MID001", None)],
    "message_id.invalid": [("MID002", None), ("MID003", None)],
    "rfc5322.missing_date": [("MSG001", None)],
    "rfc5322.duplicate_subject": [("MSG003", ("field", "Subject"))],
    "rfc5322.line_too_long": [("MSG004", None)],
    "unsubscribe.missing": [("UNSUB001", None)],
    "unsubscribe.missing_one_click": [("UNSUB003", None), ("UNSUB004", None)],
    "unsubscribe.not_https": [("UNSUB003", ("scheme", "http"))],
    "unsubscribe.not_signed": [("UNSUB005", None)],
    "auth.misaligned": [("AUTH014", None)],
    "auth.weak_dkim_key": [("AUTH012", None)],
    "link.misleading": [("LINK001", None)],
    "idn.not_highly_restrictive": [("IDN002", None)],
    "html.hidden_content": [("HTML001", None), ("HTML002", None)],
    "html.hidden_preheader": [("HTML003", None)],
    "content.mixed_categories": [("CONT001", None)],
}


def reported(kind: str, findings) -> bool:  # type: ignore[no-untyped-def]
    for rule, prop in LABEL_RULES[kind]:
        for f in findings:
            if f.rule != rule:
                continue
            if prop is None or f.property(prop[0]) == prop[1]:
                return True
    return False
