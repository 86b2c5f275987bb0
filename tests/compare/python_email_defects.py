"""Compares the defects Python's email package (policy.default) records on a
set of messages with what inboxlint reports, and lists the disagreements.

    python tests/compare/python_email_defects.py ../shared/testdata/spamassassin-public-corpus

For every message and every defect Python records (on the message, a part or
a header), the script checks whether inboxlint reported one of the rules that
cover that kind of problem (DEFECT_RULES). It prints, per defect kind, how
many times Python recorded it, how many of those inboxlint also reported, and
examples of the rest. Defect kinds mapped to None are deliberately not rules;
the reason is in the table.
"""

from __future__ import annotations

import collections
import email
import email.policy
import os
import sys
from typing import Dict, List, Optional, Sequence, Tuple

import inboxlint

# Python defect class -> inboxlint rules that report the same problem, or a
# reason (str) why inboxlint does not report it.
DEFECT_RULES: Dict[str, Sequence[str] | str] = {
    "MissingHeaderBodySeparatorDefect": ("MSG009", "MSG008", "MSG007"),
    "FirstHeaderLineIsContinuationDefect": ("MSG008",),
    # "From : x" in the header: Python takes it for an mbox envelope line.
    "MisplacedEnvelopeHeaderDefect": ("MSG008", "MSG007", "MSG010", "FROM001"),
    "NoBoundaryInMultipartDefect": ("MIME012",),
    "StartBoundaryNotFoundDefect": ("MIME012",),
    "CloseBoundaryNotFoundDefect": ("MIME013",),
    "MultipartInvariantViolationDefect": ("MIME012",),
    "InvalidMultipartContentTransferEncodingDefect": ("MIME005",),
    "UndecodableBytesDefect": ("MSG011", "MIME006", "MIME009"),
    "InvalidBase64PaddingDefect": ("MIME001",),
    "InvalidBase64CharactersDefect": ("MIME001",),
    "InvalidBase64LengthDefect": ("MIME001",),
    # Also found in the decoded text of an encoded word inside quotes, which
    # inboxlint does not decode but flags (MSG015).
    "NonPrintableDefect": ("MSG011", "MSG006", "MSG010", "FROM002", "SUBJ", "MSG015"),
    # Where Python accepts a construct as obsolete, inboxlint may judge it
    # invalid (a route-like "<list:;@host>" in To is no address at all).
    "ObsoleteHeaderDefect": ("MSG010", "MSG006", "FROM002", "MID002", "MID008", "MIME004"),
    "InvalidDateDefect": ("MSG013",),
    "NonASCIILocalPartDefect": "RFC 6532 allows UTF-8 local parts; inboxlint accepts them",
    "HeaderMissingRequiredValue": ("MSG006", "FROM002", "MID002", "MID008", "MIME004", "SUBJ"),
    "UndecodableBytesDefect (UTF-8)": "policy.default records every 8-bit header byte; these are valid UTF-8, "
    "which RFC 6532 allows (inboxlint reports bytes that are not UTF-8: MSG011)",
    "AttributeError": "Python's email package itself raises AttributeError reading these fields",
    "IndexError": "Python's email package itself crashes on 'Message-Id: <>' (inboxlint reports MID002)",
    "InvalidHeaderDefect": ("MSG006", "FROM002", "MID002", "MID003", "MID008", "MIME004", "MIME005",
                            "MSG010", "MSG011", "MSG013", "SUBJ", "MSG015"),
}


def header_is_utf8(data: bytes, name: str) -> bool:
    """Whether every field `name` in the raw message is valid UTF-8."""
    prefix = name.lower().encode("ascii", "replace") + b":"
    lines = [line for line in data.split(b"\n") if line.lower().startswith(prefix)]
    try:
        for line in lines:
            line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(lines)


def python_defects(data: bytes) -> List[Tuple[str, str]]:
    """(defect class, where) for every defect Python records."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    found: List[Tuple[str, str]] = []
    for part in msg.walk():
        found.extend((type(d).__name__, "message") for d in part.defects)
        for name in set(part.keys()):
            try:
                values = part.get_all(name) or []
            except Exception as e:  # the email package itself can fail on hostile headers
                found.append((type(e).__name__, name))
                continue
            for value in values:
                for d in getattr(value, "defects", ()):
                    kind = type(d).__name__
                    if kind == "UndecodableBytesDefect" and header_is_utf8(data, name):
                        kind += " (UTF-8)"
                    found.append((kind, name))
    return found


def covered(defect: str, rules: set) -> Optional[bool]:
    mapping = DEFECT_RULES.get(defect)
    if mapping is None or isinstance(mapping, str):
        return None
    return any(any(r.startswith(m) for r in rules) for m in mapping)


def main(folders: List[str]) -> int:
    seen: Dict[str, int] = collections.Counter()
    agreed: Dict[str, int] = collections.Counter()
    examples: Dict[str, List[str]] = collections.defaultdict(list)
    for folder in folders:
        for name, data in inboxlint.iter_dir(folder):
            rules = {f.rule for f in inboxlint.lint(data).findings}
            for defect, where in set(python_defects(data)):
                seen[defect] += 1
                verdict = covered(defect, rules)
                if verdict:
                    agreed[defect] += 1
                elif len(examples[defect]) < 5:
                    examples[defect].append(f"{os.path.relpath(name)} ({where})")
    print("| Python defect | recorded | inboxlint agrees | not reported, why |")
    print("|---|---:|---:|---|")
    for defect, count in seen.most_common():
        mapping = DEFECT_RULES.get(defect)
        why = mapping if isinstance(mapping, str) else ("unmapped" if mapping is None else "")
        print(f"| {defect} | {count} | {agreed[defect]} | {why} |")
    for defect, names in examples.items():
        if not isinstance(DEFECT_RULES.get(defect), str):
            print(f"\n{defect}, not reported by inboxlint, e.g.:")
            for n in names:
                print("  ", n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
