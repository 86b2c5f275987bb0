"""The content-category model against the labelled real templates of
../shared/testdata/email-templates (labels.json): a confusion matrix of
category agreement, with and without the BORDERLINE labels, and the
mixed-content rule (CONT001) on the mixed and the pure messages.

Run it to print the figures:
    python tests/python/template_labels.py [folder]
The test (test_template_categories.py) asserts the targets of issue 23.
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

import inboxlint

CATEGORIES = ("transactional", "promotional", "neutral")


@dataclass
class Outcome:
    name: str
    label: str
    got: str
    mixed: bool
    borderline: bool
    cont001: bool
    signals: List[str] = field(default_factory=list)


def outcomes(folder: pathlib.Path) -> List[Outcome]:
    labels: Dict[str, dict] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(labels):
        label = labels[name]
        report = inboxlint.lint_file(str(folder / name))
        out.append(
            Outcome(
                name=name,
                label=label["category"],
                got=report.category.name,
                mixed=bool(label["mixed"]),
                borderline=label.get("note", "").startswith("BORDERLINE"),
                cont001=bool(report.by_rule("CONT001")),
                signals=list(report.category.signals),
            )
        )
    return out


def matrix(rows: List[Outcome]) -> Counter:
    return Counter((o.label, o.got) for o in rows)


def agreement(rows: List[Outcome]) -> float:
    return sum(o.label == o.got for o in rows) / len(rows) if rows else 1.0


def mixed_recall(rows: List[Outcome]) -> Tuple[int, int]:
    mixed = [o for o in rows if o.mixed]
    return sum(o.cont001 for o in mixed), len(mixed)


def pure_flagged(rows: List[Outcome]) -> List[Outcome]:
    return [o for o in rows if not o.mixed and o.cont001]


def format_matrix(rows: List[Outcome], title: str) -> str:
    m = matrix(rows)
    width = max(len(c) for c in CATEGORIES) + 2
    lines = [f"{title}: {len(rows)} messages, agreement {100 * agreement(rows):.1f}%"]
    lines.append("label \\ model".ljust(16) + "".join(c.rjust(width) for c in CATEGORIES))
    for label in CATEGORIES:
        lines.append(label.ljust(16) + "".join(str(m[(label, got)]).rjust(width) for got in CATEGORIES))
    return "\n".join(lines)


def summary(rows: List[Outcome]) -> str:
    clear = [o for o in rows if not o.borderline]
    hit, total = mixed_recall(rows)
    parts = [
        format_matrix(clear, "not BORDERLINE"),
        format_matrix(rows, "all"),
        f"CONT001 on mixed: {hit} of {total}; on pure: {len(pure_flagged(rows))} of {len(rows) - total}",
    ]
    wrong = [o for o in rows if o.label != o.got or o.mixed != o.cont001]
    if wrong:
        parts.append("disagreements:")
        for o in wrong:
            tag = " BORDERLINE" if o.borderline else ""
            parts.append(
                f"  {o.name}: label {o.label}{' mixed' if o.mixed else ''}, model {o.got}"
                f"{' CONT001' if o.cont001 else ''}{tag}  [{', '.join(o.signals[:6])}]"
            )
    return "\n".join(parts)


if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parents[2]
    default = (here / ".." / "shared" / "testdata" / "email-templates").resolve()
    print(summary(outcomes(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default)))
