"""Per-rule rates on legitimate real mail: the share of messages with at least
one finding of each rule on the SpamAssassin ham folders and on the real
templates of ../shared/testdata (email-templates), plus the share of each
content category.

The committed snapshot (real_mail_rates.json) is what review compares with:
test_real_mail_rates.py fails when an error- or warning-level rule's rate on
these legitimate sets rises above it, so a new false positive shows up as a
failing test and updating the snapshot is a deliberate commit.

    python tests/python/real_mail_rates.py            # print the rates
    python tests/python/real_mail_rates.py --write    # rewrite the snapshot
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections import Counter
from typing import Dict, List

import inboxlint

HERE = pathlib.Path(__file__).resolve().parent
TESTDATA = (HERE.parents[1] / ".." / "shared" / "testdata").resolve()
SNAPSHOT = HERE / "real_mail_rates.json"

# Each set: its folders under TESTDATA. Files that are not messages are left out.
SETS: Dict[str, List[str]] = {
    "spamassassin-ham": [
        "spamassassin-public-corpus/easy-ham-1",
        "spamassassin-public-corpus/easy-ham-2",
        "spamassassin-public-corpus/hard-ham-1",
    ],
    "email-templates": ["email-templates"],
}
_NOT_MAIL = {"MANIFEST.tsv", "NOTICE", "README.md", "labels.json"}


def files(folders: List[str]) -> List[pathlib.Path]:
    out: List[pathlib.Path] = []
    for folder in folders:
        for path in sorted((TESTDATA / folder).iterdir()):
            if path.is_file() and path.name not in _NOT_MAIL and not path.name.startswith("LICENSE"):
                out.append(path)
    return out


def rates(folders: List[str]) -> dict:
    """{"messages": n, "rules": {id: {"severity": s, "share": x}}, "categories": {name: share}}"""
    paths = files(folders)
    with_rule: Counter = Counter()
    severity: Dict[str, str] = {}
    categories: Counter = Counter()
    for report in inboxlint.lint_many([str(p) for p in paths], workers=2):
        categories[report.category.name] += 1
        seen = set()
        for f in report.findings:
            if f.rule in seen:
                continue
            seen.add(f.rule)
            with_rule[f.rule] += 1
            # A rule's severity can depend on the finding; keep the highest seen.
            if f.rule not in severity or f.severity > inboxlint.Severity[severity[f.rule].upper()]:
                severity[f.rule] = f.severity.name.lower()
    n = len(paths)
    return {
        "messages": n,
        "rules": {
            rule: {"severity": severity[rule], "share": round(with_rule[rule] / n, 4)} for rule in sorted(with_rule)
        },
        "categories": {name: round(count / n, 4) for name, count in sorted(categories.items())},
    }


def measure() -> dict:
    return {name: rates(folders) for name, folders in SETS.items()}


def main(argv: List[str]) -> None:
    measured = measure()
    if "--write" in argv:
        SNAPSHOT.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name, r in measured.items():
        print(f"{name}: {r['messages']} messages; categories {r['categories']}")
        for rule, v in r["rules"].items():
            print(f"  {rule:9} {v['severity']:8} {100 * v['share']:6.2f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
