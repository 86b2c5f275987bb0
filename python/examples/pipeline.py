"""A typed example of an ESP pipeline step: lint every message of a folder or
mbox on all cores, keep the reports of messages that must not be sent, and
write them as JSON lines.

    python python/examples/pipeline.py corpus/ blocked.jsonl
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Iterator, List, Tuple

import inboxlint
from inboxlint import Report, Severity


def messages(source: Path) -> Iterator[Tuple[str, bytes]]:
    if source.is_dir():
        return inboxlint.iter_dir(source)
    return inboxlint.iter_mbox(source)


def blocking(report: Report) -> bool:
    """Errors block sending; warnings and info only inform."""
    return report.max_severity() == Severity.ERROR


def main(argv: List[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, output = Path(argv[1]), Path(argv[2])
    config = inboxlint.Config(ignore=["MSG010"], severity={"FROM005": "info"})
    rules: Counter[str] = Counter()
    total = blocked = 0
    with output.open("w", encoding="utf-8") as out:
        for report in inboxlint.lint_many(messages(source), config):
            total += 1
            rules.update(f.rule for f in report.findings)
            if blocking(report):
                blocked += 1
                out.write(report.to_json() + "\n")
    print(f"{total} messages, {blocked} blocked; most frequent rules: {rules.most_common(5)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
